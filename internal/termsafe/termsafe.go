// Package termsafe makes outside text safe to show on a terminal. Paper
// records, bookmarks files, server replies and error messages can carry
// escape sequences (a window title, a clipboard write, a hidden link),
// controls, bidi overrides and invisible characters; every place that
// shows such text — the parsers, the panes, the exports, the clipboard
// and the command line — cleans it here, by one set of rules:
//
//   - an escape sequence (CSI, OSC, DCS, SOS, PM, APC, two-byte ESC
//     sequences; 7- and 8-bit forms) goes whole, its parameters with it;
//     one never terminated goes up to its first space or control, so the
//     text after it stays;
//   - C0 and C1 controls and DEL go, except that a line break (LF, CRLF or
//     a lone CR) stays where the caller keeps lines, and a tab, NEL and the
//     Unicode line and paragraph separators become a space;
//   - invalid UTF-8 and U+FFFD go (a lone 0x9b byte is a CSI on 8-bit
//     terminals);
//   - format characters (Unicode Cf: bidi overrides and isolates, zero-width
//     spaces, soft hyphens, tag characters…) go, except ZWJ and ZWNJ, which
//     emoji sequences and some scripts need.
package termsafe

import (
	"strconv"
	"unicode/utf8"
)

// Line is s fit for one row: every line break becomes a space.
func Line(s string) string { return clean(s, lineRules) }

// Text is s with its line breaks kept (as "\n").
func Text(s string) string { return clean(s, textRules) }

// Styled is rendered text for the terminal: like Text, but well-formed
// SGR sequences (colours and text attributes: ESC [ digits ; : m, nothing
// private) stay. Hyperlinks, clipboard writes and every other sequence go.
func Styled(s string) string { return clean(s, styledRules) }

// IsStyled reports whether Styled would leave s as it is: only printable
// text, newlines and SGR sequences. One pass, no allocation: the check a
// frame passes on its way to the terminal.
func IsStyled(s string) bool { return isClean(s, styledRules) }

// quoteMax bounds a quoted piece of outside text, in characters: a message
// quotes a name or a reason, not a page.
const quoteMax = 200

// Quote is outside text (a file name, a server's reason phrase, a config
// key) for a message: in double quotes, every control, escape and
// invisible character spelled out as Go does (\x1b, \u202e) so the reader
// sees what is there, cut after 200 characters with "…".
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= quoteMax {
		return strconv.Quote(s)
	}
	n := 0
	for i := range s {
		if n == quoteMax {
			return strconv.Quote(s[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(s)
}

// Name is outside text that is usually plain (a file name, a config key)
// for a message: as it is when the cleaners would keep it whole, else
// Quote'd, so that what a terminal would act on or hide is spelled out
// ("keys.\"quit\u009b31m\"" must not read as keys.quit).
func Name(s string) string {
	if Line(s) == s {
		return s
	}
	return Quote(s)
}

// Keeps reports whether the cleaners keep r as it is: printable ASCII, or
// a character that is no control, separator or format character. Checks
// that refuse rather than clean (a link) use it.
func Keeps(r rune) bool {
	if r < 0x80 {
		return r >= 0x20 && r < 0x7f
	}
	return keepRune(r)
}
