package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"
)

// crashMsg carries a panic caught in a command to the root, which quits.
type crashMsg struct{ log string }

// writeCrashLog keeps the panic and its stack in dir for a bug report
// (the screen gets one line, never a stack trace) and returns the path.
func writeCrashLog(dir string, r any, stack []byte) string {
	if dir == "" {
		dir = os.TempDir()
	}
	_ = os.MkdirAll(dir, 0o700)
	path := filepath.Join(dir, "crash-"+time.Now().Format("20060102-150405")+".log")
	body := fmt.Sprintf("paperdeck crashed at %s\n\npanic: %v\n\n%s", time.Now().Format(time.RFC3339), r, stack)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		return ""
	}
	return path
}

// safeCmd runs c, and the commands it batches, with a recover: a panic in
// the background becomes a crashMsg instead of killing the program with
// the terminal still in raw mode.
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
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i := range batch {
				batch[i] = safeCmd(batch[i], dir)
			}
		}
		return msg
	}
}

// CrashLog is where the log of a crash went; "" when there was none.
func (m *App) CrashLog() (path string, crashed bool) { return m.crashLog, m.crashed }
