package render

import (
	"strings"

	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/internal/mdtext"
)

// Private-use runes that stand for the Markdown emphasis LaTeX produces
// (\textbf, \emph…) while the text around it is escaped. Input never
// carries them: plain drops them.
const (
	markBase   = '\uE000'
	markBold   = markBase     // ** after escaping
	markItalic = markBase + 1 // *
	markCount  = 2
)

// Escape makes plain text literal in Markdown as glamour reads it: one
// line (whitespace runs become one space), every character that could
// start Markdown syntax neutralised (see mdtext.Escape), no control
// characters.
func Escape(s string) string {
	return escapeText(collapseSpace(plain(s)))
}

// escapeText escapes text that is already clean and on one line.
func escapeText(s string) string { return mdtext.Escape(s) }

// collapseSpace puts text on one line with single spaces, so no Markdown
// block syntax (indented code, setext headings, list items) can start.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// latexMarked reads the LaTeX in s with private markers for emphasis, for
// text that is escaped for Markdown afterwards (see escapeWithMarks); tex
// reads it as TeX source (latex.TeXMarked).
func latexMarked(s string, tex bool) string {
	if tex {
		return latex.TeXMarked(s, string(markBold), string(markItalic))
	}
	return latex.TextMarked(s, string(markBold), string(markItalic))
}

// escapeWithMarks escapes text produced by latexMarked and then turns its
// emphasis markers into Markdown, the only syntax plain text may carry.
func escapeWithMarks(s string) string {
	e := escapeText(s)
	if !strings.ContainsAny(e, string([]rune{markBold, markItalic})) {
		return e
	}
	return strings.NewReplacer(string(markBold), "**", string(markItalic), "*").Replace(e)
}
