package filter

import (
	"unicode"

	"github.com/paperdeck/paperdeck/query"
)

// orgInitials are what people type for an organisation: the first letters
// of its words, small words left out ("Massachusetts Institute of
// Technology" → "mit") and, when they differ, kept ("miot"). A capital
// inside a word starts a word of its own ("DeepMind" → "d", "m"). Names of
// one word have none.
func orgInitials(name string) []string {
	var short, long []byte
	parts := 0
	for _, part := range nameParts(name) {
		w := query.Words(part)
		if len(w) == 0 {
			continue
		}
		parts++
		long = append(long, w[0][0])
		if !smallWords[w[0]] {
			short = append(short, w[0][0])
		}
	}
	if parts < 2 {
		return nil
	}
	out := []string{string(long)}
	if len(short) >= 2 && len(short) < len(long) {
		out = append(out, string(short))
	}
	return out
}

// nameParts splits a name at spaces, punctuation and a capital after a
// small letter.
func nameParts(name string) []string {
	var out []string
	start := -1
	var prev rune
	for i, r := range name {
		alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case !alnum:
			if start >= 0 {
				out = append(out, name[start:i])
				start = -1
			}
		case start < 0:
			start = i
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			out = append(out, name[start:i])
			start = i
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, name[start:])
	}
	return out
}

// smallWords are left out of initials: "of" in MIT, "and" in HKUST.
var smallWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "at": true, "in": true, "on": true, "a": true, "an": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "di": true, "del": true, "und": true, "fur": true,
}
