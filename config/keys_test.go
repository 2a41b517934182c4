package config

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestNormalizeKey(t *testing.T) {
	for in, want := range map[string]string{
		"o": "o", "O": "O", "shift+o": "O", "Shift+O": "O", "/": "/", "[": "[", "+": "+", "ctrl++": "ctrl++",
		"ctrl+d": "ctrl+d", "CTRL+D": "ctrl+d", "alt+ctrl+x": "ctrl+alt+x", "shift+ctrl+a": "ctrl+shift+a",
		"Enter": "enter", "return": "enter", "escape": "esc", " ": "space", "space": "space", "PageDown": "pgdown",
		"pgdn": "pgdown", "F5": "f5", "shift+tab": "shift+tab", "é": "é", "alt+enter": "alt+enter",
	} {
		got, err := NormalizeKey(in)
		if err != nil || got != want {
			t.Errorf("NormalizeKey(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "ctrl+", "foo", "cmd+o", "ctrl+ctrl+o", "shift+1", "\x1b", "\t", "f99", "ctrl+foo"} {
		if got, err := NormalizeKey(in); err == nil {
			t.Errorf("NormalizeKey(%q) = %q, want an error", in, got)
		}
	}
}

// The default keymap has no conflicts to report.
func TestDefaultKeysHaveNoConflicts(t *testing.T) {
	if c := CheckKeys(DefaultKeys()); len(c) != 0 {
		t.Fatalf("default keymap conflicts: %v", c)
	}
	if c := CheckKeys(nil); len(c) != 0 {
		t.Fatalf("no bindings (all defaults) conflict: %v", c)
	}
}

func TestConflictsNameBothActions(t *testing.T) {
	for _, tc := range []struct {
		bindings map[string][]string
		want     []string
	}{
		{map[string][]string{"open_page": {"b"}}, []string{`key "b" is bound to both open_page and bookmark (in the list and detail panes)`}},
		// A global key shadows a pane's key everywhere it acts.
		{map[string][]string{"open_page": {"q"}}, []string{`key "q" is bound to both quit and open_page (in the list, detail and reader panes)`}},
		{map[string][]string{"filter": {"s"}}, []string{`key "s" is bound to both filter and search (in the list pane)`}},
		// / is the list's filter and the detail's find: different panes.
		{map[string][]string{"find": {"/"}, "filter": {"/"}}, nil},
		{map[string][]string{"up": {"1"}}, []string{`key "1" is bound to both up and link_number (in the links pane)`}},
		{map[string][]string{"down": {"esc"}}, []string{
			`key "esc" is bound to both down and back (in the list, detail and reader panes)`,
			`key "esc" is bound to both down and close (in the help and links panes)`,
		}},
		// Moving o to O frees o and takes nothing.
		{map[string][]string{"open_page": {"O"}}, nil},
		// Keys are compared as the terminal reports them.
		{map[string][]string{"open_page": {"shift+b"}}, []string{`key "B" is bound to both bookmarks and open_page (in the list pane)`}},
	} {
		var got []string
		for _, c := range CheckKeys(tc.bindings) {
			got = append(got, c.String())
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v:\n got %q\nwant %q", tc.bindings, got, tc.want)
		}
	}
}

// A conflict found at load is a warning at the line of the user's binding.
func TestLoadReportsConflicts(t *testing.T) {
	cfg, warns, path := load(t, "[keys]\nbookmark = [\"x\"]\nopen_page = [\"O\"]\nopen_code = \"O\"\n")
	if len(warns) != 1 {
		t.Fatalf("%d warnings, want 1: %v", len(warns), warns)
	}
	want := path + `:4: keys.open_code: key "O" is bound to both open_page and open_code (in the list and detail panes); open_code keeps its default ["c"]`
	if warns[0].String() != want {
		t.Errorf("got  %s\nwant %s", warns[0], want)
	}
	// The later binding is refused and its action keeps its default: O
	// opens the page, c the code, as the warning says.
	if !slices.Equal(cfg.Keys["open_page"], []string{"O"}) || !slices.Equal(cfg.Keys["open_code"], []string{"c"}) {
		t.Errorf("keys: open_page %v, open_code %v", cfg.Keys["open_page"], cfg.Keys["open_code"])
	}
	if c := CheckKeys(cfg.Keys); len(c) != 0 {
		t.Errorf("conflicts left after loading: %v", c)
	}
}

func TestActionsCatalog(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range Actions() {
		if seen[a.Name] || a.Desc == "" || a.Group == "" || len(a.Keys) == 0 || len(a.Panes) == 0 {
			t.Errorf("action %+v: duplicate or incomplete", a)
		}
		seen[a.Name] = true
		for _, k := range a.Keys {
			if n, err := NormalizeKey(k); err != nil || n != k {
				t.Errorf("%s: default key %q is not in normal form (%q, %v)", a.Name, k, n, err)
			}
		}
	}
	// Callers get copies: changing one leaves the catalog alone.
	a := Actions()
	a[0].Keys[0] = "X"
	d := DefaultKeys()
	d["help"][0] = "X"
	if Actions()[0].Keys[0] != "?" || DefaultKeys()["help"][0] != "?" {
		t.Error("the catalog can be changed through a returned value")
	}
}

func TestFormatDate(t *testing.T) {
	c := Default()
	for format, want := range map[string]string{
		"%Y-%m-%d":        "2025-01-09",
		"%d %b %Y":        "09 Jan 2025",
		"%A %-d %B %y":    "Thursday 9 January 25",
		"%e.%-m.":         " 9.1.",
		"%G-W%V, day %j":  "2025-W02, day 009",
		"%F (100%%)":      "2025-01-09 (100%)",
		"Mon 2006 %a ünï": "Mon 2006 Thu ünï",
	} {
		c.DateFormat = format
		if err := checkDateFormat(format); err != nil {
			t.Errorf("%q: %v", format, err)
		}
		if got := c.FormatDate("2025-01-09"); got != want {
			t.Errorf("%q: %q, want %q", format, got, want)
		}
	}
	c.DateFormat = "%d %b"
	for _, odd := range []string{"", "2025", "yesterday"} {
		if got := c.FormatDate(odd); got != odd {
			t.Errorf("FormatDate(%q) = %q, want it unchanged", odd, got)
		}
	}
	if !strings.Contains(c.FormatDate(time.Now().Format(time.DateOnly)), " ") {
		t.Error("today's date is not formatted")
	}
}
