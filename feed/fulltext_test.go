package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/fulltext/fulltexttest"
)

func fullTextPage(t *testing.T) []byte { return fulltexttest.ExcerptPage(t) }

// arXiv redirects /html/ID to the newest version; the page is read from
// there, named by its version, and read from the cache from then on.
func TestFullTextFollowsTheRedirectAndCaches(t *testing.T) {
	page := fullTextPage(t)
	srv := fulltexttest.ArxivHTML(t, "2609.01222", "v2")
	hits := &srv.Hits
	clock := newFakeClock()
	c := testClient(t, srv.URL, clock)

	ft, err := c.FullText(context.Background(), "2609.01222")
	if err != nil {
		t.Fatal(err)
	}
	if ft.ID != "2609.01222v2" || ft.URL != "https://arxiv.org/html/2609.01222v2" || ft.FromCache {
		t.Errorf("got %s at %s (cached %v), want 2609.01222v2 at its public page, fetched", ft.ID, ft.URL, ft.FromCache)
	}
	if string(ft.HTML) != string(page) {
		t.Error("the page changed on the way")
	}
	before := hits.Load()

	for _, id := range []string{"2609.01222", "2609.01222v2"} {
		again, err := c.FullText(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if !again.FromCache || again.ID != "2609.01222v2" || string(again.HTML) != string(page) {
			t.Errorf("%s: second read not from the cache: %+v", id, again.ID)
		}
	}
	if hits.Load() != before {
		t.Errorf("the cached page was fetched again (%d requests after the first read)", hits.Load()-before)
	}

	// Offline, with the server gone, the page still reads.
	srv.Close()
	off := testClient(t, srv.URL, clock, func(cfg *Config) { cfg.CacheDir = c.cfg.CacheDir; cfg.Offline = true })
	if got, err := off.FullText(context.Background(), "2609.01222"); err != nil || !got.FromCache {
		t.Errorf("offline re-read: %v", err)
	}
	if _, err := off.FullText(context.Background(), "2401.00001"); err == nil || !strings.Contains(err.Error(), "never read online") {
		t.Errorf("offline, a paper never read: %v", err)
	}

	dir, pages, limit := c.FullTextCache()
	if dir != filepath.Join(c.cfg.CacheDir, "fulltext") || len(pages) != 1 || pages[0].ID != "2609.01222v2" || pages[0].Size != int64(len(page)) || limit != FullTextCacheSize {
		t.Errorf("cache listing: %s %+v %d", dir, pages, limit)
	}
}

// A 404 and arXiv's "no HTML" page both say there is no HTML version and
// point to the PDF; neither is cached.
func TestFullTextNoHTMLVersion(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/html/2401.00002":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><body><h1>No HTML for '2401.00002'</h1><p>HTML is not available for the source.</p></body></html>`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := testClient(t, srv.URL, newFakeClock())
	for _, id := range []string{"2401.00001", "2401.00002"} {
		_, err := c.FullText(context.Background(), id)
		if !errors.Is(err, ErrNoHTML) {
			t.Fatalf("%s: err = %v, want ErrNoHTML", id, err)
		}
		if !strings.Contains(err.Error(), "no HTML version") || !strings.Contains(err.Error(), "PDF") {
			t.Errorf("%s: message %q", id, err)
		}
	}
	if _, pages, _ := c.FullTextCache(); len(pages) != 0 {
		t.Errorf("a missing page was cached: %+v", pages)
	}
}

func TestFullTextNeedsAnArxivID(t *testing.T) {
	c := testClient(t, "http://127.0.0.1:1", newFakeClock())
	_, err := c.FullText(context.Background(), "hf-3f2a9c")
	if !errors.Is(err, ErrNoArxivID) || !strings.Contains(err.Error(), "no arXiv id") {
		t.Errorf("err = %v", err)
	}
}

// Full-text requests keep arXiv's pace like every other arXiv request.
func TestFullTextIsPaced(t *testing.T) {
	page := fullTextPage(t)
	clock := newFakeClock()
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		starts = append(starts, clock.Now())
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()
	c := testClient(t, srv.URL, clock)
	for _, id := range []string{"2401.00001v1", "2401.00002v1"} {
		if _, err := c.FullText(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	if len(starts) != 2 || starts[1].Sub(starts[0]) < 3*time.Second {
		t.Errorf("requests at %v: want 3 s apart", starts)
	}
}

// The cache keeps the most recently read pages within its bound.
func TestFullTextCacheIsBounded(t *testing.T) {
	clock := newFakeClock()
	s := fullTextStore{dir: t.TempDir(), limit: 250, now: clock.Now, logf: func(string, ...any) {}}
	for _, id := range []string{"2401.00001v1", "2401.00002v1", "2401.00003v1"} {
		s.put(FullText{ID: id, HTML: []byte(strings.Repeat("x", 100))})
		clock.Advance(time.Minute)
	}
	var ids []string
	for _, e := range s.entries() {
		ids = append(ids, e.ID)
	}
	if strings.Join(ids, " ") != "2401.00002v1 2401.00003v1" {
		t.Errorf("kept %q, want the two most recent", ids)
	}
}

func TestFullTextID(t *testing.T) {
	for in, want := range map[string]string{
		"2401.01234":                               "2401.01234",
		"2401.01234v3":                             "2401.01234v3",
		"arXiv:2401.01234":                         "2401.01234",
		"https://arxiv.org/html/2401.01234v2":      "2401.01234v2",
		"https://arxiv.org/html/2401.01234v2/":     "2401.01234v2",
		"arxiv.org/html/2401.01234#S3":             "2401.01234",
		"https://arxiv.org/abs/2401.01234v2":       "2401.01234v2",
		"https://arxiv.org/pdf/2401.01234.pdf":     "2401.01234",
		"https://huggingface.co/papers/2401.01234": "2401.01234",
		"hep-th/9901001":                           "hep-th/9901001",
		"arxiv.org/pdf/2401.01234v2.pdf":           "2401.01234v2",
		"hf.co/papers/2401.01234v1":                "2401.01234v1",
		"https://arxiv.org/abs/hep-th/9901001v2":   "hep-th/9901001v2",
	} {
		if got, ok := FullTextID(in); !ok || got != want {
			t.Errorf("FullTextID(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := FullTextID("a title"); ok {
		t.Error("a title read as an id")
	}
}
