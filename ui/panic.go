package ui

import (
	"fmt"
	"os"
	"reflect"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/paths"
	"github.com/paperdeck/paperdeck/internal/safego"
)

// A panic anywhere in the reader ends it the same way: Update, View and
// every command recover, write a crash log and quit through Bubble Tea, so
// the terminal gets its echo, canonical mode and main screen back and the
// screen shows one line, never a stack trace. Worker goroutines run in a
// safego.Group, which hands their panics to the command that waits.

// DefaultCrashDir is where crash logs go: $XDG_STATE_HOME/paperdeck, else
// ~/.local/state/paperdeck; "" (the temporary folder) without a home.
func DefaultCrashDir() string {
	d, _ := paths.State()
	return d
}

// WriteCrashLog keeps a panic and its stack in dir for a bug report and
// returns the path ("" when it could not be written). The reader calls it
// for its own panics; cmd/paperdeck for one on the main goroutine.
func WriteCrashLog(dir string, r any, stack []byte) string { return writeCrashLog(dir, r, stack) }

func writeCrashLog(dir string, r any, stack []byte) string {
	if dir == "" {
		dir = os.TempDir()
	}
	_ = os.MkdirAll(dir, 0o700)
	now := time.Now()
	f, err := os.CreateTemp(dir, "crash-"+now.Format("20060102-150405")+"-*.log")
	if err != nil {
		return ""
	}
	defer f.Close()
	body := fmt.Sprintf("paperdeck crashed at %s\n\npanic: %v\n\n%s", now.Format(time.RFC3339), r, stack)
	if p, ok := r.(*safego.Panic); ok {
		// The stack above is the waiting command's; the bug is in the worker.
		body += fmt.Sprintf("\nin the worker goroutine:\n\n%s", p.Stack)
	}
	if _, err := f.WriteString(body); err != nil {
		return ""
	}
	return f.Name()
}

// safeCmd runs c, and the commands it batches or sequences, with a
// recover: a panic in the background becomes a crashMsg instead of
// killing the program with the terminal still in raw mode.
func safeCmd(c tea.Cmd, dir string) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{log: writeCrashLog(dir, r, debug.Stack())}
			}
		}()
		msg = c()
		wrapNested(msg, dir)
		return msg
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// wrapNested guards the commands inside tea.Batch and tea.Sequence, which
// Bubble Tea runs in goroutines of its own. Sequence's message type is
// unexported, so both are found by their shape: a slice of commands.
func wrapNested(msg tea.Msg, dir string) {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return
	}
	for i := range v.Len() {
		if c, _ := v.Index(i).Interface().(tea.Cmd); c != nil {
			v.Index(i).Set(reflect.ValueOf(safeCmd(c, dir)))
		}
	}
}

// crashed is a panic caught in Update, View or a command: the reader
// quits at the next message.
type crashed struct {
	yes bool
	log string // where its log went ("" when it could not be written)
}

// CrashLog is where the log of a crash went; "" when there was none.
func (m *App) CrashLog() (path string, crashed bool) { return m.crashed.log, m.crashed.yes }

// The test panics: PAPERDECK_TEST_PANIC (read once, by cmd/paperdeck, into
// Options.TestPanic) makes the first key press panic in Update, in a
// command or in a worker goroutine. It exists only for the test that runs
// the real binary under a pseudo-terminal and checks that each kind of
// panic leaves the terminal sane (cmd/paperdeck/pty_test.go).
const (
	testPanicUpdate  = "update"
	testPanicCommand = "command"
	testPanicWorker  = "worker"
)

// testPanic fires the trigger on the first key press, once.
func (m *App) testPanic(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(tea.KeyPressMsg); !ok || m.opts.TestPanic == "" {
		return nil
	}
	kind := m.opts.TestPanic
	m.opts.TestPanic = ""
	switch kind {
	case testPanicUpdate:
		panic("PAPERDECK_TEST_PANIC=update: a panic in Update")
	case testPanicCommand:
		return func() tea.Msg { panic("PAPERDECK_TEST_PANIC=command: a panic in a command") }
	case testPanicWorker:
		return func() tea.Msg {
			var g safego.Group
			for i := range 4 {
				g.Go(func() {
					if i == 2 {
						panic("PAPERDECK_TEST_PANIC=worker: a panic in a worker goroutine")
					}
				})
			}
			g.Wait()
			return nil
		}
	}
	return nil
}
