package fulltext

import (
	"bytes"
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	ftdoc "github.com/paperdeck/paperdeck/fulltext"
)

// Page is a paper's full-text page as the loader got it, with where the
// reader was in it last time, if anywhere.
type Page struct {
	HTML      []byte
	URL       string // the page's public address, for its relative links
	FromCache bool
	Place     Place
	HasPlace  bool
}

// Place is where the reader is in a text: a part (the front, a section,
// the notes, the references) and a line into it, so it holds at another
// width.
type Place struct{ Part, Line int }

// SaveFunc keeps the place in paper id for next time; it runs in a
// command.
type SaveFunc func(id string, p Place)

// LoadFunc fetches (or reads from the cache) the full-text page of an
// arXiv id. It is slow: it only ever runs inside a tea.Cmd.
type LoadFunc func(ctx context.Context, id string) (Page, error)

// RenderFunc turns Markdown into the pane's (ANSI) text for a width and a
// style name, like the detail's. Slow too: commands only.
type RenderFunc func(md string, width int, style string) (string, error)

// LoadedMsg is a fetched and parsed page, for the request numbered gen.
type LoadedMsg struct {
	gen       int
	id        string
	doc       *ftdoc.Document
	fromCache bool
	place     Place
	hasPlace  bool
	err       error
}

// RenderedMsg is a run of rendered parts, from part from on, at a width
// and style, for the request numbered gen.
type RenderedMsg struct {
	gen   int
	width int
	style string
	from  int
	lines [][]string // per part
}

// loadCmd fetches and parses off the UI goroutine; it captures values
// only.
func loadCmd(ctx context.Context, load LoadFunc, gen int, id string) tea.Cmd {
	return func() tea.Msg {
		page, err := load(ctx, id)
		if err != nil {
			return LoadedMsg{gen: gen, id: id, err: err}
		}
		doc, err := ftdoc.Parse(bytes.NewReader(page.HTML), page.URL)
		return LoadedMsg{gen: gen, id: id, doc: doc, fromCache: page.FromCache, place: page.Place, hasPlace: page.HasPlace, err: err}
	}
}

// renderCmd writes and renders parts[from:] until it has at least
// minLines lines (the first screen) or maxParts parts, whichever comes
// first; the pane asks for the rest next. The document is only read.
func renderCmd(render RenderFunc, doc *ftdoc.Document, parts []ftdoc.Part, gen, width int, style string, from, minLines, maxParts int) tea.Cmd {
	return func() tea.Msg {
		msg := RenderedMsg{gen: gen, width: width, style: style, from: from}
		n := 0
		for i := from; i < len(parts) && i-from < maxParts; i++ {
			md := ftdoc.PartMarkdown(doc, parts[i], width)
			out, err := render(md, width, style)
			if err != nil || out == "" {
				out = plainPart(md)
			}
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			msg.lines = append(msg.lines, lines)
			n += len(lines)
			if minLines > 0 && n >= minLines {
				break
			}
		}
		return msg
	}
}

// plainPart is a part's Markdown as it is, when glamour fails on it.
func plainPart(md string) string {
	return "\n" + md
}
