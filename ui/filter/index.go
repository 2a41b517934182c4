package filter

import (
	"runtime"
	"sync"

	"github.com/paperdeck/paperdeck/model"
)

// segmentSize bounds a segment so that New can build segments on every
// core and Extend never rebuilds what it already has. (A variable so that
// tests can cover many segments with few papers.)
var segmentSize = 16384

// Index answers filter queries over a listing. Build it once per listing
// (New, in a tea.Cmd: about a second for 100,000 papers on one core), grow
// it as a streaming load delivers batches (Extend), and query it from any
// goroutine: it never changes after it is built.
//
// The index keeps the papers slices it is given (for the abstract search):
// do not modify them afterwards.
type Index struct {
	segs []*segment
	n    int
}

// New indexes papers; positions in results are positions in papers.
func New(papers []model.Paper) *Index {
	return (&Index{}).Extend(papers)
}

// Extend returns an index of the listing with more appended: positions
// continue after the last paper of ix. ix itself is unchanged and shares
// its work with the result, so extending per batch costs only the batch.
func (ix *Index) Extend(more []model.Paper) *Index {
	out := &Index{segs: append([]*segment(nil), ix.segs...), n: ix.n}
	var chunks [][]model.Paper
	for len(more) > 0 {
		k := min(len(more), segmentSize)
		chunks = append(chunks, more[:k:k])
		more = more[k:]
	}
	built := make([]*segment, len(chunks))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	base := out.n
	for i, c := range chunks {
		start := base
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			built[i] = buildSegment(start, c)
		})
		base += len(c)
	}
	wg.Wait()
	out.segs = append(out.segs, built...)
	out.n = base
	return out
}

// Len is the number of papers indexed.
func (ix *Index) Len() int {
	if ix == nil {
		return 0
	}
	return ix.n
}
