package rank

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/internal/localfile"
	"github.com/paperdeck/paperdeck/model"
)

// Cache keeps features and models on disk, each under a hash of everything
// it is computed from, so the same papers and bookmarks never cost twice and
// a changed input can never be served stale. It is best effort: a file that
// cannot be read or written is computed again, never an error.
type Cache struct {
	dir string // "" keeps nothing
}

// NewCache keeps files under dir (paperdeck passes the "rank" folder of its
// cache directory); dir "" keeps nothing.
func NewCache(dir string) *Cache { return &Cache{dir: dir} }

// Files of each kind kept: the newest used.
const (
	keepFeatures = 3
	keepModels   = 32
	cacheFormat  = 2
)

// Features returns the features of papers, from disk when the same papers
// (ids and texts, in the same order) were seen with the same options.
func (c *Cache) Features(ctx context.Context, papers []model.Paper, opt FeatureOptions) (*Features, error) {
	papers = uniqueByID(papers)
	texts := make([]string, len(papers))
	h := newKey("features", opt)
	for i, p := range papers {
		texts[i] = Text(p)
		h.str(p.ID)
		h.str(texts[i])
	}
	key := h.sum()
	var disk diskFeatures
	if c.load("features", key, &disk) && disk.f.Key == key {
		return withLookups(disk.f), nil
	}
	f, err := buildFeatures(ctx, papers, texts, opt)
	if err != nil {
		return nil, err
	}
	f.Key = key
	c.save("features", key, diskFeatures{f}, keepFeatures)
	return f, nil
}

// Train returns the model of positives against f (see Train), from disk
// when it was trained before on the same features.
func (c *Cache) Train(ctx context.Context, f *Features, positives []string, tag string, opt SVMOptions) (*Model, error) {
	ids := slices.Clone(positives)
	slices.Sort(ids)
	h := newKey("model", opt)
	h.str(f.Key)
	for _, id := range slices.Compact(ids) {
		h.str(id)
	}
	key := h.sum()
	var disk diskModel
	if f.Key != "" && c.load("model", key, &disk) && disk.Key == key && len(disk.W) == len(f.Terms) {
		return &Model{Linear: Linear{W: disk.W, B: disk.B}, f: f}, nil
	}
	m, err := Train(ctx, f, positives, tag, opt)
	if err != nil {
		return nil, err
	}
	if f.Key != "" {
		c.save("model", key, diskModel{Key: key, W: m.W, B: m.B}, keepModels)
	}
	return m, nil
}

// keyHash hashes inputs unambiguously: every string is length-prefixed.
type keyHash struct{ h hash.Hash }

func newKey(kind string, opt any) keyHash {
	k := keyHash{sha256.New()}
	k.str(fmt.Sprintf("%s/%d/%+v", kind, cacheFormat, opt))
	return k
}

func (k keyHash) str(s string) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	k.h.Write(n[:])
	k.h.Write([]byte(s))
}

func (k keyHash) sum() string { return hex.EncodeToString(k.h.Sum(nil)[:16]) }

// Features files are little-endian binary: a header, the strings
// length-prefixed, the arrays raw. gob decodes element by element, and
// reading 100,000 papers' features back took it longer than building them.
type diskFeatures struct{ f *Features }

const featuresMagic = "paperdeck-rank-features\x00"

func (d diskFeatures) encode(w *bufio.Writer) error {
	f := d.f
	w.WriteString(featuresMagic)
	writeStrings(w, []string{f.Key})
	writeStrings(w, f.Terms)
	writeStrings(w, f.IDs)
	start := make([]int64, len(f.Rows.Start))
	for i, v := range f.Rows.Start {
		start[i] = int64(v)
	}
	return errors.Join(writeArray(w, f.IDF), writeArray(w, start), writeArray(w, f.Rows.Cols), writeArray(w, f.Rows.Vals))
}

