package rank_test

import (
	"context"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/internal/memstat"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
)

// BenchmarkRank measures issue 12's targets on 100,000 generated papers
// (internal/corpus, seed 1; scripts/rank-bench times scikit-learn on the
// same papers). cpu-ns/op is the CPU time of all threads: on a shared
// machine the wall time also counts the wait for a core.
//
//	features/100000    tf-idf of every paper, from nothing          ≤ 10 s
//	features/100000/cached  the same read back from the disk cache
//	train/100000       one tag's model (40 papers) against all      ≤ 1 s
//	train/100000/recipe     the same with serve.py's options as they are
//	listing/1000       a 1,000-paper listing scored and sorted      ≤ 20 ms
//	listing/1000/unseen     the same papers under new ids, so each is vectorised first
func BenchmarkRank(b *testing.B) {
	ctx := context.Background()
	papers := corpus.Generate(100_000, 1)
	opt := rank.DefaultFeatureOptions(len(papers))
	var f *rank.Features
	b.Run("features/100000", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			var err error
			if f, err = rank.BuildFeatures(ctx, papers, opt); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(f.Terms)), "terms")
	})
	if f == nil {
		b.Skip("features not built")
	}
	cache := rank.NewCache(b.TempDir())
	if _, err := cache.Features(ctx, papers, opt); err != nil {
		b.Fatal(err)
	}
	b.Run("features/100000/cached", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			if _, err := cache.Features(ctx, papers, opt); err != nil {
				b.Fatal(err)
			}
		}
	})
	tag := tagOf(papers, "diffusion", 40)
	var m *rank.Model
	b.Run("train/100000", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			var err error
			if m, err = rank.Train(ctx, f, tag, "diffusion", rank.DefaultSVMOptions()); err != nil {
				b.Fatal(err)
			}
		}
	})
	if m == nil {
		b.Skip("no model")
	}
	b.Run("train/100000/recipe", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			if _, err := rank.Train(ctx, f, tag, "diffusion", rank.RecipeSVMOptions()); err != nil {
				b.Fatal(err)
			}
		}
	})
	listing := papers[len(papers)/2 : len(papers)/2+1000]
	b.Run("listing/1000", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			m.Rank(listing)
		}
	})
	unseen := make([]model.Paper, len(listing))
	for i, p := range listing {
		p.ID = "new-" + p.ID
		unseen[i] = p
	}
	b.Run("listing/1000/unseen", func(b *testing.B) {
		defer reportCPU(b)()
		for b.Loop() {
			m.Rank(unseen)
		}
	})
}

// tagOf is the first n papers whose title holds word: a tag a reader might
// keep.
func tagOf(papers []model.Paper, word string, n int) []string {
	var ids []string
	for _, p := range papers {
		if len(ids) < n && strings.Contains(strings.ToLower(p.Title), word) {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// reportCPU reports the CPU time per op of what runs until the returned
// function is called.
func reportCPU(b *testing.B) func() {
	start := memstat.CPUTime()
	return func() {
		if start >= 0 {
			b.ReportMetric(float64((memstat.CPUTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}
