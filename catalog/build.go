package catalog

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/store"
)

// Indexing reads the file in blocks of whole lines; every core parses
// blocks into chunks (the JSON work), and one goroutine appends the chunks
// in file order and hands out catalogs as they grow.
const (
	firstBlock = 64 << 10 // a screenful of papers, soon
	blockSize  = 4 << 20
	maxLine    = feed.MaxLine // longer than any record: skipped, as feed does
)

// emitEvery is how often a growing catalog is handed out at most (after
// the first), so a screen redraws its count a few times a second.
var emitEvery = 250 * time.Millisecond

// Options say where a catalog may keep files.
type Options struct {
	// CacheDir (paths.Cache()) holds, in catalog/, the side indexes and
	// the decompressed copy of a .gz snapshot (whose offsets point into
	// it: a detail is one read, where gzip would need decompressing from
	// the start or a zran-style checkpoint index). "" keeps nothing: every
	// open indexes again, and a .gz file cannot be read by offset.
	CacheDir string
}

// Update is a catalog handed out while a load goes on: Done on the last.
type Update struct {
	Catalog   *Catalog
	Done      bool
	FromIndex bool  // read from the side index, not indexed now
	Read      int64 // bytes of the file (decompressed) read so far
}

// Load reads the arXiv metadata snapshot at path: from its side index when
// one matches the file, else by indexing the file (and saving the side
// index). emit gets a screenful of papers first, then growing catalogs,
// the last with Done. On an error or ctx cancelled, what was emitted
// stands and the error says why the rest is missing.
func Load(ctx context.Context, path string, opt Options, emit func(Update)) error {
	src, err := statSource(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	if opt.CacheDir != "" {
		if done, err := loadIndex(ctx, indexPath(opt.CacheDir, src), src, emit); done || err != nil {
			return err
		}
	}
	c, err := index(ctx, path, src, opt, emit)
	if err != nil {
		return err
	}
	if opt.CacheDir != "" {
		// Every paper is listed already; Done waits for the side index,
		// so that a reader quit when it says done has saved it. A cache
		// that cannot be written costs the next open time, no more.
		emit(Update{Catalog: c, Read: c.read})
		_ = saveIndex(indexPath(opt.CacheDir, src), c)
	}
	emit(Update{Catalog: c, Done: true, Read: c.read})
	return nil
}

// LoadStream is Load for a snapshot that can be read only once, in order
// (a pipe, named name in messages): its lines are copied into the cache as
// they are indexed, as a .gz file's are decompressed into a copy, and read
// by offset there. Nothing is kept for a next open (a pipe has no size or
// time to know it by): Discard the last catalog when done.
func LoadStream(ctx context.Context, r io.Reader, name string, opt Options, emit func(Update)) error {
	if opt.CacheDir == "" {
		return fmt.Errorf("%s: a snapshot on a pipe needs a cache folder for its copy", name)
	}
	c, err := indexCopying(ctx, r, Source{Path: name}, filepath.Join(opt.CacheDir, "catalog"), "", emit)
	if err != nil {
		return err
	}
	emit(Update{Catalog: c, Done: true, Read: c.read})
	return nil
}

// Discard removes the copy of a snapshot read from a pipe (LoadStream):
// c and every catalog of its load can read no paper after it.
func (c *Catalog) Discard() error {
	if !c.spooled {
		return nil
	}
	return os.Remove(c.data)
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

type block struct {
	seq   int
	off   int64 // of data[0] in the (decompressed) file
	data  []byte
	lines int // lines before this block
	long  int // lines longer than maxLine, dropped before this block
}

type part struct {
	seq int
	chunk
	idLen    []uint8
	titleLen []uint16
	date     []uint32
	sig      []signature
	cats     [][]string // by name, as in the file
	lineOff  []int64
	lineLen  []uint32
	skipped  int
	skipWhy  string
	read     int64
}

// index reads the file, on every core.
func index(ctx context.Context, path string, src Source, opt Options, emit func(Update)) (*Catalog, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	if head, _ := br.Peek(2); !feed.IsGzip(head) {
		c, err := indexLines(ctx, br, &Catalog{data: path, source: src}, emit)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return c, nil
	}
	if opt.CacheDir == "" {
		return nil, fmt.Errorf("%s: a .gz snapshot needs a cache folder for its decompressed copy", path)
	}
	gz, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("%s: a damaged gzip file (%v)", path, err)
	}
	defer gz.Close()
	data := indexPath(opt.CacheDir, src) + ".jsonl"
	return indexCopying(ctx, gz, src, filepath.Dir(data), data, emit)
}

// indexCopying indexes what r reads while it copies it into dir, where
// the catalog reads papers by offset: a .gz file's decompressed lines,
// renamed data once whole; a pipe's lines (data ""), kept under their
// temporary name until Discard.
func indexCopying(ctx context.Context, r io.Reader, src Source, dir, data string, emit func(Update)) (*Catalog, error) {
	path := src.Path
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("%s: no room for its decompressed copy: %w", path, err)
	}
	copied, err := os.CreateTemp(dir, ".copy-*")
	if err != nil {
		return nil, fmt.Errorf("%s: no room for its decompressed copy: %w", path, err)
	}
	defer copied.Close()
	keep := false // the copy, past an error
	defer func() {
		if !keep {
			_ = os.Remove(copied.Name())
		}
	}()
	c := &Catalog{data: data, source: src, writing: copied.Name()}
	if data == "" {
		c.data, c.writing, c.spooled = copied.Name(), "", true
	}
	c, err = indexLines(ctx, io.TeeReader(r, copied), c, emit)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := copied.Close(); err != nil {
		return nil, fmt.Errorf("%s: writing its decompressed copy: %w", path, err)
	}
	if !c.spooled {
		if err := os.Rename(copied.Name(), data); err != nil {
			return nil, fmt.Errorf("%s: writing its decompressed copy: %w", path, err)
		}
		c.writing = "" // not handed out yet: this one reads the copy where it now is
	}
	keep = true
	return c, nil
}

