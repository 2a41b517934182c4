package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/store"
)

// isSnapshotFile reports whether SOURCE is a file in the arXiv metadata
// snapshot's shape (plain or .gz): `list` reads it through package
// catalog, not as a listing held whole. A pipe is told after it is
// opened (openPipe): it can be read only once.
func isSnapshotFile(req feed.Request) bool {
	if req.Period.Kind != model.File {
		return false
	}
	if fi, err := os.Stat(req.Period.Value); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	snap, _ := feed.IsArxivMetadataFile(req.Period.Value)
	return snap
}

// isPipeFile reports whether SOURCE is a pipe (`paperdeck list <(zcat
// snapshot.json.gz)`, a FIFO): read once, in order, so never by offset.
func isPipeFile(req feed.Request) bool {
	if req.Period.Kind != model.File {
		return false
	}
	fi, err := os.Stat(req.Period.Value)
	return err == nil && fi.Mode()&(fs.ModeNamedPipe|fs.ModeCharDevice) != 0
}

// openPipe opens a pipe and reads its first lines: a snapshot is listed
// through the catalog, which spools it into the cache (as a .gz file's
// decompressed copy), anything else read whole as any listing. rest is
// what the pipe holds from its start; read it, not f.
func openPipe(path string) (f *os.File, rest io.Reader, snapshot bool, err error) {
	if f, err = feed.OpenFile(path); err != nil {
		return nil, nil, false, err
	}
	if rest, snapshot, err = feed.SniffArxivMetadata(f); err != nil {
		f.Close()
		return nil, nil, false, fmt.Errorf("%s: %w", termsafe.Name(path), err)
	}
	return f, rest, snapshot, nil
}

// readPipe reads a listing other than a snapshot from a pipe, whole.
func readPipe(ctx context.Context, r io.Reader, path string) (feed.Result, error) {
	var papers []model.Paper
	l, err := feed.StreamNamed(ctx, r, path, 0, func(batch []model.Paper) { papers = append(papers, batch...) })
	if err != nil {
		return feed.Result{}, err
	}
	l.Papers = papers
	return feed.Result{Listing: l}, nil
}

// snapshotList prints a snapshot's papers from its catalog: what stays in
// memory is the catalog's rows (and, for --sort date, one position per
// paper); a whole record is read from the file by offset only when it is
// printed. Without --sort the papers are printed as the file is indexed.
type snapshotList struct {
	format    string    // text, markdown or json
	pipe      io.Reader // the snapshot on a pipe, else nil: the file at path
	text      string    // --filter
	abstracts bool      // --abstracts: the filter's words may be in the abstract
	marks     catalog.Marks
	marked    *catalog.Marked // marks resolved in the catalog so far
	byDate    bool
	limit     int // 0: every paper
	out       *store.PaperStream
	progress  *indexProgress // on stderr while nothing is printed yet
	flush     func() error
	done      int // papers of the file looked at, in file order
	printed   int
}

// snapshotSortError refuses the sorts a snapshot has nothing for.
func snapshotSortError(by string) error {
	switch by {
	case "", "date":
		return nil
	case "upvotes":
		return errors.New("the arXiv metadata snapshot has no upvotes: use --sort date, or no --sort for the file's order")
	}
	return fmt.Errorf("--sort %s is not offered for the arXiv metadata snapshot (millions of papers): use --sort date", by)
}

// listSnapshot is `paperdeck list SNAPSHOT`.
func listSnapshot(ctx context.Context, stdout, stderr io.Writer, path string, l *snapshotList) error {
	parsed := query.Parse(l.text)
	marks, err := readListMarks(&parsed)
	if err != nil {
		return err
	}
	l.marks = catalog.Marks{Read: marks.read, Bookmarked: marks.bookmarked, Library: marks.library}
	w := bufio.NewWriterSize(stdout, 64<<10)
	l.flush = w.Flush
	title := listingTitle(model.Listing{Period: model.Period{Kind: model.File, Value: path}})
	if l.out, err = store.NewPaperStream(w, l.format, title); err != nil {
		return err
	}

	// The load stops early once --limit papers are printed.
	loadCtx, stop := context.WithCancel(ctx)
	defer stop()
	var last *catalog.Catalog
	var printErr error
	l.progress = newIndexProgress(stderr, path)
	load := func(ctx context.Context, opt catalog.Options, emit func(catalog.Update)) error {
		return catalog.Load(ctx, path, opt, emit)
	}
	if l.pipe != nil {
		load = func(ctx context.Context, opt catalog.Options, emit func(catalog.Update)) error {
			return catalog.LoadStream(ctx, l.pipe, path, opt, emit)
		}
		// The copy goes with the last catalog: nothing reads it again.
		defer func() {
			if last != nil {
				_ = last.Discard()
			}
		}()
	}
	loadErr := load(loadCtx, catalog.Options{CacheDir: cacheDir()}, func(u catalog.Update) {
		last = u.Catalog
		if !l.byDate && printErr == nil && !l.full() {
			if printErr = l.printNew(loadCtx, u.Catalog, u.Done); printErr != nil || l.full() {
				stop()
			}
		}
		if l.printed == 0 && !u.Done && !u.FromIndex {
			l.progress.show(u.Catalog.Len(), u.Read)
		}
	})
	l.progress.clear()
	switch {
	case ctx.Err() != nil:
		return interrupted()
	case printErr != nil:
		return printErr
	case loadErr != nil && !l.full():
		return loadErr
	}
	if last != nil && !l.full() {
		if l.byDate {
			err = l.printByDate(ctx, last)
		} else {
			err = l.printNew(ctx, last, true)
		}
		if err != nil {
			if ctx.Err() != nil {
				return interrupted()
			}
			return err
		}
	}
	if err := l.out.Close(); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if last != nil {
		if hint := last.ParseQuery(l.text, l.marks.Library).Hint; hint != "" {
			fmt.Fprintln(stderr, "paperdeck: --filter:", hint)
		}
		n, why := last.Skipped()
		if note := (model.Listing{Skipped: n, SkipReason: why}).SkipNote(); note != "" {
			fmt.Fprintln(stderr, "paperdeck:", note)
		}
	}
	if l.printed == 0 {
		fmt.Fprintln(stderr, "paperdeck:", l.emptyNote(path))
	}
	return nil
}

