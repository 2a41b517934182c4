package ui

import (
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/input"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// pendingSave is the bookmark state wanted for a paper while an earlier
// save of it is still running; saves of one paper never overlap.
type pendingSave struct {
	paper  model.Paper
	marked bool
}

// refreshMarks hands the list what it shows beside the titles.
func (m *App) refreshMarks() {
	tags := make(map[string]string, len(m.bookmarks))
	for id, b := range m.bookmarks {
		if len(b.Tags) > 0 {
			tags[id] = "#" + strings.Join(b.Tags, " #")
		}
	}
	m.list.SetMarks(list.Marks{Read: m.read, Marked: m.marked, Fresh: m.fresh, Tags: tags})
	m.updateStatusListing()
}

func (m *App) handleMarksLoaded(msg marksLoadedMsg) tea.Cmd {
	for id := range msg.read {
		m.read[id] = true
	}
	if msg.bookErr == nil {
		m.setBookmarks(msg.bookmarks)
	}
	m.refreshMarks()
	var cmds []tea.Cmd
	if msg.bookErr != nil {
		cmds = append(cmds, m.storeFailed("bookmarks", msg.bookErr))
	}
	if msg.readErr != nil {
		cmds = append(cmds, m.storeFailed("read marks", msg.readErr))
	}
	return tea.Batch(cmds...)
}

// setBookmarks takes the bookmarks as they are on disk.
func (m *App) setBookmarks(list []store.Bookmark) {
	m.bookmarks = make(map[string]store.Bookmark, len(list))
	for _, b := range list {
		m.bookmarks[b.Paper.ID] = b
	}
	for id := range m.marked {
		if _, ok := m.bookmarks[id]; !ok && m.saving[id] == nil {
			delete(m.marked, id)
		}
	}
	for id := range m.bookmarks {
		m.marked[id] = true
	}
}

// storeFailed says a local file could not be read or written; a damaged
// file is left alone and nothing more is saved to it this session.
func (m *App) storeFailed(what string, err error) tea.Cmd {
	var corrupt *store.CorruptError
	if errors.As(err, &corrupt) {
		if what == "bookmarks" {
			m.bookErr = err
			return m.status.Flash(common.Error, "the bookmarks file is damaged: nothing is saved (B says more)")
		}
		m.readErr = err
		return m.status.Flash(common.Error, "the read-marks file is damaged: read marks are not saved")
	}
	return m.status.Flash(common.Error, "could not save the "+what+": "+err.Error())
}

// toggleBookmark is b: the mark changes at once and is saved in the
// background; a failed save puts it back and says why.
func (m *App) toggleBookmark(p model.Paper) tea.Cmd {
	marked := !m.marked[p.ID]
	m.setMarked(p, marked)
	say := "bookmarked " + common.Quote(p.Title)
	if !marked {
		say = "removed the bookmark of " + common.Quote(p.Title)
	}
	switch {
	case m.opts.Bookmarks == nil:
		return m.status.Flash(common.Info, say)
	case m.bookErr != nil:
		return m.status.Flash(common.Error, "not saved: the bookmarks file is damaged (B says more)")
	case m.saving[p.ID] != nil:
		m.saving[p.ID] = &pendingSave{paper: p, marked: marked}
		return m.status.Flash(common.Info, say)
	}
	m.saving[p.ID] = &pendingSave{paper: p, marked: marked}
	return tea.Batch(saveBookmarkCmd(m.opts.Bookmarks, p, marked), m.status.Flash(common.Info, say))
}

func (m *App) setMarked(p model.Paper, marked bool) {
	if marked {
		m.marked[p.ID] = true
		if _, ok := m.bookmarks[p.ID]; !ok {
			m.bookmarks[p.ID] = store.Bookmark{Paper: p, Added: m.opts.Now()}
		}
	} else {
		delete(m.marked, p.ID)
		delete(m.bookmarks, p.ID)
	}
	m.refreshMarks()
	m.refreshBanner()
}

func (m *App) handleBookmarkSaved(msg bookmarkSavedMsg) tea.Cmd {
	want := m.saving[msg.id]
	delete(m.saving, msg.id)
	if msg.err != nil {
		// What is on disk is the state before this save: show that.
		p := model.Paper{ID: msg.id}
		if want != nil {
			p = want.paper
		}
		m.setMarked(p, !msg.marked)
		return m.storeFailed("bookmark", msg.err)
	}
	if want != nil && want.marked != msg.marked {
		m.saving[msg.id] = want
		return saveBookmarkCmd(m.opts.Bookmarks, want.paper, want.marked)
	}
	return nil
}

// editTags and editNote are T and N: the query line, prefilled with what
// the bookmark has.
func (m *App) editTags(p model.Paper) tea.Cmd {
	m.editing = p
	return m.openInput(input.Tags, strings.Join(m.bookmarks[p.ID].Tags, ", "))
}

func (m *App) editNote(p model.Paper) tea.Cmd {
	m.editing = p
	return m.openInput(input.Note, m.bookmarks[p.ID].Note)
}

// saveEdit stores the tags or note typed for m.editing (bookmarking the
// paper if it was not).
func (m *App) saveEdit(mode input.Mode, value string) tea.Cmd {
	p := m.editing
	what, tags := "note", parseTags(value)
	if mode == input.Tags {
		what = "tags"
	}
	b := m.bookmarks[p.ID]
	b.Paper = p
	if b.Added.IsZero() {
		b.Added = m.opts.Now()
	}
	if mode == input.Tags {
		b.Tags = tags
	} else {
		b.Note = strings.TrimSpace(value)
	}
	m.bookmarks[p.ID] = b
	m.marked[p.ID] = true
	m.refreshMarks()
	m.refreshBanner()
	switch {
	case m.opts.Bookmarks == nil:
		return m.status.Flash(common.Info, what+" kept for this session")
	case m.bookErr != nil:
		return m.status.Flash(common.Error, "not saved: the bookmarks file is damaged (B says more)")
	}
	id, note := p.ID, b.Note
	edit := func(s BookmarkStore) error { return s.SetNote(id, note) }
	if mode == input.Tags {
		edit = func(s BookmarkStore) error { return s.SetTags(id, tags) }
	}
	return editBookmarkCmd(m.opts.Bookmarks, p, what, edit)
}

func (m *App) handleBookmarkEdited(msg bookmarkEditedMsg) tea.Cmd {
	if msg.err != nil {
		return m.storeFailed("bookmark's "+msg.what, msg.err)
	}
	m.setBookmarks(msg.list)
	m.refreshMarks()
	m.refreshBanner()
	return m.status.Flash(common.Info, "saved the "+msg.what+" of "+common.Quote(m.bookmarks[msg.id].Paper.Title))
}

// showBookmarks is B: the bookmarks as a listing, newest first, the
// listing before them one esc away.
func (m *App) showBookmarks() tea.Cmd {
	if m.bookErr != nil {
		m.showMessage("The bookmarks cannot be read", m.bookErr.Error()+".\n\n"+
			"Repair the file, or put the backup in its place, and start paperdeck again. "+
			"Until then, bookmarks made now last only for this session.")
		return nil
	}
	push := m.listing.Period.Kind != bookmarksKind
	return m.load(loadReq{Request: feed.Request{Period: model.Period{Kind: bookmarksKind}}, Push: push})
}

// bookmarksLoadCmd reads the bookmarks file as a listing; without a file
// (tests, no home folder) it lists this session's bookmarks.
func bookmarksLoadCmd(b BookmarkStore, session []store.Bookmark, gen int, req loadReq) tea.Cmd {
	return func() tea.Msg {
		list := session
		if b != nil {
			var err error
			if list, err = b.Load(); err != nil {
				return listingMsg{gen: gen, req: req, err: err}
			}
		}
		l := model.Listing{Period: model.Period{Kind: bookmarksKind}}
		for _, bm := range list {
			l.Papers = append(l.Papers, bm.Paper)
		}
		return listingMsg{gen: gen, req: req, res: feed.Result{Listing: l}, index: filter.New(l.Papers), bookmarks: list}
	}
}

// sessionBookmarks is this session's bookmarks, newest first.
func (m *App) sessionBookmarks() []store.Bookmark {
	list := make([]store.Bookmark, 0, len(m.bookmarks))
	for _, b := range m.bookmarks {
		list = append(list, b)
	}
	sortBookmarks(list)
	return list
}

func sortBookmarks(list []store.Bookmark) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].Added.After(list[j-1].Added); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// markRead records that a paper's detail was opened.
func (m *App) markRead(id string) tea.Cmd {
	if id == "" || m.read[id] {
		return nil
	}
	m.read[id] = true
	delete(m.fresh, id)
	m.refreshMarks()
	if m.opts.ReadMarks == nil || m.readErr != nil {
		return nil
	}
	return markReadCmd(m.opts.ReadMarks, id)
}

