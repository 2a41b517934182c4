package list

import (
	"sort"

	"github.com/paperdeck/paperdeck/model"
)

// Papers is a listing's papers kept as the batches they arrived in: a
// streamed load appends each batch without copying what came before, and
// the filter index holds the very same slices (read-only), so 100,000
// papers are in memory once. A paper updated later (its details arrived)
// goes to edits, never into the shared slices, which a background search
// may be reading.
type Papers struct {
	chunks [][]model.Paper
	starts []int // position of each chunk's first paper
	n      int
	edits  map[int]model.Paper // by position
}

// PapersOf is a listing's papers as one chunk.
func PapersOf(papers []model.Paper) Papers {
	var l Papers
	l.Append(papers)
	return l
}

// Append adds a batch at the end; it costs only the batch's slice header.
func (l *Papers) Append(batch []model.Paper) {
	if len(batch) == 0 {
		return
	}
	l.chunks = append(l.chunks, batch)
	l.starts = append(l.starts, l.n)
	l.n += len(batch)
}

func (l Papers) Len() int { return l.n }

// At is the paper at a position (0 ≤ pos < Len): a binary search over the
// batches (a hundred for 100,000 papers), so a row costs the same at any
// size.
func (l Papers) At(pos int) model.Paper {
	if p, ok := l.edits[pos]; ok {
		return p
	}
	c := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > pos }) - 1
	return l.chunks[c][pos-l.starts[c]]
}

// Set replaces the paper at pos.
func (l *Papers) Set(pos int, p model.Paper) {
	if l.edits == nil {
		l.edits = map[int]model.Paper{}
	}
	l.edits[pos] = p
}

// Find lists the positions of the papers with id (a listing may hold a
// paper twice).
func (l Papers) Find(id string) []int {
	var out []int
	for c, chunk := range l.chunks {
		for i := range chunk {
			if chunk[i].ID == id { // edits never change an id
				out = append(out, l.starts[c]+i)
			}
		}
	}
	return out
}

// IDs lists the papers' ids in listing order.
func (l Papers) IDs() []string {
	ids := make([]string, 0, l.n)
	for _, chunk := range l.chunks {
		for i := range chunk {
			ids = append(ids, chunk[i].ID) // edits never change an id
		}
	}
	return ids
}
