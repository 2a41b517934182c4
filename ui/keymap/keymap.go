// Package keymap is the reader's one key table: every action declared
// once, with its name in config.toml, its default keys, its help text and
// the panes where it acts. config reads it to check and document a
// [keys] table; the panes build their bindings from a Map, and the help
// screen and the status bar's hints read those bindings back. It needs
// nothing but bubbles' key, so config can import it without the reader.
package keymap

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// Pane is where a key acts. A key is looked up in the focused pane only,
// after the keys that work anywhere.
type Pane string

const (
	List Pane = "list"
	// Bookmarks is the bookmarks view (B): the list's keys (the root reads
	// the list's bindings there), some of them meaning more.
	Bookmarks Pane = "bookmarks"
	Detail    Pane = "detail"
	Reader    Pane = "reader" // a paper's full text
	Help      Pane = "help"
	Links     Pane = "links" // the link picker
	Message   Pane = "message"
	Input     Pane = "input" // the one-line input (filter, search, find, tags, note)
)

// Checked are the panes a [keys] table is checked against: where
// remappable actions meet. The message box and the input line take only
// fixed keys besides up, down and the global ones.
var Checked = []Pane{List, Detail, Reader, Help, Links}

var everywhere = []Pane{List, Detail, Reader, Help, Links, Message}

// Action is one thing a key does in the reader.
type Action struct {
	Name  string   // the key of config.toml's [keys] table
	Keys  []string // the default keys, as Bubble Tea names them
	Panes []Pane   // where it acts
	Group string   // the heading config init writes it under
	Desc  string   // what it does, in a sentence (config init, man page)

	// Help is the short text beside the key on screen; PaneHelp a pane's
	// own where it differs ("scroll up" in the detail, "up" in the list).
	Help     string
	PaneHelp map[Pane]string
	// Label is how the help writes the default keys when not all of them
	// ("g", not "g/home"); a remap writes all of the new ones.
	Label string
	// Fixed actions cannot be remapped (esc closes what is open, the
	// picker takes digits); they take part in conflict checks. Plus names
	// the action whose keys a fixed action takes too: the key that opened
	// the help closes it.
	Fixed bool
	Plus  string
}

var (
	scrolling  = []Pane{List, Detail, Reader, Help, Message} // moves beyond up and down
	listDetail = []Pane{List, Detail}
	paperPanes = []Pane{List, Detail, Reader} // the keys that act on one paper
	listOnly   = []Pane{List}
	textPanes  = []Pane{Detail, Reader} // find in the text
	readerOnly = []Pane{Reader}
	// the keys that act on a bookmark in B, besides the list's moves
	onBookmarks = []Pane{List, Detail, Bookmarks}
)

