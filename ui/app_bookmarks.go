package ui

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/input"
)

// refreshMarks hands the list what it shows beside the titles.
func (m *App) refreshMarks() {
	marks := m.marks.forList()
	m.list.SetMarks(marks)
	m.bookmarks.Rows().SetMarks(marks)
	m.bookmarks.SetTagCounts(m.marks.tags())
	m.updateStatusListing()
}

func (m *App) handleMarksLoaded(msg marksLoadedMsg) tea.Cmd {
	for id := range msg.read {
		m.marks.read[id] = true
	}
	if msg.bookErr == nil {
		m.marks.setBookmarks(msg.bookmarks)
	}
	m.refreshMarks()
	cmds := []tea.Cmd{m.rows().Refilter(m.ctx)}
	if msg.bookErr != nil {
		cmds = append(cmds, m.storeFailed("bookmarks", msg.bookErr))
	}
	if msg.readErr != nil {
		cmds = append(cmds, m.storeFailed("read marks", msg.readErr))
	}
	return tea.Batch(cmds...)
}

// storeFailed says a local file could not be read or written; a damaged
// file is left alone and nothing more is saved to it this session.
func (m *App) storeFailed(what string, err error) tea.Cmd {
	var corrupt *store.CorruptError
	if errors.As(err, &corrupt) {
		if what == "bookmarks" {
			m.marks.bookErr = err
			return m.status.Flash(common.Error, "the bookmarks file is damaged: nothing is saved (B says more)")
		}
		m.marks.readErr = err
		return m.status.Flash(common.Error, "the read-marks file is damaged: read marks are not saved")
	}
	return m.status.Flash(common.Error, "could not save the "+what+": "+err.Error())
}

// refilter runs the filter again on a changed bookmark, and the detail
// follows what is left: a bookmark the filter no longer matches leaves
// the detail as any empty result does, saying what to do next.
func (m *App) refilter() tea.Cmd {
	before := m.rows().SelectedID()
	search := m.rows().Refilter(m.ctx)
	m.updateStatusListing() // a small listing refilters at once: its count changed
	return tea.Batch(search, m.selectionMoved(before))
}

// toggleBookmark is b: the mark changes at once and is saved in the
// background; a failed save puts it back and says why. Removing a
// bookmark that has tags or a note asks first.
func (m *App) toggleBookmark(p model.Paper) tea.Cmd {
	if m.marks.marked[p.ID] && m.marks.keeps(p.ID) {
		m.typed.paper = p
		cmd := m.input.Ask("remove the bookmark of " + common.Quote(p.Title) + " with its tags and note?")
		m.layout()
		return cmd
	}
	return m.setBookmark(p, !m.marks.marked[p.ID])
}

// confirmed is the answer to b's question.
func (m *App) confirmed(yes bool) tea.Cmd {
	if !yes {
		return m.status.Flash(common.Info, "kept the bookmark of "+common.Quote(m.typed.paper.Title))
	}
	return m.setBookmark(m.typed.paper, false)
}

// undoRemoval is u: the last bookmark removed comes back whole (date
// added, tags, note), saved through the store's merge.
func (m *App) undoRemoval() tea.Cmd {
	b, ok := m.marks.undo()
	if !ok {
		return m.status.Flash(common.Info, "nothing to undo: no bookmark was removed")
	}
	m.refreshMarks()
	m.refreshBanner()
	say := "put back the bookmark of " + common.Quote(b.Paper.Title)
	if len(b.Tags) > 0 || b.Note != "" {
		say += " with its tags and note"
	}
	return m.saveMark(pendingSave{paper: b.Paper, marked: true, restore: &b}, say)
}

// setBookmark marks p or removes its mark, on screen and then on disk.
func (m *App) setBookmark(p model.Paper, marked bool) tea.Cmd {
	m.setMarked(p, marked)
	say := "bookmarked " + common.Quote(p.Title)
	if !marked {
		say = "removed the bookmark of " + common.Quote(p.Title)
		if m.keys.paper.Undo.Enabled() {
			say += " — " + m.keys.paper.Undo.Help().Key + " undoes"
		}
	}
	return m.saveMark(pendingSave{paper: p, marked: marked, added: m.marks.bookmarks[p.ID].Added}, say)
}

// saveMark saves a change of mark already on screen, one save of a paper
// at a time.
func (m *App) saveMark(s pendingSave, say string) tea.Cmd {
	refilter := m.refilter() // is:bookmarked, tag: and words see the change
	switch {
	case m.opts.Bookmarks == nil:
		return tea.Batch(refilter, m.status.Flash(common.Info, say))
	case m.marks.bookErr != nil:
		m.marks.refused++
		return tea.Batch(refilter, m.status.Flash(common.Error, "not saved: the bookmarks file is damaged (B says more)"))
	case !m.marks.want(s):
		return tea.Batch(refilter, m.status.Flash(common.Info, say)) // the running save's answer starts this one
	}
	return tea.Batch(refilter, saveBookmarkCmd(m.opts.Bookmarks, s), m.status.Flash(common.Info, say))
}

func (m *App) setMarked(p model.Paper, marked bool) {
	m.marks.setMarked(p, marked)
	m.refreshMarks()
	m.refreshBanner()
}

