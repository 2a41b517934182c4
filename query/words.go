package query

import (
	"unicode"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/internal/fold"
)

// ForEachWord calls fn with every word of s, lower-cased and folded
// ("Rafał" → "rafal"): maximal runs of letters and digits, so "Llama-3.1"
// gives "llama", "3", "1". The slice passed to fn is reused: copy to keep.
func ForEachWord(s string, buf []byte, fn func(word []byte)) []byte {
	buf = buf[:0]
	ascii := true
	flush := func() {
		if len(buf) == 0 {
			return
		}
		if !ascii {
			buf = fold.Bytes(buf) // "é" → "e", "ł" → "l", "ß" → "ss"
		}
		if len(buf) > 0 {
			fn(buf)
		}
		buf, ascii = buf[:0], true
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			default:
				flush()
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) && len(buf) > 0 {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			ascii = false
		} else {
			flush()
		}
	}
	flush()
	return buf
}

// Words is ForEachWord collected: the words a query or a tag is made of.
func Words(s string) []string {
	var out []string
	ForEachWord(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}