// table is every action, in help order; the fixed ones last.
var table = []Action{
	{Name: "help", Keys: []string{"?"}, Panes: everywhere, Group: "Anywhere", Desc: "show or close the help", Help: "help"},
	{Name: "quit", Keys: []string{"q"}, Panes: everywhere, Group: "Anywhere", Desc: "quit", Help: "quit"},
	{Name: "force_quit", Keys: []string{"ctrl+c"}, Panes: everywhere, Group: "Anywhere", Desc: "quit at once, even while typing", Help: "quit at once"},
	{Name: "messages", Keys: []string{"!"}, Panes: everywhere, Group: "Anywhere", Desc: "the recent messages of the status bar, whole", Help: "recent messages"},

	{Name: "up", Keys: []string{"k", "up"}, Panes: everywhere, Group: "Move", Desc: "up one line", Help: "up",
		PaneHelp: map[Pane]string{Detail: "scroll up", Reader: "scroll up", Help: "scroll up", Message: "scroll up"}},
	{Name: "down", Keys: []string{"j", "down"}, Panes: everywhere, Group: "Move", Desc: "down one line", Help: "down",
		PaneHelp: map[Pane]string{Detail: "scroll down", Reader: "scroll down", Help: "scroll down", Message: "scroll down"}},
	{Name: "top", Keys: []string{"g", "home"}, Label: "g", Panes: scrolling, Group: "Move", Desc: "first paper, top of the text", Help: "first paper",
		PaneHelp: map[Pane]string{Detail: "top", Reader: "top", Help: "top", Message: "top"}},
	{Name: "bottom", Keys: []string{"G", "end"}, Label: "G", Panes: scrolling, Group: "Move", Desc: "last paper, end of the text", Help: "last paper",
		PaneHelp: map[Pane]string{Detail: "bottom", Reader: "bottom", Help: "bottom", Message: "bottom"}},
	{Name: "half_page_up", Keys: []string{"ctrl+u"}, Panes: scrolling, Group: "Move", Desc: "half a page up", Help: "half page up"},
	{Name: "half_page_down", Keys: []string{"ctrl+d"}, Panes: scrolling, Group: "Move", Desc: "half a page down", Help: "half page down"},
	{Name: "page_up", Keys: []string{"pgup"}, Panes: scrolling, Group: "Move", Desc: "a page up", Help: "page up"},
	{Name: "page_down", Keys: []string{"pgdown", "space"}, Label: "pgdn", Panes: scrolling, Group: "Move", Desc: "a page down", Help: "page down"},

	{Name: "open_detail", Keys: []string{"enter"}, Panes: listOnly, Group: "Listing", Desc: "open the paper's detail", Help: "open detail"},
	{Name: "back", Keys: []string{"esc"}, Panes: []Pane{List, Detail, Reader, Bookmarks}, Group: "Listing", Desc: "clear the filter, go back", Help: "clear filter, go back",
		PaneHelp: map[Pane]string{Detail: "back to the list", Reader: "back"}},
	{Name: "filter", Keys: []string{"/"}, Panes: []Pane{List, Bookmarks}, Group: "Listing", Desc: "filter the loaded list as you type", Help: "filter this list",
		PaneHelp: map[Pane]string{Bookmarks: "filter (tag:, note:)"}},
	{Name: "search", Keys: []string{"s"}, Panes: listOnly, Group: "Listing", Desc: "search Hugging Face", Help: "search Hugging Face"},
	{Name: "previous", Keys: []string{"["}, Panes: listOnly, Group: "Listing", Desc: "previous day, week or month", Help: "previous day/week/month"},
	{Name: "next", Keys: []string{"]"}, Panes: listOnly, Group: "Listing", Desc: "next day, week or month", Help: "next day/week/month"},
	{Name: "day", Keys: []string{"d"}, Panes: listOnly, Group: "Listing", Desc: "the daily list", Help: "daily list"},
	{Name: "week", Keys: []string{"w"}, Panes: listOnly, Group: "Listing", Desc: "the weekly list", Help: "weekly list"},
	{Name: "month", Keys: []string{"m"}, Panes: listOnly, Group: "Listing", Desc: "the monthly list", Help: "monthly list"},
	{Name: "trending", Keys: []string{"t"}, Panes: listOnly, Group: "Listing", Desc: "trending papers", Help: "trending"},
	{Name: "arxiv", Keys: []string{"a"}, Panes: listOnly, Group: "Listing", Desc: "the next of arxiv_categories", Help: "next arXiv category"},
	{Name: "refresh", Keys: []string{"r"}, Panes: listOnly, Group: "Listing", Desc: "load the listing again", Help: "refresh"},
	{Name: "bookmarks", Keys: []string{"B"}, Panes: listOnly, Group: "Listing", Desc: "the bookmarks", Help: "bookmarks"},
	{Name: "sort", Keys: []string{"S"}, Panes: []Pane{List, Bookmarks}, Group: "Listing", Desc: "sort: listing order, upvotes, newest, for you (all bookmarks, then each tag)", Help: "sort"},

	{Name: "open_page", Keys: []string{"o"}, Panes: paperPanes, Group: "Paper", Desc: "open the paper's page", Help: "open paper page"},
	{Name: "open_pdf", Keys: []string{"p"}, Panes: paperPanes, Group: "Paper", Desc: "open the PDF", Help: "open PDF"},
	{Name: "open_code", Keys: []string{"c"}, Panes: listDetail, Group: "Paper", Desc: "open the code link", Help: "open code link"},
	{Name: "links", Keys: []string{"L"}, Panes: paperPanes, Group: "Paper", Desc: "every link of the paper, numbered", Help: "all links"},
	{Name: "copy_id", Keys: []string{"y"}, Panes: listDetail, Group: "Paper", Desc: "copy the arXiv id and link", Help: "copy id and link"},
	{Name: "copy_bibtex", Keys: []string{"Y"}, Panes: listDetail, Group: "Paper", Desc: "copy a BibTeX entry", Help: "copy BibTeX"},
	{Name: "bookmark", Keys: []string{"b"}, Panes: onBookmarks, Group: "Paper", Desc: "bookmark or unbookmark", Help: "bookmark / unbookmark",
		PaneHelp: map[Pane]string{Bookmarks: "remove the bookmark"}},
	{Name: "tags", Keys: []string{"T"}, Panes: onBookmarks, Group: "Paper", Desc: "edit the bookmark's tags", Help: "bookmark's tags"},
	{Name: "note", Keys: []string{"e"}, Panes: onBookmarks, Group: "Paper", Desc: "edit the bookmark's note", Help: "bookmark's note"},
	{Name: "similar", Keys: []string{"M"}, Panes: listDetail, Group: "Paper", Desc: "the papers paperdeck knows most like this one", Help: "similar papers"},
	{Name: "undo", Keys: []string{"u"}, Panes: onBookmarks, Group: "Paper", Desc: "undo the last bookmark removal (its tags, note and date come back)", Help: "undo removal"},

	{Name: "full_text", Keys: []string{"f"}, Panes: listDetail, Group: "Paper", Desc: "read the paper's full text (arXiv's HTML version)", Help: "full text"},

	{Name: "find", Keys: []string{"/"}, Panes: textPanes, Group: "Detail", Desc: "find in the text", Help: "find in text"},
	{Name: "next_match", Keys: []string{"n"}, Panes: textPanes, Group: "Detail", Desc: "next match", Help: "next match"},
	{Name: "previous_match", Keys: []string{"N"}, Panes: textPanes, Group: "Detail", Desc: "previous match (while a find has matches)", Help: "previous match"},

	{Name: "contents", Keys: []string{"t"}, Panes: readerOnly, Group: "Full text", Desc: "the table of contents: open it, or go to it when it is beside the text", Help: "contents"},
	{Name: "next_section", Keys: []string{"}"}, Panes: readerOnly, Group: "Full text", Desc: "next section", Help: "next section"},
	{Name: "previous_section", Keys: []string{"{"}, Panes: readerOnly, Group: "Full text", Desc: "previous section", Help: "previous section"},

	{Name: "close", Keys: []string{"esc"}, Plus: "help", Panes: []Pane{Help}, Desc: "close the help", Help: "close help", Fixed: true},
	{Name: "close", Keys: []string{"esc"}, Plus: "links", Label: "esc", Panes: []Pane{Links}, Desc: "close the link picker", Help: "close", Fixed: true},
	{Name: "close", Keys: []string{"esc", "enter", "q"}, Label: "esc", Panes: []Pane{Message}, Desc: "close the message", Help: "close", Fixed: true},
	{Name: "open_link", Keys: []string{"enter"}, Panes: []Pane{Links}, Desc: "open the chosen link", Help: "open link", Fixed: true},
	{Name: "link_number", Keys: []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, Label: "1-9", Panes: []Pane{Links}, Desc: "open link N", Help: "open link N", Fixed: true},
	{Name: "go_to_section", Keys: []string{"enter"}, Panes: readerOnly, Desc: "go to the section chosen in the contents", Help: "go to section", Fixed: true},
	{Name: "accept", Keys: []string{"enter"}, Panes: []Pane{Input}, Desc: "accept the typed line", Help: "accept", Fixed: true},
	{Name: "cancel", Keys: []string{"esc"}, Panes: []Pane{Input}, Desc: "cancel the typed line", Help: "cancel", Fixed: true},
	{Name: "recall", Keys: []string{"tab"}, Panes: []Pane{Input}, Desc: "take the last search, shown dimmed, into the line to edit it", Help: "edit last search", Fixed: true},
	{Name: "abstracts", Keys: []string{"ctrl+a"}, Panes: []Pane{Input}, Desc: "the filter searches abstracts too", Help: "abstracts too", Fixed: true},
	{Name: "yes", Keys: []string{"y", "Y"}, Label: "y", Panes: []Pane{Input}, Desc: "answer yes to the question asked", Help: "yes", Fixed: true},
	{Name: "no", Keys: []string{"n", "N", "esc"}, Label: "n", Panes: []Pane{Input}, Desc: "answer no to the question asked", Help: "no", Fixed: true},
}

