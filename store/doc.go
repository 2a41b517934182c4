// Package store keeps paperdeck's local state: bookmarks, read marks and the
// exports (BibTeX, Markdown, JSON). It never imports the UI.
//
// # Files
//
// Both files live in paths.Data() ($XDG_DATA_HOME/paperdeck, else
// ~/.local/share/paperdeck) and are human-readable, versioned JSON:
//
//	bookmarks.json  {"version": 1, "bookmarks": [{"paper": {…}, "added": "…", "tags": […], "note": "…"}, …]}
//	readmarks.json  {"version": 1, "read": {"ID": "time read", …}, "visits": {"listing key": {"at": "…", "ids": […]}}}
//
// Every change is a read-modify-write under a lock file beside the data
// file (bookmarks.json.lock): the file is re-read under the lock and the
// change applied to what is on disk, so two paperdeck windows merge by paper
// id instead of overwriting each other. The new contents are written to a
// temporary file in the same folder, fsynced, renamed over the old file and
// the folder fsynced; the previous generation is kept as bookmarks.json.bak.
// A process killed at any moment leaves either the old or the new file.
//
// A file that does not parse is never overwritten: Load and every change
// return a *CorruptError naming the file and its backup, and write nothing.
// The caller keeps working from memory and shows the error.
//
// # Bookmarks
//
//	path, err := store.BookmarksPath()  // paths.Data()/bookmarks.json; ReadMarksPath() likewise
//	b := store.OpenBookmarks(path)      // no I/O
//	list, err := b.Load()               // newest first; a missing file is empty
//	added, err := b.Add(papers...)      // re-adding keeps the original Added time and refreshes the record
//	added, err = b.AddTagged(papers, tags, note) // the same, joining tags and setting the note
//	r, err := b.Retag(ids, add, remove) // r.Changed, r.NotBookmarked, r.Lacking; tags compare case aside (SameTag)
//	removed, err := b.Remove(ids...)
//	err = b.SetTags(id, []string{"rl", "to-read"})
//	err = b.SetNote(id, "compare with …")
//	added, err = b.Import(bookmarks)    // merges whole records (added time, tags, note), e.g. a colleague's export
//
// ParseBookmarks reads such a document from elsewhere (a colleague's
// bookmarks.json, or `paperdeck bookmarks list --json`, which prints the
// same format) and EncodeBookmarks writes one.
//
// A *Bookmarks is safe for concurrent use. Every method but OpenBookmarks
// does file I/O, so the TUI calls them in a tea.Cmd, never in Update.
//
// # Read marks
//
//	r := store.OpenReadMarks(path)      // path from ReadMarksPath()
//	read, err := r.Load()               // ids whose detail was opened
//	err = r.MarkRead(id)
//	fresh, err := r.Visit(key, ids)     // ids not seen at the previous visit of that listing; empty on the first visit
//
// The listing key is any stable string for a listing, e.g. the period's
// kind and value ("day 2025-01-09", "trending"). Only the last visit of
// each listing is kept (the 400 most recent listings), and the 50,000 most
// recent read marks.
//
// # BibTeX
//
// WriteBibTeX writes one @misc entry per paper with keys unique within the
// output (dubey2024llama, dubey2024llamaa, …); BibTeXEntry gives a single
// entry, for copying one paper. Every special character is escaped so that
// no title or author can unbalance the braces.
package store
