package catalog

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// An abstract search (ctrl+a) on a snapshot finds what the reader's
// filter finds in abstract mode on the same papers, abstracts read from
// the file: real records and a generated catalog, words from abstracts.
func TestAbstractSearchAgreesWithTheReadersFilter(t *testing.T) {
	for _, path := range []string{writeFile(t, fixtures(t)), generated(t, 2500)} {
		c := final(load(t, path, ""))
		papers := wholePapers(t, c, path)
		ix := filter.New(papers)
		rng := rand.New(rand.NewPCG(uint64(c.Len()), 5))
		marks, readerMarks := oracleMarks(c, rng)
		var words []string
		for _, p := range papers {
			for _, w := range query.Words(p.Summary) {
				if len(w) > 3 {
					words = append(words, w)
				}
			}
		}
		all := make([]uint32, c.Len())
		for i := range all {
			all[i] = uint32(i)
		}
		found := 0
		for n := range 80 {
			text := words[rng.IntN(len(words))]
			switch n % 4 {
			case 1:
				text += " " + words[rng.IntN(len(words))][:3]
			case 2:
				text = "is:unread " + text + " -" + words[rng.IntN(len(words))]
			case 3:
				text = "cat:" + c.Categories(rng.IntN(c.Len()))[0] + " " + text
			}
			q := c.ParseQuery(text, marks.Library)
			got, err := c.FilterAbstracts(context.Background(), q, c.Mark(context.Background(), marks, nil), all)
			if err != nil {
				t.Fatal(err)
			}
			res, err := ix.Search(context.Background(), filter.Request{Query: text, Abstracts: true, Marks: readerMarks}, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := make([]uint32, len(res.Matches))
			for i, m := range res.Matches {
				want[i] = uint32(m)
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%q: the catalog finds %d papers in abstracts, the reader's filter %d", text, len(got), len(want))
			}
			if plain := c.Filter(context.Background(), q, c.Mark(context.Background(), marks, nil)); len(plain) < len(got) {
				found++
			}
		}
		if found < 20 {
			t.Errorf("%s: only %d of 80 queries found more in abstracts: the test tests little", path, found)
		}
	}
}

// wholePapers are the catalog's papers as the reader's filter would hold
// them: the catalog's row (its author line, its id as a word) and the
// abstract of the file.
func wholePapers(t *testing.T, c *Catalog, path string) []model.Paper {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var out []model.Paper
	for sc.Scan() {
		p, err := feed.ParseArxivMetaLine(sc.Bytes())
		if err != nil {
			continue
		}
		i := len(out)
		b := c.Brief(i)
		b.Summary, b.Keywords = p.Summary, []string{c.ID(i)}
		out = append(out, b)
	}
	if len(out) != c.Len() {
		t.Fatalf("%d papers read, the catalog has %d", len(out), c.Len())
	}
	return out
}

func TestAbstractSearchIsCancelledAndNoticesAChangedFile(t *testing.T) {
	path := writeFile(t, fixtures(t))
	c := final(load(t, path, ""))
	q := c.ParseQuery("photon", nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, err := c.FilterAbstracts(ctx, q, nil, []uint32{0, 1, 2}); err == nil || got != nil {
		t.Errorf("cancelled: %v, %v", got, err)
	}
	if err := os.WriteFile(path, []byte("{}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := c.FilterAbstracts(context.Background(), q, nil, []uint32{0, 1, 2}); err == nil || !strings.Contains(err.Error(), "reload") {
		t.Errorf("a changed file: %v", err)
	}
}

// foldJSONString gives the words query.Words gives for the decoded
// string, whatever its escapes.
func FuzzFoldJSONString(f *testing.F) {
	for _, s := range []string{"Rafał Müller's\nproof of ß", "x—y ﬁne <b>", "e\u0301t\u00e9 😀 İstanbul", "a\\b\"c/d", "\ud7ff\uffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		plain, err := json.Marshal(s)
		if err != nil {
			t.Skip()
		}
		var decoded string
		if err := json.Unmarshal(plain, &decoded); err != nil {
			t.Fatal(err)
		}
		// A compatibility character may fold to a space ("ͺ"): the words
		// are what is left between spaces.
		want := strings.Fields(strings.Join(query.Words(decoded), " "))
		for _, raw := range [][]byte{plain, asciiJSON(decoded)} {
			if got := strings.Fields(string(foldJSONString(nil, raw))); !slices.Equal(got, want) && len(got)+len(want) > 0 {
				t.Errorf("%s: %q, want %q", raw, got, want)
			}
			for _, w := range want { // a word there, or its start, is never ruled out
				if ruledOut(raw, []byte(w)) || ruledOut(raw, []byte(w[:1])) {
					t.Errorf("%s: %q ruled out", raw, w)
				}
			}
		}
	})
}

// asciiJSON is s as a JSON string with every other character escaped,
// surrogate pairs included.
func asciiJSON(s string) []byte {
	b := []byte{'"'}
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r < 0x20 || r >= utf8.RuneSelf:
			if r1, r2 := utf16.EncodeRune(r); r1 != utf8.RuneError {
				b = fmt.Appendf(b, `\u%04x\u%04x`, r1, r2)
			} else {
				b = fmt.Appendf(b, `\u%04X`, r)
			}
		default:
			b = append(b, byte(r))
		}
	}
	return append(b, '"')
}

