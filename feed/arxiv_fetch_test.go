package feed

import (
	"context"
	"strings"
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

const ctAtom = "application/atom+xml; charset=UTF-8"

// A paper Hugging Face does not know (404 on /api/papers/ID) comes from the
// arXiv API, through the 3-second pacing.
func TestPaperUnknownToHuggingFaceComesFromTheArxivAPI(t *testing.T) {
	m := newMirror(t) // /api/papers/… is a 404
	m.serve("/api/query", ctAtom, fixture(t, "arxiv_api_query_transformer_cs.LG_2026-06-14.xml"))
	clock := newFakeClock()
	c := testClient(t, m.URL(), clock)

	p, err := c.Paper(context.Background(), "2606.13677v1")
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != "2606.13677" || p.Title != "Mana: Dexterous Manipulation of Articulated Tools" || p.Source != model.SourceArxiv ||
		p.PrimaryCategory != "cs.RO" || p.URL != "https://arxiv.org/abs/2606.13677" || len(p.Authors) == 0 || p.Summary == "" {
		t.Errorf("paper %+v", p)
	}
	reqs := m.served()
	if len(reqs) != 2 || reqs[0].URL.Path != "/api/papers/2606.13677" || reqs[1].URL.RequestURI() != "/api/query?id_list=2606.13677" {
		t.Fatalf("requests %v, want /api/papers/ID then /api/query?id_list=ID", reqs)
	}

	// A second paper asks arXiv again, 3 s after the first.
	if p, err := c.Paper(context.Background(), "2606.13591"); err != nil || p.Title != "Multiagent Protocols with Aggregated Confidence Signals" {
		t.Fatalf("second paper %q, %v", p.Title, err)
	}
	if s := clock.Slept(); len(s) != 1 || s[0] != 3*time.Second {
		t.Errorf("waited %v between arXiv requests, want [3s]", s)
	}
	// An id arXiv does not list either is a clear error.
	if _, err := c.Paper(context.Background(), "2606.99999"); err == nil || !strings.Contains(err.Error(), "arXiv has no paper 2606.99999") {
		t.Errorf("unknown everywhere: %v", err)
	}
}

func TestPaperIDReadsEveryFormAUserPastes(t *testing.T) {
	for _, in := range []string{
		"2406.08472", "2406.08472v2", "arXiv:2406.08472", "arxiv:2406.08472v3", " 2406.08472 ",
		"https://arxiv.org/abs/2406.08472", "https://arxiv.org/abs/2406.08472v2", "arxiv.org/abs/2406.08472",
		"https://arxiv.org/pdf/2406.08472v2", "arxiv.org/pdf/2406.08472v2", "http://arxiv.org/pdf/2406.08472v2.pdf",
		"www.arxiv.org/abs/2406.08472", "https://export.arxiv.org/abs/2406.08472",
		"https://huggingface.co/papers/2406.08472", "huggingface.co/papers/2406.08472", "hf.co/papers/2406.08472v1",
		"https://arxiv.org/html/2406.08472v2", "arxiv.org/html/2406.08472v2/#S3",
	} {
		if id, ok := PaperID(in); !ok || id != "2406.08472" {
			t.Errorf("PaperID(%q) = %q, %v", in, id, ok)
		}
	}
	if id, ok := PaperID("arxiv.org/abs/hep-th/9901001v2"); !ok || id != "hep-th/9901001" {
		t.Errorf("old-style id: %q, %v", id, ok)
	}
	for _, in := range []string{"", "flow matching", "https://arxiv.org/list/cs.LG/new", "https://huggingface.co/papers/trending", "https://example.org/abs/2406.08472", "title-0123abcd"} {
		if id, ok := PaperID(in); ok {
			t.Errorf("PaperID(%q) = %q, want no id", in, id)
		}
	}
}
