package filter

import (
	"context"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
)

// shelf is a listing small enough to know every answer by heart.
func shelf() []model.Paper {
	return []model.Paper{
		{ID: "p0", Title: "Flow Matching for Generative Modeling", Authors: []string{"Yaron Lipman", "Ricky T. Q. Chen"}, Upvotes: 40},
		{ID: "p1", Title: "Diffusion Models Beat GANs", Keywords: []string{"flow matching"}, Upvotes: 100, GitHub: "https://github.com/a/b"},
		{ID: "p2", Title: "Optical Flow Estimation", Organization: "Google DeepMind", Upvotes: 5},
		{ID: "p3", Title: "Unrelated Work", Authors: []string{"Florence Nightingale"}, Upvotes: 500},
		{ID: "p4", Title: "Rafał's Guide to FLOWERS", Organization: "Meta AI", Upvotes: 7, Summary: "We study petals and stems."},
		{ID: "p5", Title: "Chen Flow", Upvotes: 1},
	}
}

func ids(papers []model.Paper, positions []int) []string {
	out := make([]string, 0, len(positions))
	for _, i := range positions {
		out = append(out, papers[i].ID)
	}
	return out
}

func TestQueryMatchesWordPrefixesRankedByTitleThenUpvotes(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	tests := []struct {
		query string
		want  []string
	}{
		// Title matches by upvotes, then the keyword match.
		{"flow", []string{"p0", "p4", "p2", "p5", "p1"}},
		{"FLOW", []string{"p0", "p4", "p2", "p5", "p1"}},
		// "flo" also starts "Florence" (an author): after every title match.
		{"flo", []string{"p0", "p4", "p2", "p5", "p3", "p1"}},
		// Every word must match; order of words does not matter.
		{"flow match", []string{"p0", "p1"}},
		{"match flow", []string{"p0", "p1"}},
		// Both words in the title beat one in the title and one elsewhere.
		{"flow chen", []string{"p5", "p0"}},
		// A word prefix, not a substring.
		{"low", nil},
		{"atching", nil},
		// Accents fold both ways; punctuation separates words.
		{"rafal", []string{"p4"}},
		{"rafał guide", []string{"p4"}},
		{"ricky t.q.", []string{"p0"}},
		{"deepmind", []string{"p2"}},
		// Abstract words are not searched by default.
		{"petals", nil},
		{"nothing-like-this", nil},
		// Nothing typed: the whole listing in its order.
		{"", []string{"p0", "p1", "p2", "p3", "p4", "p5"}},
		{"   ", []string{"p0", "p1", "p2", "p3", "p4", "p5"}},
	}
	for _, tt := range tests {
		got := ids(papers, ix.Query(tt.query, nil, Marks{}).Matches)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestQualifiers(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	read := map[string]bool{"p0": true, "p2": true}
	marked := map[string]bool{"p2": true, "p5": true}
	marks := Marks{Read: func(id string) bool { return read[id] }, Bookmarked: func(id string) bool { return marked[id] }}
	tests := []queryCase{
		{"has:code", []string{"p1"}},
		{"HAS:CODE flow", []string{"p1"}},
		{"has:c", []string{"p1"}}, // still being typed, already clear
		// Qualifiers alone keep listing order.
		{"up:>40", []string{"p1", "p3"}},
		{"up:>=40", []string{"p0", "p1", "p3"}},
		{"up:<6", []string{"p2", "p5"}},
		{"up:<=5", []string{"p2", "p5"}},
		{"up:40", []string{"p0"}},
		{"up:=7", []string{"p4"}},
		{"up:5..40", []string{"p0", "p2", "p4"}},
		{"up:>4 up:<8", []string{"p2", "p4"}},
		{"flow up:>6", []string{"p0", "p4", "p1"}},
		{"org:meta", []string{"p4"}},
		{"org:Deep", []string{"p2"}},
		{`org:"google deepmind"`, []string{"p2"}},
		{`org:"google meta"`, nil},
		{"org:xyz", nil},
		{"flow org:google", []string{"p2"}},
		{"author:lipman", []string{"p0"}},
		{`author:"ricky chen"`, []string{"p0"}},
		{"author:flor", []string{"p3"}},
		{"author:flow", nil}, // "flow" is in titles and keywords, not in authors
		{"org:flow", nil},
		{"is:unread", []string{"p1", "p3", "p4", "p5"}},
		{"is:read", []string{"p0", "p2"}},
		{"is:bookmarked", []string{"p2", "p5"}},
		{"is:bookmarked is:unread", []string{"p5"}},
		{"is:bookmarked flow", []string{"p2", "p5"}},
	}
	checkQueries(t, ix, papers, marks, tests)
}

// queryCase is a query and the ids it must find, in order.
type queryCase struct {
	query string
	want  []string
}

// checkQueries asks ix each query from scratch: it must find the papers
// wanted, in order, and understand the whole query.
func checkQueries(t *testing.T, ix *Index, papers []model.Paper, marks Marks, tests []queryCase) {
	t.Helper()
	for _, tt := range tests {
		res := ix.Query(tt.query, nil, marks)
		if got := ids(papers, res.Matches); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.query, got, tt.want)
		}
		if res.Hint != "" {
			t.Errorf("%q: unexpected hint %q", tt.query, res.Hint)
		}
	}
}

