package ui

import (
	"charm.land/bubbles/v2/key"

	"github.com/paperdeck/paperdeck/ui/keymap"
)

// The root's own keys: the ones that work anywhere, and those that act
// beyond the focused pane (what is listed, the current paper). Their
// keys and help come from the one key table (ui/keymap); each pane builds
// its own keys from it the same way.

// rootKeys are the root's own keys.
type rootKeys struct {
	global  globalKeys
	listing listingKeys
	paper   paperKeys
}

func newRootKeys(km keymap.Map) rootKeys {
	return rootKeys{global: newGlobalKeys(km), listing: newListingKeys(km), paper: newPaperKeys(km)}
}

// globalKeys work whatever has focus (quit only while no text is typed).
type globalKeys struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
	Messages  key.Binding
}

func newGlobalKeys(km keymap.Map) globalKeys {
	return globalKeys{
		Quit:      km.Binding("quit", keymap.List),
		ForceQuit: km.Binding("force_quit", keymap.List),
		Help:      km.Binding("help", keymap.List),
		Messages:  km.Binding("messages", keymap.List),
	}
}

func (k globalKeys) ShortHelp() []key.Binding { return []key.Binding{k.Help, k.Quit} }
func (k globalKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Help, k.Quit, k.ForceQuit, k.Messages}}
}

// listingKeys change what is listed; the root handles them while the list
// has focus because they reach beyond the list pane.
type listingKeys struct {
	Open             key.Binding
	Back             key.Binding
	Filter           key.Binding
	Search           key.Binding
	Prev, Next       key.Binding
	Day, Week, Month key.Binding
	Trending         key.Binding
	Arxiv            key.Binding
	Refresh          key.Binding
	Bookmarks        key.Binding
	Sort             key.Binding
}

func newListingKeys(km keymap.Map) listingKeys {
	b := func(name string) key.Binding { return km.Binding(name, keymap.List) }
	return listingKeys{
		Open: b("open_detail"), Back: b("back"), Filter: b("filter"), Search: b("search"),
		Prev: b("previous"), Next: b("next"), Day: b("day"), Week: b("week"), Month: b("month"),
		Trending: b("trending"), Arxiv: b("arxiv"), Refresh: b("refresh"), Bookmarks: b("bookmarks"), Sort: b("sort"),
	}
}

func (k listingKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Filter, k.Search}
}

func (k listingKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Open, k.Back, k.Filter, k.Search, k.Prev, k.Next, k.Day, k.Week, k.Month, k.Trending, k.Arxiv, k.Refresh, k.Bookmarks, k.Sort}}
}

// paperKeys act on the selected paper, from the list or the detail.
type paperKeys struct {
	Page, PDF, Code key.Binding
	Links           key.Binding
	CopyID, CopyBib key.Binding
	Bookmark        key.Binding
	Tags, Note      key.Binding
	Similar         key.Binding
	FullText        key.Binding
	Undo            key.Binding
	Find            key.Binding // the detail's and the reader's, for findNow
}

func newPaperKeys(km keymap.Map) paperKeys {
	b := func(name string) key.Binding { return km.Binding(name, keymap.List) }
	return paperKeys{
		Page: b("open_page"), PDF: b("open_pdf"), Code: b("open_code"), Links: b("links"),
		CopyID: b("copy_id"), CopyBib: b("copy_bibtex"), Bookmark: b("bookmark"), Tags: b("tags"), Note: b("note"), Similar: b("similar"),
		FullText: b("full_text"), Undo: b("undo"), Find: km.Binding("find", keymap.Detail),
	}
}

func (k paperKeys) ShortHelp() []key.Binding { return []key.Binding{k.Page, k.PDF, k.Code, k.Links} }
func (k paperKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Page, k.PDF, k.Code, k.Links, k.FullText, k.CopyID, k.CopyBib, k.Bookmark, k.Undo, k.Tags, k.Note, k.Similar}}
}

// all is every binding of a key map, for matching.
func all(km interface{ FullHelp() [][]key.Binding }) []key.Binding {
	var out []key.Binding
	for _, g := range km.FullHelp() {
		out = append(out, g...)
	}
	return out
}
