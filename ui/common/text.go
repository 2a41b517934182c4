package common

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// Wrap breaks s into lines of at most w cells (at spaces and slashes,
// never inside a word that fits on a line of its own) and indents every
// line by margin, so the wrapped text keeps the pane's margin.
func Wrap(s string, w int, margin string) string {
	return Indent(ansi.Wordwrap(s, w, " /"), margin)
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
