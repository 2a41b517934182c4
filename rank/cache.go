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
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

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
	cacheFormat  = 1
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
	if c.load("features", key, &disk) && disk.Key == key {
		return disk.features(), nil
	}
	f, err := buildFeatures(ctx, papers, texts, opt)
	if err != nil {
		return nil, err
	}
	f.Key = key
	c.save("features", key, diskFeaturesOf(f), keepFeatures)
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

type diskFeatures struct {
	Key   string
	Terms []string
	IDF   []float32
	IDs   []string
	Start []int
	Cols  []int32
	Vals  []float32
}

func diskFeaturesOf(f *Features) diskFeatures {
	return diskFeatures{f.Key, f.Terms, f.IDF, f.IDs, f.Rows.Start, f.Rows.Cols, f.Rows.Vals}
}

// features rebuilds what is not stored: the id and term lookups.
func (d diskFeatures) features() *Features {
	f := &Features{Key: d.Key, Terms: d.Terms, IDF: d.IDF, IDs: d.IDs, Rows: Matrix{d.Start, d.Cols, d.Vals}}
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

type diskModel struct {
	Key string
	W   []float64
	B   float64
}

func (c *Cache) path(kind, key string) string {
	return filepath.Join(c.dir, kind+"-"+key+".gob")
}

func (c *Cache) load(kind, key string, v any) bool {
	if c == nil || c.dir == "" {
		return false
	}
	path := c.path(kind, key)
	file, err := os.Open(path)
	if err != nil {
		return false
	}
	defer file.Close()
	if gob.NewDecoder(bufio.NewReader(file)).Decode(v) != nil {
		return false
	}
	now := time.Now()
	_ = os.Chtimes(path, now, now) // recently used: kept by prune
	return true
}

// save writes atomically (a temporary file renamed), then keeps only the
// newest files of the kind.
func (c *Cache) save(kind, key string, v any, keep int) {
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
	w := bufio.NewWriter(tmp)
	err = errors.Join(gob.NewEncoder(w).Encode(v), w.Flush(), tmp.Close())
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
	paths, _ := filepath.Glob(filepath.Join(c.dir, kind+"-*.gob"))
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