func (l *snapshotList) full() bool { return l.limit > 0 && l.printed >= l.limit }

func (l *snapshotList) emptyNote(path string) string {
	// The same notes as a listing held whole.
	if l.text != "" {
		return "no papers match the filter"
	}
	return "no papers in " + path
}

// printNew prints the papers of c not looked at yet that match, in file
// order. Until the load is done (final), whole records of a .gz file wait
// for its decompressed copy.
func (l *snapshotList) printNew(ctx context.Context, c *catalog.Catalog, final bool) error {
	if c.Len() == l.done {
		return nil
	}
	if err := l.readable(c); errors.Is(err, catalog.ErrNotYetReadable) && !final {
		return nil
	} else if err != nil {
		return err
	}
	// A step at a time: a catalog read from its side index comes whole,
	// and --limit should not wait for all of it to be filtered.
	positions := make([]uint32, 0, min(printStep, c.Len()-l.done))
	for l.done < c.Len() && !l.full() {
		positions = positions[:0]
		for i := l.done; i < min(l.done+printStep, c.Len()); i++ {
			positions = append(positions, uint32(i))
		}
		matches, err := l.filter(ctx, c, positions)
		if err != nil {
			return err
		}
		l.done += len(positions)
		if err := l.print(ctx, c, matches); err != nil {
			return err
		}
		if err := l.flush(); err != nil {
			return err
		}
	}
	return nil
}

// printStep is how many papers printNew filters at a time.
const printStep = 1 << 16

// readable says whether the file can be read by offset yet, for what
// reads it: whole records, abstracts (catalog.ErrNotYetReadable: a .gz
// file's decompressed copy is not in the cache, neither finished nor
// being written).
func (l *snapshotList) readable(c *catalog.Catalog) error {
	if !l.out.NeedsWholeRecords() && !l.abstracts {
		return nil
	}
	r, err := c.OpenRecords()
	if err != nil {
		return err
	}
	return r.Close()
}

// filter keeps the positions (ascending; nil: every paper) whose papers
// match --filter, in abstract mode with --abstracts.
func (l *snapshotList) filter(ctx context.Context, c *catalog.Catalog, positions []uint32) ([]uint32, error) {
	q := c.ParseQuery(l.text, l.marks.Library)
	if q.Empty() {
		return positions, nil
	}
	if catalog.NeedsMarks(q, l.marks) {
		l.marked = c.Mark(ctx, l.marks, l.marked)
	}
	if l.abstracts {
		if positions == nil {
			positions = make([]uint32, c.Len())
			for i := range positions {
				positions[i] = uint32(i)
			}
		}
		return c.FilterAbstracts(ctx, q, l.marked, positions)
	}
	var matches []uint32
	if positions == nil {
		matches = c.Filter(ctx, q, l.marked)
	} else {
		matches = c.FilterWithin(ctx, q, l.marked, positions)
	}
	if matches == nil {
		return nil, ctx.Err()
	}
	return matches, nil
}

// printByDate prints the matching papers newest first: positions sorted,
// then only the papers printed read.
func (l *snapshotList) printByDate(ctx context.Context, c *catalog.Catalog) error {
	if err := l.readable(c); err != nil {
		return err
	}
	order := c.ByDate()
	if l.text != "" {
		matches, err := l.filter(ctx, c, nil)
		if err != nil {
			return err
		}
		order = catalog.InOrder(matches, order)
	}
	return l.print(ctx, c, order)
}

// print prints the papers at positions, up to the limit; Ctrl-C stops it.
// Whole records are read and parsed on every core (catalog.EachPaper).
func (l *snapshotList) print(ctx context.Context, c *catalog.Catalog, positions []uint32) error {
	if l.limit > 0 {
		positions = positions[:min(len(positions), l.limit-l.printed)]
	}
	write := func(p model.Paper) error {
		if l.printed == 0 {
			l.progress.clear()
		}
		l.printed++
		return l.out.Write(p)
	}
	if l.out.NeedsWholeRecords() {
		return c.EachPaper(ctx, positions, write)
	}
	for n, i := range positions {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if err := write(c.Brief(int(i))); err != nil {
			return err
		}
	}
	return nil
}
