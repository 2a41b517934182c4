package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
)

// Bookmark is one saved paper: the whole record, so it reads offline, when
// it was first saved, and what the reader wrote about it.
type Bookmark struct {
	Paper model.Paper `json:"paper"`
	Added time.Time   `json:"added"`
	Tags  []string    `json:"tags,omitempty"`
	Note  string      `json:"note,omitempty"`
}

// Bookmarks is the bookmarks file. Every method reads the file afresh, so
// changes made by another paperdeck are never lost.
type Bookmarks struct {
	file dataFile
	now  func() time.Time // tests pin the clock
}

// OpenBookmarks names the file; it does no I/O.
func OpenBookmarks(path string) *Bookmarks {
	return &Bookmarks{file: dataFile{path: path, what: "bookmarks file"}, now: time.Now}
}

// Path is the bookmarks file, for messages.
func (b *Bookmarks) Path() string { return b.file.path }

// Load returns the bookmarks, newest first. A missing file is no bookmarks;
// a file that does not parse gives a *CorruptError.
func (b *Bookmarks) Load() ([]Bookmark, error) {
	data, err := b.file.read()
	if err != nil {
		return nil, err
	}
	list, err := decodeBookmarks(data)
	if err != nil {
		return nil, b.file.corrupt(err)
	}
	return list, nil
}

// Add bookmarks papers and says how many were not bookmarked before.
// Re-adding a paper keeps when it was first added, its tags and note, and
// refreshes the record with every field the new one knows.
func (b *Bookmarks) Add(papers ...model.Paper) (added int, err error) {
	return b.AddTagged(papers, nil, "")
}

// AddTagged bookmarks papers as Add does and, in the same change, gives
// each the tags (joined to the ones it has) and the note (replacing its
// note, unless note is blank).
func (b *Bookmarks) AddTagged(papers []model.Paper, tags []string, note string) (added int, err error) {
	now := b.now()
	in := make([]Bookmark, 0, len(papers))
	for _, p := range papers {
		in = append(in, Bookmark{Paper: p, Added: now, Tags: tags})
	}
	if note = strings.TrimSpace(note); note == "" {
		return b.merge(in, nil)
	}
	return b.merge(in, func(bm *Bookmark) { bm.Note = note })
}

// Import merges whole bookmarks, e.g. from another machine's export: new
// ones keep their added time, tags and note; for ones already here the
// record is refreshed, tags are joined and an empty note is filled.
func (b *Bookmarks) Import(bookmarks []Bookmark) (added int, err error) {
	now := b.now()
	in := slices.Clone(bookmarks)
	for i := range in {
		if in[i].Added.IsZero() {
			in[i].Added = now
		}
	}
	return b.merge(in, nil)
}

