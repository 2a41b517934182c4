package config

import "slices"

// Pane names where a key acts. A key is looked up in the focused pane
// only, after the keys that work anywhere.
const (
	PaneList   = "list"
	PaneDetail = "detail"
	PaneHelp   = "help"
	PaneLinks  = "links" // the link picker
)

var allPanes = []string{PaneList, PaneDetail, PaneHelp, PaneLinks}

// Action is one thing a key does in the reader. Its name is the key of
// the [keys] table in config.toml; ui binds it to the same keys.
type Action struct {
	Name  string
	Keys  []string // the default keys, as Bubble Tea names them
	Panes []string // where it acts; every pane for the global actions
	Group string   // the help screen's heading
	Desc  string
}

// actions is the reader's keymap by name, in help order. ui/keys.go holds
// the key.Bindings; a test in ui checks the two agree.
var actions = []Action{
	{"help", []string{"?"}, allPanes, "Anywhere", "show or close the help"},
	{"quit", []string{"q"}, allPanes, "Anywhere", "quit"},
	{"force_quit", []string{"ctrl+c"}, allPanes, "Anywhere", "quit at once, even while typing"},

	{"up", []string{"k", "up"}, allPanes, "Move", "up one line"},
	{"down", []string{"j", "down"}, allPanes, "Move", "down one line"},
	{"top", []string{"g", "home"}, []string{PaneList, PaneDetail}, "Move", "first paper, top of the text"},
	{"bottom", []string{"G", "end"}, []string{PaneList, PaneDetail}, "Move", "last paper, end of the text"},
	{"half_page_up", []string{"ctrl+u"}, []string{PaneList, PaneDetail}, "Move", "half a page up"},
	{"half_page_down", []string{"ctrl+d"}, []string{PaneList, PaneDetail}, "Move", "half a page down"},
	{"page_up", []string{"pgup"}, []string{PaneList, PaneDetail}, "Move", "a page up"},
	{"page_down", []string{"pgdown", "space"}, []string{PaneList, PaneDetail}, "Move", "a page down"},

	{"open_detail", []string{"enter"}, []string{PaneList}, "Listing", "open the paper's detail"},
	{"back", []string{"esc"}, []string{PaneList, PaneDetail}, "Listing", "clear the filter, go back"},
	{"filter", []string{"/"}, []string{PaneList}, "Listing", "filter the loaded list as you type"},
	{"search", []string{"s"}, []string{PaneList}, "Listing", "search Hugging Face"},
	{"previous", []string{"["}, []string{PaneList}, "Listing", "previous day, week or month"},
	{"next", []string{"]"}, []string{PaneList}, "Listing", "next day, week or month"},
	{"day", []string{"d"}, []string{PaneList}, "Listing", "the daily list"},
	{"week", []string{"w"}, []string{PaneList}, "Listing", "the weekly list"},
	{"month", []string{"m"}, []string{PaneList}, "Listing", "the monthly list"},
	{"trending", []string{"t"}, []string{PaneList}, "Listing", "trending papers"},
	{"arxiv", []string{"a"}, []string{PaneList}, "Listing", "the next of arxiv_categories"},
	{"refresh", []string{"r"}, []string{PaneList}, "Listing", "load the listing again"},
	{"bookmarks", []string{"B"}, []string{PaneList}, "Listing", "the bookmarks"},

	{"open_page", []string{"o"}, []string{PaneList, PaneDetail}, "Paper", "open the paper's page"},
	{"open_pdf", []string{"p"}, []string{PaneList, PaneDetail}, "Paper", "open the PDF"},
	{"open_code", []string{"c"}, []string{PaneList, PaneDetail}, "Paper", "open the code link"},
	{"links", []string{"L"}, []string{PaneList, PaneDetail}, "Paper", "every link of the paper, numbered"},
	{"copy_id", []string{"y"}, []string{PaneList, PaneDetail}, "Paper", "copy the arXiv id and link"},
	{"copy_bibtex", []string{"Y"}, []string{PaneList, PaneDetail}, "Paper", "copy a BibTeX entry"},
	{"bookmark", []string{"b"}, []string{PaneList, PaneDetail}, "Paper", "bookmark or unbookmark"},
	{"tags", []string{"T"}, []string{PaneList, PaneDetail}, "Paper", "edit the bookmark's tags"},
	{"note", []string{"N"}, []string{PaneList, PaneDetail}, "Paper", "edit the bookmark's note"},

	{"find", []string{"/"}, []string{PaneDetail}, "Detail", "find in the text"},
	{"next_match", []string{"n"}, []string{PaneDetail}, "Detail", "next match"},
	{"previous_match", []string{"N"}, []string{PaneDetail}, "Detail", "previous match (while a find has matches)"},
}

// fixedKeys cannot be remapped: esc closes what is open and the link
// picker takes digits and enter. They take part in conflict checks.
var fixedKeys = []Action{
	{"close", []string{"esc"}, []string{PaneHelp, PaneLinks}, "", "close the help or the link picker"},
	{"open_link", []string{"enter"}, []string{PaneLinks}, "", "open the chosen link"},
	{"link_number", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, []string{PaneLinks}, "", "open link N"},
}

// Actions is every remappable action with its default keys, in help order.
func Actions() []Action {
	out := make([]Action, len(actions))
	for i, a := range actions {
		a.Keys = slices.Clone(a.Keys)
		a.Panes = slices.Clone(a.Panes)
		out[i] = a
	}
	return out
}

// LookupAction finds an action by name.
func LookupAction(name string) (Action, bool) {
	for _, a := range actions {
		if a.Name == name {
			a.Keys = slices.Clone(a.Keys)
			a.Panes = slices.Clone(a.Panes)
			return a, true
		}
	}
	return Action{}, false
}

// DefaultKeys is every action's default keys, by name.
func DefaultKeys() map[string][]string {
	m := make(map[string][]string, len(actions))
	for _, a := range actions {
		m[a.Name] = slices.Clone(a.Keys)
	}
	return m
}

func actionNames() []string {
	names := make([]string, len(actions))
	for i, a := range actions {
		names[i] = a.Name
	}
	return names
}
