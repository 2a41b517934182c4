// Package rank ranks papers for a reader, offline, the way arxiv-sanity-lite
// does: tf-idf features of title, abstract and authors over every paper
// paperdeck knows, a linear SVM per tag (and one for all bookmarks) with the
// bookmarks as positives and the other papers as negatives, papers sorted by
// its score. It also says why a paper scores high (the terms that weigh most)
// and finds the papers most like one (cosine over the same features).
//
// No library fits the sparse linear model: the Go LIBLINEAR bindings need the
// C library and dense matrices, the Go ports of LIBSVM are kernel SVMs and
// unmaintained. TrainSVM is LIBLINEAR's dual coordinate descent, checked
// against scikit-learn's LinearSVC on real papers.
package rank

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/paperdeck/paperdeck/model"
)

// MinBookmarks is how many bookmarks a model needs to learn from.
const MinBookmarks = 3

// NeedBookmarksError says there are too few bookmarks to learn from.
type NeedBookmarksError struct {
	Tag  string // "" for all bookmarks
	Have int
}

func (e *NeedBookmarksError) Error() string {
	if e.Tag != "" {
		return fmt.Sprintf("ranking for tag %q needs at least %d papers with that tag to learn from (it has %d)",
			e.Tag, MinBookmarks, e.Have)
	}
	return fmt.Sprintf("ranking for you needs at least %d bookmarks to learn from (you have %d)", MinBookmarks, e.Have)
}

// Model scores papers for one set of bookmarks (all of them, or one tag's).
type Model struct {
	Linear
	f *Features
}

// Train fits a model with the papers of positives (ids; those the features
// do not hold are skipped) against every other paper of f. tag only names
// the model in errors.
func Train(ctx context.Context, f *Features, positives []string, tag string, opt SVMOptions) (*Model, error) {
	pos := make([]bool, f.Len())
	have := 0
	for _, id := range positives {
		if i, ok := f.row[id]; ok && !pos[i] {
			pos[i] = true
			have++
		}
	}
	if have < MinBookmarks {
		return nil, &NeedBookmarksError{Tag: tag, Have: have}
	}
	X := &f.Rows
	if neg := f.Len() - have; opt.MaxNegatives > 0 && neg > opt.MaxNegatives {
		X, pos = sampleNegatives(X, pos, neg, opt.MaxNegatives)
	}
	lin, err := TrainSVM(ctx, X, len(f.Terms), pos, opt)
	if err != nil {
		return nil, err
	}
	return &Model{Linear: *lin, f: f}, nil
}

// sampleNegatives keeps every positive and every k-th of the neg negatives,
// at most max of them.
func sampleNegatives(X *Matrix, pos []bool, neg, max int) (*Matrix, []bool) {
	step := (neg + max - 1) / max
	sub := &Matrix{Start: []int{0}}
	var subPos []bool
	k := 0
	for i := range X.Len() {
		if !pos[i] {
			k++
			if k%step != 0 {
				continue
			}
		}
		r := X.Row(i)
		sub.Cols = append(sub.Cols, r.Cols...)
		sub.Vals = append(sub.Vals, r.Vals...)
		sub.Start = append(sub.Start, len(sub.Cols))
		subPos = append(subPos, pos[i])
	}
	return sub, subPos
}

// Score is the paper's score: above zero, the model takes it for one of the
// bookmarks.
func (m *Model) Score(p model.Paper) float64 { return m.Linear.Score(m.f.Vector(p)) }

// Scored is a paper's position in a listing and its score.
type Scored struct {
	Index int
	Score float64
}

// Rank scores papers and orders them best first (equal scores keep the
// listing's order).
func (m *Model) Rank(papers []model.Paper) []Scored {
	out := make([]Scored, len(papers))
	for i, p := range papers {
		out[i] = Scored{i, m.Score(p)}
	}
	slices.SortStableFunc(out, func(a, b Scored) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

// Term is a term of the vocabulary and what it adds to a score or a
// similarity.
type Term struct {
	Text   string
	Weight float64
}

// Why returns the terms that raise the paper's score most, at most n,
// largest first: the model's weight of each term times its tf-idf.
func (m *Model) Why(p model.Paper, n int) []Term {
	x := m.f.Vector(p)
	var terms []Term
	for k, j := range x.Cols {
		if c := m.W[j] * float64(x.Vals[k]); c > 0 {
			terms = append(terms, Term{m.f.Terms[j], c})
		}
	}
	return topTerms(terms, n)
}

func topTerms(terms []Term, n int) []Term {
	slices.SortFunc(terms, func(a, b Term) int { return cmp.Compare(b.Weight, a.Weight) })
	return terms[:min(n, len(terms))]
}

// Match is a paper of the collection and its cosine similarity to another.
type Match struct {
	ID     string
	Cosine float64
}

// Similar returns the papers of the collection most like p, at most n, most
// similar first, without p itself: the cosine of their tf-idf vectors (the
// rows are l2-normalised, so a dot product).
func (f *Features) Similar(p model.Paper, n int) []Match {
	x := f.Vector(p)
	if len(x.Cols) == 0 || n <= 0 {
		return nil
	}
	dense := make([]float32, len(f.Terms))
	for k, j := range x.Cols {
		dense[j] = x.Vals[k]
	}
	self := -1
	if i, ok := f.row[p.ID]; ok && p.ID != "" {
		self = i
	}
	var best []Match
	for i := range f.Len() {
		if i == self {
			continue
		}
		r := f.Rows.Row(i)
		var dot float32
		for k, j := range r.Cols {
			dot += dense[j] * r.Vals[k]
		}
		if dot <= 0 {
			continue
		}
		if len(best) < n || float64(dot) > best[len(best)-1].Cosine {
			best = insertMatch(best, Match{f.IDs[i], float64(dot)}, n)
		}
	}
	return best
}

// insertMatch keeps best sorted, most similar first, and at most n long.
func insertMatch(best []Match, m Match, n int) []Match {
	at, _ := slices.BinarySearchFunc(best, m, func(a, b Match) int { return cmp.Compare(b.Cosine, a.Cosine) })
	best = slices.Insert(best, at, m)
	return best[:min(n, len(best))]
}

// SharedTerms returns the terms that make two papers alike, at most n: the
// product of their tf-idf weights.
func (f *Features) SharedTerms(a, b model.Paper, n int) []Term {
	x, y := f.Vector(a), f.Vector(b)
	var terms []Term
	for i, k := 0, 0; i < len(x.Cols) && k < len(y.Cols); {
		switch {
		case x.Cols[i] < y.Cols[k]:
			i++
		case x.Cols[i] > y.Cols[k]:
			k++
		default:
			terms = append(terms, Term{f.Terms[x.Cols[i]], float64(x.Vals[i]) * float64(y.Vals[k])})
			i++
			k++
		}
	}
	return topTerms(terms, n)
}
