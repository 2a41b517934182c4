package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/ui/keymap"
)

// modifiers in the order Bubble Tea writes them ("ctrl+alt+x").
var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// namedKeys maps the names people write to the names Bubble Tea reports.
var namedKeys = map[string]string{
	"enter": "enter", "return": "enter",
	"esc": "esc", "escape": "esc",
	"tab": "tab", "space": "space", "backspace": "backspace",
	"delete": "delete", "del": "delete", "insert": "insert", "ins": "insert",
	"up": "up", "down": "down", "left": "left", "right": "right",
	"home": "home", "end": "end",
	"pgup": "pgup", "pageup": "pgup",
	"pgdown": "pgdown", "pgdn": "pgdown", "pagedown": "pgdown",
}

func init() {
	for i := 1; i <= 24; i++ {
		f := fmt.Sprintf("f%d", i)
		namedKeys[f] = f
	}
}

// NormalizeKey checks a key as written in config.toml and returns it as
// Bubble Tea names a key press: "O", "ctrl+d", "pgdown", "space".
// "shift+o" becomes "O", because that is what the terminal reports.
func NormalizeKey(s string) (string, error) {
	if s == " " {
		return "space", nil
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("an empty key")
	}
	var base string
	var mods []string
	switch {
	case s == "+":
		base = "+"
	case strings.HasSuffix(s, "++"):
		base = "+"
		mods = strings.Split(strings.TrimSuffix(s, "++"), "+")
	default:
		parts := strings.Split(s, "+")
		base, mods = parts[len(parts)-1], parts[:len(parts)-1]
	}
	have := map[string]bool{}
	for _, m := range mods {
		m = strings.ToLower(strings.TrimSpace(m))
		if !slices.Contains(modifiers, m) {
			return "", fmt.Errorf("%q is not a key: %q is not a modifier (want ctrl, alt, shift, meta, hyper or super)", s, m)
		}
		if have[m] {
			return "", fmt.Errorf("%q is not a key: %s twice", s, m)
		}
		have[m] = true
	}
	if base == "" {
		return "", fmt.Errorf("%q is not a key: nothing after the last +", s)
	}
	if utf8.RuneCountInString(base) == 1 {
		r, _ := utf8.DecodeRuneInString(base)
		if !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return "", fmt.Errorf("%q is not a key", s)
		}
		switch {
		case have["shift"] && len(have) == 1 && unicode.IsLetter(r):
			// The terminal reports shift+o as the text "O".
			return string(unicode.ToUpper(r)), nil
		case have["shift"] && len(have) == 1:
			return "", fmt.Errorf("%q is not a key: write the character shift gives, e.g. \"!\" for shift+1", s)
		case have["ctrl"]:
			base = string(unicode.ToLower(r))
		}
	} else {
		name, ok := namedKeys[strings.ToLower(base)]
		if !ok {
			return "", fmt.Errorf("%q is not a key (a single character, or a name such as enter, esc, space, tab, up, pgdown, f1, optionally after ctrl+, alt+ or shift+)", s)
		}
		base = name
	}
	var b strings.Builder
	for _, m := range modifiers {
		if have[m] {
			b.WriteString(m + "+")
		}
	}
	b.WriteString(base)
	return b.String(), nil
}

// Conflict is one key bound to two actions in a pane: one of them could
// never run from that key there, so Load keeps the default of one.
type Conflict struct {
	Key   string
	A, B  string        // the actions, in help order
	Panes []keymap.Pane // where both act
}

func (c Conflict) String() string {
	return fmt.Sprintf("key %q is bound to both %s and %s (%s)", c.Key, c.A, c.B, paneList(c.Panes))
}

func paneList(panes []keymap.Pane) string {
	names := make([]string, len(panes))
	for i, p := range panes {
		names[i] = string(p)
	}
	if len(names) == 1 {
		return "in the " + names[0] + " pane"
	}
	return "in the " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + " panes"
}

// CheckKeys reports the keys bound to two actions in the same pane.
// bindings maps action names to keys (missing actions keep their
// defaults); the defaults have none.
func CheckKeys(bindings map[string][]string) []Conflict {
	var out []Conflict
	index := map[[3]string]int{}
	for _, pane := range keymap.Checked {
		for _, o := range paneOverlaps(bindings, pane) {
			id := [3]string{o[0], o[1], o[2]}
			if i, ok := index[id]; ok {
				out[i].Panes = append(out[i].Panes, pane)
				continue
			}
			index[id] = len(out)
			out = append(out, Conflict{Key: o[0], A: o[1], B: o[2], Panes: []keymap.Pane{pane}})
		}
	}
	return out
}

// paneOverlaps lists (key, first action, second action) for one pane, in
// help order, the fixed keys last.
func paneOverlaps(bindings map[string][]string, pane keymap.Pane) [][3]string {
	byKey := map[string][]string{}
	var keys []string
	add := func(a Action, ks []string) {
		if !slices.Contains(a.Panes, pane) {
			return
		}
		for _, k := range ks {
			if n, err := NormalizeKey(k); err == nil {
				k = n
			}
			if slices.Contains(byKey[k], a.Name) {
				continue
			}
			if byKey[k] == nil {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], a.Name)
		}
	}
	for _, a := range keymap.Actions() {
		ks, ok := bindings[a.Name]
		if !ok {
			ks = a.Keys
		}
		add(a, ks)
	}
	for _, a := range keymap.FixedActions() {
		add(a, a.Keys)
	}
	var out [][3]string
	for _, k := range keys {
		names := byKey[k]
		for i := range names {
			for j := i + 1; j < len(names); j++ {
				out = append(out, [3]string{k, names[i], names[j]})
			}
		}
	}
	return out
}
