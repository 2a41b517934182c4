// Package cellwidth measures, cuts and wraps terminal text by display
// width, in one place for the panes (through ui/common) and the renderer
// (ui/render), which may not import Bubble Tea and so not ui/common.
package cellwidth

import (
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// Of is how many cells a line may take on a terminal. Bubble Tea counts by
// wcwidth unless the terminal reports Unicode core mode (2027), then by
// grapheme cluster; the two differ on ZWJ emoji (a family is 8 cells by
// wcwidth, 2 as a cluster) and emoji variation selectors, so a line must
// fit by both counts. Escape sequences take no cells.
func Of(s string) int {
	if isPlainLine(s) {
		return len(s) // printable ASCII: one cell a byte, by both counts
	}
	if w, ok := widths.get(s); ok {
		return w
	}
	w := max(ansi.StringWidth(s), ansi.StringWidthWc(s))
	widths.put(s, w)
	return w
}

// Fit cuts s to at most w cells by both counts, ending with tail when
// something was cut. What does not fit is dropped, even a whole grapheme
// cluster wider than w.
func Fit(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if Of(s) <= w {
		return s
	}
	for limit := w; limit > 0; limit-- {
		if t := ansi.TruncateWc(s, limit, tail); Of(t) <= w {
			return t
		}
		if t := ansi.Truncate(s, limit, tail); Of(t) <= w {
			return t
		}
	}
	return ""
}

// widths remembers the widths of styled lines: a frame measures every
// line several times, differs from the last in a few lines, and counting
// graphemes is most of what it costs.
var widths = widthMemo{m: map[string]int{}}

type widthMemo struct {
	mu sync.Mutex
	m  map[string]int
}

// widthMemoMax bounds the memo: a few screens of lines.
const widthMemoMax = 4096

func (c *widthMemo) get(s string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	w, ok := c.m[s]
	return w, ok
}

func (c *widthMemo) put(s string, w int) {
	if len(s) > 4096 {
		return // not a line of a frame
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= widthMemoMax {
		clear(c.m)
	}
	c.m[s] = w
}

// isPlainLine is the fast path: printable ASCII only.
func isPlainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}
