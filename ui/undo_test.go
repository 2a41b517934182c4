package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/store"
)

// seedBookmark writes a bookmark of shelf()'s first paper with tags, a
// note and an old date, as an earlier session would have.
func seedBookmark(t *testing.T, dir string) store.Bookmark {
	t.Helper()
	b := store.Bookmark{Paper: shelf().Papers[0], Added: time.Date(2024, 9, 1, 8, 30, 0, 0, time.UTC),
		Tags: []string{"rl", "to-read"}, Note: "read section 3 first"}
	if _, err := store.OpenBookmarks(filepath.Join(dir, "bookmarks.json")).Import([]store.Bookmark{b}); err != nil {
		t.Fatal(err)
	}
	return b
}

func savedBookmark(t *testing.T, dir, id string) (store.Bookmark, bool) {
	t.Helper()
	list, err := store.OpenBookmarks(filepath.Join(dir, "bookmarks.json")).Load()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(list, func(b store.Bookmark) bool { return b.Paper.ID == id })
	if i < 0 {
		return store.Bookmark{}, false
	}
	return list[i], true
}

// b on a bookmark with tags or a note asks in the input line; n keeps it
// as it is, y removes it, and u puts it back whole: tags, note and the
// date it was added, in the file too.
func TestRemovingATaggedBookmarkAsksAndUUndoes(t *testing.T) {
	dir := t.TempDir()
	want := seedBookmark(t, dir)
	h := withStores(t, newFakeFeed().add(shelf()), fri, dir, 100, 24)
	title := "Sparse Attention at Scale"
	if !strings.Contains(rowOf(h.screen(), title), "★") {
		t.Fatalf("the seeded bookmark is not shown:\n%s", h.screen())
	}

	h.keys("b")
	question := "remove the bookmark of “Sparse Attention at Scale” with its tags and note? (y/n)"
	if !strings.Contains(h.screen(), question) {
		t.Fatalf("b did not ask:\n%s", h.screen())
	}
	h.keys("j", "q") // not an answer: the question stays, nothing moves, nothing quits
	if h.quit || !strings.Contains(h.screen(), question) || h.selected() != want.Paper.ID {
		t.Fatalf("a key that is not y or n answered the question (quit %v, cursor on %s):\n%s", h.quit, h.selected(), h.screen())
	}
	h.keys("n")
	if got, ok := savedBookmark(t, dir, want.Paper.ID); !ok || !slices.Equal(got.Tags, want.Tags) {
		t.Fatalf("n removed the bookmark or its tags: %+v", got)
	}
	if strings.Contains(h.screen(), question) || !strings.Contains(rowOf(h.screen(), title), "★") {
		t.Errorf("after n:\n%s", h.screen())
	}

	h.keys("b", "y")
	if _, ok := savedBookmark(t, dir, want.Paper.ID); ok {
		t.Fatalf("y did not remove the bookmark from the file")
	}
	if strings.Contains(rowOf(h.screen(), title), "★") || !strings.Contains(h.status(), "u undoes") {
		t.Errorf("after y: status %q\n%s", h.status(), h.screen())
	}

	h.keys("u")
	got, ok := savedBookmark(t, dir, want.Paper.ID)
	if !ok || !slices.Equal(got.Tags, want.Tags) || got.Note != want.Note || !got.Added.Equal(want.Added) {
		t.Fatalf("u put back %+v (found %v), want tags %v, note %q, added %v", got, ok, want.Tags, want.Note, want.Added)
	}
	if !strings.Contains(rowOf(h.screen(), title), "★") || !strings.Contains(h.status(), "put back the bookmark") {
		t.Errorf("after u: status %q\n%s", h.status(), h.screen())
	}
	h.keys("u")
	if !strings.Contains(h.status(), "nothing to undo") {
		t.Errorf("a second u: status %q", h.status())
	}
}

// A bookmark with nothing but the mark goes on one key, as before; in the
// bookmarks view too; u brings it back there.
func TestRemovalInTheBookmarksViewIsUndone(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, newFakeFeed().add(shelf()), fri, dir, 100, 24)
	h.keys("j", "b") // Flow Matching for Robots: a plain bookmark
	h.keys("B")
	if !strings.Contains(h.status(), "bookmarks") || h.selected() != "2501.00002" {
		t.Fatalf("B: status %q, cursor on %s", h.status(), h.selected())
	}
	h.keys("b")
	if strings.Contains(h.screen(), "(y/n)") {
		t.Fatalf("b asked about a bookmark without tags or note:\n%s", h.screen())
	}
	if _, ok := savedBookmark(t, dir, "2501.00002"); ok {
		t.Fatal("b in the bookmarks view did not remove the bookmark")
	}
	h.keys("u")
	if _, ok := savedBookmark(t, dir, "2501.00002"); !ok {
		t.Fatal("u in the bookmarks view did not put the bookmark back")
	}
	if !strings.Contains(rowOf(h.screen(), "Flow Matching for Robots"), "★") {
		t.Errorf("after u:\n%s", h.screen())
	}
}

// Remapped in config.toml, undo is the new key; the message names it.
func TestUndoFollowsARemap(t *testing.T) {
	dir := t.TempDir()
	want := seedBookmark(t, dir)
	o := &opened{}
	opts := optionsFor(newFakeFeed().add(shelf()), fri, o)
	opts.Bookmarks = store.OpenBookmarks(filepath.Join(dir, "bookmarks.json"))
	opts.Comforts.Keys = map[string][]string{"undo": {"U"}}
	h := harnessWith(t, opts, o)
	h.keys("b", "y")
	if !strings.Contains(h.status(), "U undoes") {
		t.Errorf("status %q does not name the remapped key", h.status())
	}
	h.keys("u")
	if _, ok := savedBookmark(t, dir, want.Paper.ID); ok {
		t.Fatal("u still undoes after the remap to U")
	}
	h.keys("U")
	if got, ok := savedBookmark(t, dir, want.Paper.ID); !ok || got.Note != want.Note {
		t.Fatalf("U did not put the bookmark back: %+v", got)
	}
}

// On a narrow screen a long title gives way in the question, never the
// answers it takes.
func TestTheQuestionKeepsItsAnswersOnANarrowScreen(t *testing.T) {
	dir := t.TempDir()
	long := "Sparse Routers Learn Faster Than Dense Ones: A Study of Token Choice in Mixture-of-Experts Language Models"
	f := newFakeFeed().add(day(fri.Value, long))
	h := withStores(t, f, fri, dir, 80, 24) // harnessWith draws at 80×24
	h.keys("T")
	h.typeText("rl")
	h.keys("enter", "b")
	lines := strings.Split(h.screen(), "\n")
	question := lines[len(lines)-2]
	if !strings.HasPrefix(question, "remove the bookmark of “Sparse Routers") || !strings.HasSuffix(strings.TrimRight(question, " "), "(y/n)") {
		t.Errorf("the question line at 80 columns: %q", question)
	}
	checkScreenFits(t, h.app.View().Content, 80, 24)
}
