package ui

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/pane/fulltext"
	"github.com/paperdeck/paperdeck/ui/pane/input"
	"github.com/paperdeck/paperdeck/ui/render"
)

// The root's side of the reader pane (ui/pane/fulltext): where its pages
// come from, opening it with f, and the keys it shares with the paper keys.

// fullTextFeed is a Feed that also fetches full texts and keeps the place
// in each (*feed.Client does).
type fullTextFeed interface {
	FullText(ctx context.Context, id string) (feed.FullText, error)
	FullTextPlace(id string) (feed.ReadingPlace, bool)
	SetFullTextPlace(id string, p feed.ReadingPlace)
}

// fullTextSaver keeps the reader's places through the Feed, when it can.
func fullTextSaver(opts Options) fulltext.SaveFunc {
	if f, ok := opts.Feed.(fullTextFeed); ok {
		return func(id string, p fulltext.Place) {
			f.SetFullTextPlace(id, feed.ReadingPlace{Part: p.Part, Line: p.Line})
		}
	}
	return nil
}

// fullTextLoader is Options.FullText, else the Feed's own, else one that
// says the full text is not available from this source.
func fullTextLoader(opts Options) fulltext.LoadFunc {
	if opts.FullText != nil {
		return opts.FullText
	}
	if f, ok := opts.Feed.(fullTextFeed); ok {
		return func(ctx context.Context, id string) (fulltext.Page, error) {
			ft, err := f.FullText(ctx, id)
			page := fulltext.Page{HTML: ft.HTML, URL: ft.URL, FromCache: ft.FromCache}
			if p, ok := f.FullTextPlace(id); ok {
				page.Place, page.HasPlace = fulltext.Place{Part: p.Part, Line: p.Line}, true
			}
			return page, err
		}
	}
	return func(context.Context, string) (fulltext.Page, error) {
		return fulltext.Page{}, errors.New("full texts cannot be fetched from this source")
	}
}

// readerRender renders the reader's Markdown with glamour, like the detail.
func readerRender(md string, width int, style string) (string, error) {
	return render.Document(md, width, render.Style(style))
}

// openReader shows p's full text; esc gives the keys back to the pane
// that opened it, the list keeping its place.
func (m *App) openReader(p model.Paper) tea.Cmd {
	m.setFocus(m.focus.reading())
	m.reader.SetSize(m.size.width, m.bodyHeight())
	return tea.Batch(m.reader.Open(p), m.syncLoading())
}

// handleReaderKey: the reader's own keys first (its L lists the links of
// the whole text), then the paper keys (p opens the PDF when there is no
// HTML version), then scrolling.
func (m *App) handleReaderKey(k tea.KeyPressMsg) tea.Cmd {
	if !key.Matches(k, m.keys.paper.Links, m.keys.paper.FullText) {
		if cmd, ok := m.handlePaperKey(k); ok {
			return cmd
		}
	}
	if cmd, ok := m.findNow(k, m.reader); ok {
		return cmd
	}
	return m.reader.Update(k)
}

// findNow opens the find line in the same update as the pane's find key
// (common.Finder says why): keys already queued behind / then go into the
// line, where a message would let them reach the pane (the p of "/prime"
// opened the PDF).
func (m *App) findNow(k tea.KeyPressMsg, f common.Finder) (tea.Cmd, bool) {
	if !key.Matches(k, m.keys.paper.Find) || !f.CanFind() {
		return nil, false
	}
	return m.openInput(input.Find, ""), true
}

// showReaderLinks lists every link of the text in the link picker.
func (m *App) showReaderLinks(msg fulltext.LinksMsg) tea.Cmd {
	m.picker.ShowLinks(msg.Title, msg.Links)
	m.setFocus(m.focus.to(focusReader).over(focusPicker))
	return nil
}

// find runs the find line's query in the pane that asked (the reader or
// the detail) and says how it went.
func (m *App) find(query string) string {
	var f common.Finder = m.detail
	if m.focus.is(focusReader) {
		f = m.reader
	}
	f.Find(query)
	return f.FindStatus()
}
