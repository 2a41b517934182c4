package rankeval

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
)

// Protocol is how an evaluation splits the papers.
type Protocol struct {
	Categories []string // the categories to bookmark, one at a time
	Bookmarks  int      // papers of the category bookmarked (40)
	Splits     int      // splits per category, averaged
	Features   rank.FeatureOptions
	SVM        rank.SVMOptions
}

// DefaultCategories are the categories of the committed labelled papers with
// enough papers to bookmark 40 and still find 38 to 60 more.
var DefaultCategories = []string{"math.RT", "math.QA", "math.AG", "math.CO", "math.NT", "hep-th", "astro-ph", "hep-ph"}

// DefaultProtocol is issue 12's: 40 bookmarks, arxiv-sanity-lite's features
// and SVM, three splits.
func DefaultProtocol(papers int) Protocol {
	return Protocol{
		Categories: DefaultCategories,
		Bookmarks:  40,
		Splits:     3,
		Features:   rank.DefaultFeatureOptions(papers),
		SVM:        rank.DefaultSVMOptions(),
	}
}

// Result is one category's average precision, averaged over the splits, for
// the model and for the listing's own order.
type Result struct {
	Category  string  `json:"category"`
	Relevant  int     `json:"relevant"` // papers of the category left to find
	AP        float64 `json:"ap"`
	ListOrder float64 `json:"list_order_ap"`
}

// Report is an evaluation's results and what it cost.
type Report struct {
	Papers        int           `json:"papers"`
	Results       []Result      `json:"results"`
	MeanAP        float64       `json:"mean_ap"`
	MeanListOrder float64       `json:"mean_list_order_ap"`
	FeatureTime   time.Duration `json:"feature_ns"`
	TrainTime     time.Duration `json:"train_ns"` // per model, averaged
}

// Evaluate builds the features of every paper once (arxiv-sanity-lite fits
// them on the whole collection too), then for each category and split trains
// on the bookmarked papers against all the others and ranks the others.
func Evaluate(ctx context.Context, papers []Labelled, p Protocol) (Report, error) {
	all := make([]model.Paper, len(papers))
	for i, l := range papers {
		all[i] = l.Paper
	}
	start := time.Now()
	f, err := rank.BuildFeatures(ctx, all, p.Features)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Papers: len(papers), FeatureTime: time.Since(start)}
	var trainTime time.Duration
	models := 0
	for _, c := range p.Categories {
		res := Result{Category: c}
		for s := 1; s <= p.Splits; s++ {
			bookmarked := Split(papers, c, p.Bookmarks, s)
			if len(bookmarked) < p.Bookmarks {
				return Report{}, fmt.Errorf("%s has %d papers, fewer than the %d to bookmark", c, len(bookmarked), p.Bookmarks)
			}
			start := time.Now()
			m, err := rank.Train(ctx, f, bookmarked, c, p.SVM)
			if err != nil {
				return Report{}, err
			}
			trainTime += time.Since(start)
			models++
			isBookmark := make(map[string]bool, len(bookmarked))
			for _, id := range bookmarked {
				isBookmark[id] = true
			}
			var relevant, byScore []bool
			var scores []float64
			for _, l := range papers {
				if isBookmark[l.Paper.ID] {
					continue
				}
				relevant = append(relevant, l.Category == c)
				scores = append(scores, m.Score(l.Paper))
			}
			byScore = orderBy(relevant, scores)
			res.AP += AveragePrecision(byScore) / float64(p.Splits)
			res.ListOrder += AveragePrecision(relevant) / float64(p.Splits)
			res.Relevant = count(relevant)
		}
		rep.Results = append(rep.Results, res)
		rep.MeanAP += res.AP / float64(len(p.Categories))
		rep.MeanListOrder += res.ListOrder / float64(len(p.Categories))
	}
	if models > 0 {
		rep.TrainTime = trainTime / time.Duration(models)
	}
	return rep, nil
}

// Split picks the papers of category c to bookmark in split s: the n whose
// hex SHA-256 of "s:id" sorts first. scripts/rank_quality.py picks the same.
func Split(papers []Labelled, c string, n, s int) []string {
	type keyed struct{ key, id string }
	var in []keyed
	for _, l := range papers {
		if l.Category == c {
			sum := sha256.Sum256(fmt.Appendf(nil, "%d:%s", s, l.Paper.ID))
			in = append(in, keyed{hex.EncodeToString(sum[:]), l.Paper.ID})
		}
	}
	slices.SortFunc(in, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	ids := make([]string, 0, n)
	for _, k := range in[:min(n, len(in))] {
		ids = append(ids, k.id)
	}
	return ids
}

// orderBy returns relevant reordered by descending score; equal scores keep
// their order.
func orderBy(relevant []bool, scores []float64) []bool {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	out := make([]bool, len(idx))
	for k, i := range idx {
		out[k] = relevant[i]
	}
	return out
}

// AveragePrecision of a ranking (relevant[k]: whether the paper at rank k+1
// is relevant): the mean, over the relevant papers, of the precision at
// their rank. 0 when nothing is relevant.
func AveragePrecision(relevant []bool) float64 {
	var hits, sum float64
	for k, r := range relevant {
		if r {
			hits++
			sum += hits / float64(k+1)
		}
	}
	if hits == 0 {
		return 0
	}
	return sum / hits
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}
