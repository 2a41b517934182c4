package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
)

// handleKey: ctrl+c always quits; a typed line takes every other key;
// then the global keys; then the focused pane.
func (m *App) handleKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.global.ForceQuit):
		return m.quit()
	case m.input.Active():
		return m.handleInputKey(k)
	case key.Matches(k, m.global.Quit):
		return m.quit()
	case key.Matches(k, m.global.Help):
		return m.toggleHelp()
	}
	switch m.focus {
	case focusHelp:
		return m.handleHelpKey(k)
	case focusPicker:
		return m.handlePickerKey(k)
	case focusMessage:
		return m.handleMessageKey(k)
	case focusDetail:
		return m.handleDetailKey(k)
	}
	return m.handleListKey(k)
}

func (m *App) quit() tea.Cmd {
	m.listingG.Stop()
	m.detailsG.Stop()
	m.stop()
	return tea.Quit
}

func (m *App) toggleHelp() tea.Cmd {
	if m.focus == focusHelp {
		m.setFocus(m.returnTo)
		return nil
	}
	m.returnTo = m.focus
	m.setFocus(focusHelp)
	m.help.SetSize(m.width, m.bodyHeight())
	return nil
}

func (m *App) handleHelpKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, m.help.keys.Close) {
		return m.toggleHelp()
	}
	var cmd tea.Cmd
	m.help, cmd = m.help.Update(k)
	return cmd
}

func (m *App) handleListKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.lkeys.Open):
		return m.openDetail()
	case key.Matches(k, m.lkeys.Back):
		return m.goBack()
	case key.Matches(k, m.lkeys.Filter):
		return m.openInput(inputFilter, m.list.Query())
	case key.Matches(k, m.lkeys.Search):
		return m.openInput(inputSearch, m.searchQuery())
	case key.Matches(k, m.lkeys.Prev):
		return m.step(-1)
	case key.Matches(k, m.lkeys.Next):
		return m.step(1)
	case key.Matches(k, m.lkeys.Day):
		return m.switchKind(model.Day)
	case key.Matches(k, m.lkeys.Week):
		return m.switchKind(model.Week)
	case key.Matches(k, m.lkeys.Month):
		return m.switchKind(model.Month)
	case key.Matches(k, m.lkeys.Trending):
		return m.switchKind(model.Trending)
	case key.Matches(k, m.lkeys.Arxiv):
		return m.nextArxiv()
	case key.Matches(k, m.lkeys.Refresh):
		return m.refresh()
	case key.Matches(k, m.lkeys.Bookmarks):
		return m.showBookmarks()
	}
	if cmd, ok := m.handlePaperKey(k); ok {
		return cmd
	}
	return m.updateList(k)
}

// updateList hands a message to the list and follows the cursor with the
// detail when both are on screen.
func (m *App) updateList(msg tea.Msg) tea.Cmd {
	before := m.list.selectedID()
	var cmd tea.Cmd
	m.list, cmd = m.list.Update(msg)
	return tea.Batch(cmd, m.selectionMoved(before))
}

func (m *App) handleDetailKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.detail.keys.Back):
		return m.closeDetail()
	case key.Matches(k, m.detail.keys.Find):
		return m.openInput(inputFind, m.detail.find)
	case key.Matches(k, m.detail.keys.NextHit, m.detail.keys.PrevHit) && m.detail.HasHits():
		// While a find has matches, N is "previous match", not "note".
		var cmd tea.Cmd
		m.detail, cmd = m.detail.Update(k)
		return tea.Batch(cmd, m.status.Flash(flashInfo, m.detail.FindStatus()))
	}
	if cmd, ok := m.handlePaperKey(k); ok {
		return cmd
	}
	var cmd tea.Cmd
	m.detail, cmd = m.detail.Update(k)
	return cmd
}

func (m *App) handleMessageKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, m.message.keys.Close) {
		m.setFocus(m.returnTo)
		return nil
	}
	var cmd tea.Cmd
	m.message, cmd = m.message.Update(k)
	return cmd
}

// showMessage puts a long message on screen until esc.
func (m *App) showMessage(title, body string) {
	m.message.Show(title, body)
	if m.focus != focusMessage {
		m.returnTo = m.focus
	}
	m.setFocus(focusMessage)
}

func (m *App) handlePickerKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, m.picker.keys.Close) {
		m.setFocus(m.returnTo)
		return nil
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(k)
	if l, ok := m.picker.Chosen(); ok {
		m.setFocus(m.returnTo)
		return tea.Batch(cmd, m.openLink(l.Label+" link", l.URL))
	}
	return cmd
}