// indexLines parses the lines of r into c on every core, handing out
// growing snapshots of it (not the last: the caller says when it is done).
func indexLines(ctx context.Context, r io.Reader, c *Catalog, emit func(Update)) (*Catalog, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	blocks := make(chan block, 2)
	parts := make(chan part, 2)
	readErr := make(chan error, 1)
	go func() { readErr <- readBlocks(ctx, r, blocks) }()
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for b := range blocks {
				select {
				case parts <- parseBlock(b):
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() {
		wg.Wait()
		close(parts)
	}()

	c.catOff = []uint32{0}
	b := newBuilder(c)
	pending := map[int]part{} // parsed ahead of their turn
	next := 0
	var lastEmit time.Time
	for p := range parts {
		pending[p.seq] = p
		for q, ok := pending[next]; ok; q, ok = pending[next] {
			delete(pending, next)
			next++
			b.add(q)
			if lastEmit.IsZero() || time.Since(lastEmit) >= emitEvery {
				emit(Update{Catalog: b.snapshot(), Read: q.read})
				lastEmit = time.Now()
			}
		}
	}
	if err := <-readErr; err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return b.snapshot(), nil
}

// readBlocks cuts r into blocks of whole lines (the last may lack its
// newline). A line longer than maxLine is left out, and counted in the
// next block.
func readBlocks(ctx context.Context, r io.Reader, out chan<- block) error {
	defer close(out)
	br := bufio.NewReaderSize(r, 1<<20)
	var off int64 // of the next line
	lines, seq, size := 0, 0, firstBlock
	var cur block
	start := func() {
		cur = block{seq: seq, off: off, lines: lines, data: make([]byte, 0, size+size/8)}
		seq++
	}
	send := func() bool {
		select {
		case out <- cur:
			return true
		case <-ctx.Done():
			return false
		}
	}
	start()
	for {
		at := len(cur.data)
		var n int64
		tooLong := false
		var err error
		for {
			var piece []byte
			piece, err = br.ReadSlice('\n')
			n += int64(len(piece))
			if !tooLong {
				cur.data = append(cur.data, piece...)
				if len(cur.data)-at > maxLine {
					tooLong, cur.data = true, cur.data[:at]
				}
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if n > 0 {
			lines++
			off += n
		}
		if tooLong {
			// This block ends before the line, the next starts after it.
			if !send() {
				return ctx.Err()
			}
			start()
			cur.long = 1
		} else if len(cur.data) >= size {
			if !send() {
				return ctx.Err()
			}
			size = blockSize
			start()
		}
		// A cut .gz ends like a file: its last line is skipped.
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return err
		}
	}
	if len(cur.data) > 0 || cur.long > 0 {
		if !send() {
			return ctx.Err()
		}
	}
	return nil
}

// parseBlock reads a block's lines into a part.
func parseBlock(b block) part {
	p := part{seq: b.seq, chunk: chunk{off: []uint32{0}, text: make([]byte, 0, len(b.data)/8), fold: make([]byte, 0, len(b.data)/8)}}
	p.skipped = b.long
	if b.long > 0 {
		p.skipWhy = feed.LineSkipReason(b.lines, feed.SkipReasonTooLong)
	}
	lineNo := b.lines
	for at := 0; at < len(b.data); {
		end := bytes.IndexByte(b.data[at:], '\n')
		if end < 0 {
			end = len(b.data)
		} else {
			end += at
		}
		line := b.data[at:end]
		lineNo++
		if len(bytes.TrimSpace(line)) > 0 {
			br, err := feed.BriefArxivMetaLine(line)
			if err != nil {
				if p.skipped == 0 {
					p.skipWhy = feed.LineSkipReason(lineNo, feed.ArxivMetaSkipReason(err))
				}
				p.skipped++
			} else {
				p.addPaper(br, b.off+int64(at), len(line))
			}
		}
		at = end + 1
	}
	p.read = b.off + int64(len(b.data))
	p.text, p.fold, p.off = tight(p.text), tight(p.fold), tight(p.off)
	return p
}

// tight drops the spare room append left: a chunk is kept for good.
func tight[T any](s []T) []T {
	if cap(s)-len(s) <= len(s)/8 {
		return s
	}
	return append(make([]T, 0, len(s)), s...)
}

func briefAuthors(b feed.ArxivBrief) model.Paper {
	return model.Paper{Authors: b.Authors, AuthorCount: b.AuthorSum}
}

func (p *part) addPaper(b feed.ArxivBrief, off int64, n int) {
	id := b.ID[:min(len(b.ID), 255)]
	title := b.Title[:min(len(b.Title), 65535)]
	authors := store.AuthorLine(briefAuthors(b), 3)
	start := len(p.text)
	p.text = append(p.text, id...)
	p.text = append(p.text, sep)
	p.text = append(p.text, title...)
	p.text = append(p.text, sep)
	p.text = append(p.text, authors...)
	p.text = append(p.text, sep)
	p.fold = foldInto(p.fold, p.text[start:])
	p.sig = append(p.sig, signatureOf(p.fold[start:]))
	p.off = append(p.off, uint32(len(p.text)))
	p.idLen = append(p.idLen, uint8(len(id)))
	p.titleLen = append(p.titleLen, uint16(len(title)))
	p.date = append(p.date, dateNumber(b.Published))
	p.cats = append(p.cats, b.Categories)
	p.lineOff = append(p.lineOff, off)
	p.lineLen = append(p.lineLen, uint32(n))
}

// foldInto appends s folded as query words are (query.ForEachWord: case,
// accents, "ß" → "ss"), keeping its byte length so that positions in the
// folded text are positions in s: a word that folds shorter is padded
// with spaces after it, one that would fold longer keeps its accents.
func foldInto(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf && !isWordByte(c) {
			dst = append(dst, c)
			i++
			continue
		}
		end, ascii := i, true
		for end < len(s) && isWordByte(s[end]) {
			ascii = ascii && s[end] < utf8.RuneSelf
			end++
		}
		word := s[i:end]
		i = end
		if ascii {
			for _, c := range word {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				dst = append(dst, c)
			}
			continue
		}
		start := len(dst)
		query.ForEachWord(string(word), nil, func(w []byte) {
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			dst = append(dst, w...)
		})
		if len(dst)-start > len(word) { // rare: keep the word, case-folded only
			dst = caseFoldInto(dst[:start], word)
		}
		for len(dst)-start < len(word) {
			dst = append(dst, ' ')
		}
	}
	return dst
}

// caseFoldInto appends s lower-cased where that keeps each character's
// byte length.
func caseFoldInto(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			dst = utf8.AppendRune(dst, l)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// builder appends parts to a catalog and hands out snapshots of it.
type builder struct {
	c     *Catalog
	catID map[string]uint16
}

func newBuilder(c *Catalog) *builder {
	return &builder{c: c, catID: map[string]uint16{}}
}

func (b *builder) add(p part) {
	c := b.c
	if p.len() > 0 {
		k := p.chunk
		k.first = c.Len()
		c.chunks = append(c.chunks, &k)
	}
	c.idLen = append(c.idLen, p.idLen...)
	c.titleLen = append(c.titleLen, p.titleLen...)
	c.date = append(c.date, p.date...)
	c.sig = append(c.sig, p.sig...)
	for _, cats := range p.cats {
		for _, name := range cats {
			id, ok := b.catID[name]
			if !ok && len(c.catNames) < 1<<16 {
				id = uint16(len(c.catNames))
				b.catID[name] = id
				c.catNames = append(c.catNames, name)
			}
			c.cats = append(c.cats, id)
		}
		c.catOff = append(c.catOff, uint32(len(c.cats)))
	}
	c.lineOff = append(c.lineOff, p.lineOff...)
	c.lineLen = append(c.lineLen, p.lineLen...)
	if c.skipped == 0 {
		c.skipWhy = p.skipWhy
	}
	c.skipped += p.skipped
	c.read = p.read
}

// snapshot is the catalog so far: its slices end where the builder is, and
// the builder only ever appends, so the snapshot never sees a change.
func (b *builder) snapshot() *Catalog {
	s := *b.c
	s.chunks = s.chunks[:len(s.chunks):len(s.chunks)]
	s.catNames = s.catNames[:len(s.catNames):len(s.catNames)]
	return &s
}
