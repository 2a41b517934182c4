package catalog

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRecordsReadWhatPaperReadsInAnyOrder(t *testing.T) {
	path := writeFile(t, fixtures(t))
	c := final(load(t, path, t.TempDir()))
	r, err := c.OpenRecords()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	n := c.Len()
	// File order (read ahead), then backwards, then newest first.
	order := make([]int, 0, 3*n)
	for i := range n {
		order = append(order, i)
	}
	for i := n - 1; i >= 0; i-- {
		order = append(order, i)
	}
	for _, i := range c.ByDate() {
		order = append(order, int(i))
	}
	for _, i := range order {
		want, err := c.Paper(i)
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Paper(c, i)
		if err != nil {
			t.Fatalf("paper %d: %v", i, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("paper %d (%s) read through Records differs from Paper's:\n%+v\n%+v", i, want.ID, got, want)
		}
	}
}

func TestRecordsSayTheFileChanged(t *testing.T) {
	data := fixtures(t)
	path := writeFile(t, data)
	c := final(load(t, path, ""))
	// The same size, other papers where the offsets point.
	shifted := append([]byte("\n"), data[:len(data)-1]...)
	if err := os.WriteFile(path, shifted, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := c.OpenRecords()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Paper(c, 1); err == nil || !strings.Contains(err.Error(), "changed since it was read") {
		t.Errorf("a paper read from a changed file: err %v", err)
	}
}

func TestRecordsOfAGzipSnapshotWaitForItsCopy(t *testing.T) {
	path := writeGzip(t, fixtures(t))
	cache := t.TempDir()
	first := load(t, path, cache)[0].Catalog
	// After the load the copy is there, for every catalog of it.
	r, err := first.OpenRecords()
	if err != nil {
		t.Fatalf("after the load: %v", err)
	}
	defer r.Close()
	if p, err := r.Paper(first, 0); err != nil || p.Summary == "" {
		t.Errorf("paper 0 of a .gz snapshot: %v, %+v", err, p)
	}
	// Without its copy, a .gz catalog says so rather than failing.
	if err := os.RemoveAll(cache); err != nil {
		t.Fatal(err)
	}
	if _, err := first.OpenRecords(); err != ErrNotYetReadable {
		t.Errorf("no copy yet: err %v, want ErrNotYetReadable", err)
	}
}

func writeGzip(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "arxiv-metadata-oai-snapshot.json.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
