package catalog

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// A pipe is read once: its lines are copied into the cache as they are
// indexed, the details read from the copy, and the copy removed by Discard.
func TestSnapshotOnAPipeReadsDetailsFromItsCopy(t *testing.T) {
	data := fixtures(t)
	file := final(load(t, writeFile(t, data), t.TempDir()))
	cache := t.TempDir()
	var c *Catalog
	err := LoadStream(context.Background(), bytes.NewReader(data), "/dev/fd/63", Options{CacheDir: cache}, func(u Update) {
		if c == nil && u.Catalog.Len() > 0 {
			if _, err := u.Catalog.Paper(0); err != nil {
				t.Errorf("a detail while the pipe is read: %v", err)
			}
		}
		c = u.Catalog
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != file.Len() {
		t.Fatalf("%d papers from the pipe, %d from the file", c.Len(), file.Len())
	}
	for _, i := range []int{0, c.Len() / 2, c.Len() - 1} {
		p, err := c.Paper(i)
		want, _ := file.Paper(i)
		if err != nil || !reflect.DeepEqual(p, want) {
			t.Errorf("paper %d from the pipe: %v, want the file's %s", i, err, want.ID)
		}
	}
	copies, _ := filepath.Glob(filepath.Join(cache, "catalog", "*"))
	if len(copies) != 1 {
		t.Fatalf("cache holds %q, want the copy only (no side index for a pipe)", copies)
	}
	if err := c.Discard(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(copies[0]); !os.IsNotExist(err) {
		t.Errorf("the copy is still there after Discard: %v", err)
	}
	if err := file.Discard(); err != nil || len(file.Source().Path) == 0 {
		t.Errorf("Discard of a file's catalog: %v", err)
	}
	if _, err := os.Stat(file.Source().Path); err != nil {
		t.Errorf("Discard of a file's catalog touched the file: %v", err)
	}
	if err := LoadStream(context.Background(), bytes.NewReader(data), "pipe", Options{}, func(Update) {}); err == nil {
		t.Error("a pipe without a cache folder: no error")
	}
}
