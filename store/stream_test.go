package store_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

// snapshotPapers are real records (the arXiv metadata snapshot's first
// lines) and one with text a terminal must not see.
func snapshotPapers(t *testing.T) []model.Paper {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "arxiv_metadata_snapshot_head.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []model.Paper
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p, err := feed.ParseArxivMetaLine(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	hostile := out[0]
	hostile.ID, hostile.Title = "2401.00001", "<b>Bold</b> & \x1b[31mred\x1b[0m\n# not a heading"
	return append(out, hostile)
}

func TestPaperStreamWritesWhatTheWholeListingWriters(t *testing.T) {
	all := snapshotPapers(t)
	whole := map[string]func(*bytes.Buffer, []model.Paper) error{
		"json":     func(b *bytes.Buffer, p []model.Paper) error { return store.WriteJSON(b, p) },
		"text":     func(b *bytes.Buffer, p []model.Paper) error { return store.WriteText(b, p) },
		"markdown": func(b *bytes.Buffer, p []model.Paper) error { return store.WriteMarkdown(b, "Papers from x.json", p) },
	}
	for format, write := range whole {
		for _, papers := range [][]model.Paper{nil, all[:1], all} {
			var want, got bytes.Buffer
			if err := write(&want, papers); err != nil {
				t.Fatal(err)
			}
			s, err := store.NewPaperStream(&got, format, "Papers from x.json")
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range papers {
				if err := s.Write(p); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, %d papers: streamed\n%s\nwhole\n%s", format, len(papers), got.String(), want.String())
			}
		}
	}
	if _, err := store.NewPaperStream(&bytes.Buffer{}, "csv", ""); err == nil {
		t.Error("an unknown format is accepted")
	}
}
