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
		targets []string
	)
	load := func() {
		setup.Do(func() {
			ix = New(papers)
			prev = map[string]*Result{}
			var last *Result
			for _, k := range benchKeys {
				prev[k] = last
				last = ix.Query(k, last, Marks{})
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
			cpu := cpuTime()
			for b.Loop() {
				n = len(ix.Query(k, prev[k], Marks{}).Matches)
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(n), "matches")
		})
		b.Run(name+"/baseline", func(b *testing.B) {
			load()
			var n int
			cpu := cpuTime()
			for b.Loop() {
				n = len(list.DefaultFilter(k, targets))
			}
			reportCPU(b, cpu)
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
		cpu := cpuTime()
		for b.Loop() {
			New(papers)
		}
		reportCPU(b, cpu)
	})
	b.Run("abstracts", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
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
		b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
