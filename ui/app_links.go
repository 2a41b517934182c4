package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
)

// openLink checks a link and opens it in the background; the status bar
// says what is opened or why not.
func (m *App) openLink(what, raw string) tea.Cmd {
	if raw == "" {
		return m.status.Flash(common.Info, "no "+what+" for this paper")
	}
	u, err := CheckURL(raw)
	if err != nil {
		return m.status.Flash(common.Error, "not opening the "+what+": "+err.Error())
	}
	open := m.opts.Open
	fade := m.status.Flash(common.Info, "opening "+u+"…")
	seq := m.status.Seq()
	return tea.Batch(fade, func() tea.Msg { return openedMsg{url: u, err: open(u), seq: seq} })
}

// handleOpened says "opened" while "opening" is still on show; a browser
// that only returns when it is closed says nothing then, unless it failed.
func (m *App) handleOpened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		return m.status.Flash(common.Error, "could not open the link with the browser: "+msg.err.Error()+" (set $BROWSER)")
	}
	if m.status.Seq() != msg.seq || m.status.Message() == "" {
		return nil
	}
	return m.status.Flash(common.Info, "opened "+msg.url)
}

// copyID is y: the arXiv id and the paper's link, through OSC 52 so it
// works over SSH too.
func (m *App) copyID(p model.Paper) tea.Cmd {
	// Cleaned: pasted into a shell, a newline or an escape in the copy
	// would run or hide something.
	id := p.ID
	if !model.IsArxivID(id) {
		id = p.Title // never an internal key
	}
	text := strings.TrimSpace(termsafe.Line(id + " " + p.URL))
	if text == "" {
		return m.status.Flash(common.Info, "nothing to copy for this paper")
	}
	return tea.Batch(tea.SetClipboard(text), m.status.Flash(common.Info, "copied "+text))
}

// copyBibTeX is Y: a BibTeX entry for the paper.
func (m *App) copyBibTeX(p model.Paper) tea.Cmd {
	bib := termsafe.Text(m.opts.BibTeX(termsafe.Paper(p)))
	if bib == "" {
		return m.status.Flash(common.Info, "no BibTeX for this paper")
	}
	first, _, _ := strings.Cut(bib, ",")
	return tea.Batch(tea.SetClipboard(bib), m.status.Flash(common.Info, "copied BibTeX "+first+"…}"))
}
