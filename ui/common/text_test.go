package common

import (
	"strings"
	"testing"
)

// Wrapped text keeps the margin on every line, a URL that fits on a line
// of its own is not cut, and nothing is wider than asked.
func TestWrap(t *testing.T) {
	text := "We study many downstream tasks -- a phenomenon we call emergence; see https://huggingface.co/papers/2407.21783 for more."
	for w := 20; w <= 60; w++ {
		out := Wrap(text, w, "  ")
		if !strings.Contains(out, "https://huggingface.co/papers/2407.21783") && w >= len("https://huggingface.co/papers/2407.21783") {
			t.Errorf("width %d cut the URL:\n%s", w, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") {
				t.Errorf("width %d: line %q lost the margin", w, line)
			}
			if CellWidth(line) > w+2 {
				t.Errorf("width %d: line %q is %d wide", w, line, CellWidth(line))
			}
		}
		if got, want := strings.Join(strings.Fields(out), ""), strings.Join(strings.Fields(text), ""); got != want {
			t.Errorf("width %d lost text: %q", w, got)
		}
	}
	// A word wider than a line is cut, never dropped.
	if out := Wrap("abcdefghij", 4, ""); out != "abcd\nefgh\nij" {
		t.Errorf("a long word: %q", out)
	}
}
