package corpus

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
	"unicode"
)

// vocab.json is extracted from the real and hand-made fixtures in
// testdata/ by TestVocabularyMatchesFixtures -update; it is embedded so a
// binary never needs the repository at run time.
//
//go:embed vocab.json
var vocabJSON []byte

type vocabulary struct {
	Titles         []string `json:"titles"`
	FirstNames     []string `json:"first_names"`
	LastNames      []string `json:"last_names"`
	Organizations  []string `json:"organizations"`
	Keywords       []string `json:"keywords"`
	AISummaries    []string `json:"ai_summaries"`
	FirstSentences []string `json:"first_sentences"`
	Sentences      []string `json:"sentences"`
	CodeOwners     []string `json:"code_owners"`
	AuthorCounts   []int    `json:"author_counts"`
}

// model is what the generator draws from: the vocabulary plus a word chain
// over the fixtures' titles.
type titleModel struct {
	vocabulary
	starts    []string            // first words of title phrases
	next      map[string][]string // lower-cased word → words seen after it
	ends      map[string]bool     // words a real title phrase ends with
	lengths   []int               // words per real title phrase
	fragments []string            // pieces of system names: "Web", "Challenger", "Evo"…
	named     float64             // share of titles with a "Name: " prefix
}

var (
	loadOnce sync.Once
	loaded   *titleModel
)

func vocab() *titleModel {
	loadOnce.Do(func() {
		m := &titleModel{next: map[string][]string{}, ends: map[string]bool{}}
		if err := json.Unmarshal(vocabJSON, &m.vocabulary); err != nil {
			panic("corpus: embedded vocab.json is broken: " + err.Error()) // a build defect, not input
		}
		named := 0
		for _, t := range m.Titles {
			phrase := t
			if name, rest, ok := strings.Cut(t, ": "); ok && !strings.Contains(name, " ") {
				named++
				m.fragments = append(m.fragments, nameFragments(name)...)
				phrase = rest
			}
			words := strings.Fields(phrase)
			if len(words) == 0 {
				continue
			}
			m.starts = append(m.starts, words[0])
			m.lengths = append(m.lengths, len(words))
			m.ends[strings.ToLower(words[len(words)-1])] = true
			for i := 0; i+1 < len(words); i++ {
				k := strings.ToLower(words[i])
				m.next[k] = append(m.next[k], words[i+1])
			}
		}
		m.named = float64(named) / float64(len(m.Titles))
		loaded = m
	})
	return loaded
}

// nameFragments splits "WebChallenger" into "Web", "Challenger" and
// "HYDRA-X" into "HYDRA", "X": the pieces new system names are made of.
// Pieces shorter than three letters stay with their neighbour ("DiT").
func nameFragments(name string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '+' }) {
		rs := []rune(part)
		var pieces []string
		start := 0
		for i := 1; i < len(rs); i++ {
			if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
				pieces = append(pieces, string(rs[start:i]))
				start = i
			}
		}
		pieces = append(pieces, string(rs[start:]))
		for i := 0; i < len(pieces); i++ {
			switch p := pieces[i]; {
			case len([]rune(p)) >= 3 || len(pieces) == 1:
				out = append(out, p)
			case i+1 < len(pieces) && len(out) == 0 || i == 0 && i+1 < len(pieces):
				pieces[i+1] = p + pieces[i+1]
			case len(out) > 0:
				out[len(out)-1] += p
			}
		}
	}
	return out
}
