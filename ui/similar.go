package ui

import (
	"context"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// similarKind is the period of a "papers like this one" listing; its
// value is the paper's title.
const similarKind model.PeriodKind = "similar"

// similarMax is how many papers a "papers like this one" listing shows.
const similarMax = 30

// similarTo is what the listing of papers like one is made from: the
// paper and the papers known when it was asked for (the listing then on
// screen and the bookmarks; the cache's are added off the screen).
type similarTo struct {
	paper model.Paper
	pool  []model.Paper
}

// showSimilar lists the papers paperdeck knows that are most like p
// (cosine over the "for you" features), as a listing esc goes back from.
func (m *App) showSimilar(p model.Paper) tea.Cmd {
	papers := m.rows().List()
	if papers.Catalog() != nil {
		return m.status.Flash(common.Notice, catalogNoSimilar) // app_catalog.go
	}
	pool := make([]model.Paper, 0, papers.Len())
	for i := range papers.Len() {
		pool = append(pool, papers.At(i))
	}
	for _, b := range m.marks.session() {
		pool = append(pool, b.Paper)
	}
	m.similar = similarTo{paper: p, pool: append(pool, p)}
	return m.load(loadReq{Request: feed.Request{Period: model.Period{Kind: similarKind, Value: p.Title}}, Push: true})
}

// similarLoadCmd makes the listing of papers like s.paper.
func similarLoadCmd(ctx context.Context, cache *rank.Cache, known knownPapers, s similarTo, gen int, req loadReq) tea.Cmd {
	return func() tea.Msg {
		// Clipped: a reload runs this again on the same s.pool, and two
		// appends must not share its spare capacity.
		pool := slices.Clip(s.pool)
		if known != nil {
			pool = append(pool, known.CachedPapers()...)
		}
		f, err := cache.Features(ctx, pool, rank.DefaultFeatureOptions(len(pool)))
		if err != nil {
			return listingMsg{gen: gen, req: req, err: err}
		}
		byID := make(map[string]model.Paper, len(pool))
		for _, p := range pool {
			if _, ok := byID[p.ID]; !ok {
				byID[p.ID] = p
			}
		}
		l := model.Listing{Period: req.Period}
		for _, match := range f.Similar(s.paper, similarMax) {
			l.Papers = append(l.Papers, byID[match.ID])
		}
		return listingMsg{gen: gen, req: req, res: feed.Result{Listing: l}, index: filter.New(l.Papers)}
	}
}

// loadSimilar starts the similar listing's request.
func (m *App) loadSimilar(r loadReq) tea.Cmd {
	if m.similar.paper.ID == "" {
		return m.status.Flash(common.Info, "no paper to find papers like")
	}
	ctx, gen := m.nav.guard.Begin(m.ctx)
	known, _ := m.opts.Feed.(knownPapers)
	return tea.Batch(m.syncLoading(), similarLoadCmd(ctx, rank.NewCache(m.opts.RankDir), known, m.similar, gen, r))
}
