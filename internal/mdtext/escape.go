// Package mdtext makes plain text literal in the Markdown glamour reads,
// for every writer of Markdown (the detail pane, the full text).
package mdtext

import "strings"

// Escape escapes text that is already clean (no controls) and on one
// line, so that every character reads as itself.
//
// Two escaping forms are needed because glamour does not unescape the way
// CommonMark does: it runs html.UnescapeString over each text segment and
// then removes the backslash only before \ ` * _ { } [ ] < > ( ) # + - . ! |.
// Those get a backslash; & (character references such as &#x1b; would come
// back as controls), ~ (strikethrough), : and @ (bare links and e-mail
// addresses would become links) get a numeric character reference, which
// the parser sees as text and glamour decodes exactly once.
func Escape(s string) string {
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
