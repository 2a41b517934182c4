package filter

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// listed: keeps the papers an arXiv new-submissions page lists as new,
// cross-lists or replacements (a real parse of both page layouts).
func TestListedQualifiers(t *testing.T) {
	for _, file := range []string{"handmade_arxiv_list_cs.CL_new_2024-layout.html", "handmade_arxiv_list_cs.CL_new_2023-layout.html"} {
		f, err := os.Open("../../testdata/" + file)
		if err != nil {
			t.Fatal(err)
		}
		l, err := feed.ParseArxivList(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ix := New(l.Papers)
		want := map[string][]string{}
		for _, p := range l.Papers {
			want[p.ArxivListing] = append(want[p.ArxivListing], p.ID)
		}
		for _, tc := range []struct {
			query string
			want  []string
		}{
			{"listed:new", want["new"]},
			{"listed:cross", want["cross"]},
			{"listed:repl", want["replacement"]},
			{"-listed:new", append(slices.Clone(want["cross"]), want["replacement"]...)},
			{"listed:new listed:cross", nil},
		} {
			res := ix.Query(tc.query, nil, Marks{})
			if got := ids(l.Papers, res.Matches); !slices.Equal(got, tc.want) || res.Hint != "" {
				t.Errorf("%s %q: got %v (hint %q), want %v", file, tc.query, got, res.Hint, tc.want)
			}
		}
		if len(want["new"]) == 0 || len(want["cross"]) != 1 || len(want["replacement"]) != 1 {
			t.Errorf("%s: the page's sections %v", file, want)
		}
		if res := ix.Query("listed:", nil, Marks{}); res.Hint == "" {
			t.Error("listed: without a value says nothing")
		}
	}
}

// snapshotPapers reads the records of a snapshot sample.
func snapshotPapers(t *testing.T, path string) []model.Paper {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Paper
	for line := range bytes.Lines(data) {
		p, err := feed.ParseArxivMetaLine(line)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, p)
	}
	return out
}

// On an arXiv snapshot's papers cat: finds a category, primary or cross-list,
// and up: (arXiv has no upvotes) is left out with a hint, not an empty list.
func TestCategoriesAndWhatArxivLacks(t *testing.T) {
	papers := snapshotPapers(t, "../../testdata/arxiv_metadata_snapshot_head.jsonl")
	ix := New(papers)
	var inCG, notCO []string
	for _, p := range papers {
		if slices.Contains(p.Categories, "cs.CG") {
			inCG = append(inCG, p.ID)
		}
		if !slices.Contains(p.Categories, "math.CO") {
			notCO = append(notCO, p.ID)
		}
	}
	if len(inCG) == 0 || len(notCO) == len(papers) {
		t.Fatalf("the sample has %d of %d papers in cs.CG, %d not in math.CO: no test", len(inCG), len(papers), len(notCO))
	}
	for _, tc := range []struct {
		query, hint string
		want        []string
	}{
		{"cat:cs.cg", "", inCG}, // a cross-list
		{"cat:math.N", "", nil}, // math.NT, while typing: checked below
		{"-cat:math.CO", "", notCO},
		{"cat:q-bio", "cat:q-bio — no paper here has that category", []string{}},
		{"up:>10", "up: — this listing has no upvotes", ids(papers, ix.Query("", nil, Marks{}).Matches)},
	} {
		res := ix.Query(tc.query, nil, Marks{})
		got := ids(papers, res.Matches)
		if tc.want != nil && !slices.Equal(got, tc.want) || res.Hint != tc.hint {
			t.Errorf("%q: %v (hint %q), want %v (hint %q)", tc.query, got, res.Hint, tc.want, tc.hint)
		}
		if tc.query == "cat:math.N" && len(got) != 2 {
			t.Errorf("cat:math.N found %d papers, want the 2 in math.NT", len(got))
		}
	}
}
