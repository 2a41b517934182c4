package rank

import "slices"

// keyCount is a term (by its hash) and how often a text holds it.
type keyCount struct {
	key uint64
	n   int32
}

// counter counts the terms of one text at a time, reusing its buffers.
// Terms are 64-bit hashes (FNV-1a for a word, the two words' hashes mixed for
// a bigram): a collection of 100,000 papers has a few million distinct terms,
// where the chance that two share a hash is about one in a million.
type counter struct {
	keys []uint64
	out  []keyCount
}

// count returns the text's terms with their counts, by ascending key.
func (c *counter) count(text string) []keyCount {
	c.keys = c.keys[:0]
	eachTerm(text, func(key uint64, _, _ string) { c.keys = append(c.keys, key) })
	slices.Sort(c.keys)
	c.out = c.out[:0]
	for i := 0; i < len(c.keys); {
		j := i + 1
		for j < len(c.keys) && c.keys[j] == c.keys[i] {
			j++
		}
		c.out = append(c.out, keyCount{c.keys[i], int32(j - i)})
		i = j
	}
	return c.out
}

// eachTerm calls emit for each unigram and bigram of text with its key; the
// words are first and second ("" first for a unigram).
func eachTerm(text string, emit func(key uint64, first, second string)) {
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
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
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
	eachTerm(text, func(key uint64, first, second string) {
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
