package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// maxSkips bounds how many empty days (weeks, months) [ and ] pass over
// looking for papers.
const maxSkips = 14

// load starts a listing request, cancelling the one in flight.
func (m *App) load(r loadReq) tea.Cmd {
	if r.Period.Kind == bookmarksKind {
		_, gen := m.listingG.Begin(m.ctx)
		return tea.Batch(m.syncLoading(), bookmarksLoadCmd(m.opts.Bookmarks, m.sessionBookmarks(), gen, r))
	}
	if m.opts.Feed == nil {
		return m.status.Flash(flashError, "no source to load from")
	}
	ctx, gen := m.listingG.Begin(m.ctx)
	cmds := []tea.Cmd{m.syncLoading(), loadCmd(m.opts.Feed, ctx, gen, r)}
	if cf, ok := m.opts.Feed.(CachedFeed); ok && !r.Refresh {
		cmds = append(cmds, cachedCmd(cf, gen, r))
	}
	return tea.Batch(cmds...)
}

// syncLoading shows the spinner while any request is in flight.
func (m *App) syncLoading() tea.Cmd {
	return m.status.SetLoading(m.listingG.Busy() || m.detailsG.Busy())
}

func (m *App) handleListing(msg listingMsg) tea.Cmd {
	if msg.provisional {
		return m.handleCachedListing(msg)
	}
	if !m.listingG.Finish(msg.gen) {
		return nil // an answer to a request the user has moved on from
	}
	if m.shownGen == msg.gen {
		// Its cached copy is on screen: replace it in place.
		msg.req.Push = false
		msg.req.KeepID = m.list.selectedID()
	}
	spin := m.syncLoading()
	what := describePeriod(msg.req.Period)
	if msg.err != nil {
		if !m.loaded {
			m.list.SetEmpty("could not load " + what + " — r to retry")
		}
		return tea.Batch(spin, m.status.Flash(flashError, fmt.Sprintf("could not load %s: %v", what, msg.err)))
	}
	l := msg.res.Listing
	if l.Period.IsZero() {
		l.Period = msg.req.Period
	}
	if l.Empty() && msg.req.Step != 0 && msg.req.Skipped < maxSkips {
		if next, ok := m.neighbour(l, msg.req.Step); ok {
			r := msg.req
			r.Request = feed.Request{Period: next}
			r.Skipped++
			return tea.Batch(spin, m.load(r), m.status.Flash(flashInfo, emptyText(l)+", trying "+describePeriod(next)))
		}
	}
	if msg.req.Push && m.loaded {
		m.history = append(m.history, m.saveListing())
	}
	if l.Period.Kind == bookmarksKind && m.opts.Bookmarks != nil {
		m.setBookmarks(msg.bookmarks)
		m.refreshMarks()
	}
	cmds := []tea.Cmd{spin, m.setListing(l, msg.index, msg.req.KeepID), m.visit(l)}
	if msg.res.Notice != "" {
		cmds = append(cmds, m.status.Flash(flashNotice, msg.res.Notice))
	}
	return tea.Batch(cmds...)
}

// handleCachedListing shows the cache's copy while the request it belongs
// to is still running.
func (m *App) handleCachedListing(msg listingMsg) tea.Cmd {
	if msg.gen != m.listingG.gen || !m.listingG.Busy() {
		return nil
	}
	if msg.req.Push && m.loaded {
		m.history = append(m.history, m.saveListing())
	}
	m.shownGen = msg.gen
	return tea.Batch(m.setListing(msg.res.Listing, msg.index, msg.req.KeepID),
		m.status.Flash(flashInfo, msg.res.Notice+"; updating…"))
}

// setListing shows a new listing; the detail follows its first paper when
// both panes are on screen.
func (m *App) setListing(l model.Listing, ix filterIndex, keepID string) tea.Cmd {
	before := m.list.selectedID()
	m.listing, m.loaded = l, true
	m.list.SetListing(l.Papers, ix, emptyText(l), keepID)
	m.updateStatusListing()
	if m.focus == focusDetail && !m.wide {
		m.setFocus(focusList)
	}
	if m.wide && m.list.selectedID() == before && before != "" {
		return nil
	}
	return m.selectionMoved("\x00") // force the detail to follow
}

func (m *App) saveListing() savedListing {
	return savedListing{listing: m.listing, index: m.list.index, query: m.list.Query(), id: m.list.selectedID()}
}

