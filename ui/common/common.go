// Package common is what the reader's panes share: the Component
// interface every pane implements, the Common value the root hands each
// of them (size, styles, keys), and the text helpers they draw with
// (display width, truncation, boxes, the sanitiser for untrusted text).
// It imports no pane and not the root.
package common

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/ui/keymap"
)

// Component is a pane: the root sizes it, routes it the messages that are
// its own (keys only while it has focus, results always), draws its View
// into the pane's box and builds the help line from its Keys.
type Component interface {
	SetSize(w, h int)
	Update(msg tea.Msg) tea.Cmd
	View() string
	Keys() KeyMap
}

// KeyMap is what a pane's Keys return: its main keys for the status
// bar's hints (ShortHelp) and its own keys for the help screen (FullHelp).
type KeyMap = help.KeyMap

// Common is the small value every pane is built from: its size, the
// styles and the reader's key bindings (the defaults with the config's
// remaps applied).
type Common struct {
	Width, Height int
	Styles        Styles
	Keys          keymap.Map
}

// CloseMsg asks the root to close the focused pane (the help, the link
// picker, the message box) and give the keys back to where they were.
type CloseMsg struct{}

// Close is the command that sends CloseMsg.
func Close() tea.Msg { return CloseMsg{} }

// Level is how much a status-bar message matters: how it looks and how
// long it stays.
type Level int

const (
	Info Level = iota
	Notice
	Error
)

// FlashMsg asks the root to show Text in the status bar: how a pane says
// something without holding the bar.
type FlashMsg struct {
	Level Level
	Text  string
}

// Flash is the command that sends FlashMsg.
func Flash(level Level, text string) tea.Cmd {
	return func() tea.Msg { return FlashMsg{level, text} }
}
