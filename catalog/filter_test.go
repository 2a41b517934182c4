package catalog

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// readerMarks are a reader's marks on the real fixtures: one paper read,
// two bookmarked with tags and a note, one new.
func readerMarks() Marks {
	return Marks{
		Read:       map[string]bool{"0704.0004": true, "hep-th/9901001": true},
		Bookmarked: map[string]bool{"2511.05140": true, "1501.00001": true},
		New:        map[string]bool{"2511.05010": true},
		Library: query.NewLibrary([]query.Shelved{
			{ID: "2511.05140", Tags: []string{"To-Read", "Zyzzyva"}, Note: "compare with the Koszul dual"},
			{ID: "1501.00001", Tags: []string{"games"}},
		}),
		Gen: 1,
	}
}

// Each qualifier on a snapshot finds what a reader expects, or says why
// it cannot: never an empty list or the whole one without a word.
func TestSnapshotAnswersEveryQualifier(t *testing.T) {
	c := final(load(t, writeFile(t, fixtures(t)), ""))
	marks := readerMarks()
	all := func(except ...string) []string {
		var out []string
		for i := range c.Len() {
			if !slices.Contains(except, c.ID(i)) {
				out = append(out, c.ID(i))
			}
		}
		return out
	}
	for _, tc := range []struct {
		query string
		want  []string
		hint  string
	}{
		{"is:read", []string{"0704.0004", "hep-th/9901001"}, ""},
		{"is:unread cat:math.CO", []string{"0704.0002", "0704.0010", "0704.0002", "2511.05422"}, ""},
		{"-is:read", all("0704.0004", "hep-th/9901001"), ""},
		{"is:bookmarked", []string{"1501.00001", "2511.05140"}, ""},
		{"is:new", []string{"2511.05010"}, ""},
		{"#to-read", []string{"2511.05140"}, ""},
		{`tag:"to read"`, []string{"2511.05140"}, ""},
		{"#TO", []string{"2511.05140"}, ""}, // a tag being typed
		{"-#games cat:cs", []string{"0704.0002", "0704.0002"}, ""},
		{"-tag:games cat:cs.GT", []string{}, ""},
		{"#rl", []string{}, `no bookmark is tagged "rl"`},
		{"note:koszul", []string{"2511.05140"}, ""},
		{"zyzzyva", []string{"2511.05140"}, ""},              // a word of a tag matches like a title word
		{"koszul", []string{"2511.05140"}, ""},               // the title, and the note
		{"-zyzzyva cat:math.RA", []string{"2511.05117"}, ""}, // negated, through the tag too
		{"author:streinu", []string{"0704.0002", "0704.0002"}, ""},
		{"author:sparsity", []string{}, ""}, // a title word is not an author
		{"-author:balazs calculation", []string{}, ""},
		{"balazs", []string{"0704.0001", "0704.0001"}, ""}, // accents fold as in every listing
		{"-sparsity -string", all("0704.0002", "hep-th/9901001"), ""},
		{"-cat:math cat:math-ph", []string{}, ""}, // its other categories are math.*
		{"cat:acc -cat:physics.acc-ph", []string{}, ""},
		{"up:>10", all(), "up: — a snapshot has no upvotes"},
		{"has:code graph", []string{"0704.0002", "0704.0002", "2511.05422"}, "has:code — a snapshot has no code links"},
		{"org:mit", all(), "org: — a snapshot has no organisations"},
		{"listed:new", all(), "listed: — a snapshot has no arXiv listing"},
		{"cat:nope", []string{}, "cat:nope — no paper has that category"},
		{"llama:3", []string{}, "llama: is not a qualifier; try tag: note: org: author: cat: is: has: up: listed:"},
	} {
		q := c.ParseQuery(tc.query, marks.Library)
		var marked *Marked
		if NeedsMarks(q, marks) {
			marked = c.Mark(context.Background(), marks, nil)
		}
		var got []string
		for _, i := range c.Filter(context.Background(), q, marked) {
			got = append(got, c.ID(int(i)))
		}
		if got == nil {
			got = []string{}
		}
		if !slices.Equal(got, tc.want) || q.Hint != tc.hint {
			t.Errorf("%q: %v (hint %q), want %v (hint %q)", tc.query, got, q.Hint, tc.want, tc.hint)
		}
	}
}

// With nobody's marks, is:unread is every paper and is:read none: the
// reader has read nothing yet.
func TestSnapshotMarksOfNobody(t *testing.T) {
	c := final(load(t, writeFile(t, fixtures(t)), ""))
	for q, want := range map[string]int{"is:unread": c.Len(), "is:read": 0, "#rl": 0, "note:x": 0} {
		pq := c.ParseQuery(q, nil)
		if got := len(c.Filter(context.Background(), pq, c.Mark(context.Background(), Marks{}, nil))); got != want {
			t.Errorf("%q without marks: %d papers, want %d", q, got, want)
		}
	}
}

