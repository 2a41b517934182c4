package feed

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// searchServer answers /api/papers/search like Hugging Face: for one title
// a near miss and the paper itself (hand-made, in the shape of
// handmade_hf_api_papers_search.json, the title spaced and punctuated
// differently); for anything else no results.
func searchServer(t *testing.T) (*httptest.Server, func() map[string]int) {
	var mu sync.Mutex
	asked := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query().Get("q")
		mu.Lock()
		asked[q]++
		mu.Unlock()
		if r.URL.Path != "/api/papers/search" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if q != "Tiny Recurrent Memories for Long-Horizon Web Agents" {
			w.Write([]byte("[]"))
			return
		}
		w.Write([]byte(`[
 {"paper": {"id": "2503.09999", "title": "Tiny Recurrent Memories for Long-Horizon Web Agents, Revisited", "upvotes": 3}},
 {"paper": {"id": "2503.01234", "title": "Tiny  recurrent memories for long-horizon web-agents",
   "authors": [{"name": "Ada Example"}, {"name": "Ben Sample"}], "upvotes": 12,
   "githubRepo": "https://github.com/example/tiny-memories"}, "numComments": 2}
]`))
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range asked {
			out[k] = v
		}
		return out
	}
}

func copiedTextPapers(t *testing.T) []model.Paper {
	t.Helper()
	l, err := ParseFile(filepath.Join("..", "testdata", "hf_papers_page_copied_text_sample.txt"))
	if err != nil || len(l.Papers) != 5 {
		t.Fatalf("%d papers, %v", len(l.Papers), err)
	}
	return l.Papers
}

func TestResolveIDByAnExactNormalisedTitle(t *testing.T) {
	srv, asked := searchServer(t)
	cacheDir := t.TempDir()
	c := testClient(t, srv.URL, newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir })
	papers := copiedTextPapers(t)

	resolve := func(c *Client) []model.Paper {
		var out []model.Paper
		for _, p := range papers {
			got, ok, err := c.ResolveID(context.Background(), p)
			if err != nil {
				t.Fatal(err)
			}
			if ok != (got.ID == "2503.01234") {
				t.Errorf("%q: ok %v with id %q", p.Title, ok, got.ID)
			}
			out = append(out, got)
		}
		return out
	}
	got := resolve(c)
	p := got[1]
	if p.ID != "2503.01234" || p.URL != "https://huggingface.co/papers/2503.01234" || p.PDFURL != "https://arxiv.org/pdf/2503.01234" ||
		p.Title != "Tiny Recurrent Memories for Long-Horizon Web Agents" || len(p.Authors) != 2 || p.Upvotes != 12 ||
		p.Summary != papers[1].Summary || p.Source != papers[1].Source {
		t.Errorf("resolved %+v", p)
	}
	for i, p := range got {
		if i != 1 && (p.ID != papers[i].ID || !strings.HasPrefix(p.ID, "title-") || p.URL != "") {
			t.Errorf("%q: changed without a match: id %q url %q", p.Title, p.ID, p.URL)
		}
	}
	for q, n := range asked() {
		if n != 1 {
			t.Errorf("%q asked %d times", q, n)
		}
	}
	if n := len(asked()); n != 5 {
		t.Errorf("%d titles asked, want 5", n)
	}

	// Another process with the same cache asks nothing, matches or not.
	again := resolve(testClient(t, srv.URL, newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir }))
	for q, n := range asked() {
		if n != 1 {
			t.Errorf("after a restart %q asked %d times in all", q, n)
		}
	}
	if again[1].ID != "2503.01234" || again[1].Upvotes != 12 || again[1].GitHub == "" {
		t.Errorf("from the cache: %+v", again[1])
	}
}

func TestResolveIDWithTheSearchDownLeavesThePaper(t *testing.T) {
	m := newMirror(t)
	m.setFault(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) })
	c := testClient(t, m.URL(), newFakeClock())
	p := copiedTextPapers(t)[0]
	got, ok, err := c.ResolveID(context.Background(), p)
	if ok || err == nil || got.ID != p.ID {
		t.Errorf("ok %v, err %v, id %q", ok, err, got.ID)
	}
	// Not cached as "no match": asked again once the search is back.
	m.setFault(nil)
	c.ResolveID(context.Background(), p)
	if n := m.count("/api/papers/search"); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestNormalTitle(t *testing.T) {
	if a, b := normalTitle("Tiny Recurrent Memories: for  Web-Agents!"), normalTitle("tiny recurrent memories for web agents"); a != b {
		t.Errorf("%q != %q", a, b)
	}
	if normalTitle("Flow Matching") == normalTitle("Flow Matching 2") {
		t.Error("different titles compare equal")
	}
}
