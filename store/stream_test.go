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

// wholeWriters are the writers of a listing held whole, by format.
var wholeWriters = map[string]func(*bytes.Buffer, []model.Paper) error{
	"json":     func(b *bytes.Buffer, p []model.Paper) error { return store.WriteJSON(b, p) },
	"text":     func(b *bytes.Buffer, p []model.Paper) error { return store.WriteText(b, p) },
	"markdown": func(b *bytes.Buffer, p []model.Paper) error { return store.WriteMarkdown(b, "Papers from x.json", p) },
}

// sameAsWhole fails t when streaming papers writes other bytes than the
// whole listing's writer.
func sameAsWhole(t *testing.T, format string, papers []model.Paper) {
	t.Helper()
	var want, got bytes.Buffer
	if err := wholeWriters[format](&want, papers); err != nil {
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

func TestPaperStreamWritesWhatTheWholeListingWriters(t *testing.T) {
	all := snapshotPapers(t)
	for format := range wholeWriters {
		for _, papers := range [][]model.Paper{nil, all[:1], all} {
			sameAsWhole(t, format, papers)
		}
	}
	if _, err := store.NewPaperStream(&bytes.Buffer{}, "csv", ""); err == nil {
		t.Error("an unknown format is accepted")
	}
}

// FuzzPaperStream: whatever the fields hold, streaming writes what the
// whole listing's writers write.
func FuzzPaperStream(f *testing.F) {
	f.Add("2401.00001", "<b>Bold</b> & \x1b[31mred", "An abstract\n# not a heading", "Ada Lovelace", "https://github.com/a/b")
	f.Add("", "", "", "", "")
	f.Fuzz(func(t *testing.T, id, title, summary, author, link string) {
		p := model.Paper{ID: id, Title: title, Summary: summary, Authors: []string{author}, GitHub: link, Links: []string{link}}
		for format := range wholeWriters {
			sameAsWhole(t, format, []model.Paper{p, {ID: "2", Title: title}})
		}
	})
}