// Marks resolved for a catalog still loading are resolved again, for the
// papers added only, when a longer one arrives.
func TestMarkGrowsWithTheCatalog(t *testing.T) {
	ups := load(t, generated(t, 5000), "")
	last := final(ups)
	marks := Marks{Read: map[string]bool{last.ID(3): true, last.ID(4990): true}, Gen: 7}
	var prev *Marked
	for _, u := range ups {
		prev = u.Catalog.Mark(context.Background(), marks, prev)
	}
	got := last.Filter(context.Background(), last.ParseQuery("is:read", nil), prev)
	if !slices.Equal(got, []uint32{3, 4990}) {
		t.Errorf("is:read after growing: %v", got)
	}
	if again := last.Mark(context.Background(), marks, prev); again != prev {
		t.Error("the same marks on the same catalog were resolved again")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if m := last.Mark(ctx, Marks{Read: marks.Read, Gen: 8}, nil); m != nil {
		t.Error("a cancelled Mark gave an answer")
	}
}

// The catalog and the reader's filter (ui/filter) answer a query the same
// on the same papers: the catalog's rows given to the reader's index, the
// same marks, tags and notes, queries typed key by key.
func TestCatalogAgreesWithTheReadersFilter(t *testing.T) {
	for _, path := range []string{writeFile(t, fixtures(t)), generated(t, 2500)} {
		c := final(load(t, path, ""))
		papers := make([]model.Paper, c.Len())
		for i := range papers {
			papers[i] = c.Brief(i)
			papers[i].Keywords = []string{c.ID(i)} // the catalog's words include the id's
		}
		ix := filter.New(papers)
		rng := rand.New(rand.NewPCG(uint64(c.Len()), 3))
		marks, readerMarks := oracleMarks(c, rng)
		queries := oracleQueries(c, rng)
		var last *query.Query
		var lastMatches []uint32
		var lastMarked *Marked
		for _, text := range queries {
			q := c.ParseQuery(text, marks.Library)
			marked := c.Mark(context.Background(), marks, lastMarked)
			got := c.Filter(context.Background(), q, marked)
			if last != nil && q.Narrows(last) {
				if within := c.FilterWithin(context.Background(), q, marked, lastMatches); !slices.Equal(within, got) {
					t.Errorf("%q from the last key's matches: %d papers, whole %d", text, len(within), len(got))
				}
			}
			last, lastMatches, lastMarked = q, got, marked
			res := ix.Query(text, nil, readerMarks)
			want := make([]uint32, len(res.Matches))
			for i, m := range res.Matches {
				want[i] = uint32(m)
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s: %q: the catalog finds %d papers, the reader's filter %d", path, text, len(got), len(want))
			}
			if (q.Hint == "") != (res.Hint == "") {
				t.Errorf("%q: the catalog hints %q, the reader's filter %q", text, q.Hint, res.Hint)
			}
		}
	}
}

func oracleMarks(c *Catalog, rng *rand.Rand) (Marks, filter.Marks) {
	read, marked, fresh := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var shelf []query.Shelved
	tags := []string{"rl", "To-Read", "theory", "graph-nets"}
	notes := []string{"compare with the baseline", "reread the proof", ""}
	for i := range c.Len() {
		id := c.ID(i)
		read[id] = rng.IntN(4) == 0
		fresh[id] = rng.IntN(6) == 0
		if rng.IntN(5) == 0 {
			marked[id] = true
			shelf = append(shelf, query.Shelved{ID: id, Tags: []string{tags[rng.IntN(len(tags))]}, Note: notes[rng.IntN(len(notes))]})
		}
	}
	lib := query.NewLibrary(shelf)
	return Marks{Read: read, Bookmarked: marked, New: fresh, Library: lib, Gen: 1},
		filter.Marks{Read: func(id string) bool { return read[id] }, Bookmarked: func(id string) bool { return marked[id] },
			New: func(id string) bool { return fresh[id] }, Library: lib}
}

// oracleQueries are queries typed key by key: words of the titles and the
// authors, and every qualifier, negated or not.
func oracleQueries(c *Catalog, rng *rand.Rand) []string {
	var words, cats []string
	for i := range c.Len() {
		for _, w := range query.Words(c.Title(i) + " " + c.Authors(i)) {
			if len(w) > 2 && w != "more" && strings.Trim(w, "0123456789") != "" {
				words = append(words, w)
			}
		}
		cats = append(cats, c.Categories(i)...)
	}
	parts := []func() string{
		func() string { return words[rng.IntN(len(words))] },
		func() string { return "-" + words[rng.IntN(len(words))] },
		func() string { return "author:" + words[rng.IntN(len(words))] },
		func() string { return "cat:" + cats[rng.IntN(len(cats))] },
		func() string { return "-cat:" + strings.Split(cats[rng.IntN(len(cats))], ".")[0] },
		func() string {
			return []string{"is:read", "is:unread", "-is:new", "is:bookmarked", "-is:bookmarked"}[rng.IntN(5)]
		},
		func() string {
			return []string{"#rl", "#to-read", `tag:"to read"`, "-tag:theory", "#graph"}[rng.IntN(5)]
		},
		func() string { return []string{"note:comp", "-note:reread", "note:proof"}[rng.IntN(3)] },
		func() string { return []string{"up:>3", "org:mit", "has:code", "listed:new"}[rng.IntN(4)] },
	}
	var out []string
	for range 60 {
		var typed []string
		for range 1 + rng.IntN(3) {
			typed = append(typed, parts[rng.IntN(len(parts))]())
		}
		full := strings.Join(typed, " ")
		for n := 1; n <= len(full); n++ {
			out = append(out, full[:n])
		}
		out = append(out, fmt.Sprint(full, " ", words[rng.IntN(len(words))][:2]))
	}
	return out
}
