package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// Each pane owns a keymap; together they are the single source of both the
// key handling and the help screen, so the two cannot drift apart.

func bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// globalKeys work whatever has focus (quit only while no text is typed).
type globalKeys struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      bind([]string{"q"}, "q", "quit"),
		ForceQuit: bind([]string{"ctrl+c"}, "ctrl+c", "quit at once"),
		Help:      bind([]string{"?"}, "?", "help"),
	}
}

func (k globalKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Help, k.Quit} }
func (k globalKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Help, k.Quit, k.ForceQuit}} }

// listKeys move the cursor through the list pane.
type listKeys struct {
	Up, Down         key.Binding
	Top, Bottom      key.Binding
	HalfUp, HalfDown key.Binding
	PageUp, PageDown key.Binding
}

func newListKeys() listKeys {
	return listKeys{
		Up:       bind([]string{"k", "up"}, "k/↑", "up"),
		Down:     bind([]string{"j", "down"}, "j/↓", "down"),
		Top:      bind([]string{"g", "home"}, "g", "first paper"),
		Bottom:   bind([]string{"G", "end"}, "G", "last paper"),
		HalfUp:   bind([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown: bind([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "space"}, "pgdn", "page down"),
	}
}

func (k listKeys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down} }
func (k listKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.HalfUp, k.HalfDown, k.PageUp, k.PageDown}}
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
}

func newListingKeys() listingKeys {
	return listingKeys{
		Open:      bind([]string{"enter"}, "enter", "open detail"),
		Back:      bind([]string{"esc"}, "esc", "clear filter, go back"),
		Filter:    bind([]string{"/"}, "/", "filter this list"),
		Search:    bind([]string{"s"}, "s", "search Hugging Face"),
		Prev:      bind([]string{"["}, "[", "previous day/week/month"),
		Next:      bind([]string{"]"}, "]", "next day/week/month"),
		Day:       bind([]string{"d"}, "d", "daily list"),
		Week:      bind([]string{"w"}, "w", "weekly list"),
		Month:     bind([]string{"m"}, "m", "monthly list"),
		Trending:  bind([]string{"t"}, "t", "trending"),
		Arxiv:     bind([]string{"a"}, "a", "next arXiv category"),
		Refresh:   bind([]string{"r"}, "r", "refresh"),
		Bookmarks: bind([]string{"B"}, "B", "bookmarks"),
	}
}

func (k listingKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Filter, k.Search}
}

func (k listingKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Open, k.Back, k.Filter, k.Search, k.Prev, k.Next, k.Day, k.Week, k.Month, k.Trending, k.Arxiv, k.Refresh, k.Bookmarks}}
}

// paperKeys act on the selected paper, from the list or the detail.
type paperKeys struct {
	Page, PDF, Code key.Binding
	Links           key.Binding
	CopyID, CopyBib key.Binding
	Bookmark        key.Binding
	Tags, Note      key.Binding
}

func newPaperKeys() paperKeys {
	return paperKeys{
		Page:     bind([]string{"o"}, "o", "open paper page"),
		PDF:      bind([]string{"p"}, "p", "open PDF"),
		Code:     bind([]string{"c"}, "c", "open code link"),
		Links:    bind([]string{"L"}, "L", "all links"),
		CopyID:   bind([]string{"y"}, "y", "copy id and link"),
		CopyBib:  bind([]string{"Y"}, "Y", "copy BibTeX"),
		Bookmark: bind([]string{"b"}, "b", "bookmark / unbookmark"),
		Tags:     bind([]string{"T"}, "T", "bookmark's tags"),
		Note:     bind([]string{"N"}, "N", "bookmark's note"),
	}
}

func (k paperKeys) ShortHelp() []key.Binding { return []key.Binding{k.Page, k.PDF, k.Code, k.Links} }
func (k paperKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Page, k.PDF, k.Code, k.Links, k.CopyID, k.CopyBib, k.Bookmark, k.Tags, k.Note}}
}

// detailKeys scroll and search the open paper.
type detailKeys struct {
	Up, Down         key.Binding
	HalfUp, HalfDown key.Binding
	PageUp, PageDown key.Binding
	Top, Bottom      key.Binding
	Find             key.Binding
	NextHit, PrevHit key.Binding
	Back             key.Binding
}

func newDetailKeys() detailKeys {
	return detailKeys{
		Up:       bind([]string{"k", "up"}, "k/↑", "scroll up"),
		Down:     bind([]string{"j", "down"}, "j/↓", "scroll down"),
		HalfUp:   bind([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		HalfDown: bind([]string{"ctrl+d"}, "ctrl+d", "half page down"),
		PageUp:   bind([]string{"pgup"}, "pgup", "page up"),
		PageDown: bind([]string{"pgdown", "space"}, "pgdn", "page down"),
		Top:      bind([]string{"g", "home"}, "g", "top"),
		Bottom:   bind([]string{"G", "end"}, "G", "bottom"),
		Find:     bind([]string{"/"}, "/", "find in text"),
		NextHit:  bind([]string{"n"}, "n", "next match"),
		PrevHit:  bind([]string{"N"}, "N", "previous match"),
		Back:     bind([]string{"esc"}, "esc", "back to the list"),
	}
}

func (k detailKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.Find, k.NextHit, k.PrevHit}
}

func (k detailKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.HalfUp, k.HalfDown, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Find, k.NextHit, k.PrevHit, k.Back}}
}

