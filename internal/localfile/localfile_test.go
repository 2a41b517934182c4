//go:build unix

package localfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test instead of hanging it when f blocks.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still blocked after %v", d)
	}
}

func TestReadRefusesAFIFOWithoutBlocking(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bookmarks.json")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	var err error
	within(t, 5*time.Second, func() { _, err = Read(path, 1<<20) })
	var nr *NotRegularError
	if !errors.As(err, &nr) || !strings.Contains(err.Error(), "named pipe") {
		t.Fatalf("a FIFO should be refused as a named pipe, got %v", err)
	}
}

func TestReadRefusesADevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	// Through a symlink, as a bookmarks file pointed at it would be.
	link := filepath.Join(t.TempDir(), "config.toml")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	var err error
	within(t, 5*time.Second, func() { _, err = Read(link, 1<<20) })
	if err == nil || !strings.Contains(err.Error(), "is a device, not a regular file") {
		t.Fatalf("/dev/zero should be refused as a device, got %v", err)
	}
}

func TestReadLimitsSizeAndReportsMissing(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	os.WriteFile(big, make([]byte, 2048), 0o644)
	var tl *TooLargeError
	if _, err := Read(big, 1024); !errors.As(err, &tl) || !strings.Contains(err.Error(), "larger than 1 KiB") {
		t.Fatalf("a file over the limit should be refused, got %v", err)
	}
	if data, err := Read(big, 2048); err != nil || len(data) != 2048 {
		t.Fatalf("a file at the limit is read whole: %d bytes, %v", len(data), err)
	}
	if _, err := Read(filepath.Join(dir, "none"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a missing file should be fs.ErrNotExist, got %v", err)
	}
	if _, err := Read(dir, 10); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("a folder should be refused, got %v", err)
	}
}

func TestWriteAtomicWritesThroughASymlinkAndKeepsIt(t *testing.T) {
	dir := t.TempDir()
	synced := filepath.Join(dir, "Sync")
	os.Mkdir(synced, 0o755)
	target := filepath.Join(synced, "bookmarks.json")
	os.WriteFile(target, []byte("old"), 0o600)
	link := filepath.Join(dir, "bookmarks.json")
	if err := os.Symlink("Sync/bookmarks.json", link); err != nil { // relative, as people make them
		t.Fatal(err)
	}
	written, err := WriteAtomic(link, []byte("new"))
	if err != nil {
		t.Fatal(err)
	}
	if written != target {
		t.Errorf("wrote %s, want the target %s", written, target)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v %v", st.Mode(), err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Fatalf("the target holds %q, want the new contents", got)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode changed to %v", st.Mode().Perm())
	}
	entries, _ := os.ReadDir(synced)
	if len(entries) != 1 {
		t.Errorf("a temporary file was left beside the target: %v", entries)
	}
}

func TestWriteAtomicCreatesADanglingLinksTarget(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "bookmarks.json")
	target := filepath.Join(dir, "elsewhere.json")
	os.Symlink(target, link)
	if _, err := WriteAtomic(link, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(target); string(got) != "{}" {
		t.Fatalf("the link's target was not created: %q", got)
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Fatal("the symlink was replaced")
	}
}

func TestResolveStopsALoop(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	if _, err := WriteAtomic(a, []byte("x")); err == nil || !strings.Contains(err.Error(), "too many levels") {
		t.Fatalf("a symlink loop should be an error, got %v", err)
	}
}

// Open checks what Read checks, and hands over the file to stream.
func TestOpenChecksAsReadDoes(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "features.bin")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	var err error
	within(t, 5*time.Second, func() { _, err = Open(fifo, 1<<20) })
	var nr *NotRegularError
	if !errors.As(err, &nr) {
		t.Fatalf("a FIFO should be refused, got %v", err)
	}
	big := filepath.Join(dir, "big.bin")
	os.WriteFile(big, make([]byte, 2048), 0o644)
	var tl *TooLargeError
	if _, err := Open(big, 1024); !errors.As(err, &tl) {
		t.Fatalf("a file over the limit should be refused, got %v", err)
	}
	f, err := Open(big, 2048)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || st.Size() != 2048 {
		t.Fatalf("the opened file: %v %v", st, err)
	}
}
