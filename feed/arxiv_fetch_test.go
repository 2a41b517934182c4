package feed

import (
	"context"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

func arxivReq(v string) Request { return Request{Period: model.Period{Kind: model.Arxiv, Value: v}} }

func TestLoadArxivCategoryAndPaper(t *testing.T) {
	m := newMirror(t)
	m.serve("/list/cs.LG/new", ctHTML, fixture(t, "handmade_arxiv_list_cs.LG_new.html"))
	m.serve("/abs/2407.21783", ctHTML, fixture(t, "handmade_arxiv_abs_2407.21783.html"))
	clock := newFakeClock()
	c := testClient(t, m.URL(), clock)

	res, err := c.Load(context.Background(), arxivReq("cs.LG"))
	if err != nil {
		t.Fatal(err)
	}
	l := res.Listing
	if len(l.Papers) != 2 || l.Source != model.SourceArxiv || l.Period != (model.Period{Kind: model.Arxiv, Value: "cs.LG"}) {
		t.Errorf("%d papers, source %q, period %v", len(l.Papers), l.Source, l.Period)
	}
	if p := l.Papers[0]; p.URL != "https://arxiv.org/abs/2411.01234" {
		t.Errorf("url %q: a mirror must not change the links shown", p.URL)
	}

	res, err = c.Load(context.Background(), arxivReq("2407.21783"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Listing.Papers) != 1 || res.Listing.Papers[0].Title != "The Llama 3 Herd of Models" {
		t.Errorf("abs page: %+v", res.Listing.Papers)
	}
	// The second arXiv request waited for the first's 3 s, on the fake clock.
	if s := clock.Slept(); len(s) != 1 || s[0] != 3*time.Second {
		t.Errorf("waited %v between arXiv requests, want [3s]", s)
	}
}

func TestLoadArxivRefreshesAtMostEvery15Minutes(t *testing.T) {
	m := newMirror(t)
	m.serve("/list/cs.LG/new", ctHTML, fixture(t, "handmade_arxiv_list_cs.LG_new.html"))
	c := testClient(t, m.URL(), newFakeClock())
	for range 3 {
		if _, err := c.Load(context.Background(), arxivReq("cs.LG")); err != nil {
			t.Fatal(err)
		}
	}
	if n := m.count("/list/cs.LG/new"); n != 1 {
		t.Errorf("%d requests to arXiv, want 1", n)
	}
}
