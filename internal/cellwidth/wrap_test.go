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
