package main

import (
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/store"
)

// listMarks are the marks `list --filter` asks about (is:read,
// is:bookmarked, tag:, note:, a bookmark's words), read from the
// bookmarks and read marks files only when the query needs them. Nothing
// is new to a command: is:new keeps no paper.
type listMarks struct {
	read, bookmarked map[string]bool
	library          *query.Library
}

// readListMarks reads what q asks about; nothing when it asks nothing.
func readListMarks(q *query.Query) (listMarks, error) {
	var m listMarks
	if !q.UsesMarks() && !q.UsesLibrary() {
		return m, nil
	}
	_, list, err := readBookmarks()
	if err != nil {
		return m, err
	}
	m.bookmarked = make(map[string]bool, len(list))
	items := make([]query.Shelved, len(list))
	for i, b := range list {
		m.bookmarked[b.Paper.ID] = true
		items[i] = query.Shelved{ID: b.Paper.ID, Tags: b.Tags, Note: b.Note}
	}
	m.library = query.NewLibrary(items)
	if q.Need&query.IsRead != 0 || q.Shun&query.IsRead != 0 {
		path, err := store.ReadMarksPath()
		if err != nil {
			return m, err
		}
		if m.read, err = store.OpenReadMarks(path).Load(); err != nil {
			return m, err
		}
	}
	return m, nil
}
