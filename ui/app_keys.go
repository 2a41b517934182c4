package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/pane/input"
	"github.com/paperdeck/paperdeck/ui/pane/picker"
)

// handleKey: ctrl+c always quits; a typed line takes every other key;
// then the global keys; then the focused pane.
func (m *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.global.ForceQuit):
		return m.forceQuit()
	case m.input.Active():
		return m.handleInputKey(k)
	case key.Matches(k, m.keys.global.Quit):
		return m.quit()
	case key.Matches(k, m.keys.global.Help):
		return m.toggleHelp()
	case key.Matches(k, m.keys.global.Messages):
		return m.showRecent()
	}
	switch m.focus.on {
	case focusHelp:
		return m.help.Update(k)
	case focusPicker:
		return m.picker.Update(k)
	case focusMessage:
		return m.message.Update(k)
	case focusDetail:
		return m.handleDetailKey(k)
	case focusReader:
		return m.handleReaderKey(k)
	}
	return m.handleListKey(k)
}

func (m *App) toggleHelp() tea.Cmd {
	if m.focus.is(focusHelp) {
		m.setFocus(m.focus.closed())
		return nil
	}
	m.setFocus(m.focus.over(focusHelp))
	m.help.SetSize(m.size.width, m.bodyHeight())
	return nil
}

// handleClose closes what asked (common.CloseMsg): the help, the picker
// and the message box give the keys back to where they were, the detail
// to the list.
func (m *App) handleClose() tea.Cmd {
	reading := m.focus.is(focusReader)
	m.setFocus(m.focus.closed())
	if reading {
		return tea.Batch(m.reader.Close(), m.syncLoading())
	}
	return nil
}

// handleChosen opens the link picked in the picker.
func (m *App) handleChosen(msg picker.ChosenMsg) tea.Cmd {
	if _, err := CheckURL(msg.Link.URL); err != nil {
		// The picker stays open: the next link may be the one wanted.
		return m.status.Flash(common.Error, "not opening the "+msg.Link.Label+" link: "+err.Error())
	}
	if m.focus.is(focusPicker) {
		m.setFocus(m.focus.closed())
	}
	return m.openLink(msg.Link.Label+" link", msg.Link.URL)
}

func (m *App) handleListKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.listing.Open):
		return m.openDetail()
	case key.Matches(k, m.keys.listing.Back):
		return m.goBack()
	case key.Matches(k, m.keys.listing.Filter):
		return m.openInput(input.Filter, m.rows().Query())
	case key.Matches(k, m.keys.listing.Search):
		return m.openSearch()
	case key.Matches(k, m.keys.listing.Prev):
		return m.step(-1)
	case key.Matches(k, m.keys.listing.Next):
		return m.step(1)
	case key.Matches(k, m.keys.listing.Day):
		return m.switchKind(model.Day)
	case key.Matches(k, m.keys.listing.Week):
		return m.switchKind(model.Week)
	case key.Matches(k, m.keys.listing.Month):
		return m.switchKind(model.Month)
	case key.Matches(k, m.keys.listing.Trending):
		return m.switchKind(model.Trending)
	case key.Matches(k, m.keys.listing.Arxiv):
		return m.nextArxiv()
	case key.Matches(k, m.keys.listing.Refresh):
		return m.refresh()
	case key.Matches(k, m.keys.listing.Bookmarks):
		return m.showBookmarks()
	case key.Matches(k, m.keys.listing.Sort):
		return m.cycleSort()
	}
	if cmd, ok := m.handlePaperKey(k); ok {
		return cmd
	}
	return m.updateList(k)
}

// updateList hands a message to the list and follows the cursor with the
// detail when both are on screen.
func (m *App) updateList(msg tea.Msg) tea.Cmd {
	before := m.rows().SelectedID()
	cmd := m.listPane().Update(msg)
	return tea.Batch(cmd, m.selectionMoved(before))
}

// handleDetailKey: the paper keys, then the detail's own (scrolling,
// find, back).
func (m *App) handleDetailKey(k tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.handlePaperKey(k); ok {
		return cmd
	}
	if cmd, ok := m.findNow(k, m.detail); ok {
		return cmd
	}
	return m.detail.Update(k)
}

// showRecent is !: the status bar's recent messages, whole (the bar cuts
// a long one), newest first.
func (m *App) showRecent() tea.Cmd {
	recent := m.status.Recent()
	if len(recent) == 0 {
		return m.status.Flash(common.Info, "no messages yet")
	}
	m.showMessage("Recent messages", strings.Join(recent, "\n\n"))
	return nil
}

// showMessage puts a long message on screen until esc.
func (m *App) showMessage(title, body string) {
	m.message.Show(title, body)
	m.setFocus(m.focus.over(focusMessage))
}

