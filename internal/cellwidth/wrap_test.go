package cellwidth

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The wrap itself: margins and colours on every line, spaces only as
// breaks, no word lost, nothing wider than the width.
func TestWrapLine(t *testing.T) {
	bold := "\x1b[1m"
	line := "  " + bold + "many downstream tasks -- a phenomenon; see https://huggingface.co/papers/2407.21783 now\x1b[m"
	for width := 10; width <= 60; width++ {
		got := Wrap(line, width)
		for i, l := range got {
			if Of(l) > width {
				t.Errorf("width %d: line %q is %d wide", width, l, Of(l))
			}
			if !strings.HasPrefix(l, "  ") {
				t.Errorf("width %d: line %q lost the margin", width, l)
			}
			if i > 0 && !strings.HasPrefix(l, "  "+bold) {
				t.Errorf("width %d: line %q lost the bold", width, l)
			}
		}
		screen := ansi.Strip(strings.Join(got, "\n"))
		if width >= 4+len("https://huggingface.co/papers/2407.21783") && !strings.Contains(screen, "https://huggingface.co/papers/2407.21783") {
			t.Errorf("width %d cut the URL:\n%s", width, screen)
		}
		if g, w := strings.Join(strings.Fields(screen), ""), strings.Join(strings.Fields(ansi.Strip(line)), ""); g != w {
			t.Errorf("width %d lost text: %q", width, g)
		}
	}
}

// A hanging layout: the lines after the first start under the text after
// the bullet, inside the same right margin; with Overflow a word wider
// than a line (a long URL) stays whole on a line of its own.
func TestWrapLayout(t *testing.T) {
	url := "https://arxiv.org/html/2407.21783v3/a-very-long-path-to-the-figure-of-the-paper.png"
	item := "  • the flow matching objective of the paper, with its figure at " + url + " and its note"
	for width := 20; width <= 70; width++ {
		got := Layout{Hang: 2, Overflow: true}.Wrap(item, width)
		if len(got) < 2 {
			t.Fatalf("width %d: %q not wrapped", width, got)
		}
		whole := false
		for i, l := range got {
			if i > 0 && (!strings.HasPrefix(l, "    ") || l[4] == ' ') {
				t.Errorf("width %d: line %q does not hang under the text", width, l)
			}
			if strings.TrimSpace(l) == url {
				whole = true
			} else if Of(l) > width-2 {
				t.Errorf("width %d: line %q passes the right margin", width, l)
			}
		}
		if !whole {
			t.Errorf("width %d: the URL is not whole on a line of its own: %q", width, got)
		}
		if g, w := strings.Fields(strings.Join(got, " ")), strings.Fields(item); strings.Join(g, " ") != strings.Join(w, " ") {
			t.Errorf("width %d lost or moved words: %q", width, got)
		}
	}
	// Without Overflow the same URL is cut, every piece hanging and fitting.
	for _, l := range (Layout{Hang: 2}).Wrap(item, 30) {
		if Of(l) > 30 {
			t.Errorf("cut line %q is %d wide", l, Of(l))
		}
	}
}
