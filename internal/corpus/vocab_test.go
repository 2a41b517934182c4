package corpus

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

var update = flag.Bool("update", false, "rewrite vocab.json from the fixtures in ../../testdata")

// TestVocabularyMatchesFixtures says when vocab.json is no longer what the
// fixtures give (a new fixture, a parser change). The vocabulary stays
// frozen until someone runs this test with -update, so the benchmark
// corpus does not change under the figures reported for it.
func TestVocabularyMatchesFixtures(t *testing.T) {
	v := extractVocabulary(t, "../../testdata")
	got, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile("vocab.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, vocabJSON) {
		t.Log("vocab.json differs from what the fixtures give now; to refresh it (and the corpus): go test ./internal/corpus -run TestVocabularyMatchesFixtures -update")
	}
	v = vocab().vocabulary
	for name, n := range map[string]int{"titles": len(v.Titles), "names": len(v.LastNames), "keywords": len(v.Keywords), "sentences": len(v.Sentences)} {
		if n < 20 {
			t.Errorf("vocab.json has only %d %s", n, name)
		}
	}
}

func extractVocabulary(t *testing.T, dir string) vocabulary {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.json", "*.html", "*.xml"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	slices.Sort(files)
	seen := map[string]bool{}
	var papers []model.Paper
	for _, f := range files {
		l, err := feed.ParseFile(f)
		if err != nil {
			continue // an empty day, say: nothing to learn from
		}
		for _, p := range l.Papers {
			if !seen[p.ID] {
				seen[p.ID] = true
				papers = append(papers, p)
			}
		}
	}
	if len(papers) < 40 {
		t.Fatalf("only %d papers in %s: the fixtures are missing", len(papers), dir)
	}

	var v vocabulary
	add := func(list *[]string, s string) {
		if s = strings.TrimSpace(s); s != "" {
			*list = append(*list, s)
		}
	}
	for _, p := range papers {
		add(&v.Titles, p.Title)
		add(&v.Organizations, p.Organization)
		add(&v.AISummaries, p.AISummary)
		for _, k := range p.Keywords {
			add(&v.Keywords, k)
		}
		for _, a := range p.Authors {
			first, last := splitName(a)
			add(&v.FirstNames, first)
			add(&v.LastNames, last)
		}
		if p.AuthorCount > 0 {
			v.AuthorCounts = append(v.AuthorCounts, p.AuthorCount)
		}
		for i, s := range sentences(p.Summary) {
			if strings.Contains(s, "://") || len(s) < 30 {
				continue // links are added on purpose, not by chance
			}
			if i == 0 {
				add(&v.FirstSentences, s)
			} else {
				add(&v.Sentences, s)
			}
		}
		if p.GitHub != "" {
			if owner := githubOwner(p.GitHub); owner != "" {
				add(&v.CodeOwners, owner)
			}
		}
	}
	for _, list := range []*[]string{&v.Organizations, &v.Keywords, &v.FirstNames, &v.LastNames, &v.CodeOwners, &v.AISummaries, &v.FirstSentences, &v.Sentences} {
		slices.Sort(*list)
		*list = slices.Compact(*list)
	}
	slices.Sort(v.AuthorCounts)
	return v
}

// splitName takes "R. Michael Alvarez" apart as "R. Michael", "Alvarez".
func splitName(name string) (first, last string) {
	f := strings.Fields(name)
	if len(f) < 2 {
		return "", name
	}
	return strings.Join(f[:len(f)-1], " "), f[len(f)-1]
}

var githubOwnerPattern = regexp.MustCompile(`^https?://github\.com/([A-Za-z0-9_.-]+)`)

func githubOwner(u string) string {
	if m := githubOwnerPattern.FindStringSubmatch(u); m != nil {
		return m[1]
	}
	return ""
}

// sentences splits an abstract after ". ", "! " or "? " followed by a
// capital, keeping abbreviations such as "e.g." and "et al." whole.
func sentences(abstract string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(abstract); i++ {
		c := abstract[i]
		if (c != '.' && c != '!' && c != '?') || abstract[i+1] != ' ' {
			continue
		}
		next := abstract[i+2]
		if next < 'A' || next > 'Z' {
			continue
		}
		words := strings.Fields(abstract[start : i+1])
		if last := words[len(words)-1]; c == '.' && isAbbreviation(last) {
			continue
		}
		out = append(out, abstract[start:i+1])
		start = i + 2
	}
	if rest := strings.TrimSpace(abstract[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func isAbbreviation(word string) bool {
	switch strings.ToLower(word) {
	case "e.g.", "i.e.", "al.", "vs.", "fig.", "eq.", "etc.", "cf.", "resp.", "approx.":
		return true
	}
	return len(word) == 2 && word[0] >= 'A' && word[0] <= 'Z' // an initial: "R."
}
