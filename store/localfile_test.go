//go:build unix

package store

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A bookmarks.json kept in a synced folder through a symlink stays a
// symlink: the save lands in the synced file.
func TestBookmarksSymlinkIsKeptAndWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	synced := filepath.Join(dir, "Dropbox", "paperdeck")
	os.MkdirAll(synced, 0o755)
	target := filepath.Join(synced, "bookmarks.json")
	link := filepath.Join(dir, "data", "bookmarks.json")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	b := OpenBookmarks(link)
	clock(b)
	ps := papers(1, 2)
	if _, err := b.Add(ps[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add(ps[1]); err != nil { // a second save also makes the .bak
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("bookmarks.json is no longer a symlink: %v %v", st.Mode(), err)
	}
	list := mustLoad(t, OpenBookmarks(target))
	if got := ids(list); !slices.Equal(got, []string{ps[1].ID, ps[0].ID}) {
		t.Fatalf("the synced file holds %v", got)
	}
	if _, err := os.Stat(link + ".bak"); err != nil {
		t.Errorf("the previous generation should be kept beside the link: %v", err)
	}
	if entries, _ := os.ReadDir(synced); len(entries) != 1 {
		t.Errorf("only bookmarks.json should be in the synced folder, got %v", entries)
	}
}

func TestBookmarksOnDevZeroIsRefused(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	link := filepath.Join(t.TempDir(), "bookmarks.json")
	os.Symlink("/dev/zero", link)
	b := OpenBookmarks(link)
	_, err := b.Load()
	if err == nil || !strings.Contains(err.Error(), "is a device, not a regular file") {
		t.Fatalf("Load should refuse /dev/zero with a message, got %v", err)
	}
	if _, err := b.Add(papers(1, 1)...); err == nil {
		t.Fatal("Add should refuse to replace a device")
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Fatal("the link to the device was replaced")
	}
}

func TestBookmarksOnAFIFOIsRefusedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bookmarks.json")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	b := OpenBookmarks(path)
	errs := make(chan error, 2)
	go func() {
		_, err := b.Load()
		errs <- err
		_, err = b.Add(papers(1, 1)...)
		errs <- err
	}()
	for _, what := range []string{"Load", "Add"} {
		select {
		case err := <-errs:
			if err == nil || !strings.Contains(err.Error(), "named pipe") {
				t.Fatalf("%s should refuse a FIFO, got %v", what, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s hangs on a FIFO", what)
		}
	}
	if st, _ := os.Lstat(path); st.Mode()&fs.ModeNamedPipe == 0 {
		t.Fatal("the FIFO was replaced")
	}
}
