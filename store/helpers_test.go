package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// papers makes n distinct records with arXiv-like ids from first on.
func papers(first, n int) []model.Paper {
	out := make([]model.Paper, n)
	for i := range out {
		id := fmt.Sprintf("2401.%05d", first+i)
		out[i] = model.Paper{
			ID:      id,
			Title:   fmt.Sprintf("Paper number %d on flow matching", first+i),
			Authors: []string{"Ada Lovelace", "Alan Turing"},
			Summary: strings.Repeat("An abstract long enough to make writes take a little while. ", 20),
			URL:     "https://huggingface.co/papers/" + id,
			Source:  model.SourceHF,
		}
	}
	return out
}

func ids(list []Bookmark) []string {
	out := make([]string, len(list))
	for i, b := range list {
		out[i] = b.Paper.ID
	}
	return out
}

// clock is a fake time that moves one second per reading.
func clock(b *Bookmarks) *time.Time {
	t := time.Date(2025, 1, 9, 8, 0, 0, 0, time.UTC)
	b.now = func() time.Time { t = t.Add(time.Second); return t }
	return &t
}

func tempBookmarks(t *testing.T) *Bookmarks {
	t.Helper()
	return OpenBookmarks(filepath.Join(t.TempDir(), "paperdeck", "bookmarks.json"))
}

func mustLoad(t *testing.T, b *Bookmarks) []Bookmark {
	t.Helper()
	list, err := b.Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return list
}
