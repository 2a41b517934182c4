package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// messagePane shows a message too long for the status bar (a damaged
// bookmarks file and what to do about it), wrapped to the screen.
type messagePane struct {
	keys   helpKeys
	styles Styles
	title  string
	body   string
	width  int
	height int
	vp     viewport.Model
}

func newMessagePane(styles Styles) messagePane {
	k := newHelpKeys()
	k.Close = bind([]string{"esc", "enter", "q"}, "esc", "close")
	return messagePane{keys: k, styles: styles, vp: viewport.New()}
}

func (p *messagePane) Show(title, body string) {
	p.title, p.body = safeLine(title), safeBlock(body)
	p.layout()
}

func (p *messagePane) SetSize(w, h int) {
	p.width, p.height = w, h
	p.vp.SetWidth(w)
	p.vp.SetHeight(h)
	p.layout()
}

func (p *messagePane) SetStyles(s Styles) {
	p.styles = s
	p.layout()
}

func (p *messagePane) layout() {
	w := max(10, p.width-4)
	text := p.styles.Title.Render(" "+p.title) + "\n\n" + indent(ansi.Wordwrap(p.body, w, " /"), "  ")
	p.vp.SetContent(strings.TrimRight(text, "\n"))
}

func (p messagePane) Update(msg tea.Msg) (messagePane, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, p.keys.Up):
			p.vp.ScrollUp(1)
		case key.Matches(k, p.keys.Down):
			p.vp.ScrollDown(1)
		}
	}
	return p, nil
}

func (p messagePane) View() string { return p.vp.View() }
