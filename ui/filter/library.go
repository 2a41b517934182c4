package filter

import (
	"slices"
	"strings"
)

// Shelved is what the reader's bookmarks say about one paper.
type Shelved struct {
	ID   string
	Tags []string
	Note string
}

// Library is the bookmarks' tags and notes by paper id, for tag:, #,
// note: and plain words (a word of a tag or a note matches like a word of
// the title). Build it with NewLibrary whenever the bookmarks change; it
// never changes afterwards, so searches may share it.
type Library struct {
	byID map[string]*shelfEntry
	tags []string // every tag key, sorted
}

type shelfEntry struct {
	tags  []string // tag keys: the tag's words joined by one space
	words []string // words of the tags and the note
	note  []string // words of the note
}

// NewLibrary indexes the tags and notes of the bookmarks.
func NewLibrary(items []Shelved) *Library {
	lib := &Library{byID: make(map[string]*shelfEntry, len(items))}
	seen := map[string]bool{}
	for _, it := range items {
		e := &shelfEntry{note: words(it.Note)}
		for _, t := range it.Tags {
			key := tagKey(t)
			if key == "" || slices.Contains(e.tags, key) {
				continue
			}
			e.tags = append(e.tags, key)
			e.words = append(e.words, strings.Fields(key)...)
			if !seen[key] {
				seen[key] = true
				lib.tags = append(lib.tags, key)
			}
		}
		e.words = append(e.words, e.note...)
		if len(e.words) > 0 {
			lib.byID[it.ID] = e
		}
	}
	slices.Sort(lib.tags)
	return lib
}

// tagKey is a tag as tag: compares it: case, accents and punctuation
// aside ("To-Read" is "to read").
func tagKey(t string) string { return strings.Join(words(t), " ") }

// resolveTag is the set of tag keys tag:value means: the tag of that name,
// else, while it is being typed, every tag that starts with it.
func (lib *Library) resolveTag(value string) []string {
	if lib == nil {
		return nil
	}
	if _, found := slices.BinarySearch(lib.tags, value); found {
		return []string{value}
	}
	var out []string
	for _, t := range lib.tags {
		if strings.HasPrefix(t, value) {
			out = append(out, t)
		}
	}
	return out
}

func (e *shelfEntry) hasTag(keys []string) bool {
	for _, t := range e.tags {
		if slices.Contains(keys, t) {
			return true
		}
	}
	return false
}

// noteHasAll reports whether each of ws starts a word of the note.
func (e *shelfEntry) noteHasAll(ws []string) bool {
	for _, w := range ws {
		if !anyWordPrefix(e.note, w) {
			return false
		}
	}
	return true
}

// shelfDoc is a paper of a segment that the library knows.
type shelfDoc struct {
	d uint32
	e *shelfEntry
}

// shelf lists the segment's papers that lib knows, in order. The list is
// kept for the last library asked about: a new one (bookmarks changed)
// costs one pass over the segment's ids.
func (s *segment) shelf(lib *Library) []shelfDoc {
	if lib == nil || len(lib.byID) == 0 {
		return nil
	}
	s.shelfMu.Lock()
	defer s.shelfMu.Unlock()
	if s.shelfLib != lib {
		var docs []shelfDoc
		for d, id := range s.ids {
			if e, ok := lib.byID[id]; ok {
				docs = append(docs, shelfDoc{uint32(d), e})
			}
		}
		s.shelfLib, s.shelfDocs = lib, docs
	}
	return s.shelfDocs
}

// shelfHits are the papers among cand (nil: all) whose library entry
// satisfies ok.
func (s *segment) shelfHits(lib *Library, cand bitset, ok func(*shelfEntry) bool) bitset {
	hit := newBitset(s.n)
	for _, sd := range s.shelf(lib) {
		if (cand == nil || cand.has(sd.d)) && ok(sd.e) {
			hit.set(sd.d)
		}
	}
	return hit
}

// anyWordPrefix reports whether a word of ws starts with p.
func anyWordPrefix(ws []string, p string) bool {
	for _, w := range ws {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
