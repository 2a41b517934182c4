package store

import (
	"strings"

	"github.com/paperdeck/paperdeck/internal/fold"
	"github.com/paperdeck/paperdeck/model"
)

// bibtexKey is the usual citation key: the first author's family name, the
// year and the first significant word of the title, in ASCII lower case,
// e.g. dubey2024llama.
func bibtexKey(p model.Paper) string {
	name := "anon"
	if len(p.Authors) > 0 {
		if f := familyName(p.Authors[0]); f != "" {
			name = f
		}
	}
	return name + paperYear(p) + titleWord(p.Title)
}

// uniqueKey adds a, b, … z, aa, ab… to a key already used in the file.
func uniqueKey(key string, used map[string]bool) string {
	k := key
	for n := 1; used[k]; n++ {
		k = key + letters(n)
	}
	used[k] = true
	return k
}

// letters numbers 1, 2, … 26, 27 as a, b, … z, aa.
func letters(n int) string {
	var s []byte
	for ; n > 0; n = (n - 1) / 26 {
		s = append([]byte{byte('a' + (n-1)%26)}, s...)
	}
	return string(s)
}

var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// familyName is the last word of "Given Family" or the part before the
// comma of "Family, Given", folded to ASCII letters.
func familyName(name string) string {
	if family, _, ok := strings.Cut(name, ","); ok {
		return asciiLetters(family)
	}
	words := strings.Fields(name)
	for len(words) > 1 && nameSuffixes[asciiLetters(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	return asciiLetters(words[len(words)-1])
}

// insignificant title words, skipped when picking the key's word.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the of on in into for to from by at as with without
		and or nor but not no is are was be been being do does did can could should would will may might must
		what how why when where which who whom whose whether this that these those it its we our us you your
		via vs versus towards toward about over under beyond through upon than all any some more most one`) {
		stopWords[w] = true
	}
}

// titleWord is the first word of the title that is not a stop word, a
// lone letter or a number.
func titleWord(title string) string {
	words := strings.FieldsFunc(fold.String(title), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	for _, w := range words {
		if len(w) > 1 && !stopWords[w] && !isDigits(w) {
			return w
		}
	}
	return ""
}

func asciiLetters(s string) string {
	var b strings.Builder
	for _, r := range fold.String(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
