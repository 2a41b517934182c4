package config

import "github.com/paperdeck/paperdeck/ui/keymap"

// Action is one thing a key does in the reader. Its name is the key of
// the [keys] table in config.toml. The table itself is the reader's
// (ui/keymap): one declaration serves the reader, this package and the
// help screen.
type Action = keymap.Action

// Actions is every remappable action with its default keys, in help order.
func Actions() []Action { return keymap.Actions() }

// LookupAction finds an action by name.
func LookupAction(name string) (Action, bool) { return keymap.Lookup(name) }

// DefaultKeys is every action's default keys, by name.
func DefaultKeys() map[string][]string { return keymap.Defaults() }

func actionNames() []string {
	var names []string
	for _, a := range keymap.Actions() {
		names = append(names, a.Name)
	}
	return names
}
