package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestProgramSmoke runs the real program loop: the list appears, enter
// opens the detail, q quits.
func TestProgramSmoke(t *testing.T) {
	o := &opened{}
	app := New(optionsFor(page2024(t), thu, o))
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(80, 24))
	seen := func(word string) func([]byte) bool {
		return func(b []byte) bool { return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(word)) }
	}
	wait := teatest.WithDuration(10 * time.Second)
	teatest.WaitFor(t, tm.Output(), seen("ShieldGemma"), wait)
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	teatest.WaitFor(t, tm.Output(), seen("multilinguality"), wait)
	tm.Send(tea.KeyPressMsg{Code: 'o', Text: "o"})
	// The renderer draws only what changed: when "opening <url>…" reached
	// the screen first, "opened" arrives as its last two letters.
	opened := func(b []byte) bool {
		return seen("opened")(b) || seen("ed https://huggingface.co/papers/2407.21783")(b)
	}
	teatest.WaitFor(t, tm.Output(), opened, wait)
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(10*time.Second))
	if got := o.list(); len(got) != 1 || got[0] != "https://huggingface.co/papers/2407.21783" {
		t.Errorf("o opened %v", got)
	}
	if _, crashed := tm.FinalModel(t).(*App).CrashLog(); crashed {
		t.Errorf("the program crashed")
	}
}
