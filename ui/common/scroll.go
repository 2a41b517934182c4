package common

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/ui/keymap"
)

// ScrollKeys move through a pane's text: the same actions (up, down,
// pages, top, bottom) in every pane that scrolls.
type ScrollKeys struct {
	Up, Down         key.Binding
	HalfUp, HalfDown key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
}

// NewScrollKeys are the move keys as pane shows them.
func NewScrollKeys(km keymap.Map, pane keymap.Pane) ScrollKeys {
	return ScrollKeys{
		Up: km.Binding("up", pane), Down: km.Binding("down", pane),
		HalfUp: km.Binding("half_page_up", pane), HalfDown: km.Binding("half_page_down", pane),
		PageUp: km.Binding("page_up", pane), PageDown: km.Binding("page_down", pane),
		Top: km.Binding("top", pane), Bottom: km.Binding("bottom", pane),
	}
}

// All is every move key, in help order.
func (k ScrollKeys) All() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfUp, k.HalfDown, k.PageUp, k.PageDown}
}

// WheelLines is how far one notch of the mouse wheel scrolls.
const WheelLines = 3

// Scroll is the one place a pane's viewport scrolls: bubbles' viewport
// with the reader's move keys as its key map, plus top and bottom, and
// the wheel. It reports whether msg was a move.
func Scroll(vp *viewport.Model, k ScrollKeys, msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Top):
			vp.GotoTop()
			return true
		case key.Matches(msg, k.Bottom):
			vp.GotoBottom()
			return true
		case key.Matches(msg, k.Up, k.Down, k.HalfUp, k.HalfDown, k.PageUp, k.PageDown):
			vp.KeyMap = viewport.KeyMap{
				Up: k.Up, Down: k.Down, HalfPageUp: k.HalfUp, HalfPageDown: k.HalfDown,
				PageUp: k.PageUp, PageDown: k.PageDown,
			}
			*vp, _ = vp.Update(msg)
			return true
		}
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			vp.ScrollUp(WheelLines)
			return true
		case tea.MouseWheelDown:
			vp.ScrollDown(WheelLines)
			return true
		}
	}
	return false
}

func (k ScrollKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Up, k.Down} }
func (k ScrollKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.All()} }
