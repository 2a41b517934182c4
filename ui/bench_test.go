package ui

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/internal/memstat"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/fulltext"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// benchSizes are the listing sizes issue 6 compares: a keypress must cost
// the same at both.
var benchSizes = []int{1_000, 100_000}

// benchPapers is the benchmark corpus cut to n papers (generated once).
func benchPapers(n int) []model.Paper { return corpus.Benchmark()[:n] }

// settle runs a benchmark's step a hundred times (the first runs of any
// code are slower: caches, page faults), collects the garbage of its setup
// and hands the freed memory back to the system now, not in the
// background during the loop, so that a short run times only the step.
func settle(step func()) {
	for range 100 {
		step()
	}
	debug.FreeOSMemory()
}

// BenchmarkListView is what one keypress costs the list pane to draw: a
// cursor move (j) and View, walking the same 900 rows at every size
// (ns/op is per keypress).
// keypress/N is the same through the root model at 140×40 (list and
// detail side by side, as on a wide terminal): App.Update of a j key
// press and App.View; the commands it returns (the detail's render, the
// rest timer) run in the background in the real program and are not run
// here.
func BenchmarkListView(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			papers := benchPapers(n)
			l := list.New(common.Common{Styles: common.NewStyles(true, false)}, nil)
			l.SetListing(context.Background(), list.PapersOf(papers), filter.New(papers), "", "", false)
			l.SetSize(80, 40)
			down, top := keyMsg("j"), keyMsg("g")
			step := func() {
				if l.Cursor() >= 900 {
					l.Update(top)
				}
				l.Update(down)
				_ = l.View()
			}
			settle(step)
			perKey(b, step)
		})
	}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("keypress/%d", n), func(b *testing.B) {
			app := benchApp(b, n, 140, 40)
			down, top := keyMsg("j"), keyMsg("g")
			step := func() {
				if app.list.Cursor() >= 900 {
					app.Update(top)
				}
				app.Update(down)
				_ = app.View()
			}
			settle(step)
			perKey(b, step)
		})
	}
}

// keysPerOp is how many keypresses one op of a keypress benchmark makes:
// the table's short runs (20 ops) still time thousands of keys.
const keysPerOp = 100

// perKey times step keysPerOp times per op and reports the time and the
// allocations per keypress (ns/op, allocs/key).
func perKey(b *testing.B, step func()) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		for range keysPerOp {
			step()
		}
	}
	runtime.ReadMemStats(&after)
	keys := float64(b.N * keysPerOp)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/keys, "ns/op")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/keys, "allocs/key")
}

// benchApp is the reader on n papers of the corpus, loaded and indexed,
// at w×h.
func benchApp(b *testing.B, n, w, h int) *App {
	b.Helper()
	l := model.Listing{Source: model.SourceHF, Period: fri, Papers: benchPapers(n)}
	app := New(Options{Feed: newFakeFeed().add(l), Start: feed.Request{Period: fri}, Now: fixedNow})
	app.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	app.setTicker(app.tick)
	app.Update(tea.WindowSizeMsg{Width: w, Height: h})
	ctx, gen := app.nav.guard.Begin(app.ctx)
	app.Update(loadCmd(app.opts.Feed, ctx, gen, loadReq{Request: app.opts.Start})())
	if app.list.Total() != n {
		b.Fatalf("%d papers listed, want %d", app.list.Total(), n)
	}
	return app
}

// BenchmarkMemory/tui is the memory of 100,000 papers loaded the way the
// reader loads a file: a paperdeck --json file streamed through the
// reader's own loader (worker, batches, index grown as they come) into
// the list, every message handled by App.Update. It reports the heap in
// use once loaded (papers, list and filter index) and the peak seen while
// loading (sampled every few milliseconds), over the heap before.
func BenchmarkMemory(b *testing.B) {
	b.Run("tui", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "corpus.json")
		writeCorpus(b, path, corpus.Generate(corpus.BenchmarkSize, corpus.BenchmarkSeed))
		mb := func(n int64) float64 { return float64(n) / (1 << 20) }
		var loadedMB, peakMB float64
		var took time.Duration
		for b.Loop() {
			b.StopTimer()
			base := memstat.LiveHeap()
			b.StartTimer()
			var peak atomic.Uint64
			stop := memstat.SampleHeap(&peak)
			start := time.Now()
			app := loadFile(b, path)
			took = time.Since(start)
			stop()
			loadedMB = mb(int64(memstat.LiveHeap()) - int64(base))
			peakMB = mb(int64(peak.Load()) - int64(base))
			b.Logf("heap before %.0f MB, peak %.0f MB, loaded %.0f MB", mb(int64(base)), mb(int64(peak.Load())), mb(int64(memstat.LiveHeap())))
			if app.list.Total() != corpus.BenchmarkSize {
				b.Fatalf("%d papers loaded", app.list.Total())
			}
			runtime.KeepAlive(app)
		}
		b.ReportMetric(loadedMB, "loaded-MB")
		b.ReportMetric(peakMB, "peak-MB")
		b.ReportMetric(took.Seconds(), "load-s")
	})
}

