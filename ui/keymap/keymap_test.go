package keymap

import (
	"slices"
	"testing"
)

// The table declares each action once: names unique per pane, every
// remappable action with keys, help text, a group and a description.
func TestTableIsComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range table {
		for _, p := range a.Panes {
			id := a.Name + "/" + string(p)
			if seen[id] {
				t.Errorf("%s is declared twice", id)
			}
			seen[id] = true
		}
		if len(a.Keys) == 0 || a.Help == "" || a.Desc == "" || len(a.Panes) == 0 || (!a.Fixed && a.Group == "") {
			t.Errorf("incomplete action %+v", a)
		}
	}
}

// A remap changes the keys and the help label in every pane the action
// acts in; no keys switch it off; a fixed action follows the action it
// adds (the help key also closes the help); unknown names are ignored.
func TestMapRemaps(t *testing.T) {
	m := New(map[string][]string{"up": {"K"}, "open_pdf": {}, "help": {"h"}, "no_such": {"x"}})
	for _, p := range []Pane{List, Detail, Help, Links, Message} {
		if b := m.Binding("up", p); !slices.Equal(b.Keys(), []string{"K"}) || b.Help().Key != "K" {
			t.Errorf("up in %s: %q %q", p, b.Keys(), b.Help().Key)
		}
	}
	if m.Binding("up", Detail).Help().Desc != "scroll up" || m.Binding("up", List).Help().Desc != "up" {
		t.Error("a pane's own help text is lost")
	}
	if m.Binding("open_pdf", List).Enabled() {
		t.Error("an action given no keys should be off")
	}
	if b := m.Binding("close", Help); !slices.Equal(b.Keys(), []string{"esc", "h"}) || b.Help().Key != "esc/h" {
		t.Errorf("the help closes with %q (%s)", b.Keys(), b.Help().Key)
	}
	var zero Map
	if b := zero.Binding("page_down", List); !slices.Equal(b.Keys(), []string{"pgdown", "space"}) || b.Help().Key != "pgdn" {
		t.Errorf("the defaults: %q %q", b.Keys(), b.Help().Key)
	}
	if _, ok := Lookup("close"); ok {
		t.Error("a fixed action cannot be looked up for remapping")
	}
}

// The bookmarks view's keys are the list's: the root runs them with the
// list's bindings there, and config checks conflicts in the list.
func TestBookmarksKeysAreTheLists(t *testing.T) {
	n := 0
	for _, a := range table {
		if slices.Contains(a.Panes, Bookmarks) {
			n++
			if !slices.Contains(a.Panes, List) {
				t.Errorf("%s acts in the bookmarks view but not in the list", a.Name)
			}
		}
	}
	if n == 0 {
		t.Error("no key acts in the bookmarks view")
	}
}
