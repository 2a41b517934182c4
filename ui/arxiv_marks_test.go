package ui

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// An arXiv new-submissions page in the reader: cross-lists and replacements
// are marked in their rows, every row carries the listing's date, listed:
// filters by them, and the detail shows the primary category and Comments.
func TestReaderArxivMarksQualifiersAndDetail(t *testing.T) {
	l := loadFixture(t, "handmade_arxiv_list_cs.CL_new_2024-layout.html")
	l.Period = model.Period{Kind: model.Arxiv, Value: "cs.CL"}
	f := newFakeFeed().add(l)
	h := newHarness(t, f, l.Period, 160, 30)
	screen := h.screen()
	for _, want := range []string{"[cross] Sparse Experts for Short Texts", "[replaced] An Earlier Paper, Revised", "2024-04-05"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "[cross] Counting Tokens") || strings.Contains(screen, "[replaced] Counting") {
		t.Errorf("a new paper is marked:\n%s", screen)
	}

	h.keys("j", "j", "enter") // the cross-list
	joined := strings.Join(strings.Fields(h.screen()), " ")
	for _, want := range []string{"cs.LG · cross-list · listed 2024-04-05", "Comments: Accepted at an invented workshop"} {
		if !strings.Contains(joined, want) {
			t.Errorf("detail lacks %q:\n%s", want, h.screen())
		}
	}

	h.keys("esc", "/")
	h.typeText("listed:cross")
	if screen := h.screen(); !strings.Contains(screen, "Sparse Experts") || strings.Contains(screen, "Counting Tokens Twice") || !strings.Contains(h.status(), "1 of 4 papers") {
		t.Errorf("listed:cross:\n%s", screen)
	}
}