// loadFile runs the reader on a file until every batch is in: the
// reader's own stream command and Update, without the program around them.
func loadFile(tb testing.TB, path string) *App {
	tb.Helper()
	app := New(Options{Feed: newFakeFeed(), Start: feed.Request{Period: model.Period{Kind: model.File, Value: path}}, Now: fixedNow})
	app.tick = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	app.setTicker(app.tick)
	app.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	ctx, gen := app.nav.guard.Begin(app.ctx)
	next := streamCmd(ctx, gen, loadReq{Request: app.opts.Start}, "")
	for next != nil {
		msg, ok := next().(streamMsg)
		if !ok {
			break
		}
		app.Update(msg)
		next = msg.next
	}
	return app
}

func writeCorpus(tb testing.TB, path string, papers []model.Paper) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := store.WriteJSON(w, papers); err != nil {
		tb.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkSortOnTheUIGoroutine is what S ("for you", by upvotes, newest
// first) and M (papers like this one) cost App.Update at 100,000 papers:
// the work done before the command is handed back (the command, ranking
// or sorting off the screen's goroutine, is not run). copy/N is the
// baseline beside them: copying the listing's papers, which is what the
// UI goroutine did for "for you" and M before they took a frozen view.
func BenchmarkSortOnTheUIGoroutine(b *testing.B) {
	n := benchSizes[len(benchSizes)-1]
	app := benchApp(b, n, 140, 40)
	papers := app.rows().List()
	b.Run(fmt.Sprintf("copy/%d", n), func(b *testing.B) {
		for b.Loop() {
			out := make([]model.Paper, papers.Len())
			for i := range out {
				out[i] = papers.At(i)
			}
		}
	})
	for _, mode := range []sortMode{forYou, byUpvotes, byNewest} {
		b.Run(fmt.Sprintf("%s/%d", mode.label(), n), func(b *testing.B) {
			app.sort.mode = mode
			for b.Loop() {
				_ = app.applySort()
			}
		})
	}
	p, _ := app.rows().Selected()
	b.Run(fmt.Sprintf("similar/%d", n), func(b *testing.B) {
		for b.Loop() {
			_ = app.showSimilar(p)
		}
	})
}

// BenchmarkReaderLinksFrame is a frame of the link picker over a full
// text's links (L in the reader: hundreds of them), the cursor moving (j
// and View, per key). plain draws them as text (hyperlinks off); shown
// makes the links on screen clickable, checking them every frame, as the
// reader does; every is plain plus checking and linking all of the text's
// links each frame, the cost the rows-on-screen rule avoids.
func BenchmarkReaderLinksFrame(b *testing.B) {
	const n = 600
	links := make([]model.Link, n)
	for i := range links {
		switch i % 3 {
		case 0:
			links[i] = model.Link{Label: fmt.Sprintf("[%d]", i), URL: fmt.Sprintf("https://arxiv.org/abs/2401.%05d", i)}
		case 1:
			links[i] = model.Link{Label: "doi", URL: fmt.Sprintf("https://doi.org/10.48550/arXiv.2402.%05d", i)}
		default:
			links[i] = model.Link{Label: "link", URL: fmt.Sprintf("https://github.com/org%d/repo-%d/blob/main/README.md#section-%d", i, i, i)}
		}
	}
	for _, mode := range []string{"plain", "shown", "every"} {
		b.Run(mode, func(b *testing.B) {
			app := benchApp(b, 1_000, 120, 35)
			app.opts.Hyperlinks = mode == "shown"
			show := fulltext.LinksMsg{Title: "A paper with many references", Links: links}
			app.Update(show)
			if !app.focus.is(focusPicker) {
				b.Fatal("the picker is not open")
			}
			down, moved := keyMsg("j"), 0
			step := func() {
				if moved++; moved == n {
					app.Update(show) // back to the first link
					moved = 0
				}
				app.Update(down)
				frame := app.View().Content
				if mode == "every" {
					_ = hyperlink(frame, linkTargets(links))
				}
			}
			settle(step)
			perKey(b, step)
		})
	}
}
