package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// CleanOutput makes rendered text safe to write to a terminal: it keeps
// SGR sequences (CSI params m: colours and text attributes) and newlines,
// and drops every other escape sequence (OSC 8 hyperlinks and OSC 52
// clipboard writes included), C0 and C1 controls, invalid UTF-8 (a lone
// 0x9b byte is a CSI on 8-bit terminals) and bidi or other invisible format
// characters. Tabs become spaces so widths stay countable.
func CleanOutput(s string) string {
	return scrub(s, true)
}

// plain removes every escape sequence and control from untrusted text,
// before it goes anywhere near Markdown. Newlines are kept (paragraphs);
// tabs and other separators become spaces.
func plain(s string) string {
	return scrub(s, false)
}

// scrub is the one scanner behind CleanOutput and plain, so the two can
// never disagree about what a control or an escape sequence is.
func scrub(s string, keepSGR bool) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			i++ // invalid byte: never pass raw 0x80–0xff through
		case r == 0x1b:
			i = skipEscape(s, i, keepSGR, &b)
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
		case r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f: // 8-bit DCS, SOS, OSC, PM, APC
			i = skipString(s, i+size)
		case r == '\n':
			b.WriteByte('\n')
			i += size
		case r == '\r':
			// CRLF is one newline; a lone CR would move the cursor.
			if i+1 >= len(s) || s[i+1] != '\n' {
				b.WriteByte('\n')
			}
			i += size
		case r == '\t' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			b.WriteByte(' ')
			i += size
		case dropRune(r):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// isClean is the fast path: most text has nothing to remove.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 {
			if c >= 0x80 {
				return isCleanUnicode(s[i:])
			}
			return false
		}
	}
	return true
}

func isCleanUnicode(s string) bool {
	for _, r := range s {
		if r != '\n' && (dropRune(r) || r == '\u2028' || r == '\u2029') {
			return false
		}
	}
	return true
}

// dropRune reports the characters that never reach the screen: controls,
// bidi overrides and isolates, zero-width and other format characters,
// and the private markers this package uses for bold and italic. ZWJ and
// ZWNJ stay: emoji sequences and some scripts need them.
func dropRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r == '\u200d' || r == '\u200c':
		return false
	case r >= markBase && r < markBase+markCount:
		return true
	case r == utf8.RuneError:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// skipEscape handles an ESC at s[i]. It writes the sequence to b only when
// keepSGR is set and the sequence is a plain SGR, and returns the index
// after the sequence.
func skipEscape(s string, i int, keepSGR bool, b *strings.Builder) int {
	j := i + 1
	if j >= len(s) {
		return j
	}
	switch c := s[j]; {
	case c == '[':
		end := skipCSI(s, j+1)
		if keepSGR && isSGR(s[j+1:end]) {
			b.WriteString(s[i:end])
		}
		return end
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return skipString(s, j+1)
	case c >= 0x20 && c <= 0x2f:
		// nF sequence (ESC ( B and friends): intermediates, then a final.
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
			j++
		}
		if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
			j++
		}
		return j
	case c >= 0x30 && c <= 0x7e:
		return j + 1 // ESC 7, ESC c (full reset) and other two-byte sequences
	default:
		return j // a lone ESC: drop it, keep what follows
	}
}

// skipCSI returns the index after a CSI body starting at i (parameters,
// intermediates, final byte). An interrupted sequence ends where the
// interruption starts, so the interrupting byte is judged on its own.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
		i++
	}
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
		i++
	}
	return i
}

// isSGR reports whether seq (a CSI body without ESC [) is a plain SGR:
// digits, ';' and ':' only, final 'm'. Private forms such as CSI > 4 ; 2 m
// (which changes keyboard modes) are not SGR.
func isSGR(seq string) bool {
	if len(seq) == 0 || seq[len(seq)-1] != 'm' || len(seq) > 64 {
		return false
	}
	for i := 0; i < len(seq)-1; i++ {
		c := seq[i]
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// skipString returns the index after a control string (OSC, DCS, SOS, PM,
// APC) whose body starts at i: it ends at BEL, ST (ESC \ or 8-bit 0x9c),
// or — for a string never terminated — at the end of the line, so one
// hostile field cannot swallow the rest of the page.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i // another sequence starts: let the caller judge it
		case s[i] == '\n':
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
