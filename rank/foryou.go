package rank

import (
	"context"

	"github.com/paperdeck/paperdeck/model"
)

// ForYou is what a "for you" ranking learns from: the listing to rank, the
// other papers paperdeck knows (the cache), and the bookmarks to learn from
// (all of them, or one tag's).
type ForYou struct {
	Listing   []model.Paper
	Known     []model.Paper
	Bookmarks []model.Paper
	Tag       string // names the model in errors; "" for all bookmarks
}

// Ranking is a listing ranked for you, with what made it, so a reader can
// say why a paper ranks where it does (Model.Why) and find the papers like
// it (Features.Similar).
type Ranking struct {
	Order    []Scored // the listing's papers, best first
	Model    *Model
	Features *Features
}

// Rank builds (or reads back) the features of every paper in r and the
// model of its bookmarks, then ranks the listing. Fewer than MinBookmarks
// bookmarks is a *NeedBookmarksError, before any work. ctx cancels it: a
// reader runs it off the screen's goroutine and cancels it when the listing
// changes.
func (c *Cache) Rank(ctx context.Context, r ForYou) (*Ranking, error) {
	positives := make([]string, 0, len(r.Bookmarks))
	seen := map[string]bool{}
	for _, p := range r.Bookmarks {
		if !seen[p.ID] {
			seen[p.ID] = true
			positives = append(positives, p.ID)
		}
	}
	if len(positives) < MinBookmarks {
		return nil, &NeedBookmarksError{Tag: r.Tag, Have: len(positives)}
	}
	known := make([]model.Paper, 0, len(r.Listing)+len(r.Known)+len(r.Bookmarks))
	known = append(append(append(known, r.Listing...), r.Known...), r.Bookmarks...)
	f, err := c.Features(ctx, known, DefaultFeatureOptions(len(known)))
	if err != nil {
		return nil, err
	}
	m, err := c.Train(ctx, f, positives, r.Tag, DefaultSVMOptions())
	if err != nil {
		return nil, err
	}
	return &Ranking{Order: m.Rank(r.Listing), Model: m, Features: f}, nil
}
