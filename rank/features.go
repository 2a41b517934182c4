package rank

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/paperdeck/paperdeck/model"
)

// FeatureOptions are the tf-idf settings of arxiv-sanity-lite's compute.py.
type FeatureOptions struct {
	MaxFeatures int     // keep the terms used most often, at most this many
	MinDF       int     // drop terms in fewer papers than this
	MaxDF       float64 // drop terms in more than this share of the papers
}

// RecipeFeatureOptions are compute.py's: 10,000 terms, min_df 5, max_df 0.5.
func RecipeFeatureOptions() FeatureOptions {
	return FeatureOptions{MaxFeatures: 10000, MinDF: 5, MaxDF: 0.5}
}

// DefaultFeatureOptions are compute.py's, adapted to the size of the
// collection: arxiv-sanity-lite's holds hundreds of thousands of papers,
// paperdeck's what the reader has seen. Below 5,000 papers a term counts
// from two papers on: on the 1,223 labelled papers of the quality test that
// lifts mean average precision from 0.580 to 0.601 (scripts/rank-quality),
// and at min_df 5 a 40-paper collection has almost no terms left.
func DefaultFeatureOptions(papers int) FeatureOptions {
	o := RecipeFeatureOptions()
	if papers < smallCollection {
		o.MinDF = 2
	}
	return o
}

const smallCollection = 5000

// Features are the tf-idf vectors of a collection of papers, one row per
// paper in the order given, over a vocabulary of unigrams and bigrams.
type Features struct {
	Terms []string  // the vocabulary: column j is Terms[j] ("graph neural" for a bigram)
	IDF   []float32 // smooth idf per column: ln((1+n)/(1+df)) + 1
	IDs   []string  // row i is the paper with this id
	Rows  Matrix    // sublinear tf × idf, each row l2-normalised
	Key   string    // a hash of the papers and options (Cache.Features sets it)

	row   map[string]int   // id → row
	vocab map[uint64]int32 // term key → column, to vectorise papers seen later
}

// Matrix is a sparse matrix in compressed rows: row i's columns are
// Cols[Start[i]:Start[i+1]], ascending, with their values in Vals.
type Matrix struct {
	Start []int
	Cols  []int32
	Vals  []float32
}

// Vector is one sparse row: ascending columns and their values.
type Vector struct {
	Cols []int32
	Vals []float32
}

// Row returns row i without copying.
func (m *Matrix) Row(i int) Vector {
	a, b := m.Start[i], m.Start[i+1]
	return Vector{Cols: m.Cols[a:b], Vals: m.Vals[a:b]}
}

// Len is the number of rows.
func (m *Matrix) Len() int { return len(m.Start) - 1 }

// Row is the row of the paper with this id, if the collection has it.
func (f *Features) Row(id string) (int, bool) {
	i, ok := f.row[id]
	return i, ok
}

// Len is the number of papers.
func (f *Features) Len() int { return len(f.IDs) }

// Vector returns a paper's features: its row when the collection has it,
// else its text vectorised over the same vocabulary (a paper of a listing
// read after the features were built).
func (f *Features) Vector(p model.Paper) Vector {
	if i, ok := f.row[p.ID]; ok && p.ID != "" {
		return f.Rows.Row(i)
	}
	var t tokenizer
	var cols []int32
	return f.vectorise(Text(p), &t, &cols)
}

// BuildFeatures computes the features of papers (duplicates by id count
// once: the first is kept). It uses every core and stops early, returning
// ctx's error, when ctx is cancelled, so a reader can build them in the
// background and drop them when the listing changes. Cache.Features keeps
// them on disk.
func BuildFeatures(ctx context.Context, papers []model.Paper, opt FeatureOptions) (*Features, error) {
	papers = uniqueByID(papers)
	texts := make([]string, len(papers))
	err := parallel(ctx, len(papers), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			texts[i] = Text(papers[i])
		}
	})
	if err != nil {
		return nil, err
	}
	return buildFeatures(ctx, papers, texts, opt)
}

// buildFeatures builds from unique papers and their texts.
func buildFeatures(ctx context.Context, papers []model.Paper, texts []string, opt FeatureOptions) (*Features, error) {
	n := len(papers)
	f := &Features{IDs: make([]string, n), row: make(map[string]int, n)}
	for i, p := range papers {
		f.IDs[i] = p.ID
		f.row[p.ID] = i
	}
	stats, err := countTerms(ctx, texts)
	if err != nil {
		return nil, err
	}
	f.chooseVocabulary(stats, n, opt)
	if err := f.vectoriseAll(ctx, texts); err != nil {
		return nil, err
	}
	return f, nil
}

func uniqueByID(papers []model.Paper) []model.Paper {
	seen := make(map[string]bool, len(papers))
	out := make([]model.Paper, 0, len(papers))
	for _, p := range papers {
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		out = append(out, p)
	}
	return out
}

// termStat is a term's document frequency and total count; last is the
// paper that counted last (plus one), so a paper counts once in df.
type termStat struct{ df, count, last int32 }

// termCounts is one worker's counts: a key's stats are stats[index[key]].
type termCounts struct {
	index map[uint64]int32
	stats []termStat
}

