package filter

import (
	"os"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
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
