package rank

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/paperdeck/paperdeck/model"
)

// Text is what a paper's features are made of: arxiv-sanity-lite's title,
// abstract and author names joined by spaces.
func Text(p model.Paper) string {
	var b strings.Builder
	b.Grow(len(p.Title) + len(p.Summary) + 16*len(p.Authors) + 2)
	b.WriteString(p.Title)
	b.WriteByte(' ')
	b.WriteString(p.Summary)
	b.WriteByte(' ')
	for i, a := range p.Authors {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(a)
	}
	return b.String()
}

// words calls emit for every word that makes terms, the way scikit-learn's
// TfidfVectorizer reads text with arxiv-sanity-lite's settings: lowercase,
// accents stripped (NFKD without combining marks), tokens matching
// (?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b, English stop words dropped. The terms are
// each word and each pair of neighbours among them (a bigram skips the stop
// words between its two words, as scikit-learn's does).
func words(text string, emit func(word string)) {
	forEachToken(normalise(text), func(tok string) {
		if _, stop := stopWords[tok]; !stop {
			emit(tok)
		}
	})
}

// normalise lowercases and strips accents; ASCII text (most abstracts) only
// needs lowercasing. It is not internal/fold on purpose: fold spells out
// letters scikit-learn's strip_accents="unicode" leaves alone ("ß" → "ss",
// "ł" → "l"), and the terms must match scikit-learn's for the parity tests
// (sklearn_test.go) and arxiv-sanity-lite's rankings.
func normalise(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	s = norm.NFKD.String(strings.ToLower(s))
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
}

// forEachToken finds the tokens of scikit-learn's token pattern in
// normalised text: a maximal run of word characters that is all ASCII
// letters, digits and underscores, starts with a letter or underscore and is
// at least two long. (A run holding any other word character, say "ß", has
// no word boundary inside it, so the pattern matches nothing there.)
func forEachToken(s string, emit func(string)) {
	i := 0
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isWord(r) {
			i += size
			continue
		}
		start, asciiOnly := i, true
		for i < len(s) {
			r, size = rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
			if !isWord(r) {
				break
			}
			if r >= utf8.RuneSelf {
				asciiOnly = false
			}
			i += size
		}
		if asciiOnly && i-start >= 2 && !('0' <= s[start] && s[start] <= '9') {
			emit(s[start:i])
		}
	}
}

// isWord is Python's \w: letters, numbers and the underscore.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}
