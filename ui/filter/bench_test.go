package filter

import (
	"bufio"
	"context"
	"github.com/paperdeck/paperdeck/internal/memstat"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"charm.land/bubbles/v2/list"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

// keystrokes of issue 6, in the order a user types them.
var benchKeys = []string{"f", "fl", "flo", "flow", "flow m", "flow ma"}

// BenchmarkFilter times one keystroke at a time on the 100,000-paper
// corpus. paperdeck: the index, given the previous keystroke's result as
// a user typing would. baseline: bubbles' list.DefaultFilter (fuzzy
// matching, what list.Model runs per keystroke) over the same papers'
// filter values, title and authors. Both are asked for every keystroke.
// cpu-ns/op is the process's CPU time per keystroke: on a busy machine it
// says what a keystroke costs when the cores are free.
func BenchmarkFilter(b *testing.B) {
	papers := corpus.Benchmark()
	var (
		setup   sync.Once
		ix      *Index
		prev    map[string]*Result
		libPrev map[string]*Result
		libMark Marks
		targets []string
	)
	load := func() {
		setup.Do(func() {
			ix = New(papers)
			prev, libPrev = map[string]*Result{}, map[string]*Result{}
			libMark = Marks{Library: benchLibrary(papers)}
			var last, libLast *Result
			for _, k := range benchKeys {
				prev[k], libPrev[k] = last, libLast
				last = ix.Query(k, last, Marks{})
				libLast = ix.Query(k, libLast, libMark)
			}
			targets = make([]string, len(papers))
			for i, p := range papers {
				targets[i] = p.Title + " " + strings.Join(p.Authors, " ")
			}
		})
	}
	for _, k := range benchKeys {
		name := strings.ReplaceAll(k, " ", "_")
		b.Run(name+"/paperdeck", func(b *testing.B) {
			load()
			var n int
			cpu := memstat.CPUTime()
			for b.Loop() {
				n = len(ix.Query(k, prev[k], Marks{}).Matches)
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(n), "matches")
		})
		// The same keystroke with the bookmarks' tags and notes given, as the
		// reader gives them: plain words look at them too.
		b.Run(name+"/library", func(b *testing.B) {
			load()
			var n int
			cpu := memstat.CPUTime()
			for b.Loop() {
				n = len(ix.Query(k, libPrev[k], libMark).Matches)
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(n), "matches")
		})
		b.Run(name+"/baseline", func(b *testing.B) {
			load()
			var n int
			cpu := memstat.CPUTime()
			for b.Loop() {
				n = len(list.DefaultFilter(k, targets))
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// benchLibrary is 1,000 bookmarks of the corpus with tags and notes, a
// large library for one reader.
func benchLibrary(papers []model.Paper) *Library {
	tags := []string{"rl", "rlhf", "to read", "agents", "vision", "diffusion", "reading group", "cite"}
	var items []Shelved
	for i := 0; i < len(papers) && len(items) < 1000; i += len(papers) / 1000 {
		items = append(items, Shelved{
			ID:   papers[i].ID,
			Tags: []string{tags[i%len(tags)], tags[(i/7)%len(tags)]},
			Note: "compare with the baseline of section 4",
		})
	}
	return NewLibrary(items)
}

// BenchmarkQualifier times one query of the qualifiers that look at the
// bookmarks, the marks and the organisation initials, from scratch, on the
// 100,000-paper corpus with 1,000 tagged bookmarks. plain is the query
// without the qualifier, as a baseline for its cost.
func BenchmarkQualifier(b *testing.B) {
	papers := corpus.Benchmark()
	ix := New(papers)
	read := map[string]bool{}
	for i := 0; i < len(papers); i += 3 {
		read[papers[i].ID] = true
	}
	marks := Marks{Library: benchLibrary(papers), Read: func(id string) bool { return read[id] }}
	for _, q := range []string{"flow", "tag:rl", "#rl flow", "note:compare", "-tag:rl flow", "-has:code flow", "-is:read flow", "org:mit", "org:mit flow"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			ix.Query(q, nil, marks) // the segments meet the library once, as on the first key
			runtime.GC()            // the corpus's garbage is not this query's
			var n int
			for b.Loop() {
				n = len(ix.Query(q, nil, marks).Matches)
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

// BenchmarkIndex is the cost of building the index for the corpus, once
// per listing (and of the abstract index, on the first ctrl+a).
func BenchmarkIndex(b *testing.B) {
	papers := corpus.Benchmark()
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		cpu := memstat.CPUTime()
		for b.Loop() {
			New(papers)
		}
		reportCPU(b, cpu)
	})
	b.Run("abstracts", func(b *testing.B) {
		b.ReportAllocs()
		cpu := memstat.CPUTime()
		for b.Loop() {
			b.StopTimer()
			ix := New(papers)
			b.StartTimer()
			if err := ix.PrepareAbstracts(context.Background()); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
	})
	b.Run("abstract-query", func(b *testing.B) {
		ix := New(papers)
		if err := ix.PrepareAbstracts(context.Background()); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if _, err := ix.Search(context.Background(), Request{Query: "flow ma", Abstracts: true}, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkMemory loads the 100,000-paper corpus from a paperdeck --json
// file through feed.StreamFile, indexes it, and reports the heap: live
// papers, the index on top, the abstract index on top of that, and the
// peak seen while loading and indexing (sampled every few milliseconds).
func BenchmarkMemory(b *testing.B) {
	path := filepath.Join(b.TempDir(), "corpus.json")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := store.WriteJSON(w, corpus.Benchmark()); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()

	mb := func(n uint64) float64 { return float64(n) / (1 << 20) }
	var papersMB, indexMB, absMB, peakMB float64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		base := memstat.LiveHeap()
		b.StartTimer()

		var peak atomic.Uint64
		stop := memstat.SampleHeap(&peak)
		var papers []model.Paper
		if _, err := feed.StreamFile(context.Background(), path, 1000, func(ps []model.Paper) {
			papers = append(papers, ps...)
		}); err != nil {
			b.Fatal(err)
		}
		loaded := memstat.LiveHeap()
		ix := New(papers)
		indexed := memstat.LiveHeap()
		stop()
		if err := ix.PrepareAbstracts(context.Background()); err != nil {
			b.Fatal(err)
		}
		withAbstracts := memstat.LiveHeap()

		papersMB = mb(loaded - base)
		indexMB = mb(indexed - loaded)
		absMB = mb(withAbstracts - indexed)
		peakMB = mb(peak.Load() - base)
		runtime.KeepAlive(ix)
		runtime.KeepAlive(papers)
	}
	b.ReportMetric(papersMB, "papers-MB")
	b.ReportMetric(indexMB, "index-MB")
	b.ReportMetric(absMB, "abstract-index-MB")
	b.ReportMetric(peakMB, "peak-MB")
}

func reportCPU(b *testing.B, start time.Duration) {
	if start >= 0 {
		b.ReportMetric(float64((memstat.CPUTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
