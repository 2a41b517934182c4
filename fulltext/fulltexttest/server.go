package fulltexttest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
)

// ExcerptPage is the saved arXiv page excerpt (testdata/fulltext) the
// full-text tests read.
func ExcerptPage(tb testing.TB) []byte {
	tb.Helper()
	_, here, _, _ := runtime.Caller(0)
	page, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "..", "testdata", "fulltext", "arxiv_html_2609.01222v2_excerpt.html"))
	if err != nil {
		tb.Fatal(err)
	}
	return page
}

// Server is arXiv's HTML pages for one paper, for tests.
type Server struct {
	*httptest.Server
	Hits atomic.Int32 // requests served, of any path
}

// ArxivHTML serves ExcerptPage at /html/<id><version>, with arXiv's
// redirect to it from /html/<id>, and 404 for anything else. It closes
// when the test ends.
func ArxivHTML(tb testing.TB, id, version string) *Server {
	tb.Helper()
	page := ExcerptPage(tb)
	s := &Server{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Hits.Add(1)
		switch r.URL.Path {
		case "/html/" + id:
			http.Redirect(w, r, "/html/"+id+version, http.StatusFound)
		case "/html/" + id + version:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		default:
			http.NotFound(w, r)
		}
	}))
	tb.Cleanup(s.Close)
	return s
}
