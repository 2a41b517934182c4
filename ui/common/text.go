package common

import (
	"strings"

	"github.com/paperdeck/paperdeck/internal/cellwidth"
	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// Wrap breaks plain text into lines for a pane width cells wide, margin
// before every line and as much room kept on the right, by the one wrap
// of the panes and the detail (cellwidth.Wrap): at spaces only, so a URL
// that fits on a line of its own starts one rather than being cut in the
// middle, and a line that fits is kept as it is. Empty lines stay empty.
func Wrap(s string, width int, margin string) string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		if strings.TrimSpace(para) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, cellwidth.Wrap(margin+para, width)...)
	}
	return strings.Join(out, "\n")
}

// Quote puts typed text in quotes for the status bar.
func Quote(s string) string { return "“" + s + "”" }

// Title is a paper's title for one row: cleaned, and its LaTeX read as
// the detail reads it ($\mathcal{O}(n^2)$ → 𝒪(n²), an arXiv title's
// Artin--Tits → Artin–Tits), without emphasis marks (a row has no
// Markdown).
func Title(p model.Paper) string {
	if p.Source == model.SourceArxiv {
		return termsafe.Line(latex.TeXMarked(p.Title, "", ""))
	}
	return termsafe.Line(latex.TextMarked(p.Title, "", ""))
}
