package ui

import (
	"strings"
)

const (
	minWidth  = 40 // below this (or minHeight) the screen says "terminal too small"
	minHeight = 8
	wideWidth = 120 // from here list and detail sit side by side
)

// truncate cuts s to at most w cells (by display width, so CJK and emoji
// count double, and by both of the terminal's ways of counting: see
// cellWidth), ending with "…" when something was cut.
func truncate(s string, w int) string {
	return fitWidth(s, w, "…")
}

// padRight fills s with spaces to exactly w cells, cutting it when longer.
func padRight(s string, w int) string {
	s = truncate(s, w)
	if n := w - cellWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// box makes s exactly w cells wide and h lines high, so panes can be joined
// side by side and never spill past their area.
func box(s string, w, h int) string {
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
		out[i] = padRight(line, w)
	}
	return strings.Join(out, "\n")
}

// sideBySide joins two boxes of the same height with a one-column divider.
func sideBySide(left, divider, right string) string {
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

// clampScreen is the last guard of View: no line wider than the terminal,
// no more lines than it has.
func clampScreen(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, line := range lines {
		lines[i] = fitWidth(line, w, "")
	}
	return strings.Join(lines, "\n")
}
