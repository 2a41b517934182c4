package rank

import (
	"slices"
	"testing"
)

// The fast tokenizer finds exactly the terms of the plain one (words), on
// real abstracts (TeX accents, formulas, non-ASCII names) and on edge cases.
func TestTokenizerMatchesWords(t *testing.T) {
	texts := []string{
		"Schrödinger NAÏVE operators on Straße 3d x2 _under A-b c_d é",
		"the of and", "", "ab", "1ab ab1 a1b", "Ωmega αβ abc αx", "ﬁbre ﬂow", "İstanbul",
		"Grüß Gott, naïve café: ½ ² x²",
	}
	data, err := readGzipLines("../testdata/arxiv_labelled_papers.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, data...)
	var tok tokenizer
	for _, text := range texts {
		var fast, slow []uint64
		tok.eachTerm(text, func(k uint64) { fast = append(fast, k) })
		eachTermText(text, func(k uint64, _, _ string) { slow = append(slow, k) })
		if !slices.Equal(fast, slow) {
			t.Fatalf("%d terms by the fast tokenizer, %d by words, in %.80q", len(fast), len(slow), text)
		}
	}
}
