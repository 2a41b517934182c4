package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// streamDriver runs the reader on a local file like the harness, but holds
// the stream's next command back until the test steps it, so a test sees
// the screen between batches.
type streamDriver struct {
	*harness
	next tea.Cmd
}

func newStreamDriver(t *testing.T, f *fakeFeed, path string, w, h int) *streamDriver {
	t.Helper()
	o := &opened{}
	app := New(optionsFor(f, model.Period{Kind: model.File, Value: path}, o))
	d := &streamDriver{harness: &harness{t: t, app: app, feed: f, opened: o}}
	d.intercept = d.holdNext
	app.setTicker(d.noTick())
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

// runHeld runs cmd and what follows it, except the stream's next wait,
// which step delivers.
func (d *streamDriver) runHeld(cmd tea.Cmd) { d.run(cmd) }

// holdNext keeps the stream's next wait back for step.
func (d *streamDriver) holdNext(msg tea.Msg) tea.Msg {
	if sm, ok := msg.(streamMsg); ok {
		d.next, sm.next = sm.next, nil
		return sm
	}
	return msg
}

// step delivers the stream's next message.
func (d *streamDriver) step() {
	d.t.Helper()
	next := d.next
	d.next = nil
	d.runHeld(next)
}

// finish delivers every message left.
func (d *streamDriver) finish() {
	d.t.Helper()
	for d.next != nil {
		d.step()
	}
}

// writeJSON writes papers as paperdeck --json output and returns the bytes.
func encodePapers(t *testing.T, papers []model.Paper) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := store.WriteJSON(&b, papers); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeFileBytes(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "papers.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestStreamedIndexAnswersLikeOneBuiltAtOnce: the worker grows the index
// in segments as batches come, across arrays; the answers are those of an
// index of the whole listing, and the list holds the same papers in order.
func TestStreamedIndexAnswersLikeOneBuiltAtOnce(t *testing.T) {
	papers := corpus.Generate(3000, 11)
	path := writeFileBytes(t, encodePapers(t, papers))
	whole := filter.New(papers)
	defer func(n int) { streamChunk = n }(streamChunk)
	// Arrays of 1024 then 2048 papers; then arrays of 700, a batch split
	// across two.
	for _, chunk := range []int{streamChunk, 700} {
		streamChunk = chunk
		ch := make(chan streamEvent)
		go func() {
			defer close(ch)
			streamFile(context.Background(), path, ch)
		}()
		var list list.Papers
		var ix *filter.Index
		done := false
		for ev := range ch {
			list.Append(ev.batch)
			if ev.index != nil {
				if ev.index.Len() > list.Len() {
					t.Fatalf("the index (%d) ran ahead of the papers sent (%d)", ev.index.Len(), list.Len())
				}
				ix = ev.index
			}
			if ev.done {
				done = true
				if ev.err != nil {
					t.Fatal(ev.err)
				}
			}
		}
		if !done || list.Len() != len(papers) || ix.Len() != len(papers) {
			t.Fatalf("chunk %d: done %v, %d papers listed, %d indexed, want %d", chunk, done, list.Len(), ix.Len(), len(papers))
		}
		for i := range list.Len() {
			if p := list.At(i); p.ID != papers[i].ID {
				t.Fatalf("chunk %d: paper %d is %q, want %q", chunk, i, p.ID, papers[i].ID)
			}
		}
		for _, q := range []string{"flow", "flow ma", "has:code", "up:>50 model", "org:meta", "diffusion language"} {
			got, want := ix.Query(q, nil, filter.Marks{}), whole.Query(q, nil, filter.Marks{})
			if !slices.Equal(got.Matches, want.Matches) {
				t.Errorf("chunk %d, %q: the streamed index finds %d papers, the whole one %d (or in another order)", chunk, q, len(got.Matches), len(want.Matches))
			}
		}
	}
}

func TestStreamedFileLoadsWhole(t *testing.T) {
	papers := corpus.Generate(2500, 3)
	path := writeFileBytes(t, encodePapers(t, papers))
	d := newStreamDriver(t, newFakeFeed(), path, 140, 40)
	if !strings.Contains(d.screen(), "loading papers.json") {
		t.Errorf("the first frame, before any command ran, should say what loads:\n%s", d.screen())
	}
	d.runHeld(d.app.Init())
	if !strings.Contains(d.screen(), papers[0].Title[:20]) {
		t.Errorf("the first message should put titles on screen:\n%s", d.screen())
	}
	d.finish()
	if st := d.status(); !strings.Contains(st, "2500 papers") || strings.Contains(st, "loading") {
		t.Errorf("once loaded the status bar should count every paper: %q", st)
	}
	if d.app.nav.guard.Busy() || d.app.status.Loading() {
		t.Error("the load should be over: no spinner")
	}
	// Filtering the streamed listing finds what filtering it whole finds.
	whole := newHarness(t, newFakeFeed().add(model.Listing{Source: model.SourceFile, Period: fri, Papers: papers}), fri, 140, 40)
	for _, h := range []*harness{d.harness, whole} {
		h.keys("/")
		h.typeText("model has:code")
	}
	if got, want := titles(d.harness), titles(whole); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("filter on the streamed listing: %d papers, on the whole: %d", len(got), len(want))
	}
}

func TestTruncatedFileKeepsThePapersRead(t *testing.T) {
	papers := corpus.Generate(400, 5)
	data := encodePapers(t, papers)
	path := writeFileBytes(t, data[:len(data)*3/4])
	d := newStreamDriver(t, newFakeFeed(), path, 140, 40)
	d.runHeld(d.app.Init())
	d.finish()
	n := d.app.list.Total()
	if n == 0 || n >= len(papers) {
		t.Fatalf("%d papers listed from three quarters of %d", n, len(papers))
	}
	st := d.status()
	if !strings.Contains(st, "could not load papers.json") || !strings.Contains(st, "after") {
		t.Errorf("the status bar should say the file broke off, and where: %q", st)
	}
	if !strings.Contains(d.screen(), papers[0].Title[:20]) {
		t.Errorf("the papers read should stay on screen:\n%s", d.screen())
	}
}

func TestMissingFileSaysSo(t *testing.T) {
	d := newStreamDriver(t, newFakeFeed(), filepath.Join(t.TempDir(), "nope.json"), 100, 24)
	d.runHeld(d.app.Init())
	d.finish()
	if !strings.Contains(d.screen(), "could not load nope.json") {
		t.Errorf("a missing file should be explained:\n%s", d.screen())
	}
}

func TestReloadKeepsTheCursorOnItsPaper(t *testing.T) {
	papers := corpus.Generate(2500, 9)
	path := writeFileBytes(t, encodePapers(t, papers))
	d := newStreamDriver(t, newFakeFeed(), path, 100, 30)
	d.runHeld(d.app.Init())
	d.finish()
	for range 70 {
		d.keys("pgdown")
	}
	want := d.selected()
	if want == papers[0].ID {
		t.Fatal("the cursor should have moved down")
	}
	d.runHeld(d.start(keyMsg("r")))
	d.finish()
	if got := d.selected(); got != want {
		t.Errorf("after r the cursor is on %q, want %q (it was there before)", got, want)
	}
}

// TestAppendCostsOnlyTheBatch: adding a batch to a listing does not copy
// or walk what is already listed.
func TestAppendCostsOnlyTheBatch(t *testing.T) {
	batch := manyPapers(1000)
	allocs := func(n int) float64 {
		l := list.New(common.Common{Styles: common.NewStyles(true, false)}, nil)
		l.SetSize(100, 30)
		l.SetListing(context.Background(), list.Papers{}, nil, "", "", true)
		for l.Total() < n {
			l.Append(context.Background(), nil, batch)
		}
		return testing.AllocsPerRun(20, func() { l.Append(context.Background(), nil, batch) })
	}
	small, large := allocs(1_000), allocs(100_000)
	if large > small+2 || large > 40 {
		t.Errorf("appending a batch allocates %.0f times at 100,000 papers, %.0f at 1,000", large, small)
	}
}