func (d *diskFeatures) decode(r *bufio.Reader) error {
	magic := make([]byte, len(featuresMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != featuresMagic {
		return errors.New("not a features file")
	}
	f := &Features{}
	key, err := readStrings(r)
	if err != nil || len(key) != 1 {
		return errors.New("no key")
	}
	f.Key = key[0]
	if f.Terms, err = readStrings(r); err != nil {
		return err
	}
	if f.IDs, err = readStrings(r); err != nil {
		return err
	}
	var start []int64
	if err := readArray(r, &f.IDF); err != nil {
		return err
	}
	if err := readArray(r, &start); err != nil {
		return err
	}
	if err := readArray(r, &f.Rows.Cols); err != nil {
		return err
	}
	if err := readArray(r, &f.Rows.Vals); err != nil {
		return err
	}
	f.Rows.Start = make([]int, len(start))
	for i, v := range start {
		f.Rows.Start[i] = int(v)
	}
	if !consistent(f) {
		return errors.New("inconsistent features file")
	}
	d.f = f
	return nil
}

// consistent checks what indexing trusts: sizes agree, offsets ascend,
// columns are in the vocabulary.
func consistent(f *Features) bool {
	m := &f.Rows
	if len(f.IDF) != len(f.Terms) || len(m.Start) != len(f.IDs)+1 || len(m.Cols) != len(m.Vals) ||
		m.Start[0] != 0 || m.Start[len(m.Start)-1] != len(m.Cols) {
		return false
	}
	for i := 1; i < len(m.Start); i++ {
		if m.Start[i] < m.Start[i-1] {
			return false
		}
	}
	for _, j := range m.Cols {
		if j < 0 || int(j) >= len(f.Terms) {
			return false
		}
	}
	return true
}

// maxCacheArray bounds an array read back (4 billion entries is far past
// any collection), so a damaged length cannot ask for the whole memory.
const maxCacheArray = 1 << 32

func readArray[T float32 | int32 | int64](r *bufio.Reader, out *[]T) error {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > maxCacheArray {
		return errors.New("bad array length")
	}
	// Grow as the data arrives, so a damaged length fails at the file's end
	// instead of asking for that much memory up front.
	const chunk = 1 << 16
	a := make([]T, 0, min(n, chunk))
	part := make([]T, min(n, chunk))
	for uint64(len(a)) < n {
		part = part[:min(n-uint64(len(a)), chunk)]
		if err := binary.Read(r, binary.LittleEndian, part); err != nil {
			return err
		}
		a = append(a, part...)
	}
	*out = a
	return nil
}

// writeArray writes what readArray reads: the length, then the values.
func writeArray[T float32 | int32 | int64](w *bufio.Writer, a []T) error {
	writeUvarint(w, uint64(len(a)))
	return binary.Write(w, binary.LittleEndian, a)
}

func writeUvarint(w *bufio.Writer, v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.Write(b[:binary.PutUvarint(b[:], v)])
}

func writeStrings(w *bufio.Writer, list []string) {
	writeUvarint(w, uint64(len(list)))
	for _, s := range list {
		writeUvarint(w, uint64(len(s)))
		w.WriteString(s)
	}
}

func readStrings(r *bufio.Reader) ([]string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > maxCacheArray {
		return nil, errors.New("bad string count")
	}
	out := make([]string, 0, min(n, 1<<20))
	buf := make([]byte, 0, 64)
	for range n {
		l, err := binary.ReadUvarint(r)
		if err != nil || l > 1<<20 {
			return nil, errors.New("bad string length")
		}
		buf = slices.Grow(buf[:0], int(l))[:l]
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		out = append(out, string(buf))
	}
	return out, nil
}

// withLookups rebuilds what is not stored: the id and term lookups.
func withLookups(f *Features) *Features {
	f.row = make(map[string]int, len(f.IDs))
	for i, id := range f.IDs {
		f.row[id] = i
	}
	f.vocab = make(map[uint64]int32, len(f.Terms))
	for j, t := range f.Terms {
		f.vocab[termKey(t)] = int32(j)
	}
	return f
}

// termKey is the key of a term's text: a word, or two joined by a space.
func termKey(t string) uint64 {
	if a, b, pair := strings.Cut(t, " "); pair {
		return pairKey(wordKey(a), wordKey(b))
	}
	return wordKey(t)
}

// diskModel is a model file, in gob: a model is small.
type diskModel struct {
	Key string
	W   []float64
	B   float64
}

func (d diskModel) encode(w *bufio.Writer) error { return gob.NewEncoder(w).Encode(d) }

func (d *diskModel) decode(r *bufio.Reader) error { return gob.NewDecoder(r).Decode(d) }

// codec is a cache file's contents.
type codec interface {
	encode(w *bufio.Writer) error
}

type decoder interface {
	decode(r *bufio.Reader) error
}

func (c *Cache) path(kind, key string) string {
	return filepath.Join(c.dir, kind+"-"+key+".bin")
}

// maxCacheFile bounds a cache file read back, far past the features of
// every arXiv paper.
const maxCacheFile = 1 << 32

func (c *Cache) load(kind, key string, v decoder) bool {
	if c == nil || c.dir == "" {
		return false
	}
	path := c.path(kind, key)
	// Only a regular file: a FIFO put there must not hang the ranking.
	file, err := localfile.Open(path, maxCacheFile)
	if err != nil {
		return false
	}
	defer file.Close()
	if v.decode(bufio.NewReaderSize(file, 1<<16)) != nil {
		return false
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now) // recently used: kept by prune
	return true
}

// save writes atomically (a temporary file renamed), then keeps only the
// newest files of the kind.
func (c *Cache) save(kind, key string, v codec, keep int) {
	if c == nil || c.dir == "" {
		return
	}
	if os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, kind+"-*.tmp")
	if err != nil {
		return
	}
	w := bufio.NewWriterSize(tmp, 1<<16)
	err = errors.Join(v.encode(w), w.Flush(), tmp.Close())
	if err == nil {
		err = os.Rename(tmp.Name(), c.path(kind, key))
	}
	if err != nil {
		os.Remove(tmp.Name())
		return
	}
	c.prune(kind, keep)
}

func (c *Cache) prune(kind string, keep int) {
	paths, _ := filepath.Glob(filepath.Join(c.dir, kind+"-*.bin"))
	if len(paths) <= keep {
		return
	}
	type aged struct {
		path string
		mod  time.Time
	}
	var files []aged
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			files = append(files, aged{p, st.ModTime()})
		}
	}
	slices.SortFunc(files, func(a, b aged) int { return b.mod.Compare(a.mod) })
	for _, f := range files[min(keep, len(files)):] {
		os.Remove(f.path)
	}
}
