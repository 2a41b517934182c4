// Package bookmarks is the bookmarks view (B): the bookmarked papers,
// newest first, with their tags beside the titles, and how many
// bookmarks carry each tag for the status bar. Its rows, cursor, filter
// and order are the list pane's (ui/pane/list, the one pane another may
// build on), so a bookmark's row reads as it does in any listing and the
// filter speaks the same language (tag:, note:, is:). The root loads the
// bookmarks and routes listing work to Rows while the view is on screen;
// b, u, T and e stay the root's, which owns the bookmarks file.
package bookmarks

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// Empty is what the view says when nothing is bookmarked.
const Empty = "no bookmarks yet: press b on a paper to keep it"

// keys are what acts on the bookmarks in the view, as the help and the
// status bar name them there (keymap.Bookmarks); the root runs them with
// the list's bindings, the same keys.
type keys struct {
	Remove, Undo, Tags, Note key.Binding
	Filter, Sort, Back       key.Binding
}

func (k keys) ShortHelp() []key.Binding { return []key.Binding{k.Remove, k.Tags, k.Filter} }

// FullHelp is the view's own keys; it moves with the list's keys, which
// the help lists with those.
func (k keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Remove, k.Undo, k.Tags, k.Note, k.Filter, k.Sort, k.Back}}
}

// The root draws it as any pane.
var _ common.Component = (*Model)(nil)

// Model is the bookmarks view.
type Model struct {
	rows   *list.Model
	keys   keys
	counts []store.TagCount
}

// New builds the view; dateFormat is the list's (the config's date_format).
func New(c common.Common, dateFormat func(published string) string) *Model {
	rows := list.New(c, dateFormat)
	rows.SetEmpty(Empty)
	b := func(name string) key.Binding { return c.Keys.Binding(name, keymap.Bookmarks) }
	return &Model{rows: rows, keys: keys{
		Remove: b("bookmark"), Undo: b("undo"), Tags: b("tags"), Note: b("note"),
		Filter: b("filter"), Sort: b("sort"), Back: b("back"),
	}}
}

// Rows is the list the view is drawn from: the root hands it the
// bookmarks as a listing, the marks, the filter and the order, and reads
// the cursor from it, as it does with the listing pane.
func (m *Model) Rows() *list.Model { return m.rows }

func (m *Model) SetSize(w, h int) { m.rows.SetSize(w, h) }

// Update moves the cursor (keys and the wheel).
func (m *Model) Update(msg tea.Msg) tea.Cmd { return m.rows.Update(msg) }

func (m *Model) View() string { return m.rows.View() }

func (m *Model) Keys() common.KeyMap { return m.keys }

// SetTagCounts gives how many bookmarks carry each tag, the most used
// first.
func (m *Model) SetTagCounts(counts []store.TagCount) { m.counts = counts }

// TagCounts is the status bar's word on the tags: " · #rl 5 · #agents 2".
func (m *Model) TagCounts() string {
	var b strings.Builder
	for _, tc := range m.counts {
		fmt.Fprintf(&b, " · #%s %d", termsafe.Line(tc.Tag), tc.Count) // the file may have been edited by hand
	}
	return b.String()
}
