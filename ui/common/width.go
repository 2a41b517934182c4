package common

import (
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// Display width and truncation, in one place: every pane measures and
// cuts its lines with these, so a line fits by both of the terminal's
// ways of counting.

// CellWidth is how many cells a line may take on a terminal. Bubble Tea
// counts by wcwidth unless the terminal reports Unicode core mode (2027),
// then by grapheme cluster; the two differ on ZWJ emoji (a family is 8
// cells by wcwidth, 2 as a cluster) and emoji variation selectors, so a
// line must fit by both counts.
func CellWidth(s string) int {
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

// widths remembers the widths of styled lines: View measures every line
// of every frame several times, a frame differs from the last in a few
// lines, and counting graphemes is most of what a frame costs.
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

// FitWidth cuts s to at most w cells by both counts, ending with tail
// when something was cut.
func FitWidth(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if CellWidth(s) <= w {
		return s
	}
	for limit := w; limit > 0; limit-- {
		if t := ansi.TruncateWc(s, limit, tail); CellWidth(t) <= w {
			return t
		}
		if t := ansi.Truncate(s, limit, tail); CellWidth(t) <= w {
			return t
		}
	}
	return ""
}

// Truncate cuts s to at most w cells (by display width, so CJK and emoji
// count double, and by both of the terminal's ways of counting: see
// CellWidth), ending with "…" when something was cut.
func Truncate(s string, w int) string {
	return FitWidth(s, w, "…")
}

// PadRight fills s with spaces to exactly w cells, cutting it when longer.
func PadRight(s string, w int) string {
	s = Truncate(s, w)
	if n := w - CellWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// Box makes s exactly w cells wide and h lines high, so panes can be joined
// side by side and never spill past their area.
func Box(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	out := make([]string, h)
	for i := range out {
		line := ""
		if i < len(lines) {
			line = lines[i]
		}
		out[i] = PadRight(line, w)
	}
	return strings.Join(out, "\n")
}

// SideBySide joins two boxes of the same height with a one-column divider.
func SideBySide(left, divider, right string) string {
	l := strings.Split(left, "\n")
	r := strings.Split(right, "\n")
	var b strings.Builder
	b.Grow(len(left) + len(right) + len(l)*(len(divider)+1))
	for i := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l[i])
		b.WriteString(divider)
		if i < len(r) {
			b.WriteString(r[i])
		}
	}
	return b.String()
}

// ClampScreen is the last guard of View: no line wider than the terminal,
// no more lines than it has.
func ClampScreen(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, line := range lines {
		lines[i] = FitWidth(line, w, "")
	}
	return strings.Join(lines, "\n")
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
