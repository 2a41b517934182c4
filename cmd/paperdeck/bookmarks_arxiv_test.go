package main

import (
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// `bookmarks add` of a paper Hugging Face does not know (404 on
// /api/papers/ID) takes the record from the arXiv API, whichever form of
// the id its help names was given.
func TestBookmarksAddAPaperOnlyArxivKnows(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/api/query": "arxiv_api_query_transformer_cs.LG_2026-06-14.xml"})
	for _, form := range []string{
		"2606.13677", "arXiv:2606.13677",
		"https://arxiv.org/abs/2606.13677v1", "arxiv.org/abs/2606.13677",
		"https://arxiv.org/pdf/2606.13677v2", "arxiv.org/pdf/2606.13677v2",
		"https://huggingface.co/papers/2606.13677", "huggingface.co/papers/2606.13677",
	} {
		data := t.TempDir()
		before := len(m.requests())
		out, errOut, code := bookmarks(t, data, m.env(t.TempDir()), "add", form)
		if code != 0 || out != "bookmarked 1 new paper\n" {
			t.Errorf("%s: exit %d, %q, %q", form, code, out, errOut)
			continue
		}
		got := loadBookmarks(t, data)
		if len(got) != 1 {
			t.Fatalf("%s: %d bookmarks", form, len(got))
		}
		p := got[0].Paper
		if p.ID != "2606.13677" || p.Title != "Mana: Dexterous Manipulation of Articulated Tools" || p.Source != model.SourceArxiv ||
			p.URL != "https://arxiv.org/abs/2606.13677" || p.PrimaryCategory != "cs.RO" {
			t.Errorf("%s: bookmarked %+v", form, p)
		}
		if reqs := m.requests()[before:]; !slices.Equal(reqs, []string{"/api/papers/2606.13677", "/api/query?id_list=2606.13677"}) {
			t.Errorf("%s: requests %v", form, reqs)
		}
	}
}
