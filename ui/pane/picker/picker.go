// Package picker is the link picker: every link of a paper, numbered;
// 1–9 or enter picks one, and the root opens it.
package picker

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

type keys struct {
	Up, Down key.Binding
	Open     key.Binding
	Number   key.Binding
	Close    key.Binding
}

func (k keys) ShortHelp() []key.Binding { return []key.Binding{k.Number, k.Open, k.Close} }

// FullHelp is the picker's own keys; up and down are the list's, listed
// with them.
func (k keys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Number, k.Open, k.Close}} }

// ChosenMsg is a link the user picked, for the root to open.
type ChosenMsg struct{ Link model.Link }

// Model lists every link of a paper, numbered.
type Model struct {
	keys   keys
	styles common.Styles
	width  int
	height int
	title  string
	links  []model.Link
	paper  model.Paper // whose links these are; zero for a text's (ShowLinks)
	cursor int
	offset int
	labels int // the label column's width in cells: the widest label's
}

func New(c common.Common) *Model {
	k := keys{
		Up: c.Keys.Binding("up", keymap.Links), Down: c.Keys.Binding("down", keymap.Links),
		Open: c.Keys.Binding("open_link", keymap.Links), Number: c.Keys.Binding("link_number", keymap.Links),
		Close: c.Keys.Binding("close", keymap.Links),
	}
	return &Model{keys: k, styles: c.Styles, width: c.Width, height: c.Height}
}

func (p *Model) Keys() common.KeyMap { return p.keys }

func (p *Model) SetSize(w, h int) {
	p.width, p.height = w, h
	p.scroll()
}

func (p *Model) SetStyles(s common.Styles) { p.styles = s }

// Show lists the links of paper.
func (p *Model) Show(paper model.Paper) {
	p.title = common.Title(paper)
	p.setLinks(paper.AllLinks())
	p.paper = paper
}

// Paper is the paper whose links are on show; false for a text's links.
func (p *Model) Paper() (model.Paper, bool) { return p.paper, p.paper.ID != "" || p.paper.Title != "" }

// ShowLinks lists links under a title (the reader's: every link of the
// full text).
func (p *Model) ShowLinks(title string, links []model.Link) {
	p.title = termsafe.Line(title)
	p.setLinks(links)
	p.paper = model.Paper{}
}

// setLinks lists links from the first, measuring the label column: a
// Hub repo's label ("model org/name") is longer than "page" or "pdf".
func (p *Model) setLinks(links []model.Link) {
	p.links = links
	p.cursor, p.offset = 0, 0
	p.labels = 0
	for _, l := range links {
		p.labels = max(p.labels, common.CellWidth(termsafe.Line(l.Label)))
	}
}

// Update moves the cursor; a chosen link goes to the root as a
// ChosenMsg, and the close keys ask the root to close the picker.
func (p *Model) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(k, p.keys.Close):
		return common.Close
	case key.Matches(k, p.keys.Up):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(k, p.keys.Down):
		p.cursor = max(0, min(p.cursor+1, len(p.links)-1))
	case key.Matches(k, p.keys.Open):
		cmd = p.choose(p.cursor)
	case key.Matches(k, p.keys.Number):
		cmd = p.choose(int(k.Code - '1'))
	}
	p.scroll()
	return cmd
}

// Shown is the links on the rows on screen: the ones the root may make
// clickable, however many the list holds.
func (p *Model) Shown() []model.Link {
	first := min(p.offset, len(p.links))
	return p.links[first:min(len(p.links), first+p.rows())]
}

// rows is how many links fit under the title and its blank line.
func (p *Model) rows() int { return max(1, p.height-3) }

func (p *Model) choose(i int) tea.Cmd {
	if i < 0 || i >= len(p.links) {
		return nil
	}
	l := p.links[i]
	p.cursor = i
	return func() tea.Msg { return ChosenMsg{l} }
}

func (p *Model) scroll() {
	rows := p.rows()
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+rows {
		p.offset = p.cursor - rows + 1
	}
}

func (p *Model) View() string {
	lines := []string{p.styles.Title.Render(common.Truncate(" Links of "+p.title, p.width)), ""}
	if len(p.links) == 0 {
		lines = append(lines, p.styles.Empty.Render(" this paper has no links"))
	}
	rows := p.rows()
	// Every URL starts in one column; labels too long for a third of the
	// width are cut there.
	labels := max(8, min(p.labels, p.width/3))
	for i := p.offset; i < len(p.links) && i < p.offset+rows; i++ {
		l := p.links[i]
		num := "  "
		if i < 9 {
			num = fmt.Sprintf("%d.", i+1)
		}
		// Shown cleaned; opened raw, so CheckURL refuses a link with controls
		// instead of opening a cleaned-up version of it.
		label := common.PadRight(termsafe.Line(l.Label), labels)
		line := common.PadRight(" "+num+" "+label+" "+termsafe.Line(l.URL), p.width)
		if i == p.cursor {
			line = p.styles.RowSelected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