func (a Action) clone() Action {
	a.Keys = slices.Clone(a.Keys)
	a.Panes = slices.Clone(a.Panes)
	return a
}

// Actions is every remappable action with its default keys, in help order.
func Actions() []Action {
	var out []Action
	for _, a := range table {
		if !a.Fixed {
			out = append(out, a.clone())
		}
	}
	return out
}

// FixedActions are the keys a config cannot change, which still take part
// in its conflict checks.
func FixedActions() []Action {
	var out []Action
	for _, a := range table {
		if a.Fixed {
			out = append(out, a.clone())
		}
	}
	return out
}

// Lookup finds a remappable action by name.
func Lookup(name string) (Action, bool) {
	for _, a := range table {
		if a.Name == name && !a.Fixed {
			return a.clone(), true
		}
	}
	return Action{}, false
}

// Defaults is every remappable action's default keys, by name.
func Defaults() map[string][]string {
	m := map[string][]string{}
	for _, a := range Actions() {
		m[a.Name] = a.Keys
	}
	return m
}

// Map is the reader's bindings: the table's defaults with a config's
// remaps applied. The zero Map has the defaults.
type Map struct {
	keys map[string][]string // remapped actions only
}

// New applies remaps (action name to keys; none switches the action off;
// unknown names are ignored: config checked them).
func New(remaps map[string][]string) Map {
	m := Map{keys: map[string][]string{}}
	for name, ks := range remaps {
		if a, ok := Lookup(name); ok && !slices.Equal(a.Keys, ks) {
			m.keys[name] = slices.Clone(ks)
		}
	}
	return m
}

