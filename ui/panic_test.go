package ui

import (
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
)

// A bug in the background (here the renderer) ends the program cleanly
// and leaves a crash log with the stack, instead of a stack trace over
// the user's terminal.
func TestPanicInCommandWritesCrashLog(t *testing.T) {
	dir := t.TempDir()
	o := &opened{}
	opts := optionsFor(page2024(t), thu, o)
	opts.CrashDir = dir
	opts.Render = func(model.Paper, int, string) (string, error) { panic("renderer bug") }
	h := &harness{t: t, app: New(opts), opened: o}
	h.app.setTicker(h.noTick())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	h.run(h.app.Init())
	h.keys("enter")
	if !h.quit {
		t.Fatalf("the program should quit after a panic")
	}
	log, crashed := h.app.CrashLog()
	if !crashed || !strings.HasPrefix(log, dir) {
		t.Fatalf("crash log %q, crashed %v", log, crashed)
	}
	body, err := os.ReadFile(log)
	if err != nil || !strings.Contains(string(body), "renderer bug") || !strings.Contains(string(body), "goroutine") {
		t.Errorf("the crash log should hold the panic and the stack: %v\n%s", err, body)
	}
}
