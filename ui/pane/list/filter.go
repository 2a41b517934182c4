package list

import (
	"context"
	"maps"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/ui/filter"
)

// The list's filter runs on the engine in ui/filter (see its doc.go for
// the query language). Every key of the filter line asks the engine once;
// a query that extends the one on screen searches only its matches. Small
// listings are filtered in Update (well under a millisecond); large ones,
// and every abstract search (ctrl+a), in a command whose context the next
// key cancels — except on a snapshot's catalog, where a key that narrows
// the search in flight waits for it and searches its matches (catalog.go).
// Results carry the request's Seq, and one older than what is on screen
// is dropped.

// inlineFilterMax is the largest listing filtered in Update: one index
// segment, about a millisecond per key on a slow core.
const inlineFilterMax = 16384

// listFilter is the filter's state in the list pane.
type listFilter struct {
	query     string
	abstracts bool // ctrl+a: abstracts and AI summaries too
	seq       uint64
	shownSeq  uint64         // the request whose answer is on screen
	res       *filter.Result // on screen; nil: every paper, in listing order
	stop      context.CancelFunc
	busy      bool // the newest request runs in a command
	stale     bool // the listing grew while it ran: ask again when it lands
	hint      string
	catalog   catalogFilter // the catalog's answer on screen (catalog.go)
	running   *catalogRun   // the newest catalog search (catalog.go)

	marksGen  uint64 // bumped when the read or bookmarked sets change
	marks     filter.Marks
	marksSeen uint64 // the generation marks was copied at
}

// active reports whether a filter narrows the list.
func (f *listFilter) active() bool { return strings.TrimSpace(f.query) != "" }

// cancel stops the search in flight, if any.
func (f *listFilter) cancel() {
	if f.stop != nil {
		f.stop()
		f.stop = nil
	}
	f.busy, f.stale = false, false
}

// FilteredMsg is a search's answer, for the listing numbered gen.
type FilteredMsg struct {
	gen int
	seq uint64
	res *filter.Result
	err error

	catalog catalogFilter // a catalog's answer, as the catalog gave it
	more    tea.Cmd       // an abstract search's next step (catalog.go)
}

// Err is why the search gave no answer (cancelled by the next key).
func (m FilteredMsg) Err() error { return m.err }

// filterCmd searches in the background; it captures the index and the
// request, never the pane.
func filterCmd(ctx context.Context, ix *filter.Index, req filter.Request, prev *filter.Result, gen int) tea.Cmd {
	return func() tea.Msg {
		res, err := ix.Search(ctx, req, prev)
		return FilteredMsg{gen: gen, seq: req.Seq, res: res, err: err}
	}
}

// filterMarks are the read, bookmarked and new sets for is: qualifiers,
// and the bookmarks' tags and notes (an immutable library, shared). The
// search may run on another goroutine, so it gets copies of the sets, made
// once per change of the marks and only when a query asks for them.
func (l *Model) filterMarks(query string) filter.Marks {
	if !strings.Contains(strings.ToLower(query), "is:") {
		return filter.Marks{Library: l.marks.Library}
	}
	f := &l.filt
	if f.marks.Read == nil || f.marksSeen != f.marksGen {
		read, marked, fresh := maps.Clone(l.marks.Read), maps.Clone(l.marks.Marked), maps.Clone(l.marks.Fresh)
		f.marks = filter.Marks{
			Read:       func(id string) bool { return read[id] },
			Bookmarked: func(id string) bool { return marked[id] },
			New:        func(id string) bool { return fresh[id] },
			Gen:        f.marksGen,
			Library:    l.marks.Library,
		}
		f.marksSeen = f.marksGen
	}
	return f.marks
}