// Keys is what name is bound to now in pane.
func (m Map) Keys(name string, pane Pane) []string {
	a, ok := find(name, pane)
	if !ok {
		return nil
	}
	ks := m.keysOf(a)
	if a.Plus != "" {
		if plus, ok := Lookup(a.Plus); ok {
			ks = append(ks, m.keysOf(plus)...)
		}
	}
	return ks
}

// keysOf is a's own keys: the remap's, else the defaults.
func (m Map) keysOf(a Action) []string {
	if ks, remapped := m.keys[a.Name]; remapped && !a.Fixed {
		return slices.Clone(ks)
	}
	return slices.Clone(a.Keys)
}

// Binding is name's binding in pane: its keys now, and the help text the
// pane shows for it.
func (m Map) Binding(name string, pane Pane) key.Binding {
	a, ok := find(name, pane)
	if !ok {
		panic("keymap: no action " + name + " in the " + string(pane) + " pane") // a typo in a pane: caught by any test
	}
	ks := m.Keys(name, pane)
	_, remapped := m.keys[name]
	if a.Plus != "" {
		_, remapped = m.keys[a.Plus]
	}
	label := a.Label
	if label == "" || remapped {
		label = Label(ks)
	}
	desc := a.Help
	if d, ok := a.PaneHelp[pane]; ok {
		desc = d
	}
	b := key.NewBinding(key.WithKeys(ks...), key.WithHelp(label, desc))
	b.SetEnabled(len(ks) > 0)
	return b
}

// find is name's row for pane: a fixed action (close) may have one per
// pane.
func find(name string, pane Pane) (Action, bool) {
	for _, a := range table {
		if a.Name == name && slices.Contains(a.Panes, pane) {
			return a, true
		}
	}
	return Action{}, false
}

// Label is how the help writes a list of keys: "k/↑", "O".
func Label(keys []string) string {
	names := map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn"}
	out := make([]string, len(keys))
	for i, k := range keys {
		if n, ok := names[k]; ok {
			k = n
		}
		out[i] = k
	}
	return strings.Join(out, "/")
}
