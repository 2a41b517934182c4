package ui

import (
	"testing"
)

// inFindPanes runs check in the detail and in the full text of the same
// paper, each in a reader of its own: find means the same in both.
func inFindPanes(t *testing.T, check func(t *testing.T, h *harness)) {
	srv := arxivHTML(t)
	for _, tc := range []struct {
		name string
		open []string
	}{
		{"detail", []string{"j", "enter"}},
		{"full text", []string{"j", "f"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := readerHarness(t, srv.URL, t.TempDir(), 100, 30)
			h.keys(tc.open...)
			check(t, h)
		})
	}
}

// The keys typed right after / (a fast typist, a paste) go into the find
// line, in the detail and in the full text alike: the line opens in the
// same update as /, not after the keys already queued. (With the line
// opened by a message, "/prime" in the reader opened the PDF on p.)
func TestFindTakesTheKeysTypedRightAfterSlash(t *testing.T) {
	inFindPanes(t, func(t *testing.T, h *harness) {
		h.start(keyMsg("/")) // its command not yet run, as in a burst of keys
		h.typeText("prompt")
		if !h.app.input.Active() || h.app.typed.value != "prompt" {
			t.Errorf("find line active %v holding %q, want \"prompt\"", h.app.input.Active(), h.app.typed.value)
		}
		if got := h.opened.list(); len(got) != 0 {
			t.Errorf("keys typed into the find opened %v", got)
		}
	})
}

// A second / is a new find in the detail as in the full text: the line
// opens empty, so what is typed is the new word, not the last one with
// the new one after it; n still steps through the last.
func TestFindStartsAfreshInBothPanes(t *testing.T) {
	inFindPanes(t, func(t *testing.T, h *harness) {
		h.keys("/")
		h.typeText("the")
		h.keys("enter", "n", "/")
		if !h.app.input.Active() || h.app.typed.value != "" {
			t.Errorf("the second / opens the find line (active %v) holding %q", h.app.input.Active(), h.app.typed.value)
		}
	})
}
