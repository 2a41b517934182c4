package detail

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/render"
)

// RenderFunc turns a paper into the detail's (ANSI) text for a width and a
// style name ("dark", "light", "notty"). It is slow (glamour), so it only
// ever runs inside a tea.Cmd.
type RenderFunc func(p model.Paper, width int, style string) (string, error)

// RenderKey names one render: the same paper at another width or style is
// another render.
type RenderKey struct {
	ID    string
	Full  bool // the paper's full record was merged in
	Width int
	Style string
}

// RenderedMsg is a finished render, for the pane that asked.
type RenderedMsg struct {
	key RenderKey
	out string
	err error
}

// cacheID is the render cache's name for a render: a paper's full record
// renders differently from its listing record, so the two never mix.
func (k RenderKey) cacheID() string {
	if k.Full {
		return k.ID + "\x00full"
	}
	return k.ID
}

// renderCmd renders p in the background; p is a copy, so the command
// shares nothing with the model.
func renderCmd(render RenderFunc, p model.Paper, k RenderKey) tea.Cmd {
	return func() tea.Msg {
		out, err := render(p, k.Width, k.Style)
		if err != nil || out == "" {
			out, _ = PlainRender(p, k.Width, k.Style)
		}
		return RenderedMsg{key: k, out: out, err: err}
	}
}

// PlainRender is the renderer of last resort: readable plain text with
// the same parts as the Markdown detail, word-wrapped to width.
func PlainRender(p model.Paper, width int, _ string) (string, error) {
	var b strings.Builder
	para := func(s string) {
		b.WriteString(common.Wrap(s, width, "  "))
		b.WriteString("\n\n")
	}
	b.WriteString("\n")
	para(strings.ToUpper(p.Title))
	if a := store.AuthorLine(p, 8); a != "" {
		para(a)
	}
	if m := metaLine(p); m != "" {
		para(m)
	}
	if links := p.AllLinks(); len(links) > 0 {
		var lb strings.Builder
		for _, l := range links {
			fmt.Fprintf(&lb, "%-8s %s\n", l.Label, l.URL)
		}
		para(strings.TrimRight(lb.String(), "\n"))
	}
	if p.AISummary != "" {
		para("AI summary: " + p.AISummary)
	}
	if len(p.Keywords) > 0 {
		para("Keywords: " + strings.Join(p.Keywords, ", "))
	}
	if p.Summary != "" {
		para("ABSTRACT")
		para(p.Summary)
	}
	return b.String(), nil
}

// metaLine is "date · upvotes · comments · organisation · stars".
func metaLine(p model.Paper) string {
	var parts []string
	if p.Published != "" {
		parts = append(parts, p.Published)
	}
	if p.Upvotes > 0 {
		parts = append(parts, fmt.Sprintf("▲ %d", p.Upvotes))
	}
	if p.Comments > 0 {
		parts = append(parts, render.Plural(p.Comments, "comment", "comments"))
	}
	if p.Organization != "" {
		parts = append(parts, p.Organization)
	}
	if p.GitHubStars > 0 {
		parts = append(parts, render.Plural(p.GitHubStars, "GitHub star", "GitHub stars"))
	}
	return strings.Join(parts, " · ")
}