// handlePaperKey runs the keys that act on the current paper, from the
// list or the detail.
func (m *App) handlePaperKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	pk := m.pkeys
	if !key.Matches(k, pk.Page, pk.PDF, pk.Code, pk.Links, pk.CopyID, pk.CopyBib, pk.Bookmark, pk.Tags, pk.Note) {
		return nil, false
	}
	p, ok := m.currentPaper()
	if !ok {
		return m.status.Flash(flashInfo, "no paper selected"), true
	}
	switch {
	case key.Matches(k, m.pkeys.Page):
		return m.openLink("paper page", p.URL), true
	case key.Matches(k, m.pkeys.PDF):
		return m.openLink("PDF link", p.PDFURL), true
	case key.Matches(k, m.pkeys.Code):
		return m.openLink("code link", p.GitHub), true
	case key.Matches(k, m.pkeys.Links):
		m.picker.Show(p)
		m.returnTo = m.focus
		m.setFocus(focusPicker)
		return nil, true
	case key.Matches(k, m.pkeys.CopyID):
		return m.copyID(p), true
	case key.Matches(k, m.pkeys.Bookmark):
		return m.toggleBookmark(p), true
	case key.Matches(k, m.pkeys.Tags):
		return m.editTags(p), true
	case key.Matches(k, m.pkeys.Note):
		return m.editNote(p), true
	}
	return m.copyBibTeX(p), true
}

// currentPaper is the paper the paper keys act on: the open detail's, or
// the one under the list's cursor.
func (m *App) currentPaper() (model.Paper, bool) {
	if m.focus == focusDetail {
		return m.detail.Paper()
	}
	return m.list.Selected()
}

// openInput shows the query line for mode, starting from value.
func (m *App) openInput(mode inputMode, value string) tea.Cmd {
	value = safeLine(value) // a bookmark's tags or note, from the file
	cmd := m.input.Open(mode, value)
	m.inputVal = value
	m.layout()
	return cmd
}

// handleInputKey edits the query line and applies what it means at once:
// the filter and the find follow every key, a search starts on enter.
func (m *App) handleInputKey(k tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(k)
	return tea.Batch(cmd, m.applyInput())
}

func (m *App) handlePaste(msg tea.PasteMsg) tea.Cmd {
	if !m.input.Active() {
		return nil
	}
	// Pasted text (copied from a terminal, say) may hold whole escape
	// sequences; the input would drop only their ESC and keep the rest.
	msg.Content = safeLine(msg.Content)
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return tea.Batch(cmd, m.applyInput())
}

// handleOther passes anything else (the cursor's blink) to the input.
func (m *App) handleOther(msg tea.Msg) tea.Cmd {
	if !m.input.Active() {
		return nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return cmd
}

func (m *App) applyInput() tea.Cmd {
	outcome, mode := m.input.Outcome()
	value := m.input.Value()
	switch outcome {
	case inputEdited:
		if value == m.inputVal && !m.input.Toggled() {
			return nil
		}
		m.inputVal = value
		switch mode {
		case inputFilter:
			return m.setFilter(value)
		case inputFind:
			m.detail.Find(value)
		}
		return nil
	case inputAccepted:
		m.layout()
		switch mode {
		case inputFilter:
			return m.setFilter(value)
		case inputFind:
			m.detail.Find(value)
			return m.status.Flash(flashInfo, m.detail.FindStatus())
		case inputSearch:
			return m.search(value)
		case inputTags, inputNote:
			return m.saveEdit(mode, value)
		}
	case inputCanceled:
		m.layout()
		switch mode {
		case inputFilter:
			return m.setFilter("")
		case inputFind:
			m.detail.Find("")
		}
	}
	return nil
}

// handleWheel scrolls what is under the mouse: in the wide layout the
// detail on the right, otherwise the focused pane.
func (m *App) handleWheel(msg tea.MouseWheelMsg) tea.Cmd {
	var cmd tea.Cmd
	lw, _ := m.split()
	switch {
	case m.focus == focusHelp:
		m.help, cmd = m.help.Update(msg)
	case m.focus == focusPicker:
	case m.wide && msg.Mouse().X > lw, !m.wide && m.focus == focusDetail:
		m.detail, cmd = m.detail.Update(msg)
	default:
		return m.updateList(msg)
	}
	return cmd
}
