package feed

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
)

// BenchmarkParse reads the real fixtures the way a user's file is read
// (detected by content, then parsed), with Parse and with Stream. The
// target is 20 MB/s or more for the listing page.
func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"hf_daily_papers_2024-08-01.html", "hf_api_daily_papers_2026-06-12.json"} {
		data, err := os.ReadFile(filepath.Join("../testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(bytes.NewReader(data)); err != nil {
					b.Fatal(err)
				}
			}
		})
		// The same file through Stream, as the reader opens a file.
		b.Run(name+"/stream", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				if _, err := Stream(context.Background(), bytes.NewReader(data), 1000, func(ps []model.Paper) { n += len(ps) }); err != nil || n == 0 {
					b.Fatal(n, err)
				}
			}
		})
	}
}

// BenchmarkLoad streams the 100,000-paper benchmark corpus from a file in
// both shapes. first-batch is the time until the first screen of papers
// can be shown; baseline is the whole file, which is what a load that
// parses everything first makes the user wait before the first frame.
func BenchmarkLoad(b *testing.B) {
	papers := corpus.Benchmark()
	dir := b.TempDir()
	files := map[string]func(*bufio.Writer) error{
		"api": func(w *bufio.Writer) error { return corpus.WriteDailyPapersJSON(w, papers) },
		"json": func(w *bufio.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ") // as paperdeck list --json writes it
			return enc.Encode(papers)
		},
	}
	for _, shape := range []string{"api", "json"} {
		path := filepath.Join(dir, shape+".json")
		if err := writeFile(path, files[shape]); err != nil {
			b.Fatal(err)
		}
		st, _ := os.Stat(path)
		name := fmt.Sprintf("%s-%d", shape, len(papers))
		b.Run(name+"/first-batch", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ctx, cancel := context.WithCancel(context.Background())
				got := 0
				_, err := StreamFile(ctx, path, 1000, func(ps []model.Paper) {
					got += len(ps)
					cancel()
				})
				cancel()
				if got == 0 || err == nil {
					b.Fatalf("first batch: %d papers, err %v", got, err)
				}
			}
		})
		b.Run(name+"/baseline", func(b *testing.B) {
			b.SetBytes(st.Size())
			b.ReportAllocs()
			var first time.Duration
			for b.Loop() {
				start := time.Now()
				got := 0
				_, err := StreamFile(context.Background(), path, 1000, func(ps []model.Paper) {
					if got == 0 {
						first += time.Since(start)
					}
					got += len(ps)
				})
				if err != nil || got != len(papers) {
					b.Fatalf("whole file: %d papers, err %v", got, err)
				}
			}
			b.ReportMetric(float64(first.Nanoseconds())/float64(b.N), "ns-to-first-batch")
		})
	}
}

func writeFile(path string, write func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
