package ui

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func TestArxivKeyStepsThroughCategories(t *testing.T) {
	lg := model.Listing{Source: model.SourceArxiv, Period: model.Period{Kind: model.Arxiv, Value: "cs.LG"}}
	cl := model.Listing{Source: model.SourceArxiv, Period: model.Period{Kind: model.Arxiv, Value: "cs.CL"}}
	f := page2024(t).add(lg).add(cl)
	h := comfortHarness(t, f, thu, 100, 30, Comforts{ArxivCategories: []string{"cs.LG", "cs.CL"}}, false)
	for _, want := range []string{"cs.LG", "cs.CL", "cs.LG"} {
		h.keys("a")
		reqs := f.requests()
		if last := reqs[len(reqs)-1].Period; last != (model.Period{Kind: model.Arxiv, Value: want}) {
			t.Fatalf("a asked for %v, want arXiv %s", last, want)
		}
	}
	// Without categories the key is off, and the help does not offer it.
	h = comfortHarness(t, page2024(t), thu, 100, 30, Comforts{}, false)
	n := len(h.feed.requests())
	h.keys("a", "?")
	if len(h.feed.requests()) != n || strings.Contains(h.screen(), "arXiv category") {
		t.Error("a works without arxiv_categories")
	}
}