// inputKeys drive the one-line input (filter, search, find).
type inputKeys struct {
	Accept    key.Binding
	Cancel    key.Binding
	Abstracts key.Binding // the filter line only
}

func newInputKeys() inputKeys {
	return inputKeys{
		Accept:    bind([]string{"enter"}, "enter", "accept"),
		Cancel:    bind([]string{"esc"}, "esc", "cancel"),
		Abstracts: bind([]string{"ctrl+a"}, "ctrl+a", "abstracts too"),
	}
}

func (k inputKeys) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Cancel, k.Abstracts} }
func (k inputKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Accept, k.Cancel, k.Abstracts}}
}

// pickerKeys choose one link of the link picker.
type pickerKeys struct {
	Up, Down key.Binding
	Open     key.Binding
	Number   key.Binding
	Close    key.Binding
}

func newPickerKeys() pickerKeys {
	return pickerKeys{
		Up:     bind([]string{"k", "up"}, "k/↑", "up"),
		Down:   bind([]string{"j", "down"}, "j/↓", "down"),
		Open:   bind([]string{"enter"}, "enter", "open link"),
		Number: bind([]string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "1-9", "open link N"),
		Close:  bind([]string{"esc", "L"}, "esc", "close"),
	}
}

func (k pickerKeys) ShortHelp() []key.Binding { return []key.Binding{k.Number, k.Open, k.Close} }
func (k pickerKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Up, k.Down, k.Number, k.Open, k.Close}}
}

// actionBindings are the bindings each action of config.toml's [keys]
// table sets (the names of config.Actions): moving up is the same action
// in every pane that scrolls.
func (m *App) actionBindings() map[string][]*key.Binding {
	g, lk, pk := &m.global, &m.lkeys, &m.pkeys
	l, d, h, p, msg := &m.list.keys, &m.detail.keys, &m.help.keys, &m.picker.keys, &m.message.keys
	return map[string][]*key.Binding{
		"help": {&g.Help}, "quit": {&g.Quit}, "force_quit": {&g.ForceQuit},

		"up": {&l.Up, &d.Up, &h.Up, &p.Up, &msg.Up}, "down": {&l.Down, &d.Down, &h.Down, &p.Down, &msg.Down},
		"top": {&l.Top, &d.Top}, "bottom": {&l.Bottom, &d.Bottom},
		"half_page_up": {&l.HalfUp, &d.HalfUp}, "half_page_down": {&l.HalfDown, &d.HalfDown},
		"page_up": {&l.PageUp, &d.PageUp}, "page_down": {&l.PageDown, &d.PageDown},

		"open_detail": {&lk.Open}, "back": {&lk.Back, &d.Back}, "filter": {&lk.Filter}, "search": {&lk.Search},
		"previous": {&lk.Prev}, "next": {&lk.Next}, "day": {&lk.Day}, "week": {&lk.Week}, "month": {&lk.Month},
		"trending": {&lk.Trending}, "arxiv": {&lk.Arxiv}, "refresh": {&lk.Refresh}, "bookmarks": {&lk.Bookmarks},

		"open_page": {&pk.Page}, "open_pdf": {&pk.PDF}, "open_code": {&pk.Code}, "links": {&pk.Links},
		"copy_id": {&pk.CopyID}, "copy_bibtex": {&pk.CopyBib}, "bookmark": {&pk.Bookmark},
		"tags": {&pk.Tags}, "note": {&pk.Note},

		"find": {&d.Find}, "next_match": {&d.NextHit}, "previous_match": {&d.PrevHit},
	}
}

// remap gives actions new keys; the help text follows. An action given no
// keys is switched off. Unknown names are ignored: config checked them.
func (m *App) remap(keys map[string][]string) {
	bindings := m.actionBindings()
	for action, ks := range keys {
		for _, b := range bindings[action] {
			if slices.Equal(b.Keys(), ks) {
				continue
			}
			b.SetKeys(ks...)
			b.SetHelp(keyLabel(ks), b.Help().Desc)
			b.SetEnabled(len(ks) > 0)
		}
	}
	// esc closes the help and the picker, and so does the key that opened them.
	m.help.keys.Close.SetKeys(append([]string{"esc"}, m.global.Help.Keys()...)...)
	m.help.keys.Close.SetHelp(keyLabel(m.help.keys.Close.Keys()), m.help.keys.Close.Help().Desc)
	m.picker.keys.Close.SetKeys(append([]string{"esc"}, m.pkeys.Links.Keys()...)...)
}

// keyLabel is how the help writes a list of keys: "k/↑", "O".
func keyLabel(keys []string) string {
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
