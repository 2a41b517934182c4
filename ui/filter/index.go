package filter

import (
	"runtime"
	"slices"

	"github.com/paperdeck/paperdeck/internal/safego"
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
	// byUpvotes lists every position, most upvotes first, then in listing
	// order: a query with many matches reads its ranking off it instead
	// of sorting.
	byUpvotes []uint32
	upvotes   []int32 // by position
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
	var wg safego.Group // a panic in a worker comes back out of Wait, in the caller's command
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
	out.upvotes = slices.Clip(ix.upvotes) // appending copies: ix keeps its own
	for _, s := range built {
		out.upvotes = append(out.upvotes, s.upvotes...)
	}
	out.byUpvotes = mergeByUpvotes(out.upvotes, ix.byUpvotes, ix.n)
	return out
}

// mergeByUpvotes adds positions from..len(up)-1 to old, which orders
// positions 0..from-1.
func mergeByUpvotes(up []int32, old []uint32, from int) []uint32 {
	added := make([]uint32, 0, len(up)-from)
	for pos := from; pos < len(up); pos++ {
		added = append(added, uint32(pos))
	}
	// Positions are in listing order, so a stable sort keeps it among equals.
	slices.SortStableFunc(added, func(a, b uint32) int { return int(up[b]) - int(up[a]) })
	out := make([]uint32, 0, len(up))
	i, j := 0, 0
	for i < len(old) && j < len(added) {
		if up[added[j]] > up[old[i]] { // earlier papers first among equals
			out = append(out, added[j])
			j++
		} else {
			out = append(out, old[i])
			i++
		}
	}
	out = append(out, old[i:]...)
	return append(out, added[j:]...)
}

// Len is the number of papers indexed.
func (ix *Index) Len() int {
	if ix == nil {
		return 0
	}
	return ix.n
}
