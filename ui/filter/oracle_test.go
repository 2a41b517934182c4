package filter

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
)

// oracle is the filter written the obvious way, paper by paper: what the
// index must agree with.
type oracle struct {
	papers []model.Paper
	docs   []oracleDoc
	shelf  map[string]Shelved // the bookmarks' tags and notes
	tags   []string           // every tag key
}

type oracleDoc struct{ title, all, org, authors, abs []string }

func newOracle(papers []model.Paper, shelf ...Shelved) *oracle {
	o := &oracle{papers: papers, docs: make([]oracleDoc, len(papers)), shelf: map[string]Shelved{}}
	for i, p := range papers {
		d := &o.docs[i]
		d.title = query.Words(p.Title)
		for _, a := range p.Authors {
			d.authors = append(d.authors, query.Words(a)...)
		}
		d.org = append(query.Words(p.Organization), orgInitials(p.Organization)...)
		d.all = append(append(append([]string{}, d.title...), d.authors...), query.Words(p.Organization)...)
		for _, k := range p.Keywords {
			d.all = append(d.all, query.Words(k)...)
		}
		d.abs = append(query.Words(p.Summary), query.Words(p.AISummary)...)
	}
	for _, sh := range shelf {
		o.shelf[sh.ID] = sh
		for _, t := range sh.Tags {
			if k := query.TagKey(t); k != "" && !slices.Contains(o.tags, k) {
				o.tags = append(o.tags, k)
			}
		}
	}
	return o
}

// tagged reports whether the paper carries a tag tag:value means: the tag
// of that name if there is one, else any tag starting with value.
func (o *oracle) tagged(id, value string) bool {
	exact := slices.Contains(o.tags, value)
	for _, t := range o.shelf[id].Tags {
		k := query.TagKey(t)
		if k == value || !exact && k != "" && strings.HasPrefix(k, value) {
			return true
		}
	}
	return false
}

func (o *oracle) filter(text string, abstracts bool, marks Marks) []int {
	q := query.Parse(text)
	type hit struct{ tier, up, pos int }
	var hits []hit
	for i, p := range o.papers {
		d := &o.docs[i]
		sh := o.shelf[p.ID]
		note := query.Words(sh.Note)
		var mine []string // words of the tags and the note
		for _, t := range sh.Tags {
			mine = append(mine, query.Words(t)...)
		}
		mine = append(mine, note...)

		ok := true
		inTitle := 0
		for _, t := range q.Terms {
			if anyPrefix(d.title, t) {
				inTitle++
			}
			ok = ok && (anyPrefix(d.all, t) || anyPrefix(mine, t) || abstracts && anyPrefix(d.abs, t))
		}
		for _, w := range q.Org {
			ok = ok && anyPrefix(d.org, w)
		}
		for _, w := range q.Author {
			ok = ok && anyPrefix(d.authors, w)
		}
		for _, w := range q.Note {
			ok = ok && anyPrefix(note, w)
		}
		for _, t := range q.Tags {
			ok = ok && o.tagged(p.ID, t)
		}
		for _, g := range q.Not {
			all := true
			for _, w := range g.Words {
				switch g.Kind {
				case query.WordGroup:
					all = all && (anyPrefix(d.all, w) || anyPrefix(mine, w))
				case query.OrgGroup:
					all = all && anyPrefix(d.org, w)
				case query.AuthorGroup:
					all = all && anyPrefix(d.authors, w)
				case query.NoteGroup:
					all = all && anyPrefix(note, w)
				case query.TagGroup:
					all = all && o.tagged(p.ID, w)
				}
			}
			ok = ok && !all
		}
		has := map[query.Flag]bool{
			query.HasCode:      p.HasCode(),
			query.IsRead:       marks.Read != nil && marks.Read(p.ID),
			query.IsBookmarked: marks.Bookmarked != nil && marks.Bookmarked(p.ID),
			query.IsNew:        marks.New != nil && marks.New(p.ID),
		}
		for f, yes := range has {
			ok = ok && (q.Need&f == 0 || yes) && (q.Shun&f == 0 || !yes)
		}
		ok = ok && p.Upvotes >= q.UpMin && p.Upvotes <= q.UpMax
		if !ok {
			continue
		}
		tier := 2
		switch {
		case len(q.Terms) == 0:
		case inTitle == len(q.Terms):
			tier = 0
		case inTitle > 0:
			tier = 1
		}
		up := p.Upvotes
		if len(q.Terms) == 0 {
			up = 0
		}
		hits = append(hits, hit{tier, up, i})
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.tier != b.tier {
			return a.tier - b.tier
		}
		return b.up - a.up
	})
	out := make([]int, len(hits))
	for i, h := range hits {
		out[i] = h.pos
	}
	return out
}