func TestRuledOutOnlyWhatCannotBeThere(t *testing.T) {
	for _, tc := range []struct {
		raw, w string
		out    bool
	}{
		{`"Spatiotemporal models"`, "spatio", false},
		{`"a SPATIOTEMPORAL model"`, "spatiot", false},
		{`"no such word\nhere"`, "spatio", true},
		{`"caf\u00e9 society"`, "cafe", false}, // an escape: folding decides
		{`"café society"`, "cafe", false},      // not plain ASCII: folding decides
		{`"sssss"`, "ssst", true},
		{`"xSsSt"`, "ssst", false},
	} {
		if got := ruledOut([]byte(tc.raw), []byte(tc.w)); got != tc.out {
			t.Errorf("ruledOut(%s, %q) = %v", tc.raw, tc.w, got)
		}
	}
}

func TestStringFieldFindsTheKeyNotAQuote(t *testing.T) {
	line := []byte(`{"id":"1","title":"On \"abstract\":\"x\" keys","abstract":"  the \"real\" one","versions":[]}`)
	if got := string(stringField(line, abstractKey)); got != `"  the \"real\" one"` {
		t.Errorf("stringField = %s", got)
	}
	if got := string(stringField([]byte(`{"abstract":"ends in \\\\","id":"1"}`), abstractKey)); got != `"ends in \\\\"` {
		t.Errorf("an escaped backslash before the closing quote: %s", got)
	}
	if stringField([]byte(`{"id":"1","abstract":null}`), abstractKey) != nil || stringField([]byte(`{"id":"1"}`), abstractKey) != nil {
		t.Error("no abstract, yet one")
	}
}

// An abstract search in small steps finds what one whole search finds,
// in file order, with its progress rising to the end; within a narrower
// list it searches only those papers.
func TestAbstractSearchInSteps(t *testing.T) {
	c := final(load(t, generated(t, 3000), ""))
	q := c.ParseQuery("the mod", nil)
	all := make([]uint32, c.Len())
	for i := range all {
		all[i] = uint32(i)
	}
	want, err := c.FilterAbstracts(context.Background(), q, nil, all)
	if err != nil || len(want) == 0 || len(want) == c.Len() {
		t.Fatalf("whole: %d of %d, %v", len(want), c.Len(), err)
	}
	for _, within := range [][]uint32{nil, all[1000:1400]} {
		s := c.SearchAbstracts(q, nil, within)
		steps, last := 0, 0.0
		for done := false; !done; steps++ {
			if done, err = s.Next(context.Background(), 64<<10); err != nil {
				t.Fatal(err)
			}
			if p := s.Progress(); p <= last || p > 1 {
				t.Fatalf("progress %v after %v", p, last)
			} else {
				last = p
			}
		}
		expect := want
		if within != nil {
			expect = slices.DeleteFunc(slices.Clone(want), func(i uint32) bool { return i < 1000 || i >= 1400 })
		}
		if !slices.Equal(s.Found(), expect) || steps < 3 || last != 1 {
			t.Errorf("within %d: in %d steps %d found, want %d", len(within), steps, len(s.Found()), len(expect))
		}
	}
}

// author: in abstract mode reads every author from the file: the catalog
// holds the first three ("C. Balázs, E. L. Berger, P. M. Nadolsky +1
// more"), the fourth is C.-P. Yuan; TeX accents read as in the first three.
func TestAbstractModeReadsEveryAuthor(t *testing.T) {
	c := final(load(t, writeFile(t, fixtures(t)), ""))
	all := make([]uint32, c.Len())
	for i := range all {
		all[i] = uint32(i)
	}
	ids := func(got []uint32) []string {
		var out []string
		for _, i := range got {
			out = append(out, c.ID(int(i)))
		}
		return out
	}
	for text, want := range map[string][]string{
		"author:yuan":            {"0704.0001", "0704.0001", "2511.05010"}, // Hang Yuan, the second of two
		"author:yuan diphoton":   {"0704.0001", "0704.0001"},
		"author:yuan author:bal": {"0704.0001", "0704.0001"},
		"author:balazs":          {"0704.0001", "0704.0001"},
		"author:yuan -diphoton":  {"2511.05010"},
		"author:streinu":         {"0704.0002", "0704.0002"},
		"author:theran author:x": nil, // two authors: nothing left out to read
	} {
		q := c.ParseQuery(text, nil)
		got, err := c.FilterAbstracts(context.Background(), q, nil, all)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), want) {
			t.Errorf("%q with ctrl+a: %v, want %v", text, ids(got), want)
		}
	}
	if got := ids(c.Filter(context.Background(), c.ParseQuery("author:yuan", nil), nil)); !slices.Equal(got, []string{"2511.05010"}) {
		t.Errorf("author:yuan without ctrl+a sees only the first three authors: %v", got)
	}
}
