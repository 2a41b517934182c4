package bookmarks

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

// The status bar's word on the tags: the most used first, as counted, and
// a tag edited by hand into the file reaches the screen cleaned.
func TestTagCountsAreSaidCleaned(t *testing.T) {
	m := New(common.Common{Styles: common.NewStyles(true, false), Keys: keymap.New(nil)}, nil)
	if got := m.TagCounts(); got != "" {
		t.Errorf("no tags: %q", got)
	}
	m.SetTagCounts([]store.TagCount{{Tag: "rl", Count: 5}, {Tag: "x\x1b]0;pwned\x07y", Count: 1}})
	got := m.TagCounts()
	if !strings.HasPrefix(got, " · #rl 5 · #x") || strings.ContainsAny(got, "\x1b\x07") {
		t.Errorf("tag counts %q", got)
	}
}

// With nothing bookmarked the view says how to bookmark.
func TestAnEmptyViewSaysHowToBookmark(t *testing.T) {
	m := New(common.Common{Styles: common.NewStyles(true, false), Keys: keymap.New(nil)}, nil)
	m.SetSize(80, 10)
	if !strings.Contains(m.View(), Empty) {
		t.Errorf("empty view: %q", m.View())
	}
}
