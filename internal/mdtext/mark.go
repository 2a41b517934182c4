package mdtext

import "strings"

// Mark writes text between two marks (emphasis, strong, code) with the
// spaces at its ends outside them, as Markdown needs ("* x *" is no
// emphasis); text of spaces alone is written as it is.
func Mark(b *strings.Builder, text, mark string) {
	t := strings.TrimSpace(text)
	if t == "" {
		b.WriteString(text)
		return
	}
	if text[0] == ' ' {
		b.WriteByte(' ')
	}
	b.WriteString(mark + t + mark)
	if text[len(text)-1] == ' ' {
		b.WriteByte(' ')
	}
}
