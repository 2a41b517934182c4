package feed

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sanitize removes from untrusted text everything a terminal could act on:
// escape sequences (CSI, OSC, DCS… in 7- and 8-bit form), C0 controls but
// newline and tab, DEL, C1 controls, bidi overrides and isolates, and
// zero-width format characters. Invalid UTF-8 becomes U+FFFD.
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x9e || r == 0x9f || r == 0x98:
			// 8-bit CSI, OSC, DCS, PM, APC, SOS: drop the whole sequence.
			i += size + sequenceBodyLen(s[i+size:], r == 0x9b)
			continue
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		case isInvisibleFormat(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII, newlines and tabs only.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t') {
			return false
		}
	}
	return true
}

// escapeLen is the length of the escape sequence at the start of s (which
// begins with ESC), so that its parameters never reach the screen as text.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + sequenceBodyLen(s[2:], true)
	case ']', 'P', '^', '_', 'X':
		return 2 + sequenceBodyLen(s[2:], false)
	default:
		// Two-byte sequences such as ESC c (reset) or ESC 7.
		_, size := utf8.DecodeRuneInString(s[1:])
		return 1 + size
	}
}

// sequenceBodyLen measures a CSI body (up to its final byte) or a string
// body (OSC, DCS…: up to BEL, ST or ESC \).
func sequenceBodyLen(s string, csi bool) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if csi {
			if c >= 0x40 && c <= 0x7e {
				return i + 1
			}
			if c < 0x20 || c > 0x7e { // malformed: stop here
				return i
			}
			continue
		}
		switch {
		case c == 0x07:
			return i + 1
		case c == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case c == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // 8-bit ST
			return i + 2
		}
	}
	return len(s)
}

// isInvisibleFormat reports bidi controls and zero-width characters that
// can reorder or hide text on screen.
func isInvisibleFormat(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, // LRE RLE PDF LRO RLO
		r >= 0x2066 && r <= 0x2069,                // LRI RLI FSI PDI
		r == 0x200e || r == 0x200f || r == 0x061c, // LRM RLM ALM
		r == 0x200b || r == 0x2060 || r == 0xfeff, // zero width space, word joiner, BOM
		r >= 0x2061 && r <= 0x2064, r == 0x180e, r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return false
}

// cleanLine is a sanitised single-line field: every run of whitespace
// (hard line breaks in titles included) becomes one space.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(Sanitize(s)), " ")
}

// cleanText is a sanitised multi-paragraph field: hard-wrapped lines are
// joined, blank lines stay paragraph breaks.
func cleanText(s string) string {
	s = Sanitize(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var paras []string
	for _, p := range paragraphSplit.Split(s, -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

var paragraphSplit = regexp.MustCompile(`\n[ \t]*\n`)

var linkPattern = regexp.MustCompile(`https?://[^\s<>"'\x60\[\]{}|\\^]+`)

// FindLinks returns the http(s) links in text, in order, without the
// sentence punctuation that follows a link ("see https://x.org/a." → the
// link is https://x.org/a). An unbalanced closing parenthesis is trimmed.
func FindLinks(text string) []string {
	var out []string
	for _, m := range linkPattern.FindAllString(text, -1) {
		m = trimLinkTail(m)
		if u := SafeURL(m); u != "" {
			out = append(out, u)
		}
	}
	return out
}

func trimLinkTail(s string) string {
	for s != "" {
		last := s[len(s)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"*", last) >= 0:
			s = s[:len(s)-1]
		case last == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// SafeURL keeps only absolute http(s) links with a host, rebuilt from
// their parsed form; anything else (javascript:, file:, relative) is "".
func SafeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 2048 {
		return ""
	}
	for _, r := range raw {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return ""
		}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}
