package ui

import (
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/detail"
	"github.com/paperdeck/paperdeck/ui/pane/fulltext"
	"github.com/paperdeck/paperdeck/ui/pane/list"
	"github.com/paperdeck/paperdeck/ui/pane/picker"
	"github.com/paperdeck/paperdeck/ui/pane/status"
)

// Every message the root routes, in one place: the switch below names
// each, with the panes' own (detail.RenderedMsg, list.FilteredMsg, …),
// and the root's are declared after it. Keys go to the focused pane only;
// results always reach their owner, whatever has focus.

// route: keys (global ones first, then the focused pane), resize, then
// background results to their owner whatever has focus.
func (m *App) route(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.PasteMsg:
		return m.handlePaste(msg)
	case tea.WindowSizeMsg:
		return m.handleResize(msg)
	case tea.BackgroundColorMsg:
		return m.handleBackground(msg)
	case tea.MouseWheelMsg:
		return m.handleWheel(msg)
	case listingMsg:
		return m.handleListing(msg)
	case streamMsg:
		return m.handleStream(msg)
	case catalogRecordMsg:
		return m.handleCatalogRecord(msg)
	case catalogCheckMsg:
		return m.handleCatalogCheck(msg)
	case list.FilteredMsg:
		return m.handleFiltered(msg)
	case sortedMsg:
		return m.handleSorted(msg)
	case detail.RenderedMsg:
		return m.detail.Update(msg)
	case fulltext.LoadedMsg, fulltext.RenderedMsg:
		return tea.Batch(m.reader.Update(msg), m.syncLoading())
	case fulltext.LinksMsg:
		return m.showReaderLinks(msg)
	case picker.ChosenMsg:
		return m.handleChosen(msg)
	case common.CloseMsg:
		return m.handleClose()
	case common.FlashMsg:
		return m.status.Flash(msg.Level, msg.Text)
	case detailsMsg:
		return m.handleDetails(msg)
	case detailsDueMsg:
		return m.handleDetailsDue(msg)
	case openedMsg:
		return m.handleOpened(msg)
	case marksLoadedMsg:
		return m.handleMarksLoaded(msg)
	case bookmarkSavedMsg:
		return m.handleBookmarkSaved(msg)
	case bookmarkEditedMsg:
		return m.handleBookmarkEdited(msg)
	case readSavedMsg:
		return m.handleReadSaved(msg)
	case quitTimeoutMsg:
		return m.handleQuitTimeout()
	case visitedMsg:
		return m.handleVisited(msg)
	case status.ClearMsg, spinner.TickMsg:
		return m.status.Update(msg)
	}
	return m.handleOther(msg)
}

// listingMsg is a listing's answer (or the cache's copy, provisional),
// for the request numbered gen, with its filter index built off the UI
// goroutine.
type listingMsg struct {
	gen       int
	req       loadReq
	res       feed.Result
	index     *filter.Index
	bookmarks []store.Bookmark // the B view's records, tags and notes
	err       error
	// provisional: the cached copy, shown while the request goes on.
	provisional bool
}

// streamMsg is what a streamed load delivered since the last message:
// batches in listing order, the index of every paper so far (it may lag
// the batches a little: see indexDue), and, on the last, the listing's
// source and period and why it stopped early, if it did.
type streamMsg struct {
	gen     int
	req     loadReq
	batches [][]model.Paper
	index   *filter.Index    // nil: unchanged
	cat     *catalog.Catalog // a snapshot's catalog so far; nil: not a snapshot, or unchanged
	done    bool
	listing model.Listing // when done; no papers
	err     error         // when done
	next    tea.Cmd       // waits for the next message; nil once done
}

// detailsMsg is one paper's full record, for the details request gen.
type detailsMsg struct {
	gen   int
	id    string
	paper model.Paper
	err   error
	// resolved: paper is the record of id under the arXiv id its title
	// was found to have.
	resolved bool
}

// detailsDueMsg says the cursor has rested; seq tells whether it moved since.
type detailsDueMsg struct {
	seq int
	id  string
}

// openedMsg reports what happened when a link was handed to the browser;
// seq is the status message that said it was opening.
type openedMsg struct {
	url string
	err error
	seq int
}

// marksLoadedMsg brings the bookmarks and read marks read at start.
type marksLoadedMsg struct {
	bookmarks []store.Bookmark
	bookErr   error
	read      map[string]bool
	readErr   error
}

// bookmarkSavedMsg says how saving one paper's bookmark state went.
type bookmarkSavedMsg struct {
	id      string
	marked  bool            // the state that was saved (or failed to be)
	restore *store.Bookmark // the bookmark u put back, when it was that
	err     error
}

// bookmarkEditedMsg says how saving tags or a note went; list is the
// bookmarks as they are now on disk.
type bookmarkEditedMsg struct {
	id   string
	what string // "tags", "note"
	list []store.Bookmark
	err  error
}

// readSavedMsg reports a failed read-mark write (success says nothing).
type readSavedMsg struct{ err error }

// visitedMsg brings the papers of a listing that are new since its last
// visit.
type visitedMsg struct {
	key   string
	fresh map[string]bool
	err   error
}

// crashMsg carries a panic caught in a command to the root, which quits.
type crashMsg struct{ log string }
