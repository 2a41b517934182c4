// Package corpus generates any number of realistic paper records for tests
// and benchmarks: deterministic for a seed, with field lengths, vocabulary
// and distributions drawn from the real fixtures (see vocab.json).
package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// Shares and shapes of the generated fields, as seen on Hugging Face.
const (
	perDay       = 60   // papers per day: n papers cover n/60 days back from baseDate
	codeShare    = 0.10 // papers with a GitHub link
	projectShare = 0.08
	orgShare     = 0.45
	keywordShare = 0.70 // older listings carry no AI keywords
	aiShare      = 0.70
)

var baseDate = time.Date(2026, 6, 12, 0, 0, 0, 0, time.UTC)

// Generate returns n papers, newest first, as paperdeck's parsers would
// produce them. The same n and seed give the same papers, and a smaller n
// gives a prefix of a larger one: paper i depends only on seed and i.
func Generate(n int, seed int64) []model.Paper {
	if n <= 0 {
		return []model.Paper{}
	}
	papers := make([]model.Paper, n)
	vocab().fill(papers, 0, seed)
	return papers
}

// fill makes papers[j] paper from+j, on every core: papers are
// independent, so the cores can share the work.
func (v *titleModel) fill(papers []model.Paper, from int, seed int64) {
	n := len(papers)
	workers := min(runtime.GOMAXPROCS(0), max(1, n/1000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for j := w; j < n; j += workers {
				papers[j] = v.paper(from+j, seed)
			}
		})
	}
	wg.Wait()
}

func (v *titleModel) paper(i int, seed int64) model.Paper {
	r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
	day := baseDate.AddDate(0, 0, -i/perDay)
	id := fmt.Sprintf("%s.%05d", day.Format("0601"), 10000+(day.Day()-1)*100+i%perDay)

	p := model.Paper{
		ID:        id,
		Title:     v.title(r),
		Authors:   v.authors(r),
		Published: day.Format("2006-01-02"),
		Upvotes:   longTail(r, 1.5, 1.3),
		Summary:   v.abstract(r),
		Keywords:  []string{},
		Links:     []string{},
		URL:       "https://huggingface.co/papers/" + id,
		ArxivURL:  "https://arxiv.org/abs/" + id,
		PDFURL:    "https://arxiv.org/pdf/" + id,
		Source:    model.SourceHF,
	}
	p.AuthorCount = len(p.Authors)
	p.Comments = p.Upvotes/25 + int(r.ExpFloat64()*0.7)
	if r.Float64() < orgShare {
		p.Organization = pick(r, v.Organizations)
	}
	if r.Float64() < keywordShare {
		p.Keywords = pickDistinct(r, v.Keywords, 5+r.IntN(11))
	}
	if r.Float64() < aiShare {
		p.AISummary = pick(r, v.AISummaries)
	}
	if r.Float64() < codeShare {
		p.GitHub = "https://github.com/" + pick(r, v.CodeOwners) + "/" + slug(p.Title)
		p.GitHubStars = longTail(r, 3, 1.8)
		p.Links = append(p.Links, p.GitHub)
		if r.IntN(2) == 0 {
			p.Summary += " Code is available at " + p.GitHub + "."
		}
	}
	if r.Float64() < projectShare {
		p.ProjectPage = "https://" + strings.ToLower(pick(r, v.CodeOwners)) + ".github.io/" + slug(p.Title) + "/"
		p.Links = append(p.Links, p.ProjectPage)
	}
	return p
}

// longTail draws a count from a log-normal: most small, a few huge, like
// upvotes and GitHub stars.
func longTail(r *rand.Rand, mu, sigma float64) int {
	return max(0, int(math.Exp(mu+sigma*r.NormFloat64()))-1)
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func pickDistinct(r *rand.Rand, list []string, k int) []string {
	k = min(k, len(list))
	out := make([]string, 0, k)
	seen := make(map[int]bool, k)
	for len(out) < k {
		if j := r.IntN(len(list)); !seen[j] {
			seen[j] = true
			out = append(out, list[j])
		}
	}
	return out
}

// title walks the word chain of the real titles, sometimes behind a new
// system name: "EvoSense: Efficient Diffusion Training for Video Generation".
func (v *titleModel) title(r *rand.Rand) string {
	var words []string
	for len(words) < 3 {
		words = v.phrase(r)
	}
	t := strings.Join(words, " ")
	if r.Float64() < v.named {
		name := pick(r, v.fragments) + pick(r, v.fragments)
		if r.IntN(5) == 0 {
			name += "-" + pick(r, []string{"X", "R1", "2", "3", "Lite", "Pro", "Zero"})
		}
		t = name + ": " + t
	}
	return t
}

func (v *titleModel) phrase(r *rand.Rand) []string {
	target := v.lengths[r.IntN(len(v.lengths))]
	w := pick(r, v.starts)
	words := []string{w}
	for len(words) < target+4 {
		k := strings.ToLower(w)
		if len(words) >= target && v.ends[k] {
			break
		}
		next := v.next[k]
		if len(next) == 0 {
			break
		}
		w = pick(r, next)
		words = append(words, w)
	}
	// Cut a phrase that ran long back to a word a real title ends with.
	if !v.ends[strings.ToLower(words[len(words)-1])] {
		for i := len(words) - 1; i >= 3; i-- {
			if v.ends[strings.ToLower(words[i-1])] {
				return words[:i]
			}
		}
	}
	return words
}

func (v *titleModel) authors(r *rand.Rand) []string {
	n := v.AuthorCounts[r.IntN(len(v.AuthorCounts))]
	out := make([]string, 0, n)
	seen := make(map[string]bool, n)
	for tries := 0; len(out) < n && tries < 4*n; tries++ {
		name := pick(r, v.FirstNames) + " " + pick(r, v.LastNames)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

func (v *titleModel) abstract(r *rand.Rand) string {
	n := 4 + r.IntN(6)
	parts := make([]string, 0, n)
	parts = append(parts, pick(r, v.FirstSentences))
	for len(parts) < n {
		parts = append(parts, pick(r, v.Sentences))
	}
	return strings.Join(parts, " ")
}

// slug makes a repository name from a title: "Flow Matching for X" →
// "flow-matching-for-x", at most five words.
func slug(title string) string {
	words := strings.FieldsFunc(strings.ToLower(title), func(c rune) bool {
		return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')
	})
	return strings.Join(words[:min(len(words), 5)], "-")
}

// The corpus every benchmark of issue 6 runs on, so their figures compare.
const (
	BenchmarkSize = 100_000
	BenchmarkSeed = 1
)

var (
	benchOnce   sync.Once
	benchPapers []model.Paper
)

// Benchmark returns the benchmark corpus, generated once per process.
// Callers share it: never modify it.
func Benchmark() []model.Paper {
	benchOnce.Do(func() { benchPapers = Generate(BenchmarkSize, BenchmarkSeed) })
	return benchPapers
}
