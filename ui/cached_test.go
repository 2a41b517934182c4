package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
)

// cachingFeed is a fakeFeed with a cache of older copies.
type cachingFeed struct {
	*fakeFeed
	cached map[string]feed.Result
}

func (c cachingFeed) Cached(req feed.Request) (feed.Result, bool) {
	r, ok := c.cached[listingKey(req.Period)]
	return r, ok
}

// TestCachedCopyFirst: a listing the cache holds is on screen at once,
// while the fresh copy loads; the fresh copy then replaces it, keeping
// the cursor's paper.
func TestCachedCopyFirst(t *testing.T) {
	friday := day(fri.Value, "Friday paper")
	friday.Next = mon
	f := newFakeFeed().add(friday)
	old := day(mon.Value, "Monday paper A", "Monday paper B")
	fresh := day(mon.Value, "Monday paper A", "Monday paper B", "Monday paper C")
	f.add(fresh)
	cf := cachingFeed{f, map[string]feed.Result{listingKey(mon): {Listing: old, Notice: "cached copy from 2025-01-13 08:00"}}}
	o := &opened{}
	h := harnessWith(t, optionsFor(cf, fri, o), o)
	f.hold[mon] = make(chan struct{})

	// Run the batch's commands concurrently, as the program does.
	batch, _ := h.start(keyMsg("]"))().(tea.BatchMsg)
	results := make(chan tea.Msg, len(batch))
	for _, c := range batch {
		go func() {
			if c == nil {
				results <- nil
				return
			}
			results <- c()
		}()
	}
	var got []tea.Msg
	for len(got) < len(batch)-1 { // all but the held load
		got = append(got, <-results)
	}
	for _, msg := range got {
		if msg != nil {
			h.send(msg)
		}
	}
	if !strings.Contains(h.screen(), "Monday paper B") || strings.Contains(h.screen(), "Monday paper C") {
		t.Fatalf("the cached copy should be on screen while loading:\n%s", h.screen())
	}
	if !strings.Contains(h.status(), "updating") {
		t.Errorf("the status bar should say it is updating: %q", h.status())
	}
	h.keys("j")
	close(f.hold[mon])
	h.send(<-results)
	if !strings.Contains(h.screen(), "Monday paper C") {
		t.Errorf("the fresh copy should replace the cached one:\n%s", h.screen())
	}
	if h.selected() != mon.Value+"-1" {
		t.Errorf("the cursor should stay on paper B, is on %q", h.selected())
	}
	if len(h.app.nav.history) != 0 {
		t.Errorf("a cached copy must not leave a history entry")
	}
}
