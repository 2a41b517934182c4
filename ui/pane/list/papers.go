package list

import (
	"maps"
	"sort"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/model"
)

// Papers is a listing's papers kept as the batches they arrived in: a
// streamed load appends each batch without copying what came before, and
// the filter index holds the very same slices (read-only), so 100,000
// papers are in memory once. A paper updated later (its details arrived)
// goes to edits, never into the shared slices, which a background search
// may be reading.
//
// A snapshot's papers are a catalog instead (CatalogPapers): rows are read
// from its packed arrays, a record is never held per paper.
type Papers struct {
	cat    *catalog.Catalog // when set, the papers; chunks stay empty
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

// CatalogPapers are a snapshot's papers as its catalog holds them.
func CatalogPapers(c *catalog.Catalog) Papers { return Papers{cat: c} }

// Catalog is the catalog the papers are read from, nil for batches.
func (l Papers) Catalog() *catalog.Catalog { return l.cat }

// withCatalog is the same papers from a longer catalog of the same load,
// keeping the edits (positions do not move: a catalog only grows).
func (l Papers) withCatalog(c *catalog.Catalog) Papers {
	l.cat = c
	return l
}

func (l Papers) Len() int {
	if l.cat != nil {
		return l.cat.Len()
	}
	return l.n
}

// At is the paper at a position (0 ≤ pos < Len): a binary search over the
// batches (a hundred for 100,000 papers), so a row costs the same at any
// size.
func (l Papers) At(pos int) model.Paper {
	if p, ok := l.edits[pos]; ok {
		return p
	}
	if l.cat != nil {
		return l.cat.Brief(pos)
	}
	c := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > pos }) - 1
	return l.chunks[c][pos-l.starts[c]]
}

// Frozen is the papers as they are now, to read on a command's goroutine
// while the list goes on: the batches are shared (they are never written,
// and a later Append only adds past what Frozen sees), the edits copied.
// It costs the edits, not the papers.
func (l Papers) Frozen() Papers {
	l.edits = maps.Clone(l.edits)
	return l
}

// All is a copy of every paper in listing order: for a command, on
// Frozen papers, never on the screen's goroutine (100,000 papers are tens
// of megabytes).
func (l Papers) All() []model.Paper {
	out := make([]model.Paper, l.Len())
	for i := range out {
		out[i] = l.At(i)
	}
	return out
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
	if l.cat != nil {
		if pos := l.cat.Find(id); pos >= 0 {
			return []int{pos}
		}
		return nil
	}
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
	if l.cat != nil {
		ids := make([]string, l.cat.Len())
		for i := range ids {
			ids[i] = l.cat.ID(i)
		}
		return ids
	}
	ids := make([]string, 0, l.n)
	for _, chunk := range l.chunks {
		for i := range chunk {
			ids = append(ids, chunk[i].ID) // edits never change an id
		}
	}
	return ids
}