func (m *App) handleBookmarkSaved(msg bookmarkSavedMsg) tea.Cmd {
	next, failed := m.marks.saved(msg.id, msg.marked, msg.restore, msg.err)
	if msg.err != nil {
		// What is on disk is the state before this save: show that.
		m.setMarked(failed, !msg.marked)
		return tea.Batch(m.refilter(), m.storeFailed("bookmark", msg.err), m.afterSave("bookmark of "+failed.ID, msg.err))
	}
	if next != nil {
		return saveBookmarkCmd(m.opts.Bookmarks, *next)
	}
	return m.afterSave("bookmark", nil)
}

// editTags and editNote are T and N: the query line, prefilled with what
// the bookmark has.
func (m *App) editTags(p model.Paper) tea.Cmd {
	m.typed.paper = p
	return m.openInput(input.Tags, tagsLine(m.marks.bookmarks[p.ID].Tags))
}

func (m *App) editNote(p model.Paper) tea.Cmd {
	m.typed.paper = p
	return m.openInput(input.Note, m.marks.bookmarks[p.ID].Note)
}

// saveEdit stores the tags or note typed for m.typed.paper (bookmarking the
// paper if it was not).
func (m *App) saveEdit(mode input.Mode, value string) tea.Cmd {
	p := m.typed.paper
	what, tags, note := "note", parseTags(value), strings.TrimSpace(value)
	var b store.Bookmark
	if mode == input.Tags {
		what = "tags"
		b = m.marks.edit(p, tags, nil)
	} else {
		b = m.marks.edit(p, nil, &note)
	}
	m.refreshMarks()
	m.refreshBanner()
	refilter := m.refilter() // tag:, note: and words see the change
	switch {
	case m.opts.Bookmarks == nil:
		return tea.Batch(refilter, m.status.Flash(common.Info, what+" kept for this session"))
	case m.marks.bookErr != nil:
		m.marks.refused++
		return tea.Batch(refilter, m.status.Flash(common.Error, "not saved: the bookmarks file is damaged (B says more)"))
	}
	id, note := p.ID, b.Note
	edit := func(s BookmarkStore) error { return s.SetNote(id, note) }
	if mode == input.Tags {
		edit = func(s BookmarkStore) error { return s.SetTags(id, tags) }
	}
	m.marks.edits++
	return tea.Batch(refilter, editBookmarkCmd(m.opts.Bookmarks, p, b.Added, what, edit))
}

func (m *App) handleBookmarkEdited(msg bookmarkEditedMsg) tea.Cmd {
	m.marks.edits--
	if msg.err != nil {
		return tea.Batch(m.storeFailed("bookmark's "+msg.what, msg.err), m.afterSave(msg.what+" of "+msg.id, msg.err))
	}
	m.marks.setBookmarks(msg.list)
	m.refreshMarks()
	m.refreshBanner()
	return tea.Batch(m.refilter(), m.status.Flash(common.Info, "saved the "+msg.what+" of "+common.Quote(m.marks.bookmarks[msg.id].Paper.Title)),
		m.afterSave(msg.what, nil))
}

// showBookmarks is B: the bookmarks as a listing, newest first, the
// listing before them one esc away.
func (m *App) showBookmarks() tea.Cmd {
	if m.marks.bookErr != nil {
		m.showMessage("The bookmarks cannot be read", m.marks.bookErr.Error()+".\n\n"+
			"Repair the file, or put the backup in its place, and start paperdeck again. "+
			"Until then, bookmarks made now last only for this session.")
		return nil
	}
	push := m.nav.listing.Period.Kind != bookmarksKind
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

// markRead records that a paper's detail was opened.
func (m *App) markRead(id string) tea.Cmd {
	if !m.marks.markRead(id) {
		return nil
	}
	m.refreshMarks()
	if m.opts.ReadMarks == nil || m.marks.readErr != nil {
		return nil
	}
	return markReadCmd(m.opts.ReadMarks, id)
}

func (m *App) handleReadSaved(msg readSavedMsg) tea.Cmd {
	if msg.err == nil || m.marks.readErr != nil {
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
	m.marks.fresh = nil
	if m.opts.ReadMarks == nil || m.marks.readErr != nil || p.Kind == bookmarksKind || len(ids) == 0 {
		return nil
	}
	return visitCmd(m.opts.ReadMarks, listingKey(p), ids)
}

func (m *App) handleVisited(msg visitedMsg) tea.Cmd {
	if msg.err != nil {
		if m.marks.readErr == nil {
			return m.storeFailed("read marks", msg.err)
		}
		return nil
	}
	if msg.key != listingKey(m.nav.listing.Period) {
		return nil
	}
	m.marks.fresh = msg.fresh
	m.refreshMarks()
	return m.rows().Refilter(m.ctx) // is:new

}

// refreshBanner shows a bookmark's date, tags and note above the detail,
// and in the "for you" order why the paper ranks where it does.
func (m *App) refreshBanner() {
	if p, ok := m.detail.Paper(); ok {
		m.detail.SetBanner(joinLines(m.marks.banner(p.ID), m.whyLine(p)))
	}
}
