package main

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/memstat"
	"github.com/paperdeck/paperdeck/model"
)

// BenchmarkListSnapshot: `paperdeck list` of a generated snapshot of
// 20,000 papers (37 MB, a size the whole listing still holds), text and
// --json, by the whole listing (every record decoded and held, as list
// read a snapshot before) beside the catalog (first open, which indexes,
// and a second, from the side index), in one run. peak-heap-MB is the
// largest heap seen; at a million papers the whole listing needs > 5 GB
// and the catalog stays under 1 GB (see the README's performance section).
func BenchmarkListSnapshot(b *testing.B) {
	path := generatedSnapshot(b, 20_000)
	ctx := context.Background()
	for _, format := range []string{"text", "json"} {
		b.Run(format+"/whole-listing", func(b *testing.B) {
			b.Setenv("XDG_CACHE_HOME", b.TempDir())
			client := feed.NewClient(feed.Config{Offline: true})
			measure(b, func() error {
				res, err := client.Load(ctx, feed.Request{Period: model.Period{Kind: model.File, Value: path}})
				if err != nil {
					return err
				}
				w := bufio.NewWriter(io.Discard)
				if err := listWriters[format](w, res.Listing); err != nil {
					return err
				}
				return w.Flush()
			})
		})
		for _, second := range []bool{false, true} {
			name := format + "/catalog-first-open"
			if second {
				name = format + "/catalog-side-index"
			}
			b.Run(name, func(b *testing.B) {
				cache := b.TempDir()
				b.Setenv("XDG_CACHE_HOME", cache)
				list := func() error {
					return listSnapshot(ctx, io.Discard, io.Discard, path, &snapshotList{format: format})
				}
				if second {
					if err := list(); err != nil { // writes the side index
						b.Fatal(err)
					}
				}
				measure(b, func() error {
					if !second {
						if err := os.RemoveAll(filepath.Join(cache, "paperdeck")); err != nil {
							return err
						}
					}
					return list()
				})
			})
		}
	}
}

// measure runs list per iteration and reports its CPU time and the peak heap.
func measure(b *testing.B, list func() error) {
	var peak atomic.Uint64
	memstat.LiveHeap()
	stop := memstat.SampleHeap(&peak)
	cpu := memstat.CPUTime()
	for b.Loop() {
		if err := list(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(memstat.CPUTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	stop()
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}
