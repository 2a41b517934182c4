// Package fold makes words comparable across keyboards and spellings:
// lower case, accents stripped, compatibility forms spelled out
// ("Rafał" → "rafal", "Müller" → "muller", "ß" → "ss", "ﬁ" → "fi"). The
// filter's index and queries and the BibTeX keys use it.
package fold

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// String is s folded.
func String(s string) string {
	if isLowerASCII(s) {
		return s
	}
	return string(Bytes([]byte(s)))
}

// Bytes is w folded. It reuses w's memory where it can (the filter folds
// every word of every abstract): w is not to be used afterwards.
func Bytes(w []byte) []byte {
	d := norm.NFKD.Bytes(w)
	out := d[:0] // folding shortens or keeps each character…
	if lowerGrows(d) {
		out = make([]byte, 0, 2*len(d)) // …but for a few capitals (Ⱥ → ⱥ)
	}
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		d = d[size:]
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, byte(r))
		case unicode.Is(unicode.Mn, r):
		default:
			r = unicode.ToLower(r)
			if s, ok := special[r]; ok {
				out = append(out, s...)
			} else {
				out = utf8.AppendRune(out, r)
			}
		}
	}
	return out
}

// special are the Latin letters (lower case) that do not decompose into a
// base letter and accents.
var special = map[rune]string{
	'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ħ': "h",
}

// lowerGrows reports whether some character of d takes more bytes in
// lower case.
func lowerGrows(d []byte) bool {
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		if r >= utf8.RuneSelf && utf8.RuneLen(unicode.ToLower(r)) > size {
			return true
		}
		d = d[size:]
	}
	return false
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
