package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/store"
)

// A tag of several words ("to read", as bookmarks add --tag and tag:"to
// read" know it) stays one tag when T is opened and accepted as it is,
// and a new word typed after it is a tag of its own.
func TestTagsEditKeepsATagOfSeveralWords(t *testing.T) {
	dir := t.TempDir()
	f := page2024(t)
	llama := f.listings[thu].Papers[0]
	bookmarks := store.OpenBookmarks(filepath.Join(dir, "bookmarks.json"))
	if _, err := bookmarks.AddTagged(f.listings[thu].Papers[:1], []string{"rl", "to read"}, ""); err != nil {
		t.Fatal(err)
	}
	h := withStores(t, f, thu, dir, 80, 24)
	if h.selected() != llama.ID {
		t.Fatalf("cursor on %s", h.selected())
	}
	h.keys("T", "enter")
	h.keys("T", "end")
	h.typeText(" llm")
	h.keys("enter")
	list, err := bookmarks.Load()
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	if want := []string{"rl", "to read", "llm"}; !slices.Equal(list[0].Tags, want) {
		t.Errorf("saved tags %q, want %q", list[0].Tags, want)
	}
	if !strings.Contains(h.screen(), "#to read") {
		t.Errorf("the row should show the tag whole:\n%s", h.screen())
	}
}
