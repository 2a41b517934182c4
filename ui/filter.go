package ui

import (
	"strings"
	"unicode"

	"github.com/paperdeck/paperdeck/model"
)

// filterIndex holds, per paper, the lower-cased words that the list filter
// matches against. It is built once per listing (in the loading command),
// so a keystroke only compares prefixes.
type filterIndex struct {
	words [][]string
}

func newFilterIndex(papers []model.Paper) filterIndex {
	ix := filterIndex{words: make([][]string, len(papers))}
	for i, p := range papers {
		var b strings.Builder
		b.WriteString(p.Title)
		for _, a := range p.Authors {
			b.WriteByte(' ')
			b.WriteString(a)
		}
		b.WriteByte(' ')
		b.WriteString(p.Organization)
		for _, k := range p.Keywords {
			b.WriteByte(' ')
			b.WriteString(k)
		}
		ix.words[i] = splitWords(b.String())
	}
	return ix
}

func (ix filterIndex) size() int { return len(ix.words) }

// splitWords lower-cases s and splits it at everything that is not a
// letter or a digit ("Llama-3.1" → "llama", "3", "1").
func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// filterPapers is the list filter: the positions of the papers in which
// every word of query starts some word of the title, authors, organisation
// or keywords, case-insensitively, in listing order. An empty query keeps
// everything. It is the one place a faster engine would replace.
func filterPapers(ix filterIndex, query string) []int {
	terms := splitWords(query)
	out := make([]int, 0, ix.size())
	for i, words := range ix.words {
		if matchesAll(words, terms) {
			out = append(out, i)
		}
	}
	return out
}

func matchesAll(words, terms []string) bool {
	for _, t := range terms {
		found := false
		for _, w := range words {
			if strings.HasPrefix(w, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