// merge adds in to the list, folding copies of one paper together, and
// then applies then (when not nil) to each bookmark of in.
func (b *Bookmarks) merge(in []Bookmark, then func(*Bookmark)) (added int, err error) {
	for _, bm := range in {
		if strings.TrimSpace(bm.Paper.ID) == "" {
			return 0, fmt.Errorf("cannot bookmark %q: the paper has no id", bm.Paper.Title)
		}
	}
	err = b.change(func(list []Bookmark) ([]Bookmark, error) {
		// Kept bookmarks come first so that they absorb the new copies;
		// the stable sort by added time then moves a new batch to the top
		// in the order given.
		before := len(list)
		for _, bm := range in {
			list = append(list, Bookmark{Paper: bm.Paper, Added: bm.Added, Tags: cleanTags(bm.Tags), Note: bm.Note})
		}
		list = dedupe(list)
		added = len(list) - before
		if then != nil {
			index := indexByID(list)
			for _, bm := range in {
				then(&list[index[bm.Paper.ID]])
			}
		}
		return list, nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// Remove deletes the bookmarks of ids and says how many there were.
func (b *Bookmarks) Remove(ids ...string) (removed int, err error) {
	drop := map[string]bool{}
	for _, id := range ids {
		drop[id] = true
	}
	err = b.change(func(list []Bookmark) ([]Bookmark, error) {
		kept := slices.DeleteFunc(list, func(bm Bookmark) bool { return drop[bm.Paper.ID] })
		removed = len(list) - len(kept)
		return kept, nil
	})
	if err != nil {
		return 0, err
	}
	return removed, nil
}

// SetTags replaces the tags of a bookmark; blank and repeated tags are
// dropped.
func (b *Bookmarks) SetTags(id string, tags []string) error {
	return b.edit(id, func(bm *Bookmark) { bm.Tags = cleanTags(tags) })
}

// SetNote replaces the note of a bookmark; an empty note removes it.
func (b *Bookmarks) SetNote(id, note string) error {
	return b.edit(id, func(bm *Bookmark) { bm.Note = strings.TrimSpace(note) })
}

// Retagged is what a Retag did.
type Retagged struct {
	Changed       int      // bookmarks whose tags changed
	NotBookmarked []string // ids given that are not bookmarked
	Lacking       []IDTag  // a tag to remove that the bookmark does not carry
}

// IDTag names one tag of one bookmark.
type IDTag struct{ ID, Tag string }

// Retag adds and removes tags on the bookmarks of ids in one change (a
// tag is removed whatever its case). It says how many bookmarks changed,
// which ids are not bookmarked and which tags to remove were not there;
// the others are changed all the same.
func (b *Bookmarks) Retag(ids []string, add, remove []string) (Retagged, error) {
	var r Retagged
	err := b.change(func(list []Bookmark) ([]Bookmark, error) {
		r = Retagged{}
		index := indexByID(list)
		for _, id := range ids {
			i, ok := index[id]
			if !ok {
				r.NotBookmarked = append(r.NotBookmarked, id)
				continue
			}
			bm := &list[i]
			for _, gone := range remove {
				if !slices.ContainsFunc(bm.Tags, func(t string) bool { return SameTag(t, gone) }) {
					r.Lacking = append(r.Lacking, IDTag{ID: id, Tag: gone})
				}
			}
			tags := slices.DeleteFunc(cleanTags(append(slices.Clone(bm.Tags), add...)), func(t string) bool {
				return slices.ContainsFunc(remove, func(gone string) bool { return SameTag(t, gone) })
			})
			if !slices.Equal(tags, bm.Tags) {
				bm.Tags = tags
				r.Changed++
			}
		}
		if r.Changed == 0 {
			return nil, errNoChange
		}
		return list, nil
	})
	return r, err
}

func (b *Bookmarks) edit(id string, fn func(*Bookmark)) error {
	return b.change(func(list []Bookmark) ([]Bookmark, error) {
		i, ok := indexByID(list)[id]
		if !ok {
			return nil, fmt.Errorf("%s is not bookmarked", id)
		}
		fn(&list[i])
		return list, nil
	})
}

// errNoChange tells change that fn changed nothing: no file is written.
var errNoChange = errors.New("no change")

// change is a locked read-modify-write of the whole list.
func (b *Bookmarks) change(fn func([]Bookmark) ([]Bookmark, error)) error {
	err := b.file.update(func(old []byte) ([]byte, error) {
		list, err := decodeBookmarks(old)
		if err != nil {
			return nil, b.file.corrupt(err)
		}
		list, err = fn(list)
		if err != nil {
			return nil, err
		}
		sortNewestFirst(list)
		return encodeBookmarks(list)
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

func indexByID(list []Bookmark) map[string]int {
	index := make(map[string]int, len(list))
	for i, bm := range list {
		index[bm.Paper.ID] = i
	}
	return index
}

// dedupe keeps one bookmark per paper id, in first-seen order, folding
// later copies into it.
func dedupe(list []Bookmark) []Bookmark {
	out := list[:0:0]
	index := make(map[string]int, len(list))
	for _, bm := range list {
		if i, ok := index[bm.Paper.ID]; ok {
			out[i] = mergeBookmark(out[i], bm)
			continue
		}
		index[bm.Paper.ID] = len(out)
		out = append(out, bm)
	}
	return out
}

// mergeBookmark folds a newer copy of a bookmark into the one kept.
func mergeBookmark(kept, in Bookmark) Bookmark {
	kept.Paper = refreshPaper(kept.Paper, in.Paper)
	if !in.Added.IsZero() && in.Added.Before(kept.Added) {
		kept.Added = in.Added
	}
	kept.Tags = cleanTags(append(kept.Tags, in.Tags...))
	if kept.Note == "" {
		kept.Note = in.Note
	}
	return kept
}

// sortNewestFirst orders by added time; a batch added at once keeps the
// order it was given in, so an exported list imports back the same.
func sortNewestFirst(list []Bookmark) {
	slices.SortStableFunc(list, func(a, b Bookmark) int { return b.Added.Compare(a.Added) })
}

// cleanTags drops blank tags and repeats ("RL" repeats "rl"), keeping the
// first spelling, and collapses spaces.
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		if t != "" && !slices.ContainsFunc(out, func(o string) bool { return SameTag(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}

// SameTag reports whether two tags are one, as the filter's tag: sees
// them (query.TagKey): case, accents, punctuation and spacing aside.
func SameTag(a, b string) bool { return query.TagKey(a) == query.TagKey(b) }

// HasTag reports whether the bookmark carries tag (see SameTag).
func (bm Bookmark) HasTag(tag string) bool {
	return slices.ContainsFunc(bm.Tags, func(t string) bool { return SameTag(t, tag) })
}

// Tagged keeps the bookmarks that carry tag, in order.
func Tagged(list []Bookmark, tag string) []Bookmark {
	var out []Bookmark
	for _, bm := range list {
		if bm.HasTag(tag) {
			out = append(out, bm)
		}
	}
	return out
}

// TagCount is how many bookmarks carry a tag.
type TagCount struct {
	Tag   string
	Count int
}

// CountTags lists every tag of the bookmarks with how many carry it, the
// most used first, then by name; a tag is spelt as it was first met.
func CountTags(list []Bookmark) []TagCount {
	var out []TagCount
	index := map[string]int{}
	for _, bm := range list {
		for _, t := range bm.Tags {
			key := query.TagKey(t)
			if i, ok := index[key]; ok {
				out[i].Count++
				continue
			}
			index[key] = len(out)
			out = append(out, TagCount{Tag: t, Count: 1})
		}
	}
	slices.SortStableFunc(out, func(a, b TagCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(strings.ToLower(a.Tag), strings.ToLower(b.Tag))
	})
	return out
}
