package ui

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// detailSide is the right-hand pane of the wide layout.
func detailSide(h *harness) string {
	var b strings.Builder
	for _, line := range strings.Split(h.screen(), "\n") {
		if _, right, ok := strings.Cut(line, "│"); ok {
			b.WriteString(right + "\n")
		}
	}
	return b.String()
}

// An empty result (a search without hits, a filter without matches, an
// empty day) empties the detail pane and says what to do next; the paper
// shown before is gone from it.
func TestEmptyResultsEmptyTheDetail(t *testing.T) {
	f := page2024(t)
	none := model.Period{Kind: model.Search, Value: "zzz"}
	f.add(model.Listing{Source: model.SourceHF, Period: none})
	sat := model.Period{Kind: model.Day, Value: "2024-08-03"}
	f.add(model.Listing{Source: model.SourceHF, Period: sat, Prev: thu, Next: model.Period{Kind: model.Day, Value: "2024-08-05"}})
	h := newHarness(t, f, thu, 160, 30)
	h.keys("enter", "esc")
	if !strings.Contains(detailSide(h), "Llama 3") {
		t.Fatalf("no paper in the detail to begin with:\n%s", h.screen())
	}

	h.keys("/")
	h.typeText("qqqq")
	if d := detailSide(h); strings.Contains(d, "Llama") || !strings.Contains(d, `no paper matches "qqqq" — esc clears the filter`) {
		t.Errorf("a filter without matches:\n%s", h.screen())
	}
	h.keys("esc", "esc", "s")
	h.typeText("zzz")
	h.keys("enter")
	if d := detailSide(h); strings.Contains(d, "Llama") || !strings.Contains(d, "no papers found for “zzz” — s to search again, esc to go back") {
		t.Errorf("a search without hits:\n%s", h.screen())
	}
	h.keys("esc")
	h.run(h.app.load(loadReq{Request: feed.Request{Period: sat}}))
	if d := detailSide(h); !strings.Contains(d, "no papers on Saturday 2024-08-03 — ] for Monday 2024-08-05") {
		t.Errorf("an empty day:\n%s", h.screen())
	}
}
