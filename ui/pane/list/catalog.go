package list

import (
	"context"
	"fmt"
	"maps"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// A snapshot's listing is a *catalog.Catalog (package catalog): rows come
// from Papers.At, the filter is the catalog's (the same query language as
// every listing, in file order), asked in a command the next key cancels
// unless it narrows it (then it searches within its matches once it
// lands: catalogRun), and a query that narrows the answer on screen
// searches only its matches. is:,
// tag:, note: and a bookmark's words read the reader's marks resolved to
// positions once per change of the marks (catalog.Mark). A load in
// progress hands the pane longer catalogs (SetCatalog); positions never
// move.

// catalogFilter is what the last catalog answer was, for the next key.
type catalogFilter struct {
	of      *catalog.Catalog // the catalog it was asked of
	q       *query.Query
	matches []uint32        // file order
	marks   catalog.Marks   // copies of the reader's marks, made once per change
	marked  *catalog.Marked // marks resolved in of; nil: the query needed none
	// abstracts: the matches include papers found by their abstracts
	// (a plain query may narrow them, not the other way round).
	abstracts bool
	searched  int // papers the search looked at: the catalog, or the last answer's matches
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

// catalogRun is a catalog search in flight. The next key's search, when
// its query narrows this one's, waits for this answer and searches within
// its matches instead of cancelling it: typed quickly, the last key costs
// a narrowing of the keys before it, not a scan of the catalog.
type catalogRun struct {
	of       *catalog.Catalog
	q        *query.Query
	seq      uint64
	marksGen uint64
	after    *catalogRun // the search it waits for, nil: none
	stop     context.CancelFunc
	done     chan struct{} // closed once answer is set (answer.of nil: none)
	answer   catalogFilter
}

// stopAll cancels r and the searches it waits for.
func (r *catalogRun) stopAll() {
	for ; r != nil; r = r.after {
		r.stop()
	}
}

// waiting reports whether r has not started: what it waits for runs.
func (r *catalogRun) waiting() bool {
	if r.after == nil {
		return false
	}
	select {
	case <-r.after.done:
		return false
	default:
		return true
	}
}

// narrowedRun is the catalog search in flight when the query now typed
// narrows it (then it goes on and the new search waits for it), else nil:
// the new search cancels it. An abstract search (ctrl+a) is never chained.
func (l *Model) narrowedRun() *catalogRun {
	f, c, r := &l.filt, l.papers.Catalog(), l.filt.running
	if r == nil || !f.busy || r.seq != f.seq || c == nil || r.of != c || r.marksGen != f.marksGen ||
		f.abstracts || !f.active() {
		return nil
	}
	if !c.ParseQuery(f.query, l.marks.Library).Narrows(r.q) {
		return nil
	}
	if r.waiting() { // its narrowing would be of no use: the new one narrows what it waits for
		r.stop()
		return r.after
	}
	return r
}

// catalogFilterCmd asks the catalog for the query on screen, within the
// last answer's matches when the query narrows it: the answer of after
// (the search in flight, from narrowedRun) once it lands, else the one on
// screen. It captures copies, never the pane; the next key cancels it
// (and the searches it waits for) unless it chains on it. An abstract
// search (ctrl+a) reads the abstracts from the file in steps
// (abstractStep): the matches so far and the progress show between them.
func (l *Model) catalogFilterCmd(ctx context.Context, c *catalog.Catalog, after *catalogRun) tea.Cmd {
	f := &l.filt
	ctx, stop := context.WithCancel(ctx)
	run := &catalogRun{of: c, seq: f.seq, marksGen: f.marksGen, after: after, stop: stop, done: make(chan struct{})}
	f.stop, f.busy = run.stopAll, true
	last := f.catalog
	if last.marks.Gen != f.marksGen || last.marks.Read == nil {
		last.marks = catalog.Marks{Read: maps.Clone(l.marks.Read), Bookmarked: maps.Clone(l.marks.Marked),
			New: maps.Clone(l.marks.Fresh), Library: l.marks.Library, Gen: f.marksGen}
		if last.marks.Read == nil {
			last.marks.Read = map[string]bool{}
		}
		last.marked = nil
	}
	text, abstracts, seq, gen := f.query, f.abstracts, f.seq, l.gen
	q := c.ParseQuery(text, last.marks.Library)
	run.q = q
	f.running = run
	if abstracts {
		f.running = nil // nothing chains on an abstract search
	}
	return func() tea.Msg {
		defer close(run.done)
		if after != nil {
			select {
			case <-after.done:
				if after.answer.of != nil {
					last = after.answer
				}
			case <-ctx.Done():
				return FilteredMsg{gen: gen, seq: seq, err: ctx.Err()}
			}
		}
		msg := catalogSearch(ctx, c, q, text, abstracts, last, seq, gen)
		if msg.err == nil && msg.more == nil && msg.catalog.of != nil {
			run.answer = msg.catalog
		}
		return msg
	}
}

// catalogSearch answers q (the text typed, parsed) of c, within last's
// matches when q narrows last's query.
func catalogSearch(ctx context.Context, c *catalog.Catalog, q *query.Query, text string, abstracts bool, last catalogFilter, seq uint64, gen int) FilteredMsg {
	var marked *catalog.Marked
	if catalog.NeedsMarks(q, last.marks) {
		if marked = c.Mark(ctx, last.marks, last.marked); marked == nil {
			return FilteredMsg{gen: gen, seq: seq, err: ctx.Err()}
		}
	}
	abstracts = abstracts && (len(q.Terms) > 0 || len(q.Author) > 0) // what the file can answer
	done := catalogFilter{of: c, q: q, marks: last.marks, marked: marked, abstracts: abstracts, searched: c.Len()}
	var within []uint32
	if last.of == c && q.Narrows(last.q) && (last.marked == nil || last.marked == marked) && (last.abstracts || !abstracts) {
		within, done.searched = last.matches, len(last.matches)
	}
	if abstracts {
		s := c.SearchAbstracts(q, marked, within) // within nil: every paper
		return abstractNext(ctx, s, text, done, seq, gen, firstAbstractStep)
	}
	var m []uint32
	if within != nil {
		m = c.FilterWithin(ctx, q, marked, within)
	} else {
		m = c.Filter(ctx, q, marked)
	}
	if err := ctx.Err(); err != nil {
		return FilteredMsg{gen: gen, seq: seq, err: err}
	}
	done.matches = m
	res := catalogResult(text, q, m, seq, false)
	if len(q.Author) > 0 && res.Hint == "" {
		res.Hint = catalog.FirstAuthorsHint
	}
	return FilteredMsg{gen: gen, seq: seq, res: res, catalog: done}
}

// An abstract search reads a little of the file first, for a quick first
// answer, then larger steps.
const (
	firstAbstractStep = 8 << 20
	abstractStepBytes = 64 << 20
)

// abstractStep runs one step of s; its message brings the matches so far
// and, until the search is done, the next step (FilteredMsg.more).
func abstractStep(ctx context.Context, s *catalog.AbstractSearch, text string, done catalogFilter, seq uint64, gen int, step int64) tea.Cmd {
	return func() tea.Msg { return abstractNext(ctx, s, text, done, seq, gen, step) }
}

func abstractNext(ctx context.Context, s *catalog.AbstractSearch, text string, done catalogFilter, seq uint64, gen int, step int64) FilteredMsg {
	finished, err := s.Next(ctx, step)
	if ctx.Err() != nil {
		return FilteredMsg{gen: gen, seq: seq, err: ctx.Err()}
	}
	if err != nil { // the file changed or cannot be read: say so, keep what was found
		res := catalogResult(text, done.q, s.Found(), seq, true)
		res.Hint = err.Error()
		return FilteredMsg{gen: gen, seq: seq, res: res}
	}
	found := s.Found()
	res := catalogResult(text, done.q, found, seq, true)
	if finished {
		done.matches = found
		return FilteredMsg{gen: gen, seq: seq, res: res, catalog: done}
	}
	res.Hint = fmt.Sprintf("searching abstracts… %d%%, %d found so far", int(100*s.Progress()), len(found))
	return FilteredMsg{gen: gen, seq: seq, res: res, more: abstractStep(ctx, s, text, done, seq, gen, abstractStepBytes)}
}

func catalogResult(text string, q *query.Query, m []uint32, seq uint64, abstracts bool) *filter.Result {
	res := &filter.Result{Seq: seq, Query: text, Abstracts: abstracts, Hint: q.Hint, Matches: make([]int, len(m))}
	for i, p := range m {
		res.Matches[i] = int(p)
	}
	return res
}

// filteredStep shows an abstract search's matches so far and runs its
// next step, while it is still the search the pane waits for.
func (l *Model) filteredStep(msg FilteredMsg) (changed bool, cmd tea.Cmd) {
	f := &l.filt
	if msg.seq != f.seq || !f.busy {
		return false, nil // a newer key cancelled it
	}
	l.show(msg.res, msg.seq-1) // not msg.seq: the last step's answer replaces it
	return true, msg.more
}
