package list

import (
	"fmt"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// numbered is n papers with distinct ids and titles.
func numbered(n int) []model.Paper {
	papers := make([]model.Paper, n)
	for i := range papers {
		papers[i] = model.Paper{ID: fmt.Sprintf("2501.%05d", i), Title: fmt.Sprintf("paper %d", i)}
	}
	return papers
}

func TestPaperListAcrossBatches(t *testing.T) {
	var l Papers
	l.Append(numbered(3))
	l.Append(nil)
	l.Append(numbered(5)[3:])
	if l.Len() != 5 {
		t.Fatalf("%d papers", l.Len())
	}
	for i := range 5 {
		if got := l.At(i).ID; got != numbered(5)[i].ID {
			t.Errorf("At(%d) = %q", i, got)
		}
	}
	p := l.At(3)
	p.Title = "updated"
	l.Set(3, p)
	if l.At(3).Title != "updated" || l.chunks[1][0].Title == "updated" {
		t.Error("Set should show the new paper without writing to the shared batch")
	}
	if got := l.Find(p.ID); len(got) != 1 || got[0] != 3 {
		t.Errorf("Find(%q) = %v, want [3]", p.ID, got)
	}
	if ids := l.IDs(); len(ids) != 5 || ids[4] != numbered(5)[4].ID {
		t.Errorf("IDs: %q", ids)
	}
}
