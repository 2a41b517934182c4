package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/safego"
)

// Crash logs live in the XDG state folder, else ~/.local/state.
func TestDefaultCrashDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_STATE_HOME", "/srv/state")
	if got := DefaultCrashDir(); got != "/srv/state/paperdeck" {
		t.Errorf("with XDG_STATE_HOME: %q", got)
	}
	for _, v := range []string{"", "relative/state"} { // the spec ignores a relative path
		t.Setenv("XDG_STATE_HOME", v)
		if got, want := DefaultCrashDir(), filepath.Join(home, ".local", "state", "paperdeck"); got != want {
			t.Errorf("XDG_STATE_HOME=%q: %q, want %q", v, got, want)
		}
	}
}

// runGuarded runs a command the way Bubble Tea would, batches and
// sequences (whose message type is unexported: a slice of commands)
// included, and returns the messages that came back.
func runGuarded(c tea.Cmd) []tea.Msg {
	var out []tea.Msg
	queue := []tea.Cmd{c}
	for len(queue) > 0 {
		c, queue = queue[0], queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			for i := range v.Len() {
				queue = append(queue, v.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		out = append(out, msg)
	}
	return out
}

// A panic in a command nested in tea.Batch or tea.Sequence, or in a
// worker that command waits for, becomes a crash log and a crashMsg, never
// a panic through Bubble Tea (which would print the stack on the screen).
func TestNestedCommandPanicsAreCaught(t *testing.T) {
	boom := func() tea.Msg { panic("nested bug") }
	worker := func() tea.Msg {
		var g safego.Group
		g.Go(func() { panic("worker bug") })
		g.Wait()
		return nil
	}
	for name, c := range map[string]tea.Cmd{
		"batch":    tea.Batch(func() tea.Msg { return nil }, boom),
		"sequence": tea.Sequence(func() tea.Msg { return nil }, boom),
		"nested":   tea.Batch(tea.Sequence(tea.Batch(boom))),
		"worker":   tea.Batch(worker),
	} {
		dir := t.TempDir()
		msgs := runGuarded(safeCmd(c, dir))
		var crash *crashMsg
		for _, m := range msgs {
			if c, ok := m.(crashMsg); ok {
				crash = &c
			}
		}
		if crash == nil {
			t.Errorf("%s: no crash reported, got %v", name, msgs)
			continue
		}
		body, err := os.ReadFile(crash.log)
		if err != nil || !strings.Contains(string(body), "bug") || !strings.HasPrefix(crash.log, dir) {
			t.Errorf("%s: crash log %q: %v\n%s", name, crash.log, err, body)
		}
		if name == "worker" && !strings.Contains(string(body), "in the worker goroutine") {
			t.Errorf("the worker's own stack is missing:\n%s", body)
		}
	}
}
