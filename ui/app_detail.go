package ui

import (
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/render"
)

// detailsDelay is how long the cursor rests on a paper before its full
// record is fetched and it counts as read in the wide layout; holding j
// fetches nothing.
const detailsDelay = 350 * time.Millisecond

// detailsDueMsg says the cursor has rested; seq tells whether it moved since.
type detailsDueMsg struct {
	seq int
	id  string
}

// openDetail is enter: the detail takes the focus (and the screen when
// narrow), the paper counts as read, and its full record is fetched.
func (m *App) openDetail() tea.Cmd {
	p, ok := m.list.Selected()
	if !ok {
		return nil
	}
	m.setFocus(focusDetail)
	return tea.Batch(m.markRead(p.ID), m.showDetail(p), m.fetchDetails(p))
}

func (m *App) closeDetail() tea.Cmd {
	if m.detail.find != "" {
		m.detail.Find("")
		return nil
	}
	m.setFocus(focusList)
	return nil
}

// selectionMoved follows the cursor with the detail in the wide layout
// and schedules the fetch of the record once the cursor rests.
func (m *App) selectionMoved(before string) tea.Cmd {
	p, ok := m.list.Selected()
	if !m.wide || !ok || p.ID == before {
		return nil
	}
	m.dueSeq++
	seq, id := m.dueSeq, p.ID
	due := m.tick(detailsDelay, func(time.Time) tea.Msg { return detailsDueMsg{seq: seq, id: id} })
	return tea.Batch(m.showDetail(p), due)
}

func (m *App) handleDetailsDue(msg detailsDueMsg) tea.Cmd {
	if msg.seq != m.dueSeq {
		return nil
	}
	p, ok := m.list.Selected()
	if !ok || p.ID != msg.id {
		return nil
	}
	return tea.Batch(m.markRead(p.ID), m.fetchDetails(p))
}

// showDetail puts p in the detail pane, from the render cache when it
// can, else rendering in the background. One render runs at a time: with
// j held down the detail shows each paper's plain placeholder and renders
// only where the cursor is when the running render lands.
func (m *App) showDetail(p model.Paper) tea.Cmd {
	k := renderKey{ID: p.ID, Full: m.full[p.ID], Width: m.detailWidth(), Style: m.styles.RenderStyle()}
	m.detail.SetPaper(p, k)
	m.refreshBanner()
	if out, ok := m.renders.Get(k.cacheID(), k.Width, render.Style(k.Style)); ok {
		m.detail.SetRendered(k, out)
		return nil
	}
	if m.rendering {
		return nil // handleRendered renders what is wanted then
	}
	m.rendering = true
	return renderCmd(m.opts.Render, p, k)
}

func (m *App) handleRendered(msg renderedMsg) tea.Cmd {
	m.rendering = false
	if msg.err == nil {
		m.renders.Put(msg.key.cacheID(), msg.key.Width, render.Style(msg.key.Style), msg.out)
	}
	m.detail.SetRendered(msg.key, msg.out)
	var cmds []tea.Cmd
	if msg.err != nil && msg.key == m.detail.want {
		cmds = append(cmds, m.status.Flash(flashError, "rendering the detail: "+msg.err.Error()))
	}
	if p, ok := m.detail.Paper(); ok && m.detail.Want() != (renderKey{}) {
		cmds = append(cmds, m.showDetail(p)) // the detail moved on while this one ran
	}
	return tea.Batch(cmds...)
}

// fetchDetails asks once per paper for its full record (code link, stars,
// AI summary); a newer ask cancels an older one.
func (m *App) fetchDetails(p model.Paper) tea.Cmd {
	if m.opts.Feed == nil || !feed.IsArxivID(p.ID) || m.asked[p.ID] {
		return nil
	}
	m.asked[p.ID] = true
	ctx, gen := m.detailsG.Begin(m.ctx)
	return tea.Batch(m.syncLoading(), detailsCmd(m.opts.Feed, ctx, gen, p.ID))
}

func (m *App) handleDetails(msg detailsMsg) tea.Cmd {
	if !m.detailsG.Finish(msg.gen) {
		delete(m.asked, msg.id) // cancelled: ask again next time
		return nil
	}
	spin := m.syncLoading()
	if msg.err != nil {
		// Said only when the reader opened this paper; a fetch made because
		// the cursor rested stays quiet (offline, that would be every paper).
		if cur, ok := m.detail.Paper(); ok && cur.ID == msg.id && m.focus == focusDetail {
			return tea.Batch(spin, m.status.Flash(flashNotice, "no details for "+msg.id+": "+msg.err.Error()))
		}
		return spin
	}
	orig, found := m.list.Find(msg.id)
	if !found {
		return spin
	}
	merged := feed.MergePaper(orig, msg.paper)
	merged.ID = orig.ID
	m.full[merged.ID] = true
	m.list.UpdatePaper(merged)
	if cur, ok := m.detail.Paper(); ok && cur.ID == merged.ID {
		return tea.Batch(spin, m.showDetail(merged))
	}
	return spin
}

// handleResize re-lays out at once and re-renders the detail for its new
// width in the background.
func (m *App) handleResize(msg tea.WindowSizeMsg) tea.Cmd {
	m.width, m.height = msg.Width, msg.Height
	m.layout()
	if m.focus == focusDetail && !m.wide && !m.detail.has {
		m.setFocus(focusList)
	}
	if p, ok := m.detail.Paper(); ok {
		return m.showDetail(p)
	}
	return m.selectionMoved("\x00")
}

// handleBackground rebuilds the styles for a dark or light terminal.
func (m *App) handleBackground(msg tea.BackgroundColorMsg) tea.Cmd {
	m.styles = m.newStyles(msg.IsDark())
	m.list.SetStyles(m.styles)
	m.detail.SetStyles(m.styles)
	m.input.SetStyles(m.styles)
	m.help.SetStyles(m.styles)
	m.picker.SetStyles(m.styles)
	m.message.SetStyles(m.styles)
	m.status.SetStyles(m.styles)
	if p, ok := m.detail.Paper(); ok {
		return m.showDetail(p)
	}
	return nil
}

func (m *App) handleSpinner(msg spinner.TickMsg) tea.Cmd {
	var cmd tea.Cmd
	m.status, cmd = m.status.Tick(msg)
	return cmd
}

func (m *App) handleStatusClear(msg statusClearMsg) tea.Cmd {
	m.status.Clear(msg.seq)
	return nil
}
