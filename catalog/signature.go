package catalog

// A paper's signature is 128 bits saying which characters and which pairs
// of characters start its words (id, title, author line): a query word can
// only start a word of a paper whose signature has the word's bits, so a
// filter checks millions of signatures (16 bytes each, in one array) and
// reads the text of the few papers that pass. A one-letter word is
// answered by the signature alone.

type signature [2]uint64

const (
	otherFirst = 36 // the bit of a word starting with a non-ASCII letter
	pairBits   = 128 - 37
)

func (s *signature) set(bit uint) { s[bit/64] |= 1 << (bit % 64) }

func (s signature) has(m signature) bool { return s[0]&m[0] == m[0] && s[1]&m[1] == m[1] }

// firstBit is the bit of a word starting with c.
func firstBit(c byte) uint {
	switch {
	case c >= 'a' && c <= 'z':
		return uint(c - 'a')
	case c >= '0' && c <= '9':
		return 26 + uint(c-'0')
	}
	return otherFirst
}

// pairBit is the bit of a word starting with c then d.
func pairBit(c, d byte) uint {
	h := uint(c)*31 + uint(d)
	return 37 + (h*2654435761>>7)%pairBits
}

// signatureOf is the signature of a paper's folded text.
func signatureOf(fold []byte) signature {
	var s signature
	for p := 0; p < len(fold); p++ {
		if !isWordByte(fold[p]) || p > 0 && isWordByte(fold[p-1]) {
			continue
		}
		s.set(firstBit(fold[p]))
		if p+1 < len(fold) && isWordByte(fold[p+1]) {
			s.set(pairBit(fold[p], fold[p+1]))
		}
	}
	return s
}

// wordMask is what a paper's signature must have for word (folded, made
// of word bytes) to start one of its words; exact says the mask alone
// decides (a one-letter ASCII word).
func wordMask(word string) (m signature, exact bool) {
	m.set(firstBit(word[0]))
	if len(word) > 1 {
		m.set(pairBit(word[0], word[1]))
	}
	return m, len(word) == 1 && firstBit(word[0]) != otherFirst
}