func TestUnfinishedQualifierIsLeftOutWithAHint(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	for _, q := range []string{"flow up:", "flow up:>", "flow up:>x", "flow has:", "flow has:pdf", "flow is:", "flow is:old", "flow org:", "flow author:", `flow org:"`} {
		res := ix.Query(q, nil, Marks{})
		if res.Hint == "" {
			t.Errorf("%q: no hint", q)
		}
		if got := ids(papers, res.Matches); !slices.Equal(got, []string{"p0", "p4", "p2", "p5", "p1"}) {
			t.Errorf("%q: got %v, want the matches of flow alone", q, got)
		}
	}
}

func TestWithoutMarksNothingIsReadOrBookmarked(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	if got := ix.Query("is:unread", nil, Marks{}).Matches; len(got) != len(papers) {
		t.Errorf("is:unread without marks: %d papers, want all %d", len(got), len(papers))
	}
	if got := ix.Query("is:bookmarked", nil, Marks{}).Matches; len(got) != 0 {
		t.Errorf("is:bookmarked without marks: %v, want none", got)
	}
}

func TestAbstractSearch(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	res, err := ix.Search(context.Background(), Request{Query: "petal", Abstracts: true, Seq: 7}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(papers, res.Matches); !slices.Equal(got, []string{"p4"}) {
		t.Errorf("petal in abstracts: got %v", got)
	}
	if res.Seq != 7 || !res.Abstracts {
		t.Errorf("result carries seq %d, abstracts %v; want 7, true", res.Seq, res.Abstracts)
	}
	// Title words still rank first; abstract-only matches join the rest.
	res, _ = ix.Search(context.Background(), Request{Query: "guide st", Abstracts: true}, nil)
	if got := ids(papers, res.Matches); !slices.Equal(got, []string{"p4"}) {
		t.Errorf("guide st: got %v", got)
	}
}

func TestCancelledAbstractSearch(t *testing.T) {
	papers := shelf()
	ix := New(papers)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, Request{Query: "petal", Abstracts: true}, nil); err != context.Canceled {
		t.Fatalf("cancelled search: err %v, want context.Canceled", err)
	}
	// Nothing half-built is left behind.
	res, err := ix.Search(context.Background(), Request{Query: "petal", Abstracts: true}, nil)
	if err != nil || !slices.Equal(ids(papers, res.Matches), []string{"p4"}) {
		t.Fatalf("after a cancelled search: %v, %v", res, err)
	}
}

func TestSequenceNumbers(t *testing.T) {
	ix := New(shelf())
	a := ix.Query("f", nil, Marks{})
	b := ix.Query("fl", a, Marks{})
	c := ix.Query("flo", b, Marks{})
	if a.Seq != 0 || b.Seq != 1 || c.Seq != 2 {
		t.Errorf("seqs %d %d %d, want 0 1 2", a.Seq, b.Seq, c.Seq)
	}
	if !c.Newer(b) || b.Newer(c) || !a.Newer(nil) {
		t.Error("Newer does not follow Seq")
	}
	late, _ := ix.Search(context.Background(), Request{Query: "f", Seq: 1}, nil)
	if late.Newer(c) {
		t.Error("an older request's late result would replace a newer one")
	}
}

func TestEmptyAndNilIndex(t *testing.T) {
	var nilIx *Index
	if nilIx.Len() != 0 {
		t.Error("nil index has papers")
	}
	ix := New(nil)
	if got := ix.Query("flow has:code", nil, Marks{}).Matches; len(got) != 0 {
		t.Errorf("empty index: %v", got)
	}
	if got := ix.Query("", nil, Marks{}).Matches; len(got) != 0 {
		t.Errorf("empty index, empty query: %v", got)
	}
}

func TestCandidateCheckAndPostingScanAgree(t *testing.T) {
	papers := corpus.Generate(1200, 8)
	s := New(papers).segs[0]
	r := rand.New(rand.NewPCG(3, 4))
	for _, w := range []string{"f", "flow", "m", "model", "a", "zz", "3", "chen", "meta"} {
		for _, fields := range []uint32{anyField, inOrg, inAuthors} {
			c := condition{word: w, fields: fields}
			c.lo, c.hi = wordRange(s.dict, w)
			cand := newBitset(s.n)
			for range 300 {
				cand.set(uint32(r.IntN(s.n)))
			}
			h1, t1 := s.evalCandidates(c, cand)
			h2, t2 := s.evalPostings(c, cand)
			if !slices.Equal(h1, h2) || !slices.Equal(t1, t2) {
				t.Errorf("%q in fields %b: the two ways disagree", w, fields)
			}
		}
	}
}
