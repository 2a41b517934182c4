package filter

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/internal/fold"
)

// forEachWord calls fn with every word of s, lower-cased and folded
// ("Rafał" → "rafal"): maximal runs of letters and digits, so "Llama-3.1"
// gives "llama", "3", "1". The slice passed to fn is reused: copy to keep.
func forEachWord(s string, buf []byte, fn func(word []byte)) []byte {
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

// words is forEachWord collected, for queries.
func words(s string) []string {
	var out []string
	forEachWord(s, nil, func(w []byte) { out = append(out, string(w)) })
	return out
}

// hasWordPrefix reports whether some word of s starts with prefix (a
// folded, lower-cased word). Used to check field qualifiers exactly.
func hasWordPrefix(s, prefix string) bool {
	found := false
	forEachWord(s, nil, func(w []byte) {
		if !found && strings.HasPrefix(string(w), prefix) {
			found = true
		}
	})
	return found
}