func anyPrefix(ws []string, p string) bool {
	for _, w := range ws {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// typed lists what a user types, one key at a time, backspaces included.
var typed = []string{
	"flow matching",
	"diffusion model",
	"has:code agent",
	"org:meta llama 3",
	"up:>20 vision",
	"author:chen lang",
	"is:unread multi",
	"is:bookmarked rea",
	"reasoning\b\b\b\b\b\b\bvideo gen",
	"ll\bm model",
	"up:>5 up:<50 token",
	"mask has:code",
	"tag:rl flow",
	"#to rea\b\b\bread model",
	"-has:code model",
	"-is:read agent",
	"diff -tag:rl",
	"note:comp",
	"is:new vis",
	"org:mit lang",
	"org:sj",
	"-org:un -author:chen lang",
	"rl",
	"compare",
	"-is:new -is:bookmarked -tag:rlhf",
}

// keystrokes turns "ab\bc" into "a", "ab", "a", "ac".
func keystrokes(s string) []string {
	var out []string
	var cur []rune
	for _, r := range s {
		if r == '\b' {
			cur = cur[:max(0, len(cur)-1)]
		} else {
			cur = append(cur, r)
		}
		out = append(out, string(cur))
	}
	return out
}

func testMarks(shelf ...Shelved) Marks {
	return Marks{
		Read:       func(id string) bool { return id[len(id)-1]%3 == 0 },
		Bookmarked: func(id string) bool { return id[len(id)-1]%7 == 0 },
		New:        func(id string) bool { return id[len(id)-1]%5 == 1 },
		Library:    NewLibrary(shelf),
	}
}

// testShelf tags and annotates some of papers, as a reader would.
func testShelf(papers []model.Paper) []Shelved {
	var out []Shelved
	for i, p := range papers {
		var sh Shelved
		if i%9 == 0 {
			sh.Tags = append(sh.Tags, "rl")
		}
		if i%13 == 0 {
			sh.Tags = append(sh.Tags, "RLHF", "To Read")
		}
		if i%17 == 0 {
			sh.Note = "compare with the baseline; model card"
		}
		if sh.Tags != nil || sh.Note != "" {
			sh.ID = p.ID
			out = append(out, sh)
		}
	}
	return out
}

func TestIndexAgreesWithTheObviousFilterAsUsersType(t *testing.T) {
	papers := corpus.Generate(3000, 11)
	ix := New(papers)
	shelf := testShelf(papers)
	o := newOracle(papers, shelf...)
	marks := testMarks(shelf...)
	reused := 0
	for _, s := range typed {
		var prev *Result
		for _, q := range keystrokes(s) {
			res := ix.Query(q, prev, marks)
			want := o.filter(q, false, marks)
			if !slices.Equal(res.Matches, want) {
				t.Fatalf("%q (after %q): %d matches, want %d; first %v, want %v", q, prevQuery(prev), len(res.Matches), len(want), head(res.Matches), head(want))
			}
			scratch := ix.Query(q, nil, marks)
			if !slices.Equal(res.Matches, scratch.Matches) {
				t.Fatalf("%q: typed and from scratch differ", q)
			}
			if res.reused {
				reused++
			}
			prev = res
		}
	}
	if reused < 50 {
		t.Errorf("only %d keystrokes searched the previous matches", reused)
	}
}

func TestExtendingSearchesOnlyThePreviousMatches(t *testing.T) {
	ix := New(corpus.Generate(500, 3))
	prev := ix.Query("flow", nil, Marks{})
	for _, tt := range []struct {
		q     string
		reuse bool
	}{
		{"flow m", true}, {"flowm", true}, {"flow has:code", true}, {"flo", false}, {"flow", true},
		{"mat flow", true}, {"fl", false}, {"flow up:>3", true},
	} {
		if got := ix.Query(tt.q, prev, Marks{}).reused; got != tt.reuse {
			t.Errorf("%q after %q: reused %v, want %v", tt.q, prev.Query, got, tt.reuse)
		}
	}
	up := ix.Query("flow up:>3", nil, Marks{})
	if ix.Query("flow up:>2", up, Marks{}).reused || !ix.Query("flow up:>9", up, Marks{}).reused {
		t.Error("a looser up: must search everything again, a stricter one need not")
	}
	marks := testMarks()
	unread := ix.Query("is:unread", nil, marks)
	marks.Gen++
	if ix.Query("is:unread f", unread, marks).reused {
		t.Error("is: results reused after the read marks changed")
	}
	abs, _ := ix.Search(context.Background(), Request{Query: "flow", Abstracts: true}, nil)
	if ix.Query("flow m", abs, Marks{}).reused != true {
		t.Error("an abstract search's matches hold every title match: reusable")
	}
	if r, _ := ix.Search(context.Background(), Request{Query: "flow m", Abstracts: true}, prev); r.reused {
		t.Error("a title-only result cannot narrow an abstract search")
	}
}

func TestAbstractSearchAgreesWithTheObviousFilter(t *testing.T) {
	papers := corpus.Generate(1500, 5)
	ix := New(papers)
	o := newOracle(papers)
	for _, s := range []string{"contrastive learn", "we pro", "has:code bench", "robot\b\b\b\bscal"} {
		var prev *Result
		for _, q := range keystrokes(s) {
			res, err := ix.Search(context.Background(), Request{Query: q, Abstracts: true}, prev)
			if err != nil {
				t.Fatal(err)
			}
			if want := o.filter(q, true, Marks{}); !slices.Equal(res.Matches, want) {
				t.Fatalf("abstracts %q: %d matches, want %d", q, len(res.Matches), len(want))
			}
			prev = res
		}
	}
}

func TestIndexBuiltInBatchesEqualsIndexBuiltAtOnce(t *testing.T) {
	defer func(n int) { segmentSize = n }(segmentSize)
	segmentSize = 1000
	papers := corpus.Generate(2500, 9) // several segments
	whole := New(papers)
	var grown *Index = New(nil)
	var early *Result
	for start := 0; start < len(papers); start += 300 {
		grown = grown.Extend(papers[start:min(start+300, len(papers))])
		if early == nil {
			early = grown.Query("diffusion", nil, Marks{})
		}
	}
	if grown.Len() != len(papers) || len(grown.segs) < 2 {
		t.Fatalf("grown index: %d papers in %d segments", grown.Len(), len(grown.segs))
	}
	for _, q := range []string{"diffusion", "flow ma", "has:code", "org:meta model", "", "up:>30 agent"} {
		a, b := whole.Query(q, nil, Marks{}), grown.Query(q, nil, Marks{})
		if !slices.Equal(a.Matches, b.Matches) {
			t.Errorf("%q: built at once %d matches, in batches %d", q, len(a.Matches), len(b.Matches))
		}
	}
	// A result from before the last batches narrows the grown index too:
	// the old segments from its matches, the new ones in full.
	late := grown.Query("diffusion mod", early, Marks{})
	if want := newOracle(papers).filter("diffusion mod", false, Marks{}); !slices.Equal(late.Matches, want) {
		t.Errorf("narrowing across batches: %d matches, want %d", len(late.Matches), len(want))
	}
}

func TestConcurrentQueries(t *testing.T) {
	papers := corpus.Generate(2000, 4)
	ix := New(papers)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			var prev *Result
			for _, q := range keystrokes(typed[g]) {
				res, err := ix.Search(context.Background(), Request{Query: q, Abstracts: g%2 == 0, Marks: testMarks()}, prev)
				if err != nil {
					t.Error(err)
					return
				}
				prev = res
			}
		})
	}
	wg.Wait()
}

