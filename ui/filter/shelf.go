package filter

import "github.com/paperdeck/paperdeck/query"

// Library is the bookmarks' tags and notes (package query): build it with
// NewLibrary whenever the bookmarks change.
type Library = query.Library

// Shelved is what the reader's bookmarks say about one paper.
type Shelved = query.Shelved

// NewLibrary indexes the tags and notes of the bookmarks.
func NewLibrary(items []Shelved) *Library { return query.NewLibrary(items) }

// shelfDoc is a paper of a segment that the library knows.
type shelfDoc struct {
	d uint32
	e *query.Shelf
}

// shelf lists the segment's papers that lib knows, in order. The list is
// kept for the last library asked about: a new one (bookmarks changed)
// costs one pass over the segment's ids.
func (s *segment) shelf(lib *Library) []shelfDoc {
	if lib.Len() == 0 {
		return nil
	}
	s.shelfMu.Lock()
	defer s.shelfMu.Unlock()
	if s.shelfLib != lib {
		var docs []shelfDoc
		for d, id := range s.ids {
			if e := lib.Shelf(id); e != nil {
				docs = append(docs, shelfDoc{uint32(d), e})
			}
		}
		s.shelfLib, s.shelfDocs = lib, docs
	}
	return s.shelfDocs
}

// shelfHits are the papers among cand (nil: all) whose library entry
// satisfies ok.
func (s *segment) shelfHits(lib *Library, cand bitset, ok func(*query.Shelf) bool) bitset {
	hit := newBitset(s.n)
	for _, sd := range s.shelf(lib) {
		if (cand == nil || cand.has(sd.d)) && ok(sd.e) {
			hit.set(sd.d)
		}
	}
	return hit
}
