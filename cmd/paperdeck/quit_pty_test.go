//go:build linux || darwin

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gofrs/flock"

	"github.com/paperdeck/paperdeck/store"
)

// The first paper of ptyListing, the one b bookmarks.
const ptyFirstID = "2407.21783"

// bookmarksOnDisk reads the bookmarks file a session left behind, as
// another paperdeck would after it ended.
func bookmarksOnDisk(t *testing.T, s *ptySession) map[string][]string {
	t.Helper()
	list, err := store.OpenBookmarks(ptyBookmarksPath(s)).Load()
	if err != nil {
		t.Fatalf("reading the bookmarks after paperdeck ended: %v", err)
	}
	tags := map[string][]string{}
	for _, b := range list {
		tags[b.Paper.ID] = b.Tags
	}
	return tags
}

func ptyBookmarksPath(s *ptySession) string {
	return filepath.Join(s.home, "data", "paperdeck", "bookmarks.json")
}

// holdBookmarksLock takes the bookmarks' lock as another paperdeck in the
// middle of a change would; the returned func lets it go.
func holdBookmarksLock(t *testing.T, s *ptySession) func() {
	t.Helper()
	path := ptyBookmarksPath(s)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	lock := flock.New(path + ".lock")
	if ok, err := lock.TryLock(); err != nil || !ok {
		t.Fatalf("taking the bookmarks lock: %v %v", ok, err)
	}
	t.Cleanup(func() { _ = lock.Unlock() })
	return func() { _ = lock.Unlock() }
}

// b then q in one go: the bookmark is in the file once paperdeck ended,
// and the status is 0. So is a tag typed then Enter and q at once.
func TestQuitRightAfterASaveKeepsIt(t *testing.T) {
	for _, c := range []struct {
		name, keys string
		tags       []string
	}{
		{"bookmark", "bq", nil},
		{"tag", "Tsurvey\rq", []string{"survey"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := startPTY(t, nil, ptyListing)
			s.waitFor("\x1b[?1049h", "Llama 3 Herd")
			if c.name == "tag" {
				// T opens the tag line; the rest comes as one burst.
				s.typeKeys("T")
				s.waitFor("tags")
				c.keys = strings.TrimPrefix(c.keys, "T")
			}
			s.typeKeys(c.keys)
			if code := s.wait(); code != 0 {
				_, stderr := s.output()
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			s.checkSane()
			got := bookmarksOnDisk(t, s)
			tags, ok := got[ptyFirstID]
			if !ok || len(got) != 1 || !slices.Equal(tags, c.tags) {
				t.Errorf("bookmarks on disk after %q: %v, want %s with tags %v", c.keys, got, ptyFirstID, c.tags)
			}
		})
	}
}

// While another paperdeck holds the bookmarks' lock, q says what it waits
// for; the save lands once the lock is free, within the wait, and the
// status is 0.
func TestQuitWaitsForALockedSave(t *testing.T) {
	s := startPTYSized(t, 120, 30, nil, ptyListing)
	s.waitFor("\x1b[?1049h", "Llama 3 Herd")
	release := holdBookmarksLock(t, s)
	s.typeKeys("bq")
	s.waitFor("before quitting")
	if s.exited() {
		t.Fatal("paperdeck quit with the bookmark unsaved")
	}
	time.Sleep(time.Second)
	release()
	if code := s.wait(); code != 0 {
		_, stderr := s.output()
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if got := bookmarksOnDisk(t, s); len(got) != 1 || !hasKey(got, ptyFirstID) {
		t.Errorf("bookmarks on disk: %v, want %s", got, ptyFirstID)
	}
}

// A lock that stays held: q gives up after its few seconds, and says on
// stderr, with status 1, that the bookmark was not saved, so nobody
// believes the "bookmarked" the screen showed.
func TestQuitReportsASaveItGaveUpOn(t *testing.T) {
	s := startPTYSized(t, 120, 30, nil, ptyListing)
	s.waitFor("\x1b[?1049h", "Llama 3 Herd")
	holdBookmarksLock(t, s)
	start := time.Now()
	s.typeKeys("bq")
	code := s.wait()
	waited := time.Since(start)
	_, stderr := s.output()
	if code != 1 || !strings.Contains(stderr, "not saved") || !strings.Contains(stderr, "1 bookmark change") {
		t.Errorf("exit %d, stderr %q; want 1 and the unsaved bookmark named", code, stderr)
	}
	// The reason is the true one: q waits past the store's own wait for the
	// lock, so the save ends first and says why.
	if !strings.Contains(stderr, "locked by another paperdeck") {
		t.Errorf("stderr %q does not say the file was locked by another paperdeck", stderr)
	}
	if waited > 20*time.Second {
		t.Errorf("q waited %s for the locked file", waited)
	}
	s.checkSane()
	if got := bookmarksOnDisk(t, s); len(got) != 0 {
		t.Errorf("bookmarks on disk: %v, want none (the lock was never free)", got)
	}
}

func hasKey(m map[string][]string, k string) bool { _, ok := m[k]; return ok }
