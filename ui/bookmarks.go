package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

// BookmarkStore is the bookmarks file (*store.Bookmarks); every call does
// file I/O, so the reader calls it only from commands.
type BookmarkStore interface {
	Load() ([]store.Bookmark, error)
	Remove(ids ...string) (int, error)
	SetTags(id string, tags []string) error
	SetNote(id, note string) error
	Import(bookmarks []store.Bookmark) (int, error)
}

// ReadMarkStore is the read-marks file (*store.ReadMarks).
type ReadMarkStore interface {
	Load() (map[string]bool, error)
	MarkRead(ids ...string) error
	Visit(listingKey string, ids []string) (map[string]bool, error)
}

// bookmarksKind is the period of the bookmarks shown as a listing.
const bookmarksKind model.PeriodKind = "bookmarks"

func loadMarksCmd(b BookmarkStore, r ReadMarkStore) tea.Cmd {
	return func() tea.Msg {
		var msg marksLoadedMsg
		if b != nil {
			msg.bookmarks, msg.bookErr = b.Load()
		}
		if r != nil {
			msg.read, msg.readErr = r.Load()
		}
		return msg
	}
}

func saveBookmarkCmd(b BookmarkStore, s pendingSave) tea.Cmd {
	return func() tea.Msg {
		var err error
		switch {
		case s.restore != nil:
			// The store's locked merge: the date added, tags and note come
			// back as they were, joined with anything written meanwhile.
			_, err = b.Import([]store.Bookmark{*s.restore})
		case s.marked:
			// Import keeps the added time of the key press (Add would
			// stamp this save's, and saves run in any order).
			_, err = b.Import([]store.Bookmark{{Paper: s.paper, Added: s.added}})
		default:
			_, err = b.Remove(s.paper.ID)
		}
		return bookmarkSavedMsg{id: s.paper.ID, marked: s.marked, restore: s.restore, err: err}
	}
}

// editBookmarkCmd bookmarks p (added when the edit began) if it is not
// yet, then applies edit.
func editBookmarkCmd(b BookmarkStore, p model.Paper, added time.Time, what string, edit func(BookmarkStore) error) tea.Cmd {
	return func() tea.Msg {
		if _, err := b.Import([]store.Bookmark{{Paper: p, Added: added}}); err != nil {
			return bookmarkEditedMsg{id: p.ID, what: what, err: err}
		}
		if err := edit(b); err != nil {
			return bookmarkEditedMsg{id: p.ID, what: what, err: err}
		}
		list, err := b.Load()
		return bookmarkEditedMsg{id: p.ID, what: what, list: list, err: err}
	}
}

func markReadCmd(r ReadMarkStore, id string) tea.Cmd {
	return func() tea.Msg { return readSavedMsg{err: r.MarkRead(id)} }
}

func visitCmd(r ReadMarkStore, key string, ids []string) tea.Cmd {
	return func() tea.Msg {
		fresh, err := r.Visit(key, ids)
		return visitedMsg{key: key, fresh: fresh, err: err}
	}
}

// listingKey names a listing for "new since last visit".
func listingKey(p model.Period) string {
	return strings.TrimSpace(string(p.Kind) + " " + p.Value)
}

// parseTags reads "rl, to-read  llm" as three tags, and a quoted tag of
// several words ("to read", as tags shows it) as one.
func parseTags(s string) []string {
	var tags []string
	for i, part := range strings.Split(s, `"`) {
		if i%2 == 1 { // between quotes
			if t := strings.TrimSpace(part); t != "" {
				tags = append(tags, t)
			}
			continue
		}
		tags = append(tags, strings.FieldsFunc(part, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })...)
	}
	return tags
}

// tagsLine is what T shows for editing: the tags, a tag of several words
// quoted so that parseTags reads it back whole.
func tagsLine(tags []string) string {
	shown := make([]string, len(tags))
	for i, t := range tags {
		if strings.ContainsAny(t, ", \t") {
			t = `"` + t + `"`
		}
		shown[i] = t
	}
	return strings.Join(shown, ", ")
}
