package catalog

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"time"
)

// The side index is the catalog written out: a JSON header line, then
// per chunk its text, folded text and per-paper arrays, so that a second
// open reads it chunk by chunk and shows the first screen before the rest.
// It is named after the snapshot's path and valid for the size and
// modification time in its header: a file changed since is indexed again.
// Where the system maps files (indexreader.go) the chunks' text and folded
// text are the mapped file itself: a second open copies only the numbers.

const indexMagic = "paperdeck catalog 3" // 3: text folded as query words are

type indexHeader struct {
	Magic    string   `json:"magic"`
	Source   Source   `json:"source"`
	Data     string   `json:"data"`
	DataSize int64    `json:"data_size"`
	Papers   int      `json:"papers"`
	Chunks   int      `json:"chunks"`
	CatNames []string `json:"categories"`
	Skipped  int      `json:"skipped"`
	SkipWhy  string   `json:"skip_why"`
}

// indexPath is where the side index of src lives under cacheDir.
func indexPath(cacheDir string, src Source) string {
	abs, err := filepath.Abs(src.Path)
	if err != nil {
		abs = src.Path
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(cacheDir, "catalog", hex.EncodeToString(sum[:12]))
}

var le = binary.LittleEndian

// saveIndex writes c beside the others, atomically: a reader never sees
// half an index.
func saveIndex(base string, c *Catalog) error {
	if err := os.MkdirAll(filepath.Dir(base), 0o700); err != nil {
		return err
	}
	sweepTemps(filepath.Dir(base))
	dataSize := int64(-1)
	if st, err := os.Stat(c.data); err == nil {
		dataSize = st.Size()
	}
	tmp, err := os.CreateTemp(filepath.Dir(base), ".index-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	w := bufio.NewWriterSize(tmp, 1<<20)
	head, err := json.Marshal(indexHeader{Magic: indexMagic, Source: c.source, Data: c.data, DataSize: dataSize,
		Papers: c.Len(), Chunks: len(c.chunks), CatNames: c.catNames, Skipped: c.skipped, SkipWhy: c.skipWhy})
	if err != nil {
		return err
	}
	w.Write(append(head, '\n'))
	for _, k := range c.chunks {
		from, to := k.first, k.first+k.len()
		catFrom, catTo := c.catOff[from], c.catOff[to]
		catCount := make([]uint8, 0, to-from)
		for i := from; i < to; i++ {
			catCount = append(catCount, uint8(c.catOff[i+1]-c.catOff[i]))
		}
		for _, v := range []any{uint32(k.len()), uint32(len(k.text)), k.text, k.fold, k.off,
			c.idLen[from:to], c.titleLen[from:to], c.date[from:to], c.sig[from:to], catCount, uint32(catTo - catFrom),
			c.cats[catFrom:catTo], c.lineOff[from:to], c.lineLen[from:to]} {
			if err := binary.Write(w, le, v); err != nil {
				return err
			}
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), base+".idx")
}

// abandonedAfter is how long a temporary file of the cache goes untouched
// before it counts as left by a process that was killed while writing.
const abandonedAfter = 10 * time.Minute

// sweepTemps removes the half-written side indexes and decompressed copies
// of processes killed while writing them (up to gigabytes each).
func sweepTemps(dir string) {
	for _, pattern := range []string{".index-*", ".copy-*"} {
		names, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, name := range names {
			if st, err := os.Stat(name); err == nil && time.Since(st.ModTime()) > abandonedAfter {
				_ = os.Remove(name)
			}
		}
	}
}

var errStaleIndex = errors.New("the side index is not of this file")

// loadIndex reads the side index of src, if it has one that matches the
// file, handing out growing catalogs as loadIndex's chunks come in. done is
// false when there is no usable index (then nothing was emitted).
func loadIndex(ctx context.Context, base string, src Source, emit func(Update)) (done bool, err error) {
	f, err := os.Open(base + ".idx")
	if err != nil {
		return false, nil
	}
	defer f.Close()
	return readIndex(ctx, newIndexReader(f, true), base, src, emit)
}

// readIndex is loadIndex from the index file's reader.
func readIndex(ctx context.Context, r *indexReader, base string, src Source, emit func(Update)) (done bool, err error) {
	line, err := r.line()
	if err != nil {
		return false, nil
	}
	var h indexHeader
	if json.Unmarshal(line, &h) != nil || h.Magic != indexMagic || h.Source != src {
		return false, nil
	}
	if st, err := os.Stat(h.Data); err != nil || st.Size() != h.DataSize {
		return false, nil // the decompressed copy of a .gz is gone or cut
	}
	c := &Catalog{data: h.Data, source: src, catNames: h.CatNames, catOff: []uint32{0}, skipped: h.Skipped, skipWhy: h.SkipWhy}
	b := newBuilder(c)
	var lastEmit time.Time
	var scratch []byte
	first := true
	for range h.Chunks {
		if err := ctx.Err(); err != nil {
			if first {
				return false, err
			}
			return true, err
		}
		if scratch, err = readChunk(r, c, scratch); err != nil {
			if first { // unreadable: index the file again
				return false, nil
			}
			return true, fmt.Errorf("the side index of %s is damaged (%v): delete %s", src.Path, err, base+".idx")
		}
		if first || time.Since(lastEmit) >= emitEvery {
			emit(Update{Catalog: b.snapshot(), FromIndex: true})
			if first {
				reserve(c, h.Papers) // after the first screen, which need not wait for it
			}
			first, lastEmit = false, time.Now()
		}
	}
	if c.Len() != h.Papers {
		return true, fmt.Errorf("the side index of %s is damaged: delete %s", src.Path, base+".idx")
	}
	emit(Update{Catalog: b.snapshot(), Done: true, FromIndex: true})
	return true, nil
}

// reserve makes room in c's per-paper arrays for n papers in all, so that
// reading a side index never copies them to grow them (at 2.7 M papers the
// copies were most of a second open's time). The catalogs handed out keep
// the arrays they have.
func reserve(c *Catalog, n int) {
	n = min(max(n, 0), 1<<26) // a damaged header must not ask for all memory
	more := max(n-c.Len(), 0)
	c.idLen = slices.Grow(c.idLen, more)
	c.titleLen = slices.Grow(c.titleLen, more)
	c.date = slices.Grow(c.date, more)
	c.sig = slices.Grow(c.sig, more)
	c.catOff = slices.Grow(c.catOff, more)
	c.cats = slices.Grow(c.cats, 2*more) // most papers have one or two categories
	c.lineOff = slices.Grow(c.lineOff, more)
	c.lineLen = slices.Grow(c.lineLen, more)
}

// readChunk reads what saveIndex wrote for one chunk straight into the
// room past the end of c's arrays (no catalog handed out sees it), checks
// it, and only then makes it part of c. scratch is reused from chunk to
// chunk to decode numbers in.
func readChunk(r *indexReader, c *Catalog, scratch []byte) ([]byte, error) {
	head, err := r.next(8, scratch)
	if err != nil {
		return scratch, err
	}
	n, textLen := int(le.Uint32(head[:])), int(le.Uint32(head[4:]))
	if n > 1<<24 || textLen > 1<<30 {
		return scratch, errStaleIndex
	}
	k := &chunk{first: c.Len(), keep: r.keep}
	if k.text, err = r.next(textLen, nil); err != nil {
		return scratch, err
	}
	if k.fold, err = r.next(textLen, nil); err != nil {
		return scratch, err
	}
	touch(k.fold)
	at := c.Len()
	var catCount []uint8
	var catLen []uint32
	if k.off, scratch, err = readNumbers(r, []uint32(nil), n+1, scratch); err != nil {
		return scratch, err
	}
	idLen, titleLen, date, sig := c.idLen, c.titleLen, c.date, c.sig
	if idLen, scratch, err = readNumbers(r, idLen, n, scratch); err != nil {
		return scratch, err
	}
	if titleLen, scratch, err = readNumbers(r, titleLen, n, scratch); err != nil {
		return scratch, err
	}
	if date, scratch, err = readNumbers(r, date, n, scratch); err != nil {
		return scratch, err
	}
	var halves []uint64
	if halves, scratch, err = readNumbers(r, halves, 2*n, scratch); err != nil {
		return scratch, err
	}
	for i := range n {
		sig = append(sig, signature{halves[2*i], halves[2*i+1]})
	}
	if catCount, scratch, err = readNumbers(r, catCount, n, scratch); err != nil {
		return scratch, err
	}
	if catLen, scratch, err = readNumbers(r, catLen, 1, scratch); err != nil {
		return scratch, err
	}
	if catLen[0] > 1<<28 {
		return scratch, errStaleIndex
	}
	cats, lineOff, lineLen := c.cats, c.lineOff, c.lineLen
	if cats, scratch, err = readNumbers(r, cats, int(catLen[0]), scratch); err != nil {
		return scratch, err
	}
	if lineOff, scratch, err = readNumbers(r, lineOff, n, scratch); err != nil {
		return scratch, err
	}
	if lineLen, scratch, err = readNumbers(r, lineLen, n, scratch); err != nil {
		return scratch, err
	}
	if err := checkChunk(k, idLen[at:], titleLen[at:], catCount, cats[len(c.cats):], len(c.catNames)); err != nil {
		return scratch, err
	}
	for i := at; i < at+n; i++ {
		if lineLen[i] > maxLine || lineOff[i] < 0 { // a detail reads lineLen bytes at lineOff
			return scratch, errStaleIndex
		}
	}
	catOff := c.catOff
	for _, m := range catCount {
		catOff = append(catOff, catOff[len(catOff)-1]+uint32(m))
	}
	if n > 0 {
		c.chunks = append(c.chunks, k)
	}
	c.idLen, c.titleLen, c.date, c.sig, c.catOff, c.cats, c.lineOff, c.lineLen = idLen, titleLen, date, sig, catOff, cats, lineOff, lineLen
	return scratch, nil
}

// readNumbers appends n little-endian numbers read from r to s, decoding
// them through scratch (returned, perhaps grown, for the next call).
func readNumbers[T uint8 | uint16 | uint32 | uint64 | int64](r *indexReader, s []T, n int, scratch []byte) ([]T, []byte, error) {
	var zero T
	size := binary.Size(zero)
	b, err := r.next(n*size, scratch)
	if err != nil {
		return s, scratch, err
	}
	if r.r != nil {
		scratch = b
	}
	s = slices.Grow(s, n)
	switch size {
	case 1:
		for _, v := range b {
			s = append(s, T(v))
		}
	case 2:
		for i := 0; i < len(b); i += 2 {
			s = append(s, T(le.Uint16(b[i:])))
		}
	case 4:
		for i := 0; i < len(b); i += 4 {
			s = append(s, T(le.Uint32(b[i:])))
		}
	default:
		for i := 0; i < len(b); i += 8 {
			s = append(s, T(le.Uint64(b[i:])))
		}
	}
	return s, scratch, nil
}

// touch reads a byte of every page of b, so that a mapped chunk's pages
// are in memory before the first filter scans them.
func touch(b []byte) {
	var sum byte
	for i := 0; i < len(b); i += 4096 {
		sum += b[i]
	}
	runtime.KeepAlive(sum) // the reads are the point: keep them
}

// checkChunk refuses a chunk whose numbers do not hold together (a damaged
// index must not index out of range later).
func checkChunk(k *chunk, idLen []uint8, titleLen []uint16, catCount []uint8, cats []uint16, catNames int) error {
	sum := 0
	for _, n := range catCount {
		sum += int(n)
	}
	if sum != len(cats) || k.off[0] != 0 || int(k.off[len(k.off)-1]) != len(k.text) {
		return errStaleIndex
	}
	for _, id := range cats {
		if int(id) >= catNames {
			return errStaleIndex
		}
	}
	for i := range len(k.off) - 1 {
		if k.off[i] > k.off[i+1] || int(idLen[i])+int(titleLen[i])+3 > int(k.off[i+1]-k.off[i]) {
			return errStaleIndex
		}
	}
	return nil
}
