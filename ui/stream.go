package ui

import (
	"context"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/safego"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// A local file is loaded as a stream: a worker goroutine decodes it with
// feed.StreamFile and hands batches to a channel, and a command re-issued
// after every message drains that channel, so papers reach Update as
// messages like any other answer and the first screen shows as soon as
// the first batch is decoded, whatever the file's size. The worker also
// grows the filter index, off the UI goroutine.

// streamBatch is how many papers a batch holds after the first (which
// holds a screenful): the status bar's count moves per batch.
const streamBatch = 1000

// streamChunk is the largest capacity of the arrays the worker decodes
// into (the first is firstChunk, each next twice the last): one filter
// segment. Batches are windows on these arrays, shared by the list
// and the index, so no paper is ever copied twice. (A variable so that
// tests can cross chunks with few papers.)
var streamChunk = 16384

const firstChunk = 1024

// streamEvent is one message of the worker.
type streamEvent struct {
	cat     *catalog.Catalog // a snapshot's papers so far (catalogFile)
	batch   []model.Paper
	index   *filter.Index
	done    bool
	listing model.Listing
	err     error
}

// streamCmd starts the worker and returns its first message.
// A snapshot is read through its catalog (catalogDir: where side indexes
// are kept) instead.
func streamCmd(ctx context.Context, gen int, req loadReq, catalogDir string) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan streamEvent, 16)
		g := &safego.Group{}
		g.Go(func() {
			defer close(ch)
			if isSnapshot(req.Period.Value) {
				catalogFile(ctx, req.Period.Value, catalogDir, ch)
				return
			}
			streamFile(ctx, req.Period.Value, ch)
		})
		return waitStream(ch, g, gen, req)()
	}
}

// waitStream waits for the worker's next event and takes every other one
// already waiting, so a slow screen gets fewer, larger messages.
func waitStream(ch <-chan streamEvent, g *safego.Group, gen int, req loadReq) tea.Cmd {
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			g.Wait() // raises the worker's panic, if that is why it ended
			return nil
		}
		msg := streamMsg{gen: gen, req: req}
		msg.add(ev)
	more:
		for !msg.done {
			select {
			case ev, ok := <-ch:
				if !ok {
					break more
				}
				msg.add(ev)
			default:
				break more
			}
		}
		if !msg.done {
			msg.next = waitStream(ch, g, gen, req)
		}
		return msg
	}
}

func (m *streamMsg) add(ev streamEvent) {
	if len(ev.batch) > 0 {
		m.batches = append(m.batches, ev.batch)
	}
	if ev.index != nil {
		m.index = ev.index
	}
	if ev.cat != nil {
		m.cat = ev.cat // each catalog holds the ones before it
	}
	if ev.done {
		m.done, m.listing, m.err = true, ev.listing, ev.err
	}
}

// streamFile decodes the file into chunk-sized arrays, sends each batch as
// a window on them, and extends the index (see indexDue). It gives up
// sending once ctx is cancelled: nobody reads any more.
func streamFile(ctx context.Context, path string, ch chan<- streamEvent) {
	send := func(ev streamEvent) bool {
		select {
		case ch <- ev:
			return true
		case <-ctx.Done():
			return false
		}
	}
	ix := filter.New(nil)
	var buf []model.Paper // the array being filled
	indexed := 0          // papers of buf in ix
	listing, err := feed.StreamFile(ctx, path, streamBatch, func(batch []model.Paper) {
		for len(batch) > 0 {
			if len(buf) == cap(buf) {
				// Arrays double up to a chunk: a small file holds little.
				size := min(streamChunk, max(firstChunk, 2*cap(buf)))
				buf, indexed = make([]model.Paper, 0, size), 0
			}
			from := len(buf)
			k := min(len(batch), cap(buf)-from)
			// Writes past what was sent: the list and the index only
			// ever read the windows they were given.
			buf = append(buf, batch[:k]...)
			batch = batch[k:]
			// The batch goes first: the screen need not wait for the index.
			if !send(streamEvent{batch: buf[from:len(buf):len(buf)]}) {
				return
			}
			if indexDue(len(buf)-indexed, ix.Len(), len(buf) == cap(buf)) {
				ix = ix.Extend(buf[indexed:len(buf):len(buf)])
				indexed = len(buf)
				if !send(streamEvent{index: ix}) {
					return
				}
			}
		}
	})
	final := streamEvent{done: true, listing: listing, err: err}
	if indexed < len(buf) {
		final.index = ix.Extend(buf[indexed:len(buf):len(buf)])
	}
	send(final)
}

// isSnapshot reports whether path is a regular file in the snapshot's
// shape; a pipe is never sniffed (that would eat what it sends).
func isSnapshot(path string) bool {
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	snap, _ := feed.IsArxivMetadataFile(path)
	return snap
}

// catalogFile loads a snapshot through package catalog: a screenful
// first, then longer catalogs; the last says how many lines were skipped.
func catalogFile(ctx context.Context, path, dir string, ch chan<- streamEvent) {
	var last *catalog.Catalog
	err := catalog.Load(ctx, path, catalog.Options{CacheDir: dir}, func(u catalog.Update) {
		last = u.Catalog
		select {
		case ch <- streamEvent{cat: u.Catalog}:
		case <-ctx.Done():
		}
	})
	final := streamEvent{done: true, err: err}
	if last != nil {
		final.listing.Skipped, final.listing.SkipReason = last.Skipped()
	}
	select {
	case ch <- final:
	case <-ctx.Done():
	}
}

// indexDue says when the papers decoded but not yet indexed go into the
// index: each Extend makes a segment that is never merged, so segments
// double in size (the filter sees the first papers at once) up to a whole
// chunk, and a chunk goes in when it is full.
func indexDue(pending, indexed int, chunkFull bool) bool {
	return chunkFull || pending >= max(firstScreen, indexed)
}

// firstScreen is more rows than any terminal shows.
const firstScreen = 64