func (m *App) handleReadSaved(msg readSavedMsg) tea.Cmd {
	if msg.err == nil || m.readErr != nil {
		return nil
	}
	return m.storeFailed("read marks", msg.err)
}

// visit records the listing's papers and asks which are new since the
// last time it was shown.
func (m *App) visit(l model.Listing) tea.Cmd {
	ids := make([]string, len(l.Papers))
	for i, p := range l.Papers {
		ids[i] = p.ID
	}
	return m.visitIDs(l.Period, ids)
}

// visitIDs is visit for a listing whose papers the list holds (streamed).
func (m *App) visitIDs(p model.Period, ids []string) tea.Cmd {
	m.fresh = nil
	if m.opts.ReadMarks == nil || m.readErr != nil || p.Kind == bookmarksKind || len(ids) == 0 {
		return nil
	}
	return visitCmd(m.opts.ReadMarks, listingKey(p), ids)
}

func (m *App) handleVisited(msg visitedMsg) tea.Cmd {
	if msg.err != nil {
		if m.readErr == nil {
			return m.storeFailed("read marks", msg.err)
		}
		return nil
	}
	if msg.key != listingKey(m.listing.Period) {
		return nil
	}
	m.fresh = msg.fresh
	m.refreshMarks()
	return nil
}

// refreshBanner shows a bookmark's date, tags and note above the detail.
func (m *App) refreshBanner() {
	p, ok := m.detail.Paper()
	if !ok {
		return
	}
	b, marked := m.bookmarks[p.ID]
	if !marked {
		m.detail.SetBanner("")
		return
	}
	parts := []string{"★ bookmarked " + b.Added.Local().Format(time.DateOnly)}
	if len(b.Tags) > 0 {
		parts = append(parts, "#"+strings.Join(b.Tags, " #"))
	}
	banner := strings.Join(parts, " · ")
	if b.Note != "" {
		banner += "\nnote: " + b.Note
	}
	m.detail.SetBanner(banner)
}
