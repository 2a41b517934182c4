package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// Wrap breaks s into lines of at most w cells and indents every line by
// margin, so wrapped text keeps the pane's margin. Lines break at spaces
// only: a word (a URL) that fits on a line of its own starts one rather
// than being cut in the middle, and only a word wider than a whole line
// is cut.
func Wrap(s string, w int, margin string) string {
	w = max(1, w)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line, lineW := "", 0
		for _, word := range strings.Fields(para) {
			ww := CellWidth(word)
			switch {
			case lineW > 0 && lineW+1+ww <= w:
				line, lineW = line+" "+word, lineW+1+ww
				continue
			case lineW > 0:
				out = append(out, line)
			}
			if ww > w {
				pieces := strings.Split(ansi.Hardwrap(word, w, false), "\n")
				out = append(out, pieces[:len(pieces)-1]...)
				word = pieces[len(pieces)-1]
			}
			line, lineW = word, CellWidth(word)
		}
		out = append(out, line)
	}
	return Indent(strings.Join(out, "\n"), margin)
}

// Indent puts pad before every line that is not empty.
func Indent(s, pad string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// Quote puts typed text in quotes for the status bar.
func Quote(s string) string { return "“" + s + "”" }

// Title is a paper's title for one row: cleaned, and its LaTeX read as
// the detail reads it ($\mathcal{O}(n^2)$ → 𝒪(n²)), without emphasis
// marks (a row has no Markdown).
func Title(s string) string { return termsafe.Line(latex.TextMarked(s, "", "")) }
