package main

import (
	"slices"
	"testing"
)

// --json carries how each paper is listed on arXiv's new-submissions page,
// the listing's date, the primary category and the comments, for both page
// layouts, read from arXiv (a mirror) or from a saved file.
func TestListArxivJSONTellsNewCrossAndReplacementApart(t *testing.T) {
	const page2024 = "handmade_arxiv_list_cs.CL_new_2024-layout.html"
	m := newNetMirror(t, map[string]string{"/list/cs.CL/new": page2024})
	live, errOut, code := runInProcess(t, m.env(t.TempDir()), "list", "--arxiv", "cs.CL", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, tc := range []struct {
		out  string
		want []string // id, listing, listed, primary, comments
	}{
		{live, []string{"2404.02990", "cross", "2024-04-05", "cs.LG", "Accepted at an invented workshop"}},
		{mustRun(t, "list", testdata(page2024), "--json"), []string{"2403.01234", "replacement", "2024-04-05", "cs.CL", "v2: new experiments; project page https://example.org/revised"}},
		{mustRun(t, "list", testdata("handmade_arxiv_list_cs.CL_new_2023-layout.html"), "--json"), []string{"2312.04001", "new", "2023-12-08", "cs.CL", "8 pages; code at https://github.com/example/old-pages"}},
	} {
		found := false
		for _, p := range decodePapers(t, tc.out) {
			if p.ID != tc.want[0] {
				continue
			}
			found = true
			if got := []string{p.ID, p.ArxivListing, p.Listed, p.PrimaryCategory, p.ArxivComments}; !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		}
		if !found {
			t.Errorf("no paper %s in the output", tc.want[0])
		}
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := runInProcess(t, nil, args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}
