package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"github.com/paperdeck/paperdeck/internal/homepath"
	"github.com/paperdeck/paperdeck/internal/localfile"
)

// LockWait is how long a change waits for another paperdeck to finish its
// own before giving up with "locked by another paperdeck". The reader's quit
// waits a little longer, so what it reports is the save's own outcome.
const LockWait = 5 * time.Second

// dataFile is one JSON file changed only by locked read-modify-writes.
type dataFile struct {
	path string
	what string // for messages: "bookmarks file"

	// mu spares goroutines of one process from polling the lock file;
	// the lock file is what keeps processes apart.
	mu sync.Mutex
}

// maxDataFile bounds what is read of a data file: ten thousand bookmarks
// with whole records are a few tens of megabytes.
const maxDataFile = 128 << 20

// read returns the file's bytes, nil when it does not exist yet. Only a
// regular file (or a symlink to one) is read: a FIFO or a device in its
// place is refused, as is a file larger than maxDataFile.
func (f *dataFile) read() ([]byte, error) {
	data, err := localfile.Read(f.path, maxDataFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	var notRegular *localfile.NotRegularError
	var tooLarge *localfile.TooLargeError
	if errors.As(err, &notRegular) || errors.As(err, &tooLarge) {
		return nil, fmt.Errorf("cannot read the %s: %w; it is left as it was", f.what, err)
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
	ctx, cancel := context.WithTimeout(context.Background(), LockWait)
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
	// Each write goes through a symlink to its target (a bookmarks file
	// kept in a synced folder stays there), atomically and fsynced.
	if old != nil {
		if _, err := localfile.WriteAtomic(f.backupPath(), old); err != nil {
			return fmt.Errorf("keeping the previous %s: %w", homepath.Tilde(f.backupPath()), err)
		}
	}
	if _, err := localfile.WriteAtomic(f.path, data); err != nil {
		return fmt.Errorf("saving %s: %w", homepath.Tilde(f.path), err)
	}
	return nil
}

// removeStaleTemps deletes temporary files left by a process killed
// mid-write. It runs under the lock, when no write can be in progress.
func (f *dataFile) removeStaleTemps() {
	target, err := localfile.Resolve(f.path)
	if err != nil {
		return
	}
	dir, base := filepath.Split(target)
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
