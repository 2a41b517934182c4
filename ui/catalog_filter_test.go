package ui

import (
	"strings"
	"testing"
)

// On a snapshot the reader's query language works as on any listing: a
// paper opened is read and a bookmark is bookmarked (is:), ctrl+a finds a
// word of an abstract read from the file, and a qualifier a snapshot
// cannot answer says so instead of emptying the list.
func TestSnapshotFilterSpeaksTheReadersLanguage(t *testing.T) {
	d := openSnapshot(t, "arxiv_metadata_snapshot_head.jsonl", nil)

	d.keys("/")
	d.typeText("paired") // only in 0704.0006's abstract ("paired atoms")
	if n := d.app.list.Shown(); n != 0 {
		t.Errorf("without ctrl+a, paired is in no title or author line: %d shown", n)
	}
	d.keys("ctrl+a")
	if st := d.status(); d.app.list.Shown() != 1 || d.selected() != "0704.0006" || !strings.Contains(st, "with abstracts") {
		t.Errorf("ctrl+a should find 0704.0006 by its abstract: %d shown, on %q, %q", d.app.list.Shown(), d.selected(), st)
	}
	d.keys("ctrl+a", "esc")

	// The catalog holds the first three authors; ctrl+a reads them all.
	d.keys("/")
	d.typeText("author:yuan") // 0704.0001's fourth author
	if st := d.status(); d.app.list.Shown() != 0 || !strings.Contains(st, "first 3 authors; ctrl+a reads them all") {
		t.Errorf("author: beyond the third author should say ctrl+a reads them all: %d shown, %q", d.app.list.Shown(), st)
	}
	d.keys("ctrl+a")
	if d.app.list.Shown() != 1 || d.selected() != "0704.0001" {
		t.Errorf("author:yuan with ctrl+a: %d shown, on %q", d.app.list.Shown(), d.selected())
	}
	d.keys("ctrl+a", "esc")

	d.keys("/")
	d.typeText("up:>10")
	if st := d.status(); d.app.list.Shown() != 12 || !strings.Contains(st, "up: — a snapshot has no upvotes") {
		t.Errorf("up: on a snapshot should say it has no upvotes and keep the list: %d shown, %q", d.app.list.Shown(), st)
	}
	d.keys("esc")

	d.keys("g", "enter", "esc") // opens the first paper: now read
	d.keys("j", "b")            // bookmarks the second
	d.keys("/")
	d.typeText("is:unread")
	if n := d.app.list.Shown(); n != 11 {
		t.Errorf("is:unread after reading one paper: %d of 12 shown", n)
	}
	d.keys("esc", "/")
	d.typeText("is:bookmarked")
	if d.app.list.Shown() != 1 || d.selected() != "0704.0002" {
		t.Errorf("is:bookmarked: %d shown, on %q", d.app.list.Shown(), d.selected())
	}
	d.keys("esc", "/")
	d.typeText("-is:read cat:math.CO")
	if n := d.app.list.Shown(); n != 3 { // 0704.0001 (read) is hep-ph
		t.Errorf("-is:read cat:math.CO: %d shown, want the 3 math.CO papers", n)
	}
}
