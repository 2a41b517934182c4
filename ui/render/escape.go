package render

import (
	"strings"

	"github.com/paperdeck/paperdeck/internal/latex"
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
// start Markdown syntax neutralised, no control characters.
//
// Two escaping forms are needed because glamour does not unescape the way
// CommonMark does: it runs html.UnescapeString over each text segment and
// then removes the backslash only before \ ` * _ { } [ ] < > ( ) # + - . ! |.
// Those get a backslash; & (character references such as &#x1b; would come
// back as controls), ~ (strikethrough), : and @ (bare links and e-mail
// addresses would become links) get a numeric character reference, which
// the parser sees as text and glamour decodes exactly once.
func Escape(s string) string {
	return escapeText(collapseSpace(plain(s)))
}

// escapeText escapes text that is already clean and on one line.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '(', ')', '#', '+', '-', '.', '!', '|':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '&':
			b.WriteString("&amp;")
		case '~':
			b.WriteString("&#126;")
		case ':':
			b.WriteString("&#58;")
		case '@':
			b.WriteString("&#64;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// collapseSpace puts text on one line with single spaces, so no Markdown
// block syntax (indented code, setext headings, list items) can start.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// latexMarked reads the LaTeX in s with private markers for emphasis, for
// text that is escaped for Markdown afterwards (see escapeWithMarks).
func latexMarked(s string) string {
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
