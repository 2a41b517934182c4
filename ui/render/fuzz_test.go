package render

import (
	"testing"

	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/model"
)

// FuzzPaper renders arbitrary titles and abstracts at arbitrary widths: no
// panic, nothing but SGR sequences and text in the output, no line wider
// than the pane. Seeds: testdata/fuzz/FuzzPaper.
func FuzzPaper(f *testing.F) {
	f.Add("The Llama 3 Herd of Models", "Modern $2\\times$ *AI* systems.", "https://github.com/x/y", 80)
	f.Add("\x1b]52;c;AAAA\x07t", "&#x1b;[2J \u009b2J \u202e", "javascript:alert(1)", 20)
	f.Fuzz(func(t *testing.T, title, summary, link string, width int) {
		width = width%200 + 1
		if width < 1 {
			width += 200
		}
		p := model.Paper{ID: "fuzz", Title: title, Summary: summary, AISummary: summary,
			Authors: []string{title, summary}, Organization: title, Keywords: []string{link},
			GitHub: link, Links: []string{link}, URL: "https://huggingface.co/papers/fuzz"}
		out, err := Paper(p, width, StyleDark)
		if err != nil {
			t.Fatal(err)
		}
		assertTerminalSafe(t, "Paper", out, width)
	})
}

// FuzzLaTeX: any text converts without panicking and keeps no control.
func FuzzLaTeX(f *testing.F) {
	f.Add(`$\mathcal{O}(n^2)$ \textbf{x} \frac{a}{b}`)
	f.Fuzz(func(t *testing.T, s string) {
		out := latex.Text(plain(s))
		assertTerminalSafe(t, "LaTeX", out, 0)
	})
}
