package ui

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// A local file keeps its own label (copied page text is not "the daily
// list" of the date it names), and [ or ] from it keeps the file one esc
// away.
func TestFileKeepsItsLabelAndStaysOneEscAway(t *testing.T) {
	const name = "hf_papers_page_copied_text_sample.txt"
	parsed := loadFixture(t, name)
	before := parsed.Period.Shift(-1)
	f := newFakeFeed().add(day(before.Value, "A paper of the day before"))
	h := newHarness(t, f, model.Period{Kind: model.File, Value: "../testdata/" + name}, 160, 30)
	if st := h.status(); !strings.Contains(st, "file · "+name+" · 5 papers") || strings.Contains(st, parsed.Period.String()) {
		t.Fatalf("status %q, want the file's own label", st)
	}
	h.keys("[")
	if reqs := f.requests(); len(reqs) == 0 || reqs[len(reqs)-1].Period != before {
		t.Fatalf("[ asked for %v, want %v", reqs, before)
	}
	if !strings.Contains(h.screen(), "A paper of the day before") {
		t.Fatalf("[ did not list the day before:\n%s", h.screen())
	}
	h.keys("esc")
	if st := h.status(); !strings.Contains(st, "file · "+name+" · 5 papers") || !strings.Contains(h.screen(), "Sparse Routers Learn Faster") {
		t.Errorf("esc did not bring the file back: status %q\n%s", st, h.screen())
	}
}
