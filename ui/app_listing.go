package ui

import (
	"errors"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// maxSkips bounds how many empty days (weeks, months) [ and ] pass over
// looking for papers.
const maxSkips = 14

// load starts a listing request, cancelling the one in flight.
func (m *App) load(r loadReq) tea.Cmd {
	if r.Period.Kind == model.Arxiv {
		m.nav.arxivAsked = r.Period.Value // where a goes on from, loaded or not
	}
	if r.Period.Kind == similarKind {
		return m.loadSimilar(r)
	}
	if r.Period.Kind == bookmarksKind {
		_, gen := m.nav.guard.Begin(m.ctx)
		return tea.Batch(m.syncLoading(), bookmarksLoadCmd(m.opts.Bookmarks, m.marks.session(), gen, r))
	}
	if m.opts.Feed == nil {
		return m.status.Flash(common.Error, "no source to load from")
	}
	ctx, gen := m.nav.guard.Begin(m.ctx)
	if r.Period.Kind == model.File {
		// Read here, not through the Feed: the papers show as they are
		// decoded, however large the file.
		return tea.Batch(m.syncLoading(), streamCmd(ctx, gen, r, m.opts.CatalogDir))
	}
	cmds := []tea.Cmd{m.syncLoading(), loadCmd(m.opts.Feed, ctx, gen, r)}
	if cf, ok := m.opts.Feed.(CachedFeed); ok && !r.Refresh {
		cmds = append(cmds, cachedCmd(cf, gen, r))
	}
	return tea.Batch(cmds...)
}

// syncLoading shows the spinner while any request is in flight.
func (m *App) syncLoading() tea.Cmd {
	return m.status.SetLoading(m.nav.guard.Busy() || m.details.Busy() || m.reader.Loading())
}

func (m *App) handleListing(msg listingMsg) tea.Cmd {
	if msg.provisional {
		return m.handleCachedListing(msg)
	}
	if !m.nav.guard.Finish(msg.gen) {
		return nil // an answer to a request the user has moved on from
	}
	if m.nav.shownGen == msg.gen {
		// Its cached copy is on screen: replace it in place.
		msg.req.Push = false
		msg.req.KeepID = m.rows().SelectedID()
	}
	spin := m.syncLoading()
	what := describePeriod(msg.req.Period)
	if msg.err != nil && (m.nav.loaded || msg.res.Fallback == nil) {
		if !m.nav.loaded {
			m.rows().SetEmpty("could not load " + what + " — r to retry")
		}
		return tea.Batch(spin, m.status.Flash(common.Error, failure(what, msg.err)))
	}
	l := msg.res.Listing
	if l.Period.IsZero() {
		l.Period = msg.req.Period
	}
	if l.Empty() && msg.req.Step != 0 && msg.req.Skipped < maxSkips {
		if next, ok := neighbour(l, msg.req.Step, m.opts.Now()); ok {
			r := msg.req
			r.Request = feed.Request{Period: next}
			r.Skipped++
			return tea.Batch(spin, m.load(r), m.status.Flash(common.Info, emptyText(l)+", trying "+describePeriod(next)))
		}
	}
	if msg.req.Push {
		m.nav.push(m.saveListing())
	}
	if l.Period.Kind == bookmarksKind && m.opts.Bookmarks != nil {
		m.marks.setBookmarks(msg.bookmarks)
		m.refreshMarks()
	}
	cmds := []tea.Cmd{spin, m.setListing(l, list.PapersOf(l.Papers), msg.index, msg.req.KeepID, false), m.visit(l)}
	if f := msg.res.Fallback; f != nil {
		m.nav.shownAs = f.Shown // the status names what is shown, not what was asked
		m.updateStatusListing()
	}
	notice := msg.res.Notice
	if f := msg.res.Fallback; f != nil && (f.Reason == feed.ReasonDemo || f.Reason == feed.ReasonOfflineMode) {
		// Asked for: the bar's label says what is shown; the message, why.
		notice = f.Why() + ": no network used"
	}
	// Papers of the listing that could not be read: said, the rest shown.
	if note := l.SkipNote(); note != "" {
		notice = strings.TrimPrefix(notice+"; "+note, "; ")
	}
	if notice != "" {
		cmds = append(cmds, m.status.Flash(common.Notice, notice))
	}
	return tea.Batch(cmds...)
}

// handleCachedListing shows the cache's copy while the request it belongs
// to is still running.
func (m *App) handleCachedListing(msg listingMsg) tea.Cmd {
	if msg.gen != m.nav.guard.gen || !m.nav.guard.Busy() {
		return nil
	}
	if msg.req.Push {
		m.nav.push(m.saveListing())
	}
	m.nav.shownGen = msg.gen
	l := msg.res.Listing
	return tea.Batch(m.setListing(l, list.PapersOf(l.Papers), msg.index, msg.req.KeepID, false),
		m.status.Flash(common.Info, msg.res.Notice+"; updating…"))
}

// setListing shows a new listing (its papers apart: a streamed one's
// come in batches); the detail follows its first paper when both panes
// are on screen.
func (m *App) setListing(l model.Listing, papers list.Papers, ix *filter.Index, keepID string, streaming bool) tea.Cmd {
	from := m.rows()
	before := from.SelectedID()
	m.nav.listing, m.nav.loaded, m.nav.shownAs, m.nav.file = l, true, "", false
	if to := m.rows(); to != from {
		// Into or out of the bookmarks view: the filter follows, as it
		// does from one listing to the next.
		to.RestoreFilter(from.Query(), from.Abstracts())
	}
	if l.Period.Kind == model.Day {
		m.nav.anchor = l.Period.Value
	}
	search := m.rows().SetListing(m.ctx, papers, ix, emptyText(l), keepID, streaming)
	search = tea.Batch(search, m.resort(keepID))
	m.updateStatusListing()
	if m.focus.is(focusDetail) && !m.size.wide() {
		m.setFocus(m.focus.to(focusList))
	}
	if m.size.wide() && m.rows().SelectedID() == before && before != "" {
		return search
	}
	return tea.Batch(search, m.selectionMoved("\x00")) // force the detail to follow
}

func (m *App) saveListing() savedListing {
	return savedListing{listing: m.nav.listing, papers: m.rows().List(), index: m.rows().Index(),
		query: m.rows().Query(), abstracts: m.rows().Abstracts(), id: m.rows().SelectedID(), shownAs: m.nav.shownAs, file: m.nav.file}
}

// failure says why a listing could not be had: the feed's short reason
// (`could not search "flow matching": Hugging Face answered 503`) when it
// has one.
func failure(what string, err error) string {
	var nd *feed.NoDataError
	if errors.As(err, &nd) {
		return nd.Why()
	}
	return fmt.Sprintf("could not load %s: %v", what, err)
}

// goBack is esc on the list: clear the filter, else return to the listing
// a search replaced.
func (m *App) goBack() tea.Cmd {
	if m.rows().Query() != "" {
		return tea.Batch(m.setFilter(""), m.retagForYou())
	}
	prev, ok := m.nav.pop()
	if !ok {
		return nil
	}
	m.nav.guard.Stop()
	m.rows().RestoreFilter(prev.query, prev.abstracts) // setListing carries it into or out of the bookmarks view
	m.input.SetAbstracts(prev.abstracts)
	cmd := m.setListing(prev.listing, prev.papers, prev.index, prev.id, false)
	m.nav.shownAs, m.nav.file = prev.shownAs, prev.file
	m.marks.fresh = nil
	m.refreshMarks()
	m.updateStatusListing()
	return tea.Batch(m.syncLoading(), cmd)
}

// setFilter is a key in the filter line: the list follows the query at
// once (or as soon as a background search answers), in the mode the line
// is in (ctrl+a: abstracts too).
func (m *App) setFilter(q string) tea.Cmd {
	before := m.rows().SelectedID()
	search := m.rows().SetFilter(m.ctx, q, m.input.Abstracts())
	m.updateStatusListing()
	return tea.Batch(search, m.selectionMoved(before))
}

// handleFiltered takes a background search's answer; an answer older than
// the one on screen changes nothing.
func (m *App) handleFiltered(msg list.FilteredMsg) tea.Cmd {
	before := m.rows().SelectedID()
	_, hidden := m.hiddenRows().Filtered(m.ctx, msg) // its own answer, if the reader left before it came
	changed, next := m.rows().Filtered(m.ctx, msg)
	next = tea.Batch(next, hidden)
	m.updateStatusListing()
	if !changed {
		return next
	}
	return tea.Batch(next, m.selectionMoved(before))
}

// handleStream shows a streamed listing as it arrives: the first message
// replaces what is on screen, later ones add to it, the last says where
// the papers came from, and any error stays beside the papers read.
func (m *App) handleStream(msg streamMsg) tea.Cmd {
	if msg.gen != m.nav.guard.gen || !m.nav.guard.Busy() {
		return nil // the user moved on: its context is cancelled, nothing reads on
	}
	what := describePeriod(msg.req.Period)
	var cmds []tea.Cmd
	switch {
	case m.nav.shownGen == msg.gen:
		cmds = append(cmds, m.rows().Append(m.ctx, msg.index, msg.batches...), m.rows().SetCatalog(m.ctx, msg.cat))
	case len(msg.batches) > 0 || msg.cat != nil || msg.done && msg.err == nil:
		if msg.req.Push {
			m.nav.push(m.saveListing())
		}
		m.nav.shownGen = msg.gen
		l := model.Listing{Source: model.SourceFile, Period: msg.req.Period}
		var papers list.Papers
		for _, b := range msg.batches {
			papers.Append(b)
		}
		if msg.cat != nil {
			papers = list.CatalogPapers(msg.cat) // a snapshot
		}
		cmds = append(cmds, m.setListing(l, papers, msg.index, msg.req.KeepID, !msg.done))
	}
	if !msg.done {
		m.updateStatusListing()
		return tea.Batch(append(cmds, msg.next)...)
	}
	m.nav.guard.Finish(msg.gen)
	m.rows().StreamDone()
	cmds = append(cmds, m.syncLoading(), m.resort(""))
	if msg.err != nil {
		if m.nav.shownGen != msg.gen && !m.nav.loaded {
			m.rows().SetEmpty("could not load " + what + " — r to retry")
		}
		cmds = append(cmds, m.status.Flash(common.Error, fmt.Sprintf("could not load %s: %v", what, msg.err)))
	} else if note := msg.listing.SkipNote(); note != "" {
		cmds = append(cmds, m.status.Flash(common.Notice, note)) // lines of a snapshot that could not be read
	}
	if m.nav.shownGen == msg.gen {
		l := msg.listing
		l.Papers = nil
		if l.Period.IsZero() {
			l.Period = msg.req.Period
		}
		m.nav.listing = l
		if msg.req.Period.Kind == model.File {
			// Labelled as the file it is, whatever page it was saved from.
			m.nav.shownAs, m.nav.file = "file · "+describePeriod(msg.req.Period), true
		}
		m.rows().SetEmpty(emptyText(l))
		if m.rows().List().Catalog() != nil {
			// A snapshot's millions are not remembered as visited.
			cmds = append(cmds, m.watchCatalog())
		} else {
			cmds = append(cmds, m.visitIDs(l.Period, m.rows().List().IDs()))
		}
	}
	m.updateStatusListing()
	return tea.Batch(cmds...)
}

// step is [ and ]: the neighbouring day, week or month, passing over empty
// ones.
func (m *App) step(dir int) tea.Cmd {
	cur := m.nav.listing.Period
	if !m.nav.loaded || !cur.Dated() {
		return m.status.Flash(common.Info, "[ and ] move through days, weeks and months; press d, w or m first")
	}
	next, ok := neighbour(m.nav.listing, dir, m.opts.Now())
	if !ok {
		return m.status.Flash(common.Info, "no later list than "+describePeriod(cur)+" yet")
	}
	return m.load(loadReq{Request: feed.Request{Period: next}, Step: dir, Push: m.nav.file})
}

// switchKind is d, w, m and t: the same time seen by day, week or month,
// or what is trending.
func (m *App) switchKind(kind model.PeriodKind) tea.Cmd {
	var p model.Period
	if kind == model.Trending {
		p = model.Period{Kind: model.Trending}
	} else {
		p = m.nav.anchorIn(m.nav.listing.Period).As(kind, m.opts.Now())
	}
	return m.load(loadReq{Request: feed.Request{Period: p}})
}

func (m *App) refresh() tea.Cmd {
	p := m.nav.listing.Period
	if !m.nav.loaded {
		p = m.opts.Start.Period
	}
	return m.load(loadReq{Request: feed.Request{Period: p, Refresh: true}, KeepID: m.rows().SelectedID()})
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

func (m *App) updateStatusListing() {
	if !m.nav.loaded {
		return // the bar still says what is loading
	}
	where := sourceName(m.nav.listing) + " · " + describePeriod(m.nav.listing.Period)
	if m.nav.shownAs != "" {
		where = m.nav.shownAs
	}
	count := plural(m.rows().Total(), "paper")
	if q := m.rows().Query(); q != "" {
		count = fmt.Sprintf("%d of %s", m.rows().Shown(), count)
		if h := m.rows().FilterHint(); h != "" {
			count += " · " + h // before the query, which the filter line shows: the bar may cut it
		}
		count += " · filter " + common.Quote(q)
	}
	if m.rows().Streaming() {
		count = "loading… " + count
	}
	busy, abstracts := m.rows().Filtering()
	switch {
	case busy && abstracts:
		count += " · searching abstracts…"
	case busy:
		count += " · filtering…"
	case abstracts && m.rows().Query() != "":
		count += " · with abstracts"
	}
	if n := len(m.marks.fresh); n > 0 {
		count += fmt.Sprintf(" · %d new", n)
	}
	count += m.sortStatus()
	if m.showsBookmarks() {
		count += m.bookmarks.TagCounts()
	}
	m.status.SetListing(where, count)
}
