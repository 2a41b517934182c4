//go:build linux || darwin

package catalog

import (
	"os"
	"syscall"
)

// mapFile maps f's first size bytes read-only: a side index read this way
// costs no copy, and its pages are the page cache's, not fresh memory
// (faulting in fresh memory was most of a second open's time). The index
// is replaced by a rename, never rewritten in place, so a mapping never
// sees it change.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, syscall.EINVAL
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return b, func() { _ = syscall.Munmap(b) }, nil
}
