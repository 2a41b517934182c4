package catalog_test

// Benchmarks of the catalog at the arXiv snapshot's scale, beside two
// baselines in the same run: fzf --filter on the same titles (Debian's
// fzf; skipped without it) and today's loader (feed.StreamFile into
// []model.Paper and the ui/filter index) at the sizes it can hold.
//
// Sizes: 100,000 papers by default; PAPERDECK_SCALE_PAPERS=1000000,2700000
// for the big ones (the files, ~1.9 GB per million papers, are generated
// once into $TMPDIR/paperdeck-bench/ and reused; never in the repository):
//
//	PAPERDECK_SCALE_PAPERS=1000000,2700000 go test ./catalog -run '^$' -bench . -benchtime 1x -timeout 2h
//
// Reported besides ns/op: MB/s (wall) and MB/cpu-s (per second of CPU,
// steady on a shared machine) for indexing; peak-RSS-MB, the process's
// peak resident memory over the op (VmHWM, reset before it); heap-MB, the
// live heap after it; first-screen-ms and filterable-ms for a second open;
// ms/key for typing a query.

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/internal/memstat"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// typed is the query typed one key at a time in the keystroke benchmarks:
// words the generated titles have ("graph" is not among them).
const typed = "diffusion policy"

// todayLimit is the largest size today's loader is run at: it holds about
// 5 KB per paper, so a million would need several gigabytes.
const todayLimit = 200_000

