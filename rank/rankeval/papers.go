// Package rankeval measures how well package rank finds a category's papers
// on real labelled arXiv records, by the protocol of issue 12: bookmark 40
// papers of a category, rank all the others, and score the ranking by
// average precision, a paper being relevant when its first category is the
// bookmarked one. scripts/rank-quality runs the same split through
// scikit-learn.
package rankeval

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// Labelled is a paper and its primary arXiv category.
type Labelled struct {
	Paper    model.Paper
	Category string
}

// record is a line of arXiv's metadata snapshot (the keys ranking reads).
type record struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Authors    string `json:"authors"`
	Categories string `json:"categories"`
	Abstract   string `json:"abstract"`
}

// LoadLabelled reads papers in the arXiv metadata snapshot's JSON lines,
// gzip-compressed when the name ends in .gz.
func LoadLabelled(path string) ([]Labelled, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = gz
	}
	var out []Labelled
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		var rec record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		cats := strings.Fields(rec.Categories)
		if rec.ID == "" || len(cats) == 0 {
			return nil, fmt.Errorf("%s:%d: a record without id or categories", path, line)
		}
		out = append(out, Labelled{
			Paper: model.Paper{
				ID:      rec.ID,
				Title:   rec.Title,
				Authors: splitAuthors(rec.Authors),
				Summary: rec.Abstract,
			},
			Category: cats[0],
		})
	}
	return out, sc.Err()
}

var authorSeparator = regexp.MustCompile(`\s*,\s*|\s+and\s+`)

// splitAuthors splits arXiv's "A, B and C". Joined again with spaces the
// names make the same terms as the original string ("and" is a stop word).
func splitAuthors(s string) []string {
	var out []string
	for _, a := range authorSeparator.Split(strings.TrimSpace(s), -1) {
		if a != "" {
			out = append(out, a)
		}
	}
	return out
}
