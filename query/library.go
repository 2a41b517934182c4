package query

import (
	"fmt"
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
	byID map[string]*Shelf
	tags []string // every tag key, sorted
}

// Shelf is one bookmark's tags and note as the filter reads them.
type Shelf struct {
	tags  []string // tag keys: the tag's words joined by one space
	words []string // words of the tags and the note
	note  []string // words of the note
}

// NewLibrary indexes the tags and notes of the bookmarks.
func NewLibrary(items []Shelved) *Library {
	lib := &Library{byID: make(map[string]*Shelf, len(items))}
	seen := map[string]bool{}
	for _, it := range items {
		e := &Shelf{note: Words(it.Note)}
		for _, t := range it.Tags {
			key := TagKey(t)
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
		if len(e.words) > 0 || len(e.tags) > 0 {
			lib.byID[it.ID] = e
		}
	}
	slices.Sort(lib.tags)
	return lib
}

// Len is how many papers the library knows.
func (lib *Library) Len() int {
	if lib == nil {
		return 0
	}
	return len(lib.byID)
}

// Shelf is what the library knows of the paper with this id (nil: nothing).
func (lib *Library) Shelf(id string) *Shelf {
	if lib == nil {
		return nil
	}
	return lib.byID[id]
}

// Each calls fn with every paper the library knows.
func (lib *Library) Each(fn func(id string, e *Shelf)) {
	if lib == nil {
		return
	}
	for id, e := range lib.byID {
		fn(id, e)
	}
}

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

// ResolveTags finds what each tag of q means in lib (TagSets, and the
// negated tags' TagSet), and says so when a tag matches no bookmark.
func (q *Query) ResolveTags(lib *Library) {
	q.TagSets = make([][]string, len(q.Tags))
	for i, t := range q.Tags {
		q.TagSets[i] = lib.resolveTag(t)
		if len(q.TagSets[i]) == 0 {
			q.explain(fmt.Sprintf("no bookmark is tagged %q", t))
		}
	}
	for i := range q.Not {
		if g := &q.Not[i]; g.Kind == TagGroup {
			g.TagSet = lib.resolveTag(g.Words[0])
		}
	}
}

// Matches reports whether the bookmark satisfies q's tags and note words.
func (e *Shelf) Matches(q *Query) bool {
	for _, set := range q.TagSets {
		if !e.HasTag(set) {
			return false
		}
	}
	return e.NoteHasAll(q.Note)
}

// HasTag reports whether the bookmark carries one of the tag keys.
func (e *Shelf) HasTag(keys []string) bool {
	for _, t := range e.tags {
		if slices.Contains(keys, t) {
			return true
		}
	}
	return false
}

// NoteHasAll reports whether each of ws starts a word of the note.
func (e *Shelf) NoteHasAll(ws []string) bool {
	for _, w := range ws {
		if !anyWordPrefix(e.note, w) {
			return false
		}
	}
	return true
}

// HasWord reports whether w starts a word of a tag or of the note: a
// plain query word matches there as in the title.
func (e *Shelf) HasWord(w string) bool { return anyWordPrefix(e.words, w) }

// Names reports whether the bookmark is what the negated group g names:
// it carries g's tag, or its note has every word of a note group.
func (e *Shelf) Names(g *Group) bool {
	switch g.Kind {
	case TagGroup:
		return e.HasTag(g.TagSet)
	case NoteGroup:
		return e.NoteHasAll(g.Words)
	}
	return false
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
