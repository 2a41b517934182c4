package termsafe

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// rules say what a caller keeps besides plain text.
type rules struct {
	lines bool // line breaks stay "\n" (otherwise they become spaces)
	sgr   bool // well-formed SGR sequences stay
}

var (
	lineRules   = rules{}
	textRules   = rules{lines: true}
	styledRules = rules{lines: true, sgr: true}
)

// clean is the one scanner behind Line, Text and Styled.
func clean(s string, r rules) string {
	if isClean(s, r) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size <= 1:
			i++ // an invalid byte: never pass raw 0x80–0xff through
			continue
		case c == 0x1b:
			end := escapeEnd(s, i)
			if r.sgr && isSGR(s[i:end]) {
				b.WriteString(s[i:end])
			}
			i = end
			continue
		case c == 0x9b: // 8-bit CSI
			i = csiEnd(s, i+size)
			continue
		case c == 0x90 || c == 0x98 || c == 0x9d || c == 0x9e || c == 0x9f: // 8-bit DCS, SOS, OSC, PM, APC
			i = stringEnd(s, i+size)
			continue
		case c == '\n':
			b.WriteByte(lineBreak(r))
		case c == '\r':
			// CRLF is one line break; a lone CR would move the cursor.
			if i+1 >= len(s) || s[i+1] != '\n' {
				b.WriteByte(lineBreak(r))
			}
		case c == '\t' || c == '\u0085' || c == '\u2028' || c == '\u2029':
			b.WriteByte(' ')
		case c < 0x20 || c == 0x7f || c >= 0x80 && !keepRune(c):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func lineBreak(r rules) byte {
	if r.lines {
		return '\n'
	}
	return ' '
}

// isClean reports whether clean(s, r) is s, in one pass without
// allocating: most text has nothing to remove.
func isClean(s string, r rules) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f || c == '\n' && r.lines:
			i++
		case c == 0x1b && r.sgr:
			end := escapeEnd(s, i)
			if !isSGR(s[i:end]) {
				return false
			}
			i = end
		case c < 0x80:
			return false
		default:
			c, size := utf8.DecodeRuneInString(s[i:])
			if !keepRune(c) {
				return false
			}
			i += size
		}
	}
	return true
}

// keepRune reports whether a non-ASCII rune may reach the screen as it is.
func keepRune(c rune) bool {
	switch {
	case c == utf8.RuneError || c <= 0x9f:
		return false
	case c == '\u200d' || c == '\u200c':
		return true
	case c == '\u2028' || c == '\u2029':
		return false
	}
	return !unicode.Is(unicode.Cf, c)
}

// escapeEnd returns the index after the escape sequence whose ESC is at
// s[i].
func escapeEnd(s string, i int) int {
	j := i + 1
	if j >= len(s) {
		return j
	}
	switch c := s[j]; {
	case c == '[':
		return csiEnd(s, j+1)
	case c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_':
		return stringEnd(s, j+1)
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
		return j // a lone ESC: it goes, what follows is judged on its own
	}
}

// csiEnd returns the index after a CSI body starting at i (parameters,
// intermediates, final byte). An interrupted sequence ends where the
// interruption starts, so the interrupting byte is judged on its own.
func csiEnd(s string, i int) int {
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

// isSGR reports whether seq is a plain SGR: ESC [, digits, ';' and ':'
// only, final 'm'. Private forms such as CSI > 4 ; 2 m (which changes
// keyboard modes) are not SGR.
func isSGR(seq string) bool {
	if len(seq) < 3 || len(seq) > 66 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for i := 2; i < len(seq)-1; i++ {
		if c := seq[i]; (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// stringEnd returns the index after a control string (OSC, DCS, SOS, PM,
// APC) whose body starts at i. It ends at BEL or ST (ESC \ or 8-bit
// 0x9c) on the same line; a string never terminated there ends at its
// first space or control, so one hostile field cannot swallow the text
// after it.
func stringEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		switch c := s[j]; {
		case c == 0x07:
			return j + 1
		case c == 0x1b && j+1 < len(s) && s[j+1] == '\\':
			return j + 2
		case c == 0xc2 && j+1 < len(s) && s[j+1] == 0x9c:
			return j + 2
		case c == 0x1b || c == '\n' || c == '\r' || c == 0xc2 && j+1 < len(s) && s[j+1] >= 0x80 && s[j+1] <= 0x9f:
			// another sequence or a new line starts: this one never ended
			// (stopping here also keeps the scan linear).
			return unterminatedEnd(s, i)
		}
	}
	return unterminatedEnd(s, i)
}

// unterminatedEnd is the end of a control string that never ends: its
// first word of printable ASCII (an OSC's number and parameters, a link).
func unterminatedEnd(s string, i int) int {
	for i < len(s) && s[i] > 0x20 && s[i] < 0x7f {
		i++
	}
	return i
}