// countTerms counts, for every term, the papers it appears in and how often
// it appears in all. Each worker counts a share of the papers on its own;
// the counts are merged at the end.
func countTerms(ctx context.Context, texts []string) (termCounts, error) {
	parts := make([]termCounts, workers(len(texts)))
	toks := make([]tokenizer, len(parts))
	for w := range parts {
		parts[w] = termCounts{index: make(map[uint64]int32, 1<<12)}
	}
	err := parallel(ctx, len(texts), func(w, lo, hi int) {
		c := &parts[w]
		for i := lo; i < hi; i++ {
			doc := int32(i + 1)
			toks[w].eachTerm(texts[i], func(k uint64) {
				j, ok := c.index[k]
				if !ok {
					j = int32(len(c.stats))
					c.index[k] = j
					c.stats = append(c.stats, termStat{})
				}
				st := &c.stats[j]
				if st.last != doc {
					st.df++
					st.last = doc
				}
				st.count++
			})
		}
	})
	if err != nil {
		return termCounts{}, err
	}
	slices.SortFunc(parts, func(a, b termCounts) int { return len(b.stats) - len(a.stats) })
	all := parts[0]
	for _, p := range parts[1:] {
		for k, i := range p.index {
			s := p.stats[i]
			j, ok := all.index[k]
			if !ok {
				j = int32(len(all.stats))
				all.index[k] = j
				all.stats = append(all.stats, termStat{})
			}
			all.stats[j].df += s.df
			all.stats[j].count += s.count
		}
	}
	return all, nil
}

// chooseVocabulary keeps the terms within the document-frequency bounds,
// then the MaxFeatures most frequent (ties by hash, so the choice is stable).
func (f *Features) chooseVocabulary(counts termCounts, n int, opt FeatureOptions) {
	type cand struct {
		key uint64
		termStat
	}
	maxDF := opt.MaxDF * float64(n)
	var cands []cand
	for k, i := range counts.index {
		if s := counts.stats[i]; int(s.df) >= opt.MinDF && float64(s.df) <= maxDF {
			cands = append(cands, cand{k, s})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	if opt.MaxFeatures > 0 && len(cands) > opt.MaxFeatures {
		cands = cands[:opt.MaxFeatures]
	}
	f.vocab = make(map[uint64]int32, len(cands))
	f.IDF = make([]float32, len(cands))
	for j, c := range cands {
		f.vocab[c.key] = int32(j)
		f.IDF[j] = float32(math.Log(float64(1+n)/float64(1+c.df)) + 1)
	}
	f.Terms = make([]string, len(cands))
}

// vectoriseAll fills Rows, then the text of every term.
func (f *Features) vectoriseAll(ctx context.Context, texts []string) error {
	n := len(texts)
	rows := make([]Vector, n)
	toks := make([]tokenizer, workers(n))
	cols := make([][]int32, len(toks))
	err := parallel(ctx, n, func(w, lo, hi int) {
		for i := lo; i < hi; i++ {
			rows[i] = f.vectorise(texts[i], &toks[w], &cols[w])
		}
	})
	if err != nil {
		return err
	}
	nnz := 0
	for _, r := range rows {
		nnz += len(r.Cols)
	}
	m := Matrix{Start: make([]int, 1, n+1), Cols: make([]int32, 0, nnz), Vals: make([]float32, 0, nnz)}
	for _, r := range rows {
		m.Cols = append(m.Cols, r.Cols...)
		m.Vals = append(m.Vals, r.Vals...)
		m.Start = append(m.Start, len(m.Cols))
	}
	f.Rows = m
	// Terms are named from the first paper holding them: only papers that
	// bring a new term are read again.
	for i, r := range rows {
		for _, j := range r.Cols {
			if f.Terms[j] == "" {
				termNames(texts[i], f.vocab, f.Terms)
				break
			}
		}
	}
	return nil
}

// vectorise turns one text into its l2-normalised tf-idf vector, with
// scikit-learn's sublinear tf: 1 + ln(count). cols is scratch space.
func (f *Features) vectorise(text string, t *tokenizer, cols *[]int32) Vector {
	c := (*cols)[:0]
	t.eachTerm(text, func(k uint64) {
		if j, ok := f.vocab[k]; ok {
			c = append(c, j)
		}
	})
	slices.Sort(c)
	*cols = c
	var v Vector
	var sum float64
	for i := 0; i < len(c); {
		k := i + 1
		for k < len(c) && c[k] == c[i] {
			k++
		}
		x := (1 + math.Log(float64(k-i))) * float64(f.IDF[c[i]])
		v.Cols = append(v.Cols, c[i])
		v.Vals = append(v.Vals, float32(x))
		sum += x * x
		i = k
	}
	if sum > 0 {
		inv := 1 / math.Sqrt(sum)
		for k := range v.Vals {
			v.Vals[k] = float32(float64(v.Vals[k]) * inv)
		}
	}
	return v
}

// parallel runs fn over [0, n) in shares of at most 2,048 items on every
// core, worker w of workers(n) calling fn(w, lo, hi); it checks ctx between
// shares.
func parallel(ctx context.Context, n int, fn func(w, lo, hi int)) error {
	const step = 2048
	var next int
	var mu sync.Mutex
	take := func() (int, int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if next >= n || ctx.Err() != nil {
			return 0, 0, false
		}
		lo := next
		next = min(n, next+step)
		return lo, next, true
	}
	var wg sync.WaitGroup
	for w := range workers(n) {
		wg.Go(func() {
			for {
				lo, hi, ok := take()
				if !ok {
					return
				}
				fn(w, lo, hi)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// workers is how many goroutines parallel uses for n items.
func workers(n int) int { return min(runtime.GOMAXPROCS(0), max(1, n/256)) }
