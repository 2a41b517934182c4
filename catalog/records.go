package catalog

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// readAhead is how much of the file Records reads at once when papers are
// asked for in file order, one after the other: one read per megabyte, not
// per paper. Papers further apart (a filter's few matches) are read alone:
// reading ahead would read the whole file for them.
const (
	readAhead = 1 << 20
	nearby    = 16 << 10 // at most this far past the last paper read
)

// Records reads whole records of a catalog's papers through one open file,
// for printing many of them (`paperdeck list`): Paper opens the file per
// call, which costs more than the reading at millions of papers.
type Records struct {
	f    *os.File
	path string // the snapshot, for messages
	buf  []byte // the file from offset at on, read ahead
	at   int64
	last int64 // where the last line read ends
}

// ErrNotYetReadable is OpenRecords' answer when a .gz snapshot's
// decompressed copy, which the offsets point into, is not there: neither
// the finished copy in the cache nor the one being written while the file
// is first read (that one is read as it grows, so a catalog handed out
// mid-load reads its papers), e.g. the cache was cleared under the reader.
var ErrNotYetReadable = errors.New("the decompressed copy is not in the cache yet")

// OpenRecords opens the file c's offsets point into. Close it when done.
func (c *Catalog) OpenRecords() (*Records, error) {
	f, err := c.openData()
	if err != nil {
		if c.data != c.source.Path && errors.Is(err, fs.ErrNotExist) {
			return nil, ErrNotYetReadable
		}
		return nil, fmt.Errorf("cannot read %s: %w", c.source.Path, unwrapPath(err))
	}
	return &Records{f: f, path: c.source.Path}, nil
}

// Close closes the file.
func (r *Records) Close() error { return r.f.Close() }

// Paper reads paper i's whole record, as Catalog.Paper does. c is the
// catalog OpenRecords was called on or a later one of the same load.
func (r *Records) Paper(c *Catalog, i int) (model.Paper, error) {
	line, err := r.line(c.lineOff[i], int(c.lineLen[i]))
	if err != nil {
		return model.Paper{}, fmt.Errorf("reading paper %s from %s: %w", c.ID(i), r.path, err)
	}
	return c.record(i, line)
}

// line is n bytes at off: from what was read ahead, else read now, with
// more after it when off is just past the last line read (papers asked
// for in file order).
func (r *Records) line(off int64, n int) ([]byte, error) {
	defer func() { r.last = off + int64(n) }()
	end := r.at + int64(len(r.buf))
	if off >= r.at && off+int64(n) <= end {
		return r.buf[off-r.at : off-r.at+int64(n)], nil
	}
	size := n
	if r.last > 0 && off >= r.last && off-r.last <= nearby {
		size = max(n, readAhead)
	}
	if cap(r.buf) < size {
		r.buf = make([]byte, size)
	}
	got, err := r.f.ReadAt(r.buf[:size], off)
	r.buf, r.at = r.buf[:got], off
	if got < n {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return r.buf[:n], nil
}

// record parses paper i's line, read from the file, and checks that it is
// still paper i's.
func (c *Catalog) record(i int, line []byte) (model.Paper, error) {
	p, err := feed.ParseArxivMetaLine(line)
	if err != nil || p.ID != c.ID(i) {
		return model.Paper{}, fmt.Errorf("%s changed since it was read: reload it", c.source.Path)
	}
	return p, nil
}
