// Package message is the message box: a message too long for the status
// bar (the config file's problems, a damaged bookmarks file and what to
// do about it), wrapped to the screen, until esc.
package message

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

type keys struct {
	scroll common.ScrollKeys
	close  key.Binding
}

func (k keys) ShortHelp() []key.Binding { return []key.Binding{k.close, k.scroll.Up, k.scroll.Down} }
func (k keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(k.scroll.All(), k.close)}
}

// Model is the message box.
type Model struct {
	keys   keys
	styles common.Styles
	title  string
	body   string
	width  int
	height int
	vp     viewport.Model
}

func New(c common.Common) *Model {
	k := keys{scroll: common.NewScrollKeys(c.Keys, keymap.Message), close: c.Keys.Binding("close", keymap.Message)}
	m := &Model{keys: k, styles: c.Styles, vp: viewport.New()}
	m.SetSize(c.Width, c.Height)
	return m
}

// Show puts title and body in the box; both are cleaned.
func (m *Model) Show(title, body string) {
	m.title, m.body = termsafe.Line(title), termsafe.Text(body)
	m.layout()
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.vp.SetHeight(h)
	m.layout()
}

func (m *Model) SetStyles(s common.Styles) {
	m.styles = s
	m.layout()
}

func (m *Model) layout() {
	text := m.styles.Title.Render(" "+m.title) + "\n\n" + common.Wrap(m.body, m.width, "  ")
	m.vp.SetContent(strings.TrimRight(text, "\n"))
}

// Update scrolls; the close keys ask the root to close the box.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.keys.close) {
		return common.Close
	}
	common.Scroll(&m.vp, m.keys.scroll, msg)
	return nil
}

func (m *Model) View() string { return m.vp.View() }

func (m *Model) Keys() common.KeyMap { return m.keys }
