package feed

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Fixture files (real pages and API answers, see testdata/README of the
// shared data) and what a mirror serves them as.
const (
	fixtureDayPage  = "hf_daily_papers_2024-08-01.html"
	fixtureAPISmall = "hf_api_daily_papers_2026-08-03.json" // 3 papers
	fixtureAPIBig   = "hf_api_daily_papers_2026-06-12.json" // 30 papers
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mirror is a stand-in for huggingface.co and arxiv.org serving fixtures at
// their real paths, with ETags, and a switchable fault.
type mirror struct {
	srv *httptest.Server

	mu       sync.Mutex
	routes   map[string]mirrorRoute // by path
	fault    http.HandlerFunc       // when set, answers everything
	requests []*http.Request
}

type mirrorRoute struct {
	contentType string
	body        []byte
}

func newMirror(t *testing.T) *mirror {
	m := &mirror{routes: map[string]mirrorRoute{}}
	m.srv = httptest.NewServer(http.HandlerFunc(m.handle))
	t.Cleanup(m.srv.Close)
	return m
}

func (m *mirror) URL() string { return m.srv.URL }

func (m *mirror) serve(path, contentType string, body []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.routes[path] = mirrorRoute{contentType, body}
}

func (m *mirror) setFault(h http.HandlerFunc) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fault = h
}

// served lists the requests so far ("path?query").
func (m *mirror) served() []*http.Request {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]*http.Request(nil), m.requests...)
}

func (m *mirror) count(path string) int {
	n := 0
	for _, r := range m.served() {
		if r.URL.Path == path {
			n++
		}
	}
	return n
}

func (m *mirror) handle(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.requests = append(m.requests, r.Clone(r.Context()))
	fault := m.fault
	route, ok := m.routes[r.URL.Path]
	m.mu.Unlock()
	if fault != nil {
		fault(w, r)
		return
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256(route.body))
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", route.contentType)
	w.Write(route.body)
}

const (
	ctHTML = "text/html; charset=utf-8"
	ctJSON = "application/json; charset=utf-8"
)

// newHFMirror serves the real 2024-08-01 page as that day and as the
// latest list.
func newHFMirror(t *testing.T) *mirror {
	m := newMirror(t)
	page := fixture(t, fixtureDayPage)
	m.serve("/papers/date/2024-08-01", ctHTML, page)
	m.serve("/papers", ctHTML, page)
	return m
}
