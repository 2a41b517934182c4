package rank

import (
	"unicode/utf8"
)

// Terms are 64-bit keys: FNV-1a of a word, the two words' keys mixed for a
// bigram. A collection of 100,000 papers has a few million distinct terms,
// where the chance that two share a key is about one in a million.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// tokenizer finds the terms of one text at a time, reusing its buffer. It
// is words and eachTermText made fast: the same tokens, hashed as they are
// scanned, without a string per token (TestTokenizerMatchesWords).
type tokenizer struct {
	buf []byte
}

// eachTerm calls emit with the key of every unigram and bigram of text.
func (t *tokenizer) eachTerm(text string, emit func(key uint64)) {
	s := t.lower(text)
	var prev uint64
	hasPrev := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !wordByte[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRune(s[i:]); !isWord(r) {
			i += size
			continue
		}
		start, ascii, h := i, true, uint64(fnvOffset)
		for i < len(s) {
			c := s[i]
			if c < utf8.RuneSelf {
				if !wordByte[c] {
					break
				}
				h = (h ^ uint64(c)) * fnvPrime
				i++
				continue
			}
			r, size := utf8.DecodeRune(s[i:])
			if !isWord(r) {
				break
			}
			ascii = false
			i += size
		}
		if !ascii || i-start < 2 || s[start] <= '9' || stopKeys[h] {
			continue
		}
		emit(h)
		if hasPrev {
			emit(pairKey(prev, h))
		}
		prev, hasPrev = h, true
	}
}

// lower is normalise into the tokenizer's buffer: ASCII text is lowercased
// in place of a copy, anything else goes the slow way.
func (t *tokenizer) lower(text string) []byte {
	t.buf = append(t.buf[:0], text...)
	for i, c := range t.buf {
		if c >= utf8.RuneSelf {
			t.buf = append(t.buf[:0], normalise(text)...)
			return t.buf
		}
		if 'A' <= c && c <= 'Z' {
			t.buf[i] = c + 'a' - 'A'
		}
	}
	return t.buf
}

// wordByte marks the ASCII word characters: letters, digits, underscore.
var wordByte = func() (w [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		w[c] = isWord(rune(c))
	}
	return w
}()

// stopKeys are the stop words' keys.
var stopKeys = func() map[uint64]bool {
	m := make(map[uint64]bool, len(stopWords))
	for w := range stopWords {
		m[wordKey(w)] = true
	}
	return m
}()

// eachTermText is eachTerm with the words of each term, for naming terms:
// first is "" for a unigram.
func eachTermText(text string, emit func(key uint64, first, second string)) {
	var prev string
	var prevKey uint64
	words(text, func(w string) {
		k := wordKey(w)
		emit(k, "", w)
		if prev != "" {
			emit(pairKey(prevKey, k), prev, w)
		}
		prev, prevKey = w, k
	})
}

func wordKey(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= fnvPrime
	}
	return h
}

// pairKey mixes two word keys (splitmix64's finaliser), so a bigram's key
// depends on the order of its words and looks nothing like a word's.
func pairKey(a, b uint64) uint64 {
	z := a*0x9e3779b97f4a7c15 ^ (b + 0x632be59bd9b4e019)
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// termNames finds the text of the wanted keys in text.
func termNames(text string, want map[uint64]int32, names []string) {
	eachTermText(text, func(key uint64, first, second string) {
		j, ok := want[key]
		if !ok || names[j] != "" {
			return
		}
		if first == "" {
			names[j] = second
		} else {
			names[j] = first + " " + second
		}
	})
}
