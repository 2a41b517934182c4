// Package catalog holds a listing of millions of papers read from Cornell's
// arXiv metadata snapshot in little memory: per paper only what the list
// shows and the filter searches (id, title, a short author line, date,
// categories) stays resident, packed into a few large arrays; the rest of
// a record (abstract, comments, every author) is read back from the file by
// offset when a detail opens. A side index in the cache lets the next open
// of the same file start with everything filterable.
//
// A *Catalog never changes once handed out: a load in progress hands out
// longer and longer ones that share their arrays (the builder only ever
// writes past the end of what it handed out), so any goroutine may read
// any of them while the load goes on.
package catalog

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strconv"

	"github.com/paperdeck/paperdeck/model"
)

// sep ends each field in text: no cleaned field holds a newline, so no
// query word ever matches across two fields or two papers.
const sep = '\n'

// Catalog is the resident part of a snapshot's papers, in file order.
type Catalog struct {
	chunks []*chunk // in order; each holds the text of a run of papers

	idLen    []uint8
	titleLen []uint16
	date     []uint32 // published as YYYYMMDD, 0 when unknown
	sig      []signature

	// Categories of paper i: cats[catOff[i]:catOff[i+1]], the primary first,
	// as numbers into catNames.
	catOff   []uint32
	cats     []uint16
	catNames []string

	// Where paper i's line is in data (the file, or its decompressed copy).
	lineOff []int64
	lineLen []uint32

	data    string // path of the JSON lines the offsets point into
	writing string // while a .gz is first read: its copy so far, renamed data at the end (openData)
	spooled bool   // data is a pipe's copy, removed by Discard
	source  Source
	skipped int
	skipWhy string
	read    int64 // bytes of data indexed
}

// chunk holds the text of papers first, first+1, …: paper first+k's id,
// title and author line, each followed by sep, in
// text[off[k]:off[k+1]]. A chunk never changes once built, so catalogs
// share them.
type chunk struct {
	first int
	text  []byte
	fold  []byte // text case-folded, byte for byte aligned with it (see foldInto)
	off   []uint32
	keep  *mapping // the side index text and fold are in, mapped (indexreader.go)
}

func (k *chunk) len() int { return len(k.off) - 1 }

// chunkOf is the chunk holding paper i.
func (c *Catalog) chunkOf(i int) *chunk {
	j := sort.Search(len(c.chunks), func(j int) bool { return c.chunks[j].first > i }) - 1
	return c.chunks[j]
}

// Source identifies the file a catalog was read from: the same path, size
// and modification time are the same file.
type Source struct {
	Path    string
	Size    int64
	ModTime int64 // Unix nanoseconds
}

func statSource(path string) (Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Source{}, err
	}
	return Source{Path: path, Size: st.Size(), ModTime: st.ModTime().UnixNano()}, nil
}

// Len is the number of papers.
func (c *Catalog) Len() int { return len(c.idLen) }

// Source is the file the catalog reads.
func (c *Catalog) Source() Source { return c.source }

// Skipped is how many lines could not be read, and why the first.
func (c *Catalog) Skipped() (n int, firstReason string) { return c.skipped, c.skipWhy }

func (c *Catalog) fields(i int) (id, title, authors string) {
	k := c.chunkOf(i)
	t := k.text[k.off[i-k.first] : k.off[i-k.first+1]-1]
	n, m := int(c.idLen[i]), int(c.titleLen[i])
	return string(t[:n]), string(t[n+1 : n+1+m]), string(t[n+1+m+1:])
}

// ID is paper i's arXiv id.
func (c *Catalog) ID(i int) string { id, _, _ := c.fields(i); return id }

// Title is paper i's title.
func (c *Catalog) Title(i int) string { _, t, _ := c.fields(i); return t }

// Authors is paper i's short author line: "A, B, C +4 more".
func (c *Catalog) Authors(i int) string { _, _, a := c.fields(i); return a }

