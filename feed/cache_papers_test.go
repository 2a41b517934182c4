package feed

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

func cachedIDs(c *Client) []string {
	var ids []string
	for _, p := range c.CachedPapers() {
		ids = append(ids, p.ID)
	}
	return ids
}

// CachedPapers lists every cached paper once, and decodes a cache file
// again only when it changed: ranking asks on every sort.
func TestCachedPapersDecodesEachFileOnceUntilItChanges(t *testing.T) {
	c := testClient(t, "http://127.0.0.1:1", newFakeClock())
	at := time.Date(2024, 8, 1, 9, 0, 0, 0, time.UTC)
	thu := model.Period{Kind: model.Day, Value: "2024-08-01"}
	c.cache.putListing(thu, model.Listing{Period: thu, Papers: []model.Paper{{ID: "2407.21783"}, {ID: "2407.21705"}}}, at)
	c.cache.putPaper(model.Paper{ID: "2407.21783", Title: "again"}, at)
	c.cache.putPaper(model.Paper{ID: "2501.04519"}, at)

	if got, want := cachedIDs(c), []string{"2407.21783", "2407.21705", "2501.04519"}; !slices.Equal(got, want) {
		t.Fatalf("CachedPapers = %v, want %v", got, want)
	}
	first := c.known.decoded
	if first != 3 {
		t.Errorf("first call decoded %d files, want 3", first)
	}
	cachedIDs(c)
	cachedIDs(c)
	if c.known.decoded != first {
		t.Errorf("unchanged files were decoded again: %d decodes after %d", c.known.decoded, first)
	}

	// Another process adds a day and changes one: only those are read.
	fri := model.Period{Kind: model.Day, Value: "2024-08-02"}
	c.cache.putListing(fri, model.Listing{Period: fri, Papers: []model.Paper{{ID: "2408.00001"}}}, at)
	c.cache.putListing(thu, model.Listing{Period: thu, Papers: []model.Paper{{ID: "2407.21783"}, {ID: "2407.21705"}, {ID: "2407.21770"}}}, at)
	got := cachedIDs(c)
	if c.known.decoded != first+2 {
		t.Errorf("after one new and one changed file: %d decodes, want %d", c.known.decoded, first+2)
	}
	for _, id := range []string{"2408.00001", "2407.21770"} {
		if !slices.Contains(got, id) {
			t.Errorf("%s of a new or changed file is missing: %v", id, got)
		}
	}

	// A file deleted (the cache cleared by hand) takes its papers along.
	if err := os.Remove(filepath.Join(c.cache.dir, "papers", safeKey("2501.04519")+".json")); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(cachedIDs(c), "2501.04519") {
		t.Error("a deleted file's paper is still listed")
	}
}
