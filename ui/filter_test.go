package ui

import (
	"fmt"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func TestFilterPapers(t *testing.T) {
	papers := []model.Paper{
		{Title: "The Llama 3 Herd of Models", Authors: []string{"Abhimanyu Dubey"}, Organization: "Meta"},
		{Title: "Flow Matching for Generative Modeling", Authors: []string{"Yaron Lipman"}, Keywords: []string{"diffusion"}},
		{Title: "Llamas all the way down", Organization: "Alpaca Lab"},
		{Title: "大規模言語モデル", Authors: []string{"Émile Zola"}},
	}
	ix := newFilterIndex(papers)
	cases := map[string][]int{
		"":                {0, 1, 2, 3},
		"llama":           {0, 2},
		"LLAMA 3":         {0},
		"herd llama":      {0},
		"lama":            nil, // a word prefix, not a substring
		"meta":            {0},
		"lipman flow":     {1},
		"diff":            {1},
		"alpaca":          {2},
		"émile":           {3},
		"大規模":             {3},
		"llama-3":         {0},
		"flow zzz":        nil,
		"  flow   match ": {1},
	}
	for q, want := range cases {
		got := filterPapers(ix, q)
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("filter %q = %v, want %v", q, got, want)
		}
	}
}

func manyPapers(n int) []model.Paper {
	words := []string{"flow", "matching", "diffusion", "language", "model", "agents", "sparse", "attention", "vision", "robot"}
	papers := make([]model.Paper, n)
	for i := range papers {
		papers[i] = model.Paper{
			ID:      fmt.Sprintf("2501.%05d", i),
			Title:   fmt.Sprintf("%s %s for %s %s number %d", words[i%10], words[(i/10)%10], words[(i/100)%10], words[(i/7)%10], i),
			Authors: []string{"Ada Lovelace", "Alan Turing"}, Upvotes: i % 300, Published: "2025-01-10",
		}
	}
	return papers
}

// BenchmarkListView: a frame of the list costs the same whatever the
// number of papers, since only the rows on screen are rendered.
func BenchmarkListView(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			papers := manyPapers(n)
			l := newListPane(NewStyles(true, false))
			l.SetListing(papers, newFilterIndex(papers), "", "")
			l.SetSize(80, 40)
			down, top := keyMsg("j"), keyMsg("g")
			for b.Loop() {
				// The same walk at both sizes: down 900 rows, then back to the top.
				if l.cursor >= 900 {
					l, _ = l.Update(top)
				}
				l, _ = l.Update(down)
				_ = l.View()
			}
		})
	}
}

func BenchmarkFilterKeystroke(b *testing.B) {
	papers := manyPapers(100_000)
	ix := newFilterIndex(papers)
	for b.Loop() {
		for _, q := range []string{"f", "fl", "flo", "flow", "flow m", "flow ma"} {
			_ = filterPapers(ix, q)
		}
	}
}

// TestListViewIsLocal checks what the benchmark measures, as a test: the
// rendered rows are those on screen, for any number of papers.
func TestListViewIsLocal(t *testing.T) {
	papers := manyPapers(100_000)
	l := newListPane(NewStyles(true, false))
	l.SetListing(papers, newFilterIndex(papers), "", "")
	l.SetSize(80, 30)
	l, _ = l.Update(keyMsg("G"))
	if len(l.rows) != 30 {
		t.Fatalf("%d rows rendered for a 30-row pane", len(l.rows))
	}
	if p, _ := l.Selected(); p.ID != "2501.99999" {
		t.Errorf("G went to %q", p.ID)
	}
}
