package ui

import (
	"errors"
	"strings"
	"testing"
)

// b then q at once: q waits for the bookmark to reach the file, saying
// so, and quits when it is there; nothing is reported unsaved.
func TestQuitWaitsForTheBookmark(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, page2024(t), thu, dir, 80, 24)
	save := h.start(keyMsg("b")) // the save is still running
	h.keys("q")
	if h.quit {
		t.Fatal("q quit with a bookmark save in flight")
	}
	if !strings.Contains(h.status(), "saving 1 bookmark change before quitting… (at most 6s;") {
		t.Errorf("the status bar should say what q waits for: %q", h.status())
	}
	h.run(save)
	if !h.quit {
		t.Fatal("the reader should quit once the bookmark is saved")
	}
	if ids := savedIDs(t, dir); len(ids) != 1 || ids[0] != "2407.21783" {
		t.Errorf("bookmarks on disk: %v", ids)
	}
	if err := h.app.Unsaved(); err != nil {
		t.Errorf("Unsaved: %v", err)
	}
}

// A save that fails while q waits is reported (cmd/paperdeck prints it
// on stderr and exits non-zero); so are saves the wait gave up on and
// those ctrl+c left behind.
func TestQuitReportsWhatWasNotSaved(t *testing.T) {
	failing := &memBookmarks{err: errors.New("disk full")}
	opts := optionsFor(page2024(t), thu, &opened{})
	opts.Bookmarks = failing
	h := harnessWith(t, opts, &opened{})
	save := h.start(keyMsg("b"))
	h.keys("q")
	h.run(save)
	if !h.quit {
		t.Fatal("a failed save should end the wait")
	}
	if err := h.app.Unsaved(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Unsaved: %v, want the failed save", err)
	}

	// A save that failed before q (the status bar said so then) is still
	// reported when the reader ends.
	opts = optionsFor(page2024(t), thu, &opened{})
	opts.Bookmarks = failing
	h = harnessWith(t, opts, &opened{})
	h.keys("b")
	h.keys("q")
	if err := h.app.Unsaved(); !h.quit || err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "not saved") {
		t.Errorf("a save that failed before q: quit %v, Unsaved %v", h.quit, err)
	}

	h = withStores(t, page2024(t), thu, t.TempDir(), 80, 24)
	h.start(keyMsg("b")) // never answers
	h.keys("q")
	h.send(quitTimeoutMsg{})
	if err := h.app.Unsaved(); !h.quit || err == nil || !strings.Contains(err.Error(), "did not answer") {
		t.Errorf("after the wait: quit %v, Unsaved %v", h.quit, err)
	}

	h = withStores(t, page2024(t), thu, t.TempDir(), 80, 24)
	h.start(keyMsg("b"))
	h.keys("ctrl+c")
	if err := h.app.Unsaved(); !h.quit || err == nil {
		t.Errorf("ctrl+c: quit %v, Unsaved %v", h.quit, err)
	}
}