func TestRandomQueries(t *testing.T) {
	papers := corpus.Generate(800, 2)
	ix := New(papers)
	shelf := testShelf(papers)
	o := newOracle(papers, shelf...)
	marks := testMarks(shelf...)
	r := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"a", "fl", "mo", "l", "agent", "x", "3", "has:code", "up:>10", "up:<3", "org:un", "author:a", "is:read", "rea", "vi", "tr",
		"tag:rl", "#r", "#to", "-tag:rl", "note:comp", "-note:base", "is:new", "-is:new", "-has:code", "-is:read", "-is:bookmarked",
		"org:mit", "org:u", "-org:un", "-a", "-model", "-author:a", "comp", "rlhf"}
	for range 300 {
		var parts []string
		for range 1 + r.IntN(3) {
			parts = append(parts, vocab[r.IntN(len(vocab))])
		}
		q := strings.Join(parts, " ")
		if got, want := ix.Query(q, nil, marks).Matches, o.filter(q, false, marks); !slices.Equal(got, want) {
			t.Fatalf("%q: %d matches, want %d", q, len(got), len(want))
		}
	}
}

func prevQuery(r *Result) string {
	if r == nil {
		return "nothing"
	}
	return r.Query
}

func head(m []int) string { return fmt.Sprint(m[:min(len(m), 8)]) }

func FuzzQuery(f *testing.F) {
	ix := New(shelf())
	for _, s := range []string{"flow", `org:"google deep`, "up:>-1", "up:99999999999999999999", "is:", "ł\u0301 ÿ", "has:code up:1..0", `"":""`,
		"-", "-#", "#r -tag:", `-note:"com`, "--flow", "-is:new -has:code", "org:mit -org:m"} {
		f.Add(s)
	}
	marks := testMarks(shelfLibrary()...)
	f.Fuzz(func(t *testing.T, q string) {
		res := ix.Query(q, nil, marks)
		seen := map[int]bool{}
		for _, m := range res.Matches {
			if m < 0 || m >= ix.Len() || seen[m] {
				t.Fatalf("%q: bad or repeated position %d", q, m)
			}
			seen[m] = true
		}
	})
}