func benchSizes(b *testing.B) []int {
	env := os.Getenv("PAPERDECK_SCALE_PAPERS")
	if env == "" {
		return []int{100_000}
	}
	var sizes []int
	for _, f := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("PAPERDECK_SCALE_PAPERS=%q: want sizes like 1000000,2700000", env)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// snapshotFile is n generated papers in the snapshot shape, made once.
func snapshotFile(b *testing.B, n int) string {
	dir := filepath.Join(os.TempDir(), "paperdeck-bench")
	path := filepath.Join(dir, fmt.Sprintf("arxiv-metadata-%d.json", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = corpus.Each(n, corpus.BenchmarkSeed, func(i int, p model.Paper) error {
		return corpus.WriteArxivMetadataLine(w, i, corpus.BenchmarkSeed, p)
	})
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = f.Close()
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		b.Fatal(err)
	}
	return path
}

func fileSize(b *testing.B, path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return st.Size()
}

// peakRSS is the peak resident set since memstat.ResetPeakRSS, in MB.
func peakRSS() float64 { return float64(memstat.PeakRSS()) / (1 << 20) }

func loadAll(b *testing.B, path string, opt catalog.Options) (c *catalog.Catalog, first, all time.Duration, fromIndex bool) {
	start := time.Now()
	err := catalog.Load(context.Background(), path, opt, func(u catalog.Update) {
		if first == 0 {
			first = time.Since(start)
		}
		c, fromIndex = u.Catalog, u.FromIndex
	})
	if err != nil {
		b.Fatal(err)
	}
	return c, first, time.Since(start), fromIndex
}

func BenchmarkCatalogIndex(b *testing.B) {
	for _, n := range benchSizes(b) {
		path := snapshotFile(b, n)
		size := fileSize(b, path)
		b.Run(fmt.Sprintf("papers=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			var cpu, first time.Duration
			var rss, heap float64
			for b.Loop() {
				memstat.ResetPeakRSS()
				cpu0 := memstat.CPUTime()
				c, f, _, _ := loadAll(b, path, catalog.Options{})
				cpu += memstat.CPUTime() - cpu0
				first += f
				rss = max(rss, peakRSS())
				heap = float64(memstat.LiveHeap()) / (1 << 20)
				if c.Len() != n {
					b.Fatalf("%d papers, want %d", c.Len(), n)
				}
				runtime.KeepAlive(c)
			}
			b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
			b.ReportMetric(float64(first.Microseconds())/1000/float64(b.N), "first-screen-ms")
			b.ReportMetric(rss, "peak-RSS-MB")
			b.ReportMetric(heap, "heap-MB")
		})
	}
}

var shared = map[int]*catalog.Catalog{}

// benchCache keeps the generated files' side indexes beside them, so that
// a run need not index 5 GB again to time a second open.
func benchCache() string { return filepath.Join(os.TempDir(), "paperdeck-bench", "cache") }

// sharedCatalog is n papers' catalog for the filter benchmarks, read from
// a side index kept beside the generated files (built on the first run).
func sharedCatalog(b *testing.B, n int) *catalog.Catalog {
	if c := shared[n]; c != nil {
		return c
	}
	c, _, _, _ := loadAll(b, snapshotFile(b, n), catalog.Options{CacheDir: benchCache()})
	shared[n] = c
	return c
}

func BenchmarkCatalogOpenFromIndex(b *testing.B) {
	for _, n := range benchSizes(b) {
		path := snapshotFile(b, n)
		cache := benchCache()
		loadAll(b, path, catalog.Options{CacheDir: cache}) // builds the side index the first time
		b.Run(fmt.Sprintf("papers=%d", n), func(b *testing.B) {
			var first, all, cpu time.Duration
			var rss float64
			for b.Loop() {
				memstat.ResetPeakRSS()
				cpu0 := memstat.CPUTime()
				c, f, a, fromIndex := loadAll(b, path, catalog.Options{CacheDir: cache})
				cpu += memstat.CPUTime() - cpu0
				if !fromIndex || c.Len() != n {
					b.Fatalf("from index %v, %d papers", fromIndex, c.Len())
				}
				first, all = first+f, all+a
				rss = max(rss, peakRSS())
			}
			b.ReportMetric(float64(first.Microseconds())/1000/float64(b.N), "first-screen-ms")
			b.ReportMetric(float64(all.Milliseconds())/float64(b.N), "filterable-ms")
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms")
			b.ReportMetric(rss, "peak-RSS-MB")
		})
	}
}

// keys is every prefix of typed: what a filter sees, key by key.
func keys() []string {
	var out []string
	for i := 1; i <= len(typed); i++ {
		if typed[i-1] != ' ' {
			out = append(out, typed[:i])
		}
	}
	return out
}

// reportPerKey reports the time per key, the slowest key, and the CPU
// time per key: on a shared machine the wall time waits for the cores,
// the CPU time is the work.
func reportPerKey(b *testing.B, total, worst, cpu time.Duration) {
	keys := float64(b.N * len(keys()))
	b.ReportMetric(float64(total.Microseconds())/1000/keys, "ms/key")
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms/key")
	b.ReportMetric(float64(cpu.Microseconds())/1000/keys, "cpu-ms/key")
}

func BenchmarkCatalogFilterKeystroke(b *testing.B) {
	for _, n := range benchSizes(b) {
		c := sharedCatalog(b, n)
		for _, q := range []struct {
			name, prefix string
			narrow       bool // as the reader does: a key that adds to the query searches the last matches
		}{{"words", "", true}, {"cat", "cat:cs.LG ", true}, {"words-whole", "", false}} {
			b.Run(fmt.Sprintf("%s/papers=%d", q.name, n), func(b *testing.B) {
				var total, worst, worstCPU time.Duration
				worstKey := ""
				cpu0 := memstat.CPUTime()
				for b.Loop() {
					var prevQ *query.Query
					var prev []uint32
					for i, k := range keys() {
						start, keyCPU := time.Now(), memstat.CPUTime()
						pq := c.ParseQuery(q.prefix+k, nil)
						if q.narrow && i > 0 && pq.Narrows(prevQ) {
							prev = c.FilterWithin(context.Background(), pq, nil, prev)
						} else {
							prev = c.Filter(context.Background(), pq, nil)
						}
						prevQ = pq
						d := time.Since(start)
						total, worst = total+d, max(worst, d)
						// The costliest key's own work, apart from waiting for the cores.
						if dc := memstat.CPUTime() - keyCPU; dc > worstCPU {
							worstCPU, worstKey = dc, q.prefix+k
						}
					}
				}
				reportPerKey(b, total, worst, memstat.CPUTime()-cpu0)
				b.ReportMetric(float64(worstCPU.Microseconds())/1000, "worst-cpu-ms/key")
				b.Logf("costliest key: %q", worstKey)
			})
		}
	}
}

// BenchmarkFzfFilterKeystroke runs fzf --filter on the same titles, one
// process per key as a script would.
func BenchmarkFzfFilterKeystroke(b *testing.B) {
	fzf, err := exec.LookPath("fzf")
	if err != nil {
		b.Skip("fzf is not installed (apt-get install fzf): no fzf baseline")
	}
	for _, n := range benchSizes(b) {
		c := sharedCatalog(b, n)
		titles := filepath.Join(b.TempDir(), "titles.txt")
		f, err := os.Create(titles)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		for i := range c.Len() {
			w.WriteString(c.Title(i) + "\n")
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		b.Run(fmt.Sprintf("papers=%d", n), func(b *testing.B) {
			var total, worst, cpu time.Duration
			for b.Loop() {
				for _, k := range keys() {
					in, err := os.Open(titles)
					if err != nil {
						b.Fatal(err)
					}
					cmd := exec.Command(fzf, "--filter", k)
					cmd.Stdin = in
					start := time.Now()
					err = cmd.Run()
					d := time.Since(start)
					in.Close()
					if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) { // 1: no match
						b.Fatal(err)
					}
					total, worst = total+d, max(worst, d)
					cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
				}
			}
			reportPerKey(b, total, worst, cpu)
		})
	}
}

// BenchmarkTodayLoader reads the same file as the reader does today: every
// paper whole in memory, indexed by ui/filter. Only at sizes it can hold.
func BenchmarkTodayLoader(b *testing.B) {
	clear(shared) // the filter benchmarks' catalogs must not count here
	for _, n := range benchSizes(b) {
		if n > todayLimit {
			b.Logf("today's loader skipped at %d papers: it holds ~5 KB per paper", n)
			continue
		}
		path := snapshotFile(b, n)
		size := fileSize(b, path)
		var ix *filter.Index
		b.Run(fmt.Sprintf("load/papers=%d", n), func(b *testing.B) {
			b.SetBytes(size)
			var cpu time.Duration
			var rss, heap float64
			for b.Loop() {
				ix = nil
				memstat.ResetPeakRSS()
				cpu0 := memstat.CPUTime()
				var papers []model.Paper
				if _, err := feed.StreamFile(context.Background(), path, 1000, func(ps []model.Paper) { papers = append(papers, ps...) }); err != nil {
					b.Fatal(err)
				}
				ix = filter.New(papers)
				cpu += memstat.CPUTime() - cpu0
				rss = max(rss, peakRSS())
				heap = float64(memstat.LiveHeap()) / (1 << 20)
				runtime.KeepAlive(papers)
			}
			b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
			b.ReportMetric(rss, "peak-RSS-MB")
			b.ReportMetric(heap, "heap-MB")
		})
		b.Run(fmt.Sprintf("keystroke/papers=%d", n), func(b *testing.B) {
			var total, worst time.Duration
			cpu0 := memstat.CPUTime()
			for b.Loop() {
				var prev *filter.Result
				for _, k := range keys() {
					start := time.Now()
					prev = ix.Query(k, prev, filter.Marks{})
					d := time.Since(start)
					total, worst = total+d, max(worst, d)
				}
			}
			reportPerKey(b, total, worst, memstat.CPUTime()-cpu0)
		})
	}
}
