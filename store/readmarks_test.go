package store

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func tempReadMarks(t *testing.T) *ReadMarks {
	t.Helper()
	return OpenReadMarks(filepath.Join(t.TempDir(), "paperdeck", "readmarks.json"))
}

func TestReadMarksPersist(t *testing.T) {
	r := tempReadMarks(t)
	if read, err := r.Load(); err != nil || len(read) != 0 {
		t.Fatalf("fresh Load = %v, %v", read, err)
	}
	if err := r.MarkRead("2401.00001", "2401.00002"); err != nil {
		t.Fatal(err)
	}
	if err := r.MarkRead("2401.00002"); err != nil {
		t.Fatal(err)
	}
	read, err := OpenReadMarks(r.file.path).Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(read)); !slices.Equal(got, []string{"2401.00001", "2401.00002"}) {
		t.Fatalf("read = %v", got)
	}
}

func TestVisitShowsWhatIsNewSinceTheLastVisit(t *testing.T) {
	r := tempReadMarks(t)
	fresh, err := r.Visit("day 2025-01-09", []string{"a", "b"})
	if err != nil || fresh == nil || len(fresh) != 0 {
		t.Fatalf("first visit: %v, %v; want an empty map", fresh, err)
	}
	// Another listing does not disturb this one.
	r.Visit("trending", []string{"x", "a"})
	fresh, err = r.Visit("day 2025-01-09", []string{"c", "a", "b", "d"})
	if err != nil {
		t.Fatal(err)
	}
	if got := slices.Sorted(maps.Keys(fresh)); !slices.Equal(got, []string{"c", "d"}) {
		t.Fatalf("new since last visit = %v, want [c d]", got)
	}
	fresh, _ = r.Visit("day 2025-01-09", []string{"a", "b", "c", "d"})
	if len(fresh) != 0 {
		t.Fatalf("nothing is new at an identical visit, got %v", fresh)
	}
}

func TestReadMarksStayBounded(t *testing.T) {
	r := tempReadMarks(t)
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	r.now = func() time.Time { now = now.Add(time.Minute); return now }
	r.maxRead, r.maxVisits = 3, 4
	r.MarkRead("old")
	r.MarkRead("b", "c", "d")
	for i := range r.maxVisits + 5 {
		r.Visit(fmt.Sprint("listing ", i), []string{"a"})
	}
	doc, err := decodeReadMarks(must(os.ReadFile(r.file.path)))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Visits) != r.maxVisits {
		t.Fatalf("kept %d visits, want %d", len(doc.Visits), r.maxVisits)
	}
	if _, ok := doc.Read["old"]; ok || len(doc.Read) != 3 {
		t.Fatalf("read marks beyond the limit should go oldest first: %v", doc.Read)
	}
	if _, ok := doc.Visits["listing 0"]; ok {
		t.Fatal("the oldest visit should be dropped first")
	}
	if _, ok := doc.Visits[fmt.Sprint("listing ", r.maxVisits+4)]; !ok {
		t.Fatal("the newest visit was dropped")
	}
}

func TestCorruptReadMarksAreLeftAlone(t *testing.T) {
	r := tempReadMarks(t)
	os.MkdirAll(filepath.Dir(r.file.path), 0o755)
	damaged := []byte(`{"version": 1, "read": {"a": `)
	os.WriteFile(r.file.path, damaged, 0o644)
	var ce *CorruptError
	if _, err := r.Load(); !errors.As(err, &ce) {
		t.Fatalf("Load: %v", err)
	}
	if err := r.MarkRead("b"); !errors.As(err, &ce) || !bytes.Contains([]byte(err.Error()), []byte("read marks file")) {
		t.Fatalf("MarkRead: %v", err)
	}
	if _, err := r.Visit("k", []string{"b"}); !errors.As(err, &ce) {
		t.Fatalf("Visit: %v", err)
	}
	if after, _ := os.ReadFile(r.file.path); !bytes.Equal(after, damaged) {
		t.Fatal("the damaged file was changed")
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
