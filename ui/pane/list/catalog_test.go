package list

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/catalog"
	"github.com/paperdeck/paperdeck/ui/common"
)

// snapshotList is a list pane over the catalog of the repository's sample
// of the snapshot, every filter searched in a command as over millions.
func snapshotList(t *testing.T) (*Model, *catalog.Catalog) {
	t.Helper()
	var c *catalog.Catalog
	path := filepath.Join("..", "..", "..", "testdata", "arxiv_metadata_snapshot_head.jsonl")
	err := catalog.Load(context.Background(), path, catalog.Options{}, func(u catalog.Update) { c = u.Catalog })
	if err != nil || c == nil || c.Len() != 12 {
		t.Fatalf("the sample's catalog: %v", err)
	}
	l := New(common.Common{Width: 100, Height: 20}, nil)
	l.SetListing(context.Background(), CatalogPapers(c), nil, "", "", false)
	return l, c
}

// inBackground runs the commands at once, each on its own goroutine as
// Bubble Tea does, and returns their messages in the commands' order.
func inBackground(cmds ...tea.Cmd) []FilteredMsg {
	ch := make([]chan tea.Msg, len(cmds))
	for i, cmd := range cmds {
		ch[i] = make(chan tea.Msg, 1)
		go func() { ch[i] <- cmd() }()
	}
	msgs := make([]FilteredMsg, len(cmds))
	for i := range ch {
		msgs[i] = (<-ch[i]).(FilteredMsg)
	}
	return msgs
}

func shownIDs(l *Model) []string {
	var ids []string
	for i := range l.Shown() {
		ids = append(ids, l.ShownPaper(i).ID)
	}
	return ids
}

// Keys typed faster than the catalog answers: a key that narrows the
// query in flight lets that search finish and searches within its matches
// (the last key costs a narrowing, not a scan of the catalog); a search
// still waiting is dropped for the newer key's; the screen shows the
// newest answer whatever order the answers land in.
func TestCatalogFilterTypedQuicklyNarrowsTheSearchInFlight(t *testing.T) {
	ctx := context.Background()
	l, c := snapshotList(t)
	first := l.SetFilter(ctx, "co", false)
	waits := l.SetFilter(ctx, "co m", false) // before co answered
	last := l.SetFilter(ctx, "co mod", false)
	msgs := inBackground(first, waits, last)
	if msgs[0].err != nil || msgs[0].res == nil {
		t.Fatalf("a narrowing key should not cancel the search before it: %v", msgs[0].err)
	}
	many := len(msgs[0].res.Matches)
	if many == 0 || many == c.Len() {
		t.Fatalf("co should match some of the sample, not %d of %d", many, c.Len())
	}
	if !errors.Is(msgs[1].err, context.Canceled) {
		t.Errorf("co m, still waiting for co when co mod was typed, should give way to it: %v", msgs[1].err)
	}
	if msgs[2].err != nil || msgs[2].catalog.searched != many {
		t.Errorf("co mod should search co's %d matches, not %d papers (%v)", many, msgs[2].catalog.searched, msgs[2].err)
	}
	l.Filtered(ctx, msgs[2])
	l.Filtered(ctx, msgs[1])
	l.Filtered(ctx, msgs[0]) // the older answer lands late: dropped

	// the two modular forms papers, with "computing", "coefficients"
	want := []string{"0704.0011", "0704.0012"}
	if got := shownIDs(l); !slices.Equal(got, want) || l.filt.busy {
		t.Errorf("the screen should show co mod's answer %q, not %q (busy %v)", want, got, l.filt.busy)
	}
}

// A key that does not narrow the query in flight (backspace, another
// word) cancels it: its answer would be of no use.
func TestCatalogFilterKeyThatWidensCancelsTheSearchInFlight(t *testing.T) {
	ctx := context.Background()
	l, c := snapshotList(t)
	first := l.SetFilter(ctx, "co mod", false)
	last := l.SetFilter(ctx, "co", false)
	msgs := inBackground(first, last)
	if !errors.Is(msgs[0].err, context.Canceled) {
		t.Errorf("co mod should be cancelled by the backspace after it: %v", msgs[0].err)
	}
	if msgs[1].err != nil || msgs[1].catalog.searched != c.Len() {
		t.Errorf("co should search the whole catalog (%d), not %d papers (%v)", c.Len(), msgs[1].catalog.searched, msgs[1].err)
	}
	l.Filtered(ctx, msgs[0])
	l.Filtered(ctx, msgs[1])
	if got := l.Shown(); got != len(msgs[1].res.Matches) || l.filt.busy {
		t.Errorf("the screen should show co's %d matches, shows %d", len(msgs[1].res.Matches), got)
	}
}
