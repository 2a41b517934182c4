package ui

import (
	"sort"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// marks are what the reader knows of papers beyond a listing: which were
// read, which are new since the listing's last visit, which are
// bookmarked (with tags and a note), and the bookmark saves in flight.
// The App shows them and saves them through commands; this type only
// keeps them consistent.
type marks struct {
	read      map[string]bool
	marked    map[string]bool
	fresh     map[string]bool // new since the listing's last visit
	bookmarks map[string]store.Bookmark
	saving    map[string]*pendingSave // bookmark saves in flight, by id
	edits     int                     // tag and note saves in flight
	bookErr   error                   // the bookmarks file is damaged: save nothing
	refused   int                     // changes not saved for bookErr
	readErr   error                   // the read-marks file is damaged
	now       func() time.Time
	stamped   time.Time // the last bookmark's added time, so that the next is later

	// Made from bookmarks when first asked for after a change (a change
	// sets library to nil): the filter's tags and notes, and how many
	// bookmarks carry each tag.
	library   *filter.Library
	tagCounts []store.TagCount

	// removed are the bookmarks removed this session, the last one last,
	// whole (tags, note, date added): u puts them back.
	removed []store.Bookmark
}

// maxUndo bounds how many removals u can take back.
const maxUndo = 50

// pendingSave is the bookmark state wanted for a paper while an earlier
// save of it is still running; saves of one paper never overlap. A
// restore (u) carries the whole bookmark to put back.
type pendingSave struct {
	paper   model.Paper
	marked  bool
	added   time.Time // when b was pressed: saves may run in any order
	restore *store.Bookmark
}

func newMarks(now func() time.Time) *marks {
	return &marks{
		read: map[string]bool{}, marked: map[string]bool{},
		bookmarks: map[string]store.Bookmark{}, saving: map[string]*pendingSave{}, now: now,
	}
}

// forList is what the list shows beside the titles, and what its filter
// knows of the bookmarks.
func (k *marks) forList() list.Marks {
	tags := make(map[string]string, len(k.bookmarks))
	for id, b := range k.bookmarks {
		if len(b.Tags) > 0 {
			tags[id] = "#" + strings.Join(b.Tags, " #")
		}
	}
	k.makeShelf()
	return list.Marks{Read: k.read, Marked: k.marked, Fresh: k.fresh, Tags: tags, Library: k.library}
}

// tags is how many bookmarks carry each tag, the most used first.
func (k *marks) tags() []store.TagCount {
	k.makeShelf()
	return k.tagCounts
}

// makeShelf remakes the filter's library and the tag counts after the
// bookmarks changed.
func (k *marks) makeShelf() {
	if k.library != nil {
		return
	}
	list := k.session() // in order, so that a tag is always spelt the same
	items := make([]filter.Shelved, len(list))
	for i, b := range list {
		items[i] = filter.Shelved{ID: b.Paper.ID, Tags: b.Tags, Note: b.Note}
	}
	k.library, k.tagCounts = filter.NewLibrary(items), store.CountTags(list)
}

// setBookmarks takes the bookmarks as they are on disk; a paper whose
// save is still running keeps the mark it has on screen.
func (k *marks) setBookmarks(list []store.Bookmark) {
	k.bookmarks = make(map[string]store.Bookmark, len(list))
	k.library = nil // remade when next asked for
	for _, b := range list {
		k.bookmarks[b.Paper.ID] = b
	}
	for id := range k.marked {
		if _, ok := k.bookmarks[id]; !ok && k.saving[id] == nil {
			delete(k.marked, id)
		}
	}
	for id := range k.bookmarks {
		k.marked[id] = true
	}
}

// setMarked bookmarks p or removes its bookmark, on screen.
func (k *marks) setMarked(p model.Paper, marked bool) {
	k.library = nil // remade when next asked for
	if marked {
		k.marked[p.ID] = true
		if _, ok := k.bookmarks[p.ID]; !ok {
			k.bookmarks[p.ID] = store.Bookmark{Paper: p, Added: k.stamp()}
		}
		return
	}
	if b, ok := k.bookmarks[p.ID]; ok {
		k.removed = append(k.removed, b)
		if len(k.removed) > maxUndo {
			k.removed = k.removed[1:]
		}
	}
	delete(k.marked, p.ID)
	delete(k.bookmarks, p.ID)
}

// stamp is a new bookmark's added time: now, at the key press, and after
// the bookmark before it even when the clock has not moved (a coarse
// clock, two presses in one tick), so "newest first" is the order of
// the presses.
func (k *marks) stamp() time.Time {
	t := k.now()
	if !t.After(k.stamped) {
		t = k.stamped.Add(time.Nanosecond)
	}
	k.stamped = t
	return t
}

// keeps reports whether id's bookmark holds more than the mark (tags or
// a note), which one key should not lose without asking.
func (k *marks) keeps(id string) bool {
	b, ok := k.bookmarks[id]
	return ok && (len(b.Tags) > 0 || b.Note != "")
}

// undo takes back the last removal, on screen: the bookmark comes back
// whole. ok is false when nothing was removed.
func (k *marks) undo() (b store.Bookmark, ok bool) {
	if len(k.removed) == 0 {
		return store.Bookmark{}, false
	}
	b = k.removed[len(k.removed)-1]
	k.removed = k.removed[:len(k.removed)-1]
	k.bookmarks[b.Paper.ID] = b
	k.marked[b.Paper.ID] = true
	k.library = nil // remade when next asked for
	return b, true
}

// want records the state a save must bring p to; it reports whether a
// save should start now (false: one is running, and its answer starts the
// next).
func (k *marks) want(s pendingSave) bool {
	running := k.saving[s.paper.ID] != nil
	k.saving[s.paper.ID] = &s
	return !running
}

// pending is how many bookmark saves (marks, tags, notes) are in flight.
func (k *marks) pending() int { return len(k.saving) + k.edits }

// saved ends the save of id that stored marked (putting back restore,
// when not nil). next is a save still
// wanted (the mark changed again meanwhile); on failure, failed is the
// paper whose mark goes back to what is on disk.
func (k *marks) saved(id string, marked bool, restore *store.Bookmark, err error) (next *pendingSave, failed model.Paper) {
	want := k.saving[id]
	delete(k.saving, id)
	if err != nil {
		failed = model.Paper{ID: id}
		if want != nil {
			failed = want.paper
		}
		return nil, failed
	}
	if want != nil && (want.marked != marked || want.restore != restore) {
		k.saving[id] = want
		return want, model.Paper{}
	}
	return nil, model.Paper{}
}

// edit sets the tags or the note of p's bookmark, bookmarking it.
func (k *marks) edit(p model.Paper, tags []string, note *string) store.Bookmark {
	b := k.bookmarks[p.ID]
	b.Paper = p
	if b.Added.IsZero() {
		b.Added = k.stamp()
	}
	if note != nil {
		b.Note = *note
	} else {
		b.Tags = tags
	}
	k.bookmarks[p.ID] = b
	k.marked[p.ID] = true
	k.library = nil // remade when next asked for
	return b
}

// markRead records that a paper was opened; it reports whether that is
// news.
func (k *marks) markRead(id string) bool {
	if id == "" || k.read[id] {
		return false
	}
	k.read[id] = true
	delete(k.fresh, id)
	return true
}

// session is this session's bookmarks, newest first.
func (k *marks) session() []store.Bookmark {
	out := make([]store.Bookmark, 0, len(k.bookmarks))
	for _, b := range k.bookmarks {
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Added.After(out[j].Added) })
	return out
}

// banner is a bookmark's date, tags and note, above the detail ("" when
// id is not bookmarked).
func (k *marks) banner(id string) string {
	b, marked := k.bookmarks[id]
	if !marked {
		return ""
	}
	parts := []string{"★ bookmarked " + b.Added.Local().Format(time.DateOnly)}
	if len(b.Tags) > 0 {
		parts = append(parts, "#"+strings.Join(b.Tags, " #"))
	}
	banner := strings.Join(parts, " · ")
	if b.Note != "" {
		banner += "\nnote: " + b.Note
	}
	return banner
}
