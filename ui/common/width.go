package common

import (
	"strings"

	"github.com/paperdeck/paperdeck/internal/cellwidth"
)

// Display width and truncation: every pane measures and cuts its lines
// with these, so a line fits by both of the terminal's ways of counting.
// The counting itself is internal/cellwidth's, which the renderer shares.

// CellWidth is how many cells a line may take on a terminal, by both of
// its ways of counting (see cellwidth.Of).
func CellWidth(s string) int { return cellwidth.Of(s) }

// FitWidth cuts s to at most w cells by both counts, ending with tail
// when something was cut.
func FitWidth(s string, w int, tail string) string { return cellwidth.Fit(s, w, tail) }

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
	lines := firstLines(s, h)
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
	lines := firstLines(s, h)
	for i, line := range lines {
		lines[i] = FitWidth(line, w, "")
	}
	return strings.Join(lines, "\n")
}

// firstLines is s's first h lines (all of them when it has fewer).
func firstLines(s string, h int) []string {
	lines := strings.Split(s, "\n")
	return lines[:min(len(lines), h)]
}
