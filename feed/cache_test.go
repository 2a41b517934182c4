package feed

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

func TestCacheWriteFailureIsNotFatal(t *testing.T) {
	m := newHFMirror(t)
	dir := filepath.Join(t.TempDir(), "cache")
	if err := os.WriteFile(dir, []byte("a file where the cache directory should be"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = dir })
	res, err := c.Load(context.Background(), day("2024-08-01"))
	if err != nil || len(res.Listing.Papers) != 13 {
		t.Fatalf("%d papers, %v", len(res.Listing.Papers), err)
	}
}

func TestCacheKeysAreSafeFileNames(t *testing.T) {
	for _, p := range []model.Period{
		{Kind: model.Search, Value: "../../etc/passwd"},
		{Kind: model.Search, Value: "flow matching"},
		{Kind: model.Day, Value: "2024-08-01"},
	} {
		key := listingKey(p)
		if filepath.Base(key) != key || key == "" {
			t.Errorf("%v: key %q", p, key)
		}
	}
	if listingKey(model.Period{Kind: model.Search, Value: "a"}) == listingKey(model.Period{Kind: model.Search, Value: "b"}) {
		t.Error("two searches share a cache file")
	}
}

func TestCacheRoundTrip(t *testing.T) {
	c := cache{dir: t.TempDir(), logf: func(string, ...any) {}}
	at := time.Date(2024, 8, 1, 10, 2, 0, 0, time.UTC)
	l := model.Listing{Source: model.SourceHF, Period: model.Period{Kind: model.Day, Value: "2024-08-01"}, Papers: []model.Paper{{ID: "2407.21783", Title: "Llama"}}}
	c.putListing(l.Period, l, at)
	got, ok := c.listing(l.Period)
	if !ok || !got.Fetched.Equal(at) || got.Listing.Papers[0].Title != "Llama" {
		t.Errorf("%v %+v", ok, got)
	}
	if _, ok := c.listing(model.Period{Kind: model.Day, Value: "2024-08-02"}); ok {
		t.Error("another day found in the cache")
	}
	var off cache // no directory: nothing cached, nothing fails
	off.putListing(l.Period, l, at)
	if _, ok := off.listing(l.Period); ok {
		t.Error("a disabled cache returned a listing")
	}
}
