package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
)

// pickerPane lists every link of a paper, numbered; 1–9 or enter picks one.
type pickerPane struct {
	keys   pickerKeys
	styles Styles
	width  int
	height int
	title  string
	links  []model.Link
	cursor int
	offset int
	chosen *model.Link // set by the Update that picked a link
}

func newPickerPane(styles Styles) pickerPane {
	return pickerPane{keys: newPickerKeys(), styles: styles}
}

func (p *pickerPane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.scroll()
}

func (p *pickerPane) SetStyles(s Styles) { p.styles = s }

// Show lists the links of paper.
func (p *pickerPane) Show(paper model.Paper) {
	p.title = safeLine(paper.Title)
	p.links = paper.AllLinks()
	p.cursor, p.offset, p.chosen = 0, 0, nil
}

// Chosen is the link the last Update picked, if any.
func (p pickerPane) Chosen() (model.Link, bool) {
	if p.chosen == nil {
		return model.Link{}, false
	}
	return *p.chosen, true
}

func (p pickerPane) Update(msg tea.Msg) (pickerPane, tea.Cmd) {
	p.chosen = nil
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	switch {
	case key.Matches(k, p.keys.Up):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(k, p.keys.Down):
		p.cursor = max(0, min(p.cursor+1, len(p.links)-1))
	case key.Matches(k, p.keys.Open):
		p.choose(p.cursor)
	case key.Matches(k, p.keys.Number):
		p.choose(int(k.Code - '1'))
	}
	p.scroll()
	return p, nil
}

func (p *pickerPane) choose(i int) {
	if i >= 0 && i < len(p.links) {
		l := p.links[i]
		p.chosen = &l
		p.cursor = i
	}
}

func (p *pickerPane) scroll() {
	rows := max(1, p.height-3)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
}

func (p pickerPane) View() string {
	lines := []string{p.styles.Title.Render(truncate(" Links of "+p.title, p.width)), ""}
	if len(p.links) == 0 {
		lines = append(lines, p.styles.Empty.Render(" this paper has no links"))
	}
	rows := max(1, p.height-3)
	for i := p.offset; i < len(p.links) && i < p.offset+rows; i++ {
		l := p.links[i]
		num := "  "
		if i < 9 {
			num = fmt.Sprintf("%d.", i+1)
		}
		// Shown cleaned; opened raw, so CheckURL refuses a link with controls
		// instead of opening a cleaned-up version of it.
		line := padRight(fmt.Sprintf(" %s %-8s %s", num, safeLine(l.Label), safeLine(l.URL)), p.width)
		if i == p.cursor {
			line = p.styles.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
