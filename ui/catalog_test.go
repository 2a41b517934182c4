package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// openSnapshot opens a copy of a snapshot sample in testdata/ through the
// reader, with a cache folder for its side index.
func openSnapshot(t *testing.T, name string, data func([]byte) []byte) *streamDriver {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if data != nil {
		b = data(b)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	d := newStreamDriver(t, newFakeFeed(), path, 140, 40)
	d.app.opts.CatalogDir = t.TempDir()
	d.runHeld(d.app.Init())
	d.finish()
	if d.app.list.List().Catalog() == nil {
		t.Fatalf("%s should be listed from its catalog", name)
	}
	return d
}

func TestSnapshotListsFiltersAndSortsThroughItsCatalog(t *testing.T) {
	for _, name := range []string{"arxiv_metadata_snapshot_head.jsonl", "arxiv_metadata_snapshot_head.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			d := openSnapshot(t, name, nil)
			if n := d.app.list.Total(); n != 12 {
				t.Fatalf("%d papers listed, want the sample's 12", n)
			}
			scr := d.screen()
			for _, want := range []string{"Sparsity-certifying Graph Decompositions", "12 papers"} {
				if !strings.Contains(scr, want) {
					t.Errorf("the first screen should show %q:\n%s", want, scr)
				}
			}

			d.keys("/")
			d.typeText("cat:math.CO")
			if st := d.status(); !strings.Contains(st, "3 of 12 papers") {
				t.Errorf("cat:math.CO should leave the three math.CO papers (one of them cross-listed): %q", st)
			}
			if id := d.selected(); id != "0704.0002" {
				t.Errorf("the first math.CO paper is 0704.0002, the cursor is on %q", id)
			}
			d.typeText(" stirl")
			if st := d.status(); !strings.Contains(st, "1 of 12 papers") || d.selected() != "0704.0004" {
				t.Errorf("a word narrowing cat:math.CO should leave 0704.0004 (Stirling cycle numbers): %q on %q", st, d.selected())
			}
			d.keys("ctrl+a")
			if st := d.status(); !strings.Contains(st, "with abstracts") || !strings.Contains(st, "1 of 12 papers") {
				t.Errorf("ctrl+a should search the abstracts too (read from the file), and keep the answer: %q", st)
			}
			d.keys("esc", "esc")
			if d.app.list.Query() != "" || d.app.list.Shown() != 12 {
				t.Fatalf("esc should clear the filter: %q, %d shown", d.app.list.Query(), d.app.list.Shown())
			}

			// The sort goes to the date at once (a snapshot has no upvotes):
			// 2 April's papers first, in file order.
			d.keys("S")
			if st := d.status(); !strings.Contains(st, "newest first") {
				t.Errorf("the status should name the date order: %q", st)
			}
			d.keys("j")
			if id := d.selected(); id != "0704.0005" {
				t.Errorf("second newest is 0704.0005 (2 April, after 0704.0001), the cursor is on %q", id)
			}

			// M would make every paper's record whole: refused, the list stays.
			d.keys("M")
			if st := d.status(); !strings.Contains(st, "not offered over a snapshot") || d.app.list.Total() != 12 {
				t.Errorf("M on a snapshot should say it is not offered and keep the list: %q", st)
			}
		})
	}
}

func TestSnapshotDetailReadsTheRecordFromTheFile(t *testing.T) {
	for _, name := range []string{"arxiv_metadata_snapshot_head.jsonl", "arxiv_metadata_snapshot_head.jsonl.gz"} {
		t.Run(name, func(t *testing.T) {
			d := openSnapshot(t, name, nil)
			// Offline: Hugging Face has no details to add.
			d.feed.paperErrs["0704.0006"] = errors.New("dial tcp: connection refused")
			d.keys("j", "j", "j", "j", "j", "enter")
			if id := d.selected(); id != "0704.0006" {
				t.Fatalf("the cursor should be on the sixth paper, is on %q", id)
			}
			scr := d.screen()
			// Neither the abstract nor the comments are held by the
			// catalog: they come from the record at its offset.
			for _, want := range []string{"two-particle wave function of paired atoms", "accepted by PRA"} {
				if !strings.Contains(scr, want) {
					t.Errorf("the detail should show %q from the file:\n%s", want, scr)
				}
			}
		})
	}
}

func TestSnapshotSaysWhatWasSkippedAndNoticesAChange(t *testing.T) {
	d := openSnapshot(t, "arxiv_metadata_snapshot_head.jsonl", func(b []byte) []byte {
		lines := strings.SplitAfter(string(b), "\n")
		return []byte(strings.Join(lines[:3], "") + "{not json\n" + strings.Join(lines[3:], ""))
	})
	if n := d.app.list.Total(); n != 12 {
		t.Fatalf("%d papers listed, want the 12 whole records", n)
	}
	if st := d.status(); !strings.Contains(st, "1 paper skipped") {
		t.Errorf("the status should say a line was skipped: %q", st)
	}

	c := d.app.list.List().Catalog()
	d.send(catalogCheckMsg{cat: c})
	if st := d.status(); strings.Contains(st, "changed") {
		t.Fatalf("an unchanged file should say nothing: %q", st)
	}
	f, err := os.OpenFile(c.Source().Path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("{}\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	d.send(catalogCheckMsg{cat: c})
	if st := d.status(); !strings.Contains(st, "the file changed") {
		t.Errorf("a file changed while open should be noticed: %q", st)
	}
}

func TestSnapshotFilterTypedWhileLoadingAnswersForTheWholeFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "arxiv_metadata_snapshot_head.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "snapshot.jsonl")
	if err := os.WriteFile(path, []byte(strings.Repeat(string(b), 400)), 0o644); err != nil {
		t.Fatal(err)
	}
	d := newStreamDriver(t, newFakeFeed(), path, 140, 40)
	d.app.opts.CatalogDir = t.TempDir()
	d.runHeld(d.app.Init()) // the first screen; the rest is held back
	if n := d.app.list.Total(); n == 0 || n > 4800 {
		t.Fatalf("%d papers on the first screen", n)
	}
	t.Logf("%d papers listed when the filter was typed", d.app.list.Total())
	d.keys("/")
	d.typeText("cat:math.CO")
	d.finish()
	if st := d.status(); !strings.Contains(st, "1200 of 4800 papers") {
		t.Errorf("a filter typed while the file loads should answer for the whole file (3 of every 12): %q", st)
	}
}
