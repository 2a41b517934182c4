package ui

import (
	"strings"
	"testing"
)

// A paper without a full text: the help bar offers only the keys that do
// something there (esc, the PDF, help), not the text's contents, sections
// and find; with a text, they are back.
func TestReaderWithoutHTMLHelpBarListsOnlyWhatWorks(t *testing.T) {
	h := readerHarness(t, arxivHTML(t).URL, t.TempDir(), 140, 30)
	h.keys("f") // 2407.21783 has no HTML version here
	bar := h.status()
	for _, dead := range []string{"contents", "section", "find", "links"} {
		if strings.Contains(bar, dead) {
			t.Errorf("the help bar offers %q with no text: %q", dead, bar)
		}
	}
	if !strings.Contains(bar, "PDF") {
		t.Errorf("the help bar does not offer the PDF: %q", bar)
	}
	h.keys("esc", "j", "f") // 2407.21705 has one
	if bar := h.status(); !strings.Contains(bar, "section") || !strings.Contains(bar, "find") {
		t.Errorf("with the text on screen the help bar lacks its keys: %q", bar)
	}
}
