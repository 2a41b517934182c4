package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSnapshotFileShowsItsPapersAndSaysWhatWasSkipped(t *testing.T) {
	head, err := os.ReadFile(filepath.Join("..", "testdata", "arxiv_metadata_abs_files.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(head), "\n"), "\n")
	// A line that is not JSON in the middle, and a download cut short at the end.
	data := strings.Join(lines[:4], "") + "not JSON\n" + strings.Join(lines[4:len(lines)-1], "") + lines[len(lines)-1][:80]
	d := newStreamDriver(t, newFakeFeed(), writeFileBytes(t, []byte(data)), 140, 40)
	d.runHeld(d.app.Init())
	d.finish()
	if n := d.app.list.Total(); n != 7 {
		t.Fatalf("%d papers listed, want the 7 whole lines", n)
	}
	if st := d.status(); !strings.Contains(st, "2 papers skipped (the first, line 5: not JSON") {
		t.Errorf("the status bar should say what was skipped: %q", st)
	}
	if !strings.Contains(d.screen(), "Symplectic Computation of Lyapunov") || !strings.Contains(d.screen(), "arxiv.org/pdf/acc-phys/9411001") {
		t.Errorf("the snapshot's first paper, with its old-style id's PDF link, should be on screen:\n%s", d.screen())
	}
}
