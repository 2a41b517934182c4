package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// similarKind is the period of a "papers like this one" listing; its
// value is the paper's title.
const similarKind model.PeriodKind = "similar"

// similarMax is how many papers a "papers like this one" listing shows.
const similarMax = 30

// similarTo is what the listing of papers like one is made from: the
// paper and the papers known when it was asked for (the listing then on
// screen, frozen, and the bookmarks); the command gathers them, with the
// cache's, off the screen's goroutine.
type similarTo struct {
	paper     model.Paper
	listing   list.Papers
	bookmarks []model.Paper
}

// pool is every paper the listing is chosen from, the paper itself last.
func (s similarTo) pool() []model.Paper {
	return append(append(s.listing.All(), s.bookmarks...), s.paper)
}

// showSimilar lists the papers paperdeck knows that are most like p
// (cosine over the "for you" features), as a listing esc goes back from.
func (m *App) showSimilar(p model.Paper) tea.Cmd {
	papers := m.rows().List()
	if papers.Catalog() != nil {
		return m.status.Flash(common.Notice, catalogNoSimilar) // app_catalog.go
	}
	var marked []model.Paper
	for _, b := range m.marks.session() {
		marked = append(marked, b.Paper)
	}
	m.similar = similarTo{paper: p, listing: papers.Frozen(), bookmarks: marked}
	return m.load(loadReq{Request: feed.Request{Period: model.Period{Kind: similarKind, Value: p.Title}}, Push: true})
}

// similarLoadCmd makes the listing of papers like s.paper.
func similarLoadCmd(ctx context.Context, cache *rank.Cache, known knownPapers, s similarTo, gen int, req loadReq) tea.Cmd {
	return func() tea.Msg {
		pool := s.pool()
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
