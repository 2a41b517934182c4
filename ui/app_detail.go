package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
)

// detailsDelay is how long the cursor rests on a paper before its full
// record is fetched and it counts as read in the wide layout; holding j
// fetches nothing.
const detailsDelay = 350 * time.Millisecond

// openDetail is enter: the detail takes the focus (and the screen when
// narrow), the paper counts as read, and its full record is fetched.
func (m *App) openDetail() tea.Cmd {
	p, ok := m.rows().Selected()
	if !ok {
		return nil
	}
	m.setFocus(m.focus.to(focusDetail))
	return tea.Batch(m.markRead(p.ID), m.showDetail(p), m.catalogRecord(), m.fetchDetails(p))
}

// selectionMoved follows the cursor with the detail in the wide layout
// and schedules the fetch of the record once the cursor rests.
func (m *App) selectionMoved(before string) tea.Cmd {
	p, ok := m.rows().Selected()
	if why, nothing := m.rows().Nothing(); nothing && m.size.wide() && m.nav.loaded {
		m.detail.Clear(why) // an empty result empties the detail too
		return nil
	}
	if !m.size.wide() || !ok || p.ID == before {
		return nil
	}
	seq, id := m.details.Rest(), p.ID
	due := m.tick(detailsDelay, func(time.Time) tea.Msg { return detailsDueMsg{seq: seq, id: id} })
	return tea.Batch(m.showDetail(p), due)
}

func (m *App) handleDetailsDue(msg detailsDueMsg) tea.Cmd {
	if !m.details.Due(msg.seq) {
		return nil
	}
	p, ok := m.rows().Selected()
	if !ok || p.ID != msg.id {
		return nil
	}
	return tea.Batch(m.markRead(p.ID), m.catalogRecord(), m.fetchDetails(p))
}

// showDetail puts p in the detail pane, which renders it.
func (m *App) showDetail(p model.Paper) tea.Cmd {
	cmd := m.detail.Show(p, m.details.Full(p.ID))
	m.refreshBanner()
	return cmd
}

// fetchDetails asks once per paper for its full record (code link, stars,
// AI summary); a newer ask cancels an older one.
func (m *App) fetchDetails(p model.Paper) tea.Cmd {
	if m.opts.Feed == nil || m.details.Asked(p.ID) {
		return nil
	}
	if !model.IsArxivID(p.ID) {
		// No arXiv id (copied page text): look it up by the title.
		r, ok := m.opts.Feed.(TitleResolver)
		if !ok || p.Title == "" {
			return nil
		}
		ctx, gen := m.details.Ask(m.ctx, p.ID)
		return tea.Batch(m.syncLoading(), resolveCmd(r, ctx, gen, p))
	}
	ctx, gen := m.details.Ask(m.ctx, p.ID)
	return tea.Batch(m.syncLoading(), detailsCmd(m.opts.Feed, ctx, gen, p.ID))
}

func (m *App) handleDetails(msg detailsMsg) tea.Cmd {
	if !m.details.Answered(msg.gen, msg.id) {
		return nil // cancelled or stale: a cancelled paper is asked for again next time
	}
	spin := m.syncLoading()
	if msg.err != nil {
		// Said only when the reader opened this paper; a fetch made because
		// the cursor rested stays quiet (offline, that would be every paper).
		if cur, ok := m.detail.Paper(); ok && cur.ID == msg.id && m.focus.is(focusDetail) {
			if !model.IsArxivID(msg.id) {
				return tea.Batch(spin, m.status.Flash(common.Notice, "no arXiv id for this paper: "+msg.err.Error()))
			}
			return tea.Batch(spin, m.status.Flash(common.Notice, "no details for "+msg.id+": "+msg.err.Error()))
		}
		return spin
	}
	if msg.resolved {
		return tea.Batch(spin, m.handleResolved(msg.id, msg.paper))
	}
	orig, found := m.rows().Find(msg.id)
	if !found {
		return spin
	}
	merged := feed.MergePaper(orig, msg.paper)
	merged.ID = orig.ID
	m.details.Merged(merged.ID)
	m.rows().UpdatePaper(merged)
	if cur, ok := m.detail.Paper(); ok && cur.ID == merged.ID {
		return tea.Batch(spin, m.showDetail(merged))
	}
	return spin
}

// handleResolved puts a paper found by its title under its arXiv id: the
// links follow, and its full record is asked for when it is on show.
func (m *App) handleResolved(oldID string, p model.Paper) tea.Cmd {
	if _, found := m.rows().Find(oldID); !found {
		return nil
	}
	m.rows().ReplacePaper(oldID, p)
	cur, ok := m.detail.Paper()
	if !ok || cur.ID != oldID {
		return nil
	}
	return tea.Batch(m.markRead(p.ID), m.showDetail(p), m.fetchDetails(p), m.status.Flash(common.Info, "found its arXiv id by the title: "+p.ID))
}

// handleResize re-lays out at once and re-renders the detail for its new
// width in the background.
func (m *App) handleResize(msg tea.WindowSizeMsg) tea.Cmd {
	m.size = size{width: msg.Width, height: msg.Height}
	m.layout()
	sync := m.reader.Sync()
	if _, has := m.detail.Paper(); m.focus.is(focusDetail) && !m.size.wide() && !has {
		m.setFocus(m.focus.to(focusList))
	}
	if p, ok := m.detail.Paper(); ok {
		return tea.Batch(sync, m.showDetail(p))
	}
	return tea.Batch(sync, m.selectionMoved("\x00"))
}

// handleBackground rebuilds the styles for a dark or light terminal.
func (m *App) handleBackground(msg tea.BackgroundColorMsg) tea.Cmd {
	m.styles = m.newStyles(msg.IsDark())
	m.list.SetStyles(m.styles)
	m.bookmarks.Rows().SetStyles(m.styles)
	m.detail.SetStyles(m.styles)
	m.input.SetStyles(m.styles)
	m.help.SetStyles(m.styles)
	m.picker.SetStyles(m.styles)
	m.message.SetStyles(m.styles)
	m.status.SetStyles(m.styles)
	m.reader.SetStyles(m.styles)
	sync := m.reader.Sync()
	if p, ok := m.detail.Paper(); ok {
		return tea.Batch(sync, m.showDetail(p))
	}
	return sync
}
