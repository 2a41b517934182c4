package ui

import (
	"strings"

	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// The reader's own defence against hostile text. The parsers clean every
// field, but a record can reach the screen without them (a hand-edited
// bookmarks file, a Feed that is not ours), so the panes clean what they
// draw (termsafe.Line, termsafe.Text) and View passes the whole frame
// through safeScreen, which lets only SGR sequences out.

// safeScreen is the last gate between the panes and the terminal: a frame
// holding anything but text, newlines and SGR sequences (colours and text
// attributes, the only sequences our styles make) is cleaned. The check is
// one pass with no allocation, so a clean frame costs little.
func safeScreen(s string) string {
	if termsafe.IsStyled(s) {
		return s
	}
	// The cleaner reads a lone CR as a line break; here it would add a
	// line to the frame, so it goes first.
	return termsafe.Styled(strings.ReplaceAll(s, "\r", ""))
}
