package catalog

import (
	"bufio"
	"io"
	"os"
	"runtime"
	"slices"
)

// indexReader hands out a side index's bytes in order: slices of the file
// mapped into memory where the system allows, else copies read from it.
type indexReader struct {
	mapped []byte   // the whole file, when mapped
	at     int      // bytes handed out
	size   int64    // of the file: a damaged length asks for no more
	keep   *mapping // held by every chunk whose text is in mapped
	r      *bufio.Reader
}

// mapping unmaps a side index once no chunk points into it.
type mapping struct{ _ byte }

func newIndexReader(f *os.File, mapIt bool) *indexReader {
	st, err := f.Stat()
	if err != nil {
		return &indexReader{r: bufio.NewReader(f)} // reads fail as the file does
	}
	if mapIt {
		if b, unmap, err := mapFile(f, st.Size()); err == nil {
			keep := &mapping{}
			runtime.AddCleanup(keep, func(unmap func()) { unmap() }, unmap)
			return &indexReader{mapped: b, size: st.Size(), keep: keep}
		}
	}
	return &indexReader{r: bufio.NewReaderSize(f, 1<<20), size: st.Size()}
}

// line is the next line, its newline included.
func (x *indexReader) line() ([]byte, error) {
	if x.r != nil {
		b, err := x.r.ReadBytes('\n')
		x.at += len(b)
		return b, err
	}
	end := slices.Index(x.mapped[x.at:], '\n')
	if end < 0 {
		return nil, io.ErrUnexpectedEOF
	}
	b := x.mapped[x.at : x.at+end+1]
	x.at += end + 1
	return b, nil
}

// next is the next n bytes: the mapping's own, or read into buf (grown
// when short; nil for memory of their own).
func (x *indexReader) next(n int, buf []byte) ([]byte, error) {
	if n < 0 || int64(n) > x.size-int64(x.at) {
		return nil, io.ErrUnexpectedEOF
	}
	if x.r == nil {
		b := x.mapped[x.at : x.at+n : x.at+n]
		x.at += n
		return b, nil
	}
	buf = slices.Grow(buf[:0], n)[:n]
	_, err := io.ReadFull(x.r, buf)
	x.at += n
	return buf, err
}
