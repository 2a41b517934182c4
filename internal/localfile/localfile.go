// Package localfile reads and writes paperdeck's own files (bookmarks,
// read marks, config, cache entries) so that what sits at their path
// cannot hurt: only regular files are read, never more than a stated size,
// so a FIFO cannot hang paperdeck and /dev/zero cannot eat its memory; and
// a file that is a symlink (into a synced folder, say) is written through
// to its target, the link kept, instead of being replaced by a plain file.
package localfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/paperdeck/paperdeck/internal/homepath"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// NotRegularError says a path holds something other than a file: reading
// it could block forever (a FIFO) or never end (a device).
type NotRegularError struct {
	Path string
	Kind string // "a named pipe (FIFO)", "a device", "a folder", …
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is %s, not a regular file", termsafe.Name(homepath.Tilde(e.Path)), e.Kind)
}

// TooLargeError says a file is larger than what its kind can be.
type TooLargeError struct {
	Path  string
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is larger than %s", termsafe.Name(homepath.Tilde(e.Path)), Size(e.Limit))
}

// Size writes a byte count as a person reads it: 1 MiB, 64 MiB, 512 KiB.
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// kind names what a non-regular file is.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a plain file"
}

// Read returns the contents of the regular file at path (through any
// symlinks), at most limit bytes. A missing file is an error wrapping
// fs.ErrNotExist; anything else that is not a regular file is a
// *NotRegularError, a larger one a *TooLargeError. Nothing is read from a
// FIFO or a device, so neither can block or flood the caller.
func Read(path string, limit int64) ([]byte, error) {
	f, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Path: path, Limit: limit}
	}
	return data, nil
}

// Open is Read for a file too large to hold whole (a cache entry read as
// a stream): the open regular file, checked as Read checks it, no larger
// than limit when opened. The caller reads it and closes it.
func Open(path string, limit int64) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegularError{Path: path, Kind: kind(st.Mode())}
	}
	// O_NONBLOCK: if the path was swapped for a FIFO since the Stat, the
	// open returns at once instead of waiting for a writer; the second
	// check below then refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	if st, err = f.Stat(); err != nil {
		f.Close()
		return nil, err
	}
	switch {
	case !st.Mode().IsRegular():
		err = &NotRegularError{Path: path, Kind: kind(st.Mode())}
	case st.Size() > limit:
		err = &TooLargeError{Path: path, Limit: limit}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// maxLinks bounds a chain of symlinks, as the kernel does (ELOOP).
const maxLinks = 40

// Resolve follows path's symlinks to the file they finally name, which
// need not exist yet (a link to a file still to be created). A path that
// is not a link is returned as it is.
func Resolve(path string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", fmt.Errorf("%s: too many levels of symbolic links", path)
}

// WriteAtomic replaces the file at path (or, when path is a symlink, the
// file it points to, keeping the link) with data: a temporary file beside
// the target, fsynced, renamed over it, then (where the system allows it)
// the folder fsynced, so a crash leaves the old or the new file, never
// half. A new file gets mode 0644; an existing one keeps its mode. It
// returns the path written.
func WriteAtomic(path string, data []byte) (string, error) {
	target, err := Resolve(path)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(target); err == nil && !st.Mode().IsRegular() {
		return "", &NotRegularError{Path: path, Kind: kind(st.Mode())}
	}
	return target, replace(target, data)
}