// Published is paper i's first version's date, YYYY-MM-DD or "".
func (c *Catalog) Published(i int) string {
	d := c.date[i]
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// Categories are paper i's categories, the primary one first.
func (c *Catalog) Categories(i int) []string {
	out := make([]string, 0, c.catOff[i+1]-c.catOff[i])
	for _, k := range c.cats[c.catOff[i]:c.catOff[i+1]] {
		out = append(out, c.catNames[k])
	}
	return out
}

// Brief is paper i as a record with what the catalog holds: enough for a
// list row and the paper's links, no abstract (see Paper).
func (c *Catalog) Brief(i int) model.Paper {
	id, title, authors := c.fields(i)
	p := model.Paper{ID: id, Title: title, Published: c.Published(i), Categories: c.Categories(i), Source: model.SourceArxiv}
	if authors != "" {
		p.Authors = []string{authors}
	}
	if len(p.Categories) > 0 {
		p.PrimaryCategory = p.Categories[0]
	}
	if model.IsArxivID(id) {
		p.ArxivURL = "https://arxiv.org/abs/" + id
		p.PDFURL = "https://arxiv.org/pdf/" + id
		p.URL = p.ArxivURL
	}
	return p
}

// Paper reads paper i's whole record (abstract, comments, every author)
// from the file: one read at its offset. It fails when the file changed
// under the catalog.
func (c *Catalog) Paper(i int) (model.Paper, error) {
	f, err := c.openData()
	if err != nil {
		return model.Paper{}, fmt.Errorf("reading paper %s from %s: %w", c.ID(i), c.source.Path, unwrapPath(err))
	}
	defer f.Close()
	line := make([]byte, c.lineLen[i])
	if _, err := f.ReadAt(line, c.lineOff[i]); err != nil && err != io.EOF {
		return model.Paper{}, fmt.Errorf("reading paper %s from %s: %w", c.ID(i), c.source.Path, err)
	}
	return c.record(i, line)
}

// openData opens the file the offsets point into; while a .gz is first
// read, the part of its copy written so far (every paper handed out is in
// it), or the copy itself once renamed.
func (c *Catalog) openData() (*os.File, error) {
	f, err := os.Open(c.data)
	if err != nil && c.writing != "" && errors.Is(err, fs.ErrNotExist) {
		if f, err := os.Open(c.writing); err == nil {
			return f, nil
		}
		return os.Open(c.data) // renamed between the two
	}
	return f, err
}

// Changed reports whether the file is no longer the one the catalog was
// read from (written to, replaced, removed).
func (c *Catalog) Changed() bool {
	now, err := statSource(c.source.Path)
	return err != nil || now != c.source
}

// Find is the position of the paper with this id, -1 when absent.
func (c *Catalog) Find(id string) int {
	for _, k := range c.chunks {
		for j := range k.len() {
			t := k.text[k.off[j]:]
			if n := int(c.idLen[k.first+j]); n == len(id) && string(t[:n]) == id {
				return k.first + j
			}
		}
	}
	return -1
}

// ByDate lists positions newest first (papers without a date last, each
// date in file order): a counting sort over the distinct dates, so it
// costs a pass, not a sort of millions.
func (c *Catalog) ByDate() []uint32 {
	count := map[uint32]int{}
	for _, d := range c.date {
		count[d]++
	}
	days := make([]uint32, 0, len(count))
	for d := range count {
		days = append(days, d)
	}
	sort.Slice(days, func(a, b int) bool { return days[a] > days[b] }) // 0 (no date) last
	start := make(map[uint32]int, len(days))
	at := 0
	for _, d := range days {
		start[d] = at
		at += count[d]
	}
	out := make([]uint32, len(c.date))
	for i, d := range c.date {
		out[start[d]] = uint32(i)
		start[d]++
	}
	return out
}

// dateNumber turns "2007-04-02" into 20070402, "" into 0.
func dateNumber(s string) uint32 {
	if len(s) != 10 {
		return 0
	}
	n, err := strconv.Atoi(s[:4] + s[5:7] + s[8:])
	if err != nil {
		return 0
	}
	return uint32(n)
}
