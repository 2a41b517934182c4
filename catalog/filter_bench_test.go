package catalog_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/internal/memstat"
	"github.com/paperdeck/paperdeck/query"
)

// BenchmarkCatalogFilterMarks types queries that read the reader's marks
// (5,000 read papers, 500 bookmarks with tags), key by key as the reader
// asks: marks resolved once per change ("resolve", what the first such key
// pays), then each key within the last key's matches.
func BenchmarkCatalogFilterMarks(b *testing.B) {
	for _, n := range benchSizes(b) {
		c := sharedCatalog(b, n)
		read, marked := map[string]bool{}, map[string]bool{}
		var shelf []query.Shelved
		for i := 0; i < c.Len(); i += c.Len() / 5000 {
			read[c.ID(i)] = true
		}
		for i := 7; i < c.Len(); i += c.Len() / 500 {
			marked[c.ID(i)] = true
			shelf = append(shelf, query.Shelved{ID: c.ID(i), Tags: []string{"rl"}, Note: "compare"})
		}
		marks := catalog.Marks{Read: read, Bookmarked: marked, Library: query.NewLibrary(shelf), Gen: 1}
		b.Run(fmt.Sprintf("resolve/papers=%d", n), func(b *testing.B) {
			for b.Loop() {
				c.Mark(context.Background(), marks, nil)
			}
		})
		marked1 := c.Mark(context.Background(), marks, nil)
		for _, prefix := range []string{"is:unread ", "#rl ", "-is:read cat:cs.LG ", "-diffusion "} {
			b.Run(fmt.Sprintf("%s/papers=%d", prefix[:len(prefix)-1], n), func(b *testing.B) {
				var total, worst time.Duration
				cpu0 := memstat.CPUTime()
				for b.Loop() {
					var prevQ *query.Query
					var prev []uint32
					for i, k := range keys() {
						start := time.Now()
						q := c.ParseQuery(prefix+k, marks.Library)
						if i > 0 && q.Narrows(prevQ) {
							prev = c.FilterWithin(context.Background(), q, marked1, prev)
						} else {
							prev = c.Filter(context.Background(), q, marked1)
						}
						prevQ = q
						d := time.Since(start)
						total, worst = total+d, max(worst, d)
					}
				}
				reportPerKey(b, total, worst, memstat.CPUTime()-cpu0)
			})
		}
	}
}

// BenchmarkCatalogAbstractSearch is ctrl+a on a snapshot: the abstracts
// read from the file as the reader reads them, a first small step (the
// first answer on screen) then larger ones to the end. first-answer-ms is
// the first step; ms/op the whole search; MB/s the file read per second.
func BenchmarkCatalogAbstractSearch(b *testing.B) {
	for _, n := range benchSizes(b) {
		c := sharedCatalog(b, n)
		b.Run(fmt.Sprintf("papers=%d", n), func(b *testing.B) {
			b.SetBytes(c.Source().Size)
			var first time.Duration
			found := 0
			cpu0 := memstat.CPUTime()
			for b.Loop() {
				q := c.ParseQuery("spatiotemporal rec", nil)
				s := c.SearchAbstracts(q, nil, nil)
				start := time.Now()
				step := int64(8 << 20)
				for done := false; !done; step = 64 << 20 {
					var err error
					if done, err = s.Next(context.Background(), step); err != nil {
						b.Fatal(err)
					}
					if step == 8<<20 {
						first += time.Since(start)
					}
				}
				found = len(s.Found())
			}
			b.ReportMetric(float64(first.Microseconds())/1000/float64(b.N), "first-answer-ms")
			b.ReportMetric(float64(found), "matches")
			b.ReportMetric(float64(c.Source().Size)*float64(b.N)/(1<<20)/(memstat.CPUTime()-cpu0).Seconds(), "MB/cpu-s")
		})
	}
}