// goBack is esc on the list: clear the filter, else return to the listing
// a search replaced.
func (m *App) goBack() tea.Cmd {
	if m.list.Query() != "" {
		return m.setFilter("")
	}
	if len(m.history) == 0 {
		return nil
	}
	m.listingG.Stop()
	prev := m.history[len(m.history)-1]
	m.history = m.history[:len(m.history)-1]
	cmd := m.setListing(prev.listing, prev.index, prev.id)
	m.fresh = nil
	m.refreshMarks()
	m.list.SetFilter(prev.query)
	m.updateStatusListing()
	return tea.Batch(m.syncLoading(), cmd)
}

func (m *App) setFilter(q string) tea.Cmd {
	before := m.list.selectedID()
	m.list.SetFilter(q)
	m.updateStatusListing()
	return m.selectionMoved(before)
}

// step is [ and ]: the neighbouring day, week or month, passing over empty
// ones.
func (m *App) step(dir int) tea.Cmd {
	cur := m.listing.Period
	if !m.loaded || !cur.Dated() {
		return m.status.Flash(flashInfo, "[ and ] move through days, weeks and months; press d, w or m first")
	}
	next, ok := m.neighbour(m.listing, dir)
	if !ok {
		return m.status.Flash(flashInfo, "no later list than "+describePeriod(cur)+" yet")
	}
	return m.load(loadReq{Request: feed.Request{Period: next}, Step: dir})
}

// neighbour is the period before or after a listing: the one the source
// names when it does, else the next by the calendar; never the future.
func (m *App) neighbour(l model.Listing, dir int) (model.Period, bool) {
	next := l.Period.Shift(dir)
	switch {
	case dir < 0 && l.Prev.Dated():
		next = l.Prev
	case dir > 0 && l.Next.Dated():
		next = l.Next
	}
	if !next.Dated() || next == l.Period {
		return model.Period{}, false
	}
	if start, err := next.Start(); err != nil || (dir > 0 && start.After(m.opts.Now())) {
		return model.Period{}, false
	}
	return next, true
}

// switchKind is d, w, m and t: the same time seen by day, week or month,
// or what is trending.
func (m *App) switchKind(kind model.PeriodKind) tea.Cmd {
	var p model.Period
	if kind == model.Trending {
		p = model.Period{Kind: model.Trending}
	} else {
		p = m.listing.Period.As(kind, m.opts.Now())
	}
	return m.load(loadReq{Request: feed.Request{Period: p}})
}

func (m *App) refresh() tea.Cmd {
	p := m.listing.Period
	if !m.loaded {
		p = m.opts.Start.Period
	}
	return m.load(loadReq{Request: feed.Request{Period: p, Refresh: true}, KeepID: m.list.selectedID()})
}

// search lists Hugging Face's results for q, keeping the current listing
// one esc away.
func (m *App) search(q string) tea.Cmd {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	return m.load(loadReq{Request: feed.Request{Period: model.Period{Kind: model.Search, Value: q}}, Push: true})
}

// searchQuery prefills the search line when a search is on screen.
func (m *App) searchQuery() string {
	if m.listing.Period.Kind == model.Search {
		return m.listing.Period.Value
	}
	return ""
}

func (m *App) updateStatusListing() {
	if !m.loaded {
		return // the bar still says what is loading
	}
	where := sourceName(m.listing) + " · " + describePeriod(m.listing.Period)
	count := plural(m.list.Total(), "paper")
	if q := m.list.Query(); q != "" {
		count = fmt.Sprintf("%d of %s · filter %s", m.list.Shown(), count, quote(q))
	}
	if n := len(m.fresh); n > 0 {
		count += fmt.Sprintf(" · %d new", n)
	}
	m.status.SetListing(where, count)
}

func sourceName(l model.Listing) string {
	switch {
	case l.Period.Kind == bookmarksKind:
		return "paperdeck"
	case l.Period.Kind == model.File:
		return "file"
	case l.Source == model.SourceArxiv || l.Period.Kind == model.Arxiv:
		return "arXiv"
	case l.Source == model.SourceFile:
		return "file"
	}
	return "Hugging Face"
}

// describePeriod names a period for people: "Saturday 2025-01-11",
// "week 2025-W02", "trending", the file's name.
func describePeriod(p model.Period) string {
	switch p.Kind {
	case "":
		return "the latest papers"
	case model.File:
		return filepath.Base(p.Value)
	case model.Search:
		return "search " + quote(p.Value)
	case bookmarksKind:
		return "bookmarks"
	}
	return p.String()
}

// emptyText is what an empty listing says instead of rows.
func emptyText(l model.Listing) string {
	p := l.Period
	switch p.Kind {
	case model.Day:
		return "no papers on " + p.String()
	case model.Week, model.Month:
		return "no papers in " + p.String()
	case model.Search:
		return "no papers found for " + quote(p.Value)
	case bookmarksKind:
		return "no bookmarks yet: press b on a paper to keep it"
	}
	return "no papers in " + describePeriod(p)
}
