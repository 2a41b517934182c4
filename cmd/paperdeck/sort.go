package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"slices"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/paths"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
	"github.com/paperdeck/paperdeck/store"
)

// listSort is `list --sort` and its `--tag`.
type listSort struct {
	by  string // "" (the listing's order), upvotes, date, foryou
	tag string // foryou: learn from this tag's bookmarks only
}

var sortNames = []string{"upvotes", "date", "foryou"}

func (s listSort) check() error {
	if s.by != "" && !slices.Contains(sortNames, s.by) {
		return fmt.Errorf("unknown sort %q: use upvotes, date or foryou", s.by)
	}
	if s.tag != "" && s.by != "foryou" {
		return errors.New("--tag chooses what --sort foryou learns from: add --sort foryou")
	}
	return nil
}

// apply orders the listing's papers; for foryou it returns their scores too,
// in the new order.
func (s listSort) apply(ctx context.Context, client *feed.Client, l model.Listing) ([]model.Paper, []float64, error) {
	papers := slices.Clone(l.Papers)
	switch s.by {
	case "upvotes":
		slices.SortStableFunc(papers, func(a, b model.Paper) int { return cmp.Compare(b.Upvotes, a.Upvotes) })
	case "date":
		slices.SortStableFunc(papers, newestFirst)
	case "foryou":
		return s.forYou(ctx, client, papers)
	}
	return papers, nil, nil
}

// newestFirst orders by model.Paper.SortDate, as the reader's S does;
// papers without a date go last.
func newestFirst(a, b model.Paper) int { return cmp.Compare(b.SortDate(), a.SortDate()) }

// forYou ranks papers by a model of the bookmarks (or of one tag's) trained
// against every paper paperdeck knows: the listing, the cache and the
// bookmarks. Features and models are kept in the cache's rank folder.
func (s listSort) forYou(ctx context.Context, client *feed.Client, papers []model.Paper) ([]model.Paper, []float64, error) {
	_, marks, err := readBookmarks()
	if err != nil {
		return nil, nil, err
	}
	if s.tag != "" {
		marks = store.Tagged(marks, s.tag)
	}
	req := rank.ForYou{Listing: papers, Tag: s.tag}
	for _, bm := range marks {
		req.Bookmarks = append(req.Bookmarks, bm.Paper)
	}
	if len(req.Bookmarks) >= rank.MinBookmarks { // the answer "needs bookmarks" needs no cache
		req.Known = client.CachedPapers()
	}
	ranking, err := rank.NewCache(rankCacheDir()).Rank(ctx, req)
	if err != nil {
		return nil, nil, forYouError(err)
	}
	out := make([]model.Paper, len(ranking.Order))
	scores := make([]float64, len(ranking.Order))
	for k, r := range ranking.Order {
		out[k], scores[k] = papers[r.Index], r.Score
	}
	return out, scores, nil
}

// forYouError adds what to do to "needs bookmarks".
func forYouError(err error) error {
	var need *rank.NeedBookmarksError
	if !errors.As(err, &need) {
		return err
	}
	how := "bookmark papers with b in the reader or `paperdeck bookmarks add ID…`"
	if need.Tag != "" {
		how = fmt.Sprintf("tag papers with `paperdeck bookmarks tag ID… --add %s`", need.Tag)
	}
	return fmt.Errorf("%w: %s", err, how)
}

func rankCacheDir() string {
	dir := cacheDir()
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "rank")
}

// cacheDir is paperdeck's cache folder, "" when there is none (then
// nothing is kept between runs).
func cacheDir() string {
	dir, err := paths.Cache()
	if err != nil {
		return ""
	}
	return dir
}

// scoredPaper is a paper record with its "for you" score: --json's record
// plus "score".
type scoredPaper struct {
	model.Paper
	Score float64 `json:"score"`
}

// writeScoredJSON writes the records like store.WriteJSON, each with its score.
func writeScoredJSON(w *bufio.Writer, papers []model.Paper, scores []float64) error {
	out := make([]scoredPaper, len(papers))
	for i, p := range papers {
		out[i] = scoredPaper{p, math.Round(scores[i]*1e4) / 1e4}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
