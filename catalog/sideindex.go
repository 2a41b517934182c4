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
	"io"
	"os"
	"path/filepath"
	"time"
)

// The side index is the catalog written out: a JSON header line, then
// per chunk its text, folded text and per-paper arrays, so that a second
// open reads it chunk by chunk and shows the first screen before the rest.
// It is named after the snapshot's path and valid for the size and
// modification time in its header: a file changed since is indexed again.

const indexMagic = "paperdeck catalog 2"

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
	r := bufio.NewReaderSize(f, 1<<20)
	line, err := r.ReadBytes('\n')
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
	first := true
	for range h.Chunks {
		if err := ctx.Err(); err != nil {
			if first {
				return false, err
			}
			return true, err
		}
		p, err := readChunk(r)
		if err != nil {
			if first { // unreadable: index the file again
				return false, nil
			}
			return true, fmt.Errorf("the side index of %s is damaged (%v): delete %s", src.Path, err, base+".idx")
		}
		for _, id := range p.catIDs {
			if int(id) >= len(h.CatNames) {
				err = errStaleIndex
			}
		}
		if err != nil {
			if first {
				return false, nil
			}
			return true, fmt.Errorf("the side index of %s is damaged: delete %s", src.Path, base+".idx")
		}
		b.add(p)
		if first || time.Since(lastEmit) >= emitEvery {
			emit(Update{Catalog: b.snapshot(), FromIndex: true})
			first, lastEmit = false, time.Now()
		}
	}
	if c.Len() != h.Papers {
		return true, fmt.Errorf("the side index of %s is damaged: delete %s", src.Path, base+".idx")
	}
	emit(Update{Catalog: b.snapshot(), Done: true, FromIndex: true})
	return true, nil
}

// readChunk reads what saveIndex wrote for one chunk.
func readChunk(r io.Reader) (part, error) {
	var n, textLen, catLen uint32
	if err := binary.Read(r, le, &n); err != nil {
		return part{}, err
	}
	if err := binary.Read(r, le, &textLen); err != nil {
		return part{}, err
	}
	if n > 1<<24 || textLen > 1<<30 {
		return part{}, errStaleIndex
	}
	p := part{chunk: chunk{text: make([]byte, textLen), fold: make([]byte, textLen), off: make([]uint32, n+1)},
		idLen: make([]uint8, n), titleLen: make([]uint16, n), date: make([]uint32, n), sig: make([]signature, n), catCount: make([]uint8, n),
		lineOff: make([]int64, n), lineLen: make([]uint32, n)}
	for _, v := range []any{p.text, p.fold, p.off, p.idLen, p.titleLen, p.date, p.sig, p.catCount, &catLen} {
		if err := binary.Read(r, le, v); err != nil {
			return part{}, err
		}
	}
	if catLen > 1<<28 {
		return part{}, errStaleIndex
	}
	p.catIDs = make([]uint16, catLen)
	for _, v := range []any{p.catIDs, p.lineOff, p.lineLen} {
		if err := binary.Read(r, le, v); err != nil {
			return part{}, err
		}
	}
	return p, p.check()
}

// check refuses a chunk whose numbers do not hold together (a damaged
// index must not index out of range later).
func (p part) check() error {
	sum := 0
	for _, n := range p.catCount {
		sum += int(n)
	}
	if sum != len(p.catIDs) || p.off[0] != 0 || int(p.off[len(p.off)-1]) != len(p.text) {
		return errStaleIndex
	}
	for i := range len(p.off) - 1 {
		if p.off[i] > p.off[i+1] || int(p.idLen[i])+int(p.titleLen[i])+3 > int(p.off[i+1]-p.off[i]) {
			return errStaleIndex
		}
	}
	return nil
}
