package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/paperdeck/paperdeck/internal/homepath"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/gofrs/flock"
	"github.com/google/renameio/v2"
)

// lockWait is how long a change waits for another paperdeck to finish its
// own; a write takes milliseconds, so this only trips on a stuck process.
const lockWait = 10 * time.Second

// dataFile is one JSON file changed only by locked read-modify-writes.
type dataFile struct {
	path string
	what string // for messages: "bookmarks file"

	// mu spares goroutines of one process from polling the lock file;
	// the lock file is what keeps processes apart.
	mu sync.Mutex
}

// read returns the file's bytes, nil when it does not exist yet.
func (f *dataFile) read() ([]byte, error) {
	data, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", homepath.Tilde(f.path), err)
	}
	return data, nil
}

// corrupt wraps what is wrong with the file's contents.
func (f *dataFile) corrupt(err error) *CorruptError {
	e := &CorruptError{Path: f.path, Err: err, what: f.what}
	if _, statErr := os.Stat(f.backupPath()); statErr == nil {
		e.Backup = f.backupPath()
	}
	return e
}

func (f *dataFile) backupPath() string { return f.path + ".bak" }

// update runs change on the current contents under the lock and writes
// what it returns; a nil result writes nothing. change must return an error
// (usually a *CorruptError) rather than replace contents it cannot parse.
func (f *dataFile) update(change func(old []byte) ([]byte, error)) error {
	f.mu.Lock()
	defer f.mu.Unlock()

	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", homepath.Tilde(dir), err)
	}
	lock := flock.New(f.path + ".lock")
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	locked, err := lock.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil || !locked {
		if err == nil || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("%s is locked by another paperdeck (%s); try again", homepath.Tilde(f.path), homepath.Tilde(lock.Path()))
		}
		return fmt.Errorf("locking %s: %w", homepath.Tilde(f.path), err)
	}
	defer lock.Unlock()

	f.removeStaleTemps()
	old, err := f.read()
	if err != nil {
		return err
	}
	data, err := change(old)
	if err != nil || data == nil || bytes.Equal(data, old) {
		return err
	}
	if old != nil {
		if err := writeAtomic(f.backupPath(), old); err != nil {
			return fmt.Errorf("keeping the previous %s: %w", homepath.Tilde(f.backupPath()), err)
		}
	}
	if err := writeAtomic(f.path, data); err != nil {
		return fmt.Errorf("saving %s: %w", homepath.Tilde(f.path), err)
	}
	// The renames are durable only once the folder itself is on disk.
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("saving %s: %w", homepath.Tilde(f.path), err)
	}
	return nil
}

// writeAtomic writes a temporary file in the same folder, fsyncs it and
// renames it over path, so readers see the old or the new file, never half.
func writeAtomic(path string, data []byte) error {
	pf, err := renameio.NewPendingFile(path,
		renameio.WithTempDir(filepath.Dir(path)),
		renameio.WithPermissions(0o644),
		renameio.WithExistingPermissions())
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	if _, err := pf.Write(data); err != nil {
		return err
	}
	return pf.CloseAtomicallyReplace()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// removeStaleTemps deletes temporary files left by a process killed
// mid-write. It runs under the lock, when no write can be in progress.
func (f *dataFile) removeStaleTemps() {
	dir, base := filepath.Split(f.path)
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return
	}
	// renameio names its temporary files "." + base + a random number.
	temp := regexp.MustCompile(`^\.` + regexp.QuoteMeta(base) + `(\.bak)?[0-9]+$`)
	for _, e := range entries {
		if temp.MatchString(e.Name()) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
