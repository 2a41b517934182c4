package list

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// A snapshot's listing is a *catalog.Catalog (package catalog): rows come
// from Papers.At, the filter is the catalog's (words and cat:NAME, in file
// order), asked in a command the next key cancels, and a query that
// narrows the last one searches only its matches. A load in progress hands
// the pane longer catalogs (SetCatalog); positions never move.

// catalogFilter is what the last catalog answer was, for the next key.
type catalogFilter struct {
	of      *catalog.Catalog // the catalog it was asked of
	q       catalog.Query
	matches []uint32 // file order
}

// SetCatalog swaps the listing's catalog for a longer one of the same
// load; a filter on screen asks again (one search at a time).
func (l *Model) SetCatalog(ctx context.Context, c *catalog.Catalog) tea.Cmd {
	if c == nil || l.papers.Catalog() == nil || c == l.papers.Catalog() {
		return nil
	}
	l.papers = l.papers.withCatalog(c)
	cmd := l.refilterGrown(ctx)
	l.refresh()
	return cmd
}

// CatalogSelected is the listing's catalog and the position of the paper
// under the cursor in it (ok false for a listing of batches, or no paper).
func (l *Model) CatalogSelected() (c *catalog.Catalog, pos int, ok bool) {
	c = l.papers.Catalog()
	pos, ok = l.selectedPos()
	return c, pos, ok && c != nil
}

// SetCatalogOrder shows the papers in by's order (catalog.ByDate); the
// filter's matches follow it through catalog.InOrder, not a sort.
func (l *Model) SetCatalogOrder(by []uint32) {
	pos := make([]int, len(by))
	for i, p := range by {
		pos[i] = int(p)
	}
	l.SetOrder(pos, nil)
	l.order.catalog = by
	l.sortMatches()
	l.refresh()
}

// catalogFilterCmd asks the catalog for the query, within the last
// answer's matches when the query narrows it.
// A snapshot's abstracts stay on disk: ctrl+a says so in the hint.
func catalogFilterCmd(ctx context.Context, c *catalog.Catalog, text string, abstracts bool, last catalogFilter, seq uint64, gen int) tea.Cmd {
	return func() tea.Msg {
		q := catalog.ParseQuery(text)
		var m []uint32
		if last.of == c && q.Narrows(last.q) {
			m = c.FilterWithin(ctx, q, last.matches)
		} else {
			m = c.Filter(ctx, q)
		}
		if err := ctx.Err(); err != nil {
			return FilteredMsg{gen: gen, seq: seq, err: err}
		}
		res := &filter.Result{Seq: seq, Query: text, Abstracts: abstracts, Matches: make([]int, len(m))}
		if abstracts {
			res.Hint = "a snapshot's abstracts are not searched"
		}
		for i, p := range m {
			res.Matches[i] = int(p)
		}
		return FilteredMsg{gen: gen, seq: seq, res: res, catalog: catalogFilter{of: c, q: q, matches: m}}
	}
}
