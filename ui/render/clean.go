package render

import (
	"strings"

	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// plain removes every escape sequence and control from untrusted text,
// before it goes anywhere near Markdown, and the emphasis marks this
// package uses of its own. Newlines are kept (paragraphs); tabs and other
// separators become spaces.
func plain(s string) string {
	s = termsafe.Text(s)
	if !strings.ContainsFunc(s, isMark) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s)
}

func isMark(r rune) bool { return r >= markBase && r < markBase+markCount }
