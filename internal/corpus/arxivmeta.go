package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// Each calls fn with papers 0..n-1 of Generate(n, seed), in order, making
// them a block at a time on every core: for corpora too large to hold
// (a million papers of Generate are several gigabytes).
func Each(n int, seed int64, fn func(i int, p model.Paper) error) error {
	const block = 8192
	v := vocab()
	buf := make([]model.Paper, block)
	for from := 0; from < n; from += block {
		k := min(block, n-from)
		v.fill(buf[:k], from, seed)
		for j := range k {
			if err := fn(from+j, buf[j]); err != nil {
				return err
			}
		}
	}
	return nil
}

// arXiv categories and how common they are as a primary category (a
// rough share of recent submissions), for the snapshot shape.
var arxivCategories = []struct {
	name   string
	weight int
}{
	{"cs.LG", 14}, {"cs.CV", 12}, {"cs.CL", 9}, {"cs.AI", 5}, {"stat.ML", 3}, {"cs.RO", 3}, {"math.OC", 2},
	{"quant-ph", 6}, {"hep-th", 3}, {"hep-ph", 4}, {"astro-ph.GA", 3}, {"astro-ph.CO", 2}, {"gr-qc", 2},
	{"cond-mat.mtrl-sci", 3}, {"cond-mat.stat-mech", 2}, {"math.AP", 2}, {"math.PR", 2}, {"math.CO", 2},
	{"physics.optics", 2}, {"eess.IV", 2}, {"eess.SP", 2}, {"cs.CR", 2}, {"cs.IR", 1}, {"math.RT", 1}, {"q-bio.NC", 1},
}

var oldArchives = []string{"hep-th", "hep-ph", "astro-ph", "cond-mat", "gr-qc", "quant-ph", "math.GT", "math-ph"}

// WriteArxivMetadataLine writes paper i as one line of Cornell's arXiv
// metadata snapshot (arxiv-metadata-oai-snapshot.json), with the
// snapshot's keys, hard-wrapped title and abstract, and TeX-free names.
// Every 40th paper has an old-style id (hep-th/9901001).
func WriteArxivMetadataLine(w io.Writer, i int, seed int64, p model.Paper) error {
	r := rand.New(rand.NewPCG(uint64(seed)^0x5eed, uint64(i)))
	id := p.ID
	if i%40 == 0 {
		day, _ := time.Parse(time.DateOnly, p.Published)
		id = fmt.Sprintf("%s/%s%03d", pick(r, oldArchives), day.Format("0601"), 1+i%999)
	}
	cats := []string{weightedCategory(r)}
	for range r.IntN(3) {
		if c := weightedCategory(r); !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
	}
	created, _ := time.Parse(time.DateOnly, p.Published)
	created = created.Add(time.Duration(r.IntN(86400)) * time.Second)
	versions := []map[string]string{{"version": "v1", "created": created.Format(time.RFC1123)}}
	updated := created
	for v := 2; r.IntN(3) == 0 && v < 5; v++ {
		updated = updated.AddDate(0, 0, 1+r.IntN(90))
		versions = append(versions, map[string]string{"version": fmt.Sprintf("v%d", v), "created": updated.Format(time.RFC1123)})
	}
	parsed := make([][]string, len(p.Authors))
	for k, a := range p.Authors {
		first, last, _ := strings.Cut(a, " ")
		parsed[k] = []string{last, first, ""}
	}
	rec := arxivMetaRecord{
		ID: id, Submitter: firstOr(p.Authors), Authors: authorsLine(p.Authors), Title: hardWrap(p.Title, 70, "\n  "),
		Categories: strings.Join(cats, " "), Abstract: "  " + hardWrap(p.Summary, 78, "\n") + "\n",
		Versions: versions, UpdateDate: updated.Format(time.DateOnly), AuthorsParsed: parsed,
	}
	if r.IntN(2) == 0 {
		rec.Comments = fmt.Sprintf("%d pages, %d figures", 6+r.IntN(30), r.IntN(12))
	}
	if r.IntN(3) == 0 {
		rec.DOI = fmt.Sprintf("10.%d/%s.%d", 1000+r.IntN(9000), "journal", r.IntN(100000))
		rec.JournalRef = fmt.Sprintf("Phys.Rev.D%d:%06d,%s", 10+r.IntN(100), r.IntN(999999), created.Format("2006"))
	}
	if r.IntN(2) == 0 {
		rec.License = "http://arxiv.org/licenses/nonexclusive-distrib/1.0/"
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

type arxivMetaRecord struct {
	ID            string              `json:"id"`
	Submitter     *string             `json:"submitter"`
	Authors       string              `json:"authors"`
	Title         string              `json:"title"`
	Comments      any                 `json:"comments"`
	JournalRef    any                 `json:"journal-ref"`
	DOI           any                 `json:"doi"`
	ReportNo      any                 `json:"report-no"`
	Categories    string              `json:"categories"`
	License       any                 `json:"license"`
	Abstract      string              `json:"abstract"`
	Versions      []map[string]string `json:"versions"`
	UpdateDate    string              `json:"update_date"`
	AuthorsParsed [][]string          `json:"authors_parsed"`
}

func weightedCategory(r *rand.Rand) string {
	total := 0
	for _, c := range arxivCategories {
		total += c.weight
	}
	k := r.IntN(total)
	for _, c := range arxivCategories {
		if k -= c.weight; k < 0 {
			return c.name
		}
	}
	return arxivCategories[0].name
}

func firstOr(names []string) *string {
	if len(names) == 0 {
		return nil
	}
	return &names[0]
}

// authorsLine is the snapshot's "A, B and C".
func authorsLine(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// hardWrap breaks s at spaces before width, as arXiv's metadata is.
func hardWrap(s string, width int, brk string) string {
	var b strings.Builder
	col := 0
	for k, word := range strings.Fields(s) {
		if k > 0 {
			if col+1+len(word) > width {
				b.WriteString(brk)
				col = len(brk) - 1
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += len(word)
	}
	return b.String()
}