// handlePaperKey runs the keys that act on the current paper, from the
// list or the detail.
func (m *App) handlePaperKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	pk := m.keys.paper
	if key.Matches(k, pk.Undo) {
		return m.undoRemoval(), true
	}
	if !key.Matches(k, pk.Page, pk.PDF, pk.Code, pk.Links, pk.CopyID, pk.CopyBib, pk.Bookmark, pk.Tags, pk.Note, pk.FullText, pk.Similar) {
		return nil, false
	}
	p, ok := m.currentPaper()
	if !ok {
		return m.status.Flash(common.Info, "no paper selected"), true
	}
	switch {
	case key.Matches(k, m.keys.paper.Page):
		return m.openLink("paper page", p.URL), true
	case key.Matches(k, m.keys.paper.PDF):
		return m.openLink("PDF link", p.PDFURL), true
	case key.Matches(k, m.keys.paper.Code):
		return m.openLink("code link", p.GitHub), true
	case key.Matches(k, m.keys.paper.FullText):
		return m.openReader(p), true
	case key.Matches(k, m.keys.paper.Links):
		m.picker.Show(p)
		m.setFocus(m.focus.over(focusPicker))
		return nil, true
	case key.Matches(k, m.keys.paper.CopyID):
		return m.copyID(p), true
	case key.Matches(k, m.keys.paper.Bookmark):
		return m.toggleBookmark(p), true
	case key.Matches(k, m.keys.paper.Tags):
		return m.editTags(p), true
	case key.Matches(k, m.keys.paper.Note):
		return m.editNote(p), true
	case key.Matches(k, m.keys.paper.Similar):
		return m.showSimilar(p), true
	}
	return m.copyBibTeX(p), true
}

// currentPaper is the paper the paper keys act on: the open detail's, or
// the one under the list's cursor.
func (m *App) currentPaper() (model.Paper, bool) {
	switch m.focus.on {
	case focusDetail:
		return m.detail.Paper()
	case focusReader:
		return m.reader.Paper()
	}
	return m.rows().Selected()
}

// typing is what the input line acts on: the paper whose tags or note
// are typed (or whose bookmark b asks about), and the line's value after
// the last key, so a key that changes nothing asks nothing again.
type typing struct {
	paper model.Paper
	value string
}

// openInput shows the query line for mode, starting from value.
func (m *App) openInput(mode input.Mode, value string) tea.Cmd {
	value = termsafe.Line(value) // a bookmark's tags or note, from the file
	cmd := m.input.Open(mode, value)
	m.typed.value = value
	m.layout()
	return cmd
}

// openSearch is s: the line opens empty, whatever is listed, so typing
// starts a new search; the search on screen shows dimmed in it, and the
// recall key (tab) takes it to edit.
func (m *App) openSearch() tea.Cmd {
	cmd := m.input.OpenFresh(input.Search, termsafe.Line(m.nav.searchQuery()))
	m.typed.value = ""
	m.layout()
	return cmd
}

// handleInputKey edits the query line and applies what it means at once:
// the filter and the find follow every key, a search starts on enter.
func (m *App) handleInputKey(k tea.KeyPressMsg) tea.Cmd {
	cmd := m.input.Update(k)
	return tea.Batch(cmd, m.applyInput())
}

func (m *App) handlePaste(msg tea.PasteMsg) tea.Cmd {
	if !m.input.Active() {
		return nil
	}
	// Pasted text (copied from a terminal, say) may hold whole escape
	// sequences; the input would drop only their ESC and keep the rest.
	msg.Content = termsafe.Line(msg.Content)
	cmd := m.input.Update(msg)
	return tea.Batch(cmd, m.applyInput())
}

// handleOther passes anything else (the cursor's blink) to the input.
func (m *App) handleOther(msg tea.Msg) tea.Cmd {
	if !m.input.Active() {
		return nil
	}
	return m.input.Update(msg)
}

func (m *App) applyInput() tea.Cmd {
	outcome, mode := m.input.Outcome()
	value := m.input.Value()
	switch outcome {
	case input.Edited:
		if value == m.typed.value && !m.input.Toggled() {
			return nil
		}
		m.typed.value = value
		switch mode {
		case input.Filter:
			return m.setFilter(value)
		case input.Find:
			m.find(value)
		}
		return nil
	case input.Accepted:
		m.layout()
		switch mode {
		case input.Filter:
			return tea.Batch(m.setFilter(value), m.retagForYou())
		case input.Find:
			return m.status.Flash(common.Info, m.find(value))
		case input.Search:
			return m.search(value)
		case input.Tags, input.Note:
			return m.saveEdit(mode, value)
		case input.Confirm:
			return m.confirmed(true)
		}
	case input.Canceled:
		m.layout()
		switch mode {
		case input.Filter:
			return tea.Batch(m.setFilter(""), m.retagForYou())
		case input.Find:
			m.find("")
		case input.Confirm:
			return m.confirmed(false)
		}
	}
	return nil
}

// handleWheel scrolls what is under the mouse: in the wide layout the
// detail on the right, otherwise the focused pane.
func (m *App) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	lw, _ := m.size.split()
	switch {
	case m.focus.is(focusHelp):
		return m.help.Update(msg)
	case m.focus.is(focusPicker):
		return nil
	case m.focus.is(focusReader):
		return m.reader.Update(msg)
	case m.size.wide() && msg.Mouse().X > lw, !m.size.wide() && m.focus.is(focusDetail):
		return m.detail.Update(msg)
	}
	return m.updateList(msg)
}
