package ui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
)

// quitWait bounds how long q waits for the bookmark saves in flight: past
// the store's own wait for a held lock, so a save stuck behind another
// paperdeck ends with its own words ("locked by another paperdeck").
const quitWait = store.LockWait + time.Second

// exit is q's wait: set while the reader waits for the bookmark saves in
// flight; unsaved is what did not reach the file (Unsaved reports it).
type exit struct {
	waiting bool
	unsaved []error
}

// lost keeps what was not saved.
func (e *exit) lost(err error) { e.unsaved = append(e.unsaved, err) }

// quitTimeoutMsg ends the wait for the saves.
type quitTimeoutMsg struct{}

// quit is q: with bookmark changes still being written (b then q at
// once), the reader says so and quits when they are on disk, or after
// quitWait; what did not get saved is reported by Unsaved.
func (m *App) quit() tea.Cmd {
	n := m.marks.pending()
	switch {
	case n == 0:
		return m.quitNow()
	case m.exit.waiting:
		return nil
	}
	m.exit.waiting = true
	say := fmt.Sprintf("saving %s before quitting… (at most %s; ctrl+c quits at once)", plural(n, "bookmark change"), quitWait)
	return tea.Batch(m.status.Flash(common.Notice, say),
		m.tick(quitWait, func(time.Time) tea.Msg { return quitTimeoutMsg{} }))
}

// forceQuit is ctrl+c: at once, saying what is left unsaved.
func (m *App) forceQuit() tea.Cmd {
	if n := m.marks.pending(); n > 0 {
		m.exit.lost(fmt.Errorf("%s may not be saved: quit at once while saving", plural(n, "bookmark change")))
	}
	return m.quitNow()
}

func (m *App) quitNow() tea.Cmd {
	m.nav.guard.Stop()
	m.details.Stop()
	m.stop()
	return tea.Quit
}

// afterSave ends a quit's wait once nothing is left to save. A save that
// failed, before q or during its wait, is kept for Unsaved: the status
// bar said so, but that is gone once the reader ends.
func (m *App) afterSave(what string, err error) tea.Cmd {
	if err != nil {
		m.exit.lost(fmt.Errorf("1 bookmark change not saved (the %s): %w", what, err))
	}
	if !m.exit.waiting {
		return nil
	}
	if m.marks.pending() == 0 {
		return m.quitNow()
	}
	return nil
}

func (m *App) handleQuitTimeout() tea.Cmd {
	if !m.exit.waiting {
		return nil
	}
	if n := m.marks.pending(); n > 0 {
		m.exit.lost(fmt.Errorf("%s not saved: the bookmarks file did not answer within %s", plural(n, "bookmark change"), quitWait))
	}
	return m.quitNow()
}

// Unsaved says which bookmark changes may not be on disk after the reader
// quit (a save that failed, or did not finish while q waited); nil when
// everything was saved. cmd/paperdeck prints it and exits non-zero.
func (m *App) Unsaved() error {
	unsaved := m.exit.unsaved
	if m.marks.refused > 0 {
		unsaved = append(unsaved, fmt.Errorf("%s not saved: %w", plural(m.marks.refused, "bookmark change"), m.marks.bookErr))
	}
	return errors.Join(unsaved...)
}
