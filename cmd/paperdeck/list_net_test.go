package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// netMirror stands in for huggingface.co and arxiv.org: testdata files at
// their real paths, with ETags; paths not served are 404s.
type netMirror struct {
	*httptest.Server
	mu     sync.Mutex
	routes map[string]string // path → testdata file
	seen   []string          // "path?query" of every request
	before func(w http.ResponseWriter, r *http.Request) bool
}

func newNetMirror(t *testing.T, routes map[string]string) *netMirror {
	m := &netMirror{routes: routes}
	m.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		m.seen = append(m.seen, r.URL.RequestURI())
		file, ok := m.routes[r.URL.Path]
		before := m.before
		m.mu.Unlock()
		if before != nil && before(w, r) {
			return
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		body, err := os.ReadFile(testdata(file))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		ct := "text/html; charset=utf-8"
		switch {
		case strings.HasSuffix(file, ".json"):
			ct = "application/json"
		case strings.HasSuffix(file, ".xml"):
			ct = "application/atom+xml; charset=UTF-8"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	}))
	t.Cleanup(m.Close)
	return m
}

func (m *netMirror) requests() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]string(nil), m.seen...)
}

// env points both base URLs at the mirror and the cache at dir.
func (m *netMirror) env(cacheDir string) []string {
	return []string{"PAPERDECK_HF_URL=" + m.URL, "PAPERDECK_ARXIV_URL=" + m.URL, "XDG_CACHE_HOME=" + cacheDir}
}

// runInProcess runs the command line in this process, which is much quicker
// than a new process when many runs are needed; it reports like main does.
func runInProcess(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	t.Setenv("PAPERDECK_HF_URL", "http://127.0.0.1:1")
	t.Setenv("PAPERDECK_ARXIV_URL", "http://127.0.0.1:1")
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	var out, errOut bytes.Buffer
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errOut)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(&errOut, "paperdeck:", err)
		code = exitCode(err)
	}
	return out.String(), errOut.String(), code
}

func decodePapers(t *testing.T, out string) []model.Paper {
	t.Helper()
	var papers []model.Paper
	if err := json.Unmarshal([]byte(out), &papers); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	return papers
}

const dayPage = "hf_daily_papers_2024-08-01.html"

func TestListDateFromMirrorEqualsTheFile(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/papers/date/2024-08-01": dayPage})
	live, errOut, code := runPaperdeck(t, m.env(t.TempDir()), "list", "--date", "2024-08-01", "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	file, _, _ := runPaperdeck(t, nil, "list", testdata(dayPage), "--json")
	if len(decodePapers(t, live)) != 13 || live != file {
		t.Errorf("the mirror's listing differs from the file's")
	}
	if p := decodePapers(t, live)[0]; p.URL != "https://huggingface.co/papers/2407.21783" {
		t.Errorf("url %q: a mirror must not change the links shown", p.URL)
	}
}

func TestListEverySelectorHitsItsSource(t *testing.T) {
	// A small page keeps this quick: what matters is which path is asked.
	const small = "handmade_hf_week_2025-W02.html"
	m := newNetMirror(t, map[string]string{
		"/papers":                 small,
		"/papers/week/2024-W31":   small,
		"/papers/month/2024-08":   small,
		"/papers/trending":        small,
		"/papers/date/2024-08-01": small,
		"/list/cs.LG/new":         "handmade_arxiv_list_cs.LG_new.html",
		"/abs/2407.21783":         "handmade_arxiv_abs_2407.21783.html",
	})
	for _, tc := range []struct {
		args   []string
		path   string
		papers int
	}{
		{nil, "/papers", 2},
		{[]string{"--week", "2024-W31"}, "/papers/week/2024-W31", 2},
		{[]string{"--month", "2024-08"}, "/papers/month/2024-08", 2},
		{[]string{"--trending"}, "/papers/trending", 2},
		{[]string{"--arxiv", "cs.LG"}, "/list/cs.LG/new", 2},
		{[]string{"https://huggingface.co/papers/date/2024-08-01"}, "/papers/date/2024-08-01", 2},
		{[]string{"huggingface.co/papers/week/2024-W31"}, "/papers/week/2024-W31", 2},
		{[]string{"https://arxiv.org/list/cs.LG/new"}, "/list/cs.LG/new", 2},
		{[]string{"https://arxiv.org/abs/2407.21783v2"}, "/abs/2407.21783", 1},
	} {
		before := len(m.requests())
		args := append([]string{"list", "--json"}, tc.args...)
		out, errOut, code := runInProcess(t, m.env(t.TempDir()), args...)
		if code != 0 || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errOut)
			continue
		}
		if n := len(decodePapers(t, out)); n != tc.papers {
			t.Errorf("%v: %d papers, want %d", tc.args, n, tc.papers)
		}
		reqs := m.requests()[before:]
		if len(reqs) != 1 || strings.Split(reqs[0], "?")[0] != tc.path {
			t.Errorf("%v: requests %v, want one of %s", tc.args, reqs, tc.path)
		}
	}
}

func TestListUnknownLayoutGivesTheAPIsPapersAndVerboseSaysSo(t *testing.T) {
	m := newNetMirror(t, map[string]string{
		"/papers/date/2026-08-03": "handmade_arxiv_abs_2407.21783.html", // an HTML page, but not a listing
		"/api/daily_papers":       "hf_api_daily_papers_2026-08-03.json",
	})
	out, errOut, code := runInProcess(t, m.env(t.TempDir()), "list", "--date", "2026-08-03", "--json", "--verbose")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	papers := decodePapers(t, out)
	if len(papers) != 3 || papers[0].ID != "2607.26654" {
		t.Errorf("%d papers, want the API's 3", len(papers))
	}
	if !strings.Contains(errOut, "layout paperdeck does not know") || !strings.Contains(errOut, "/api/daily_papers?date=2026-08-03") {
		t.Errorf("--verbose does not tell of the fallback:\n%s", errOut)
	}
	// Without --verbose, stderr stays quiet: the listing is live.
	_, errOut, _ = runInProcess(t, m.env(t.TempDir()), "list", "--date", "2026-08-03", "--json")
	if errOut != "" {
		t.Errorf("stderr without --verbose: %q", errOut)
	}
}

func TestListSearchGivesTheSearchEndpointsResults(t *testing.T) {
	// No search page on the mirror (404), so paperdeck asks the endpoint.
	m := newNetMirror(t, map[string]string{"/api/papers/search": "handmade_hf_api_papers_search.json"})
	out, errOut, code := runInProcess(t, m.env(t.TempDir()), "list", "--search", "math reasoning", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, _, _ := runPaperdeck(t, nil, "list", testdata("handmade_hf_api_papers_search.json"), "--json")
	if out != want || len(decodePapers(t, out)) == 0 {
		t.Errorf("search results differ from the endpoint's:\n%s\n%s", out, want)
	}
	reqs := m.requests()
	if last := reqs[len(reqs)-1]; last != "/api/papers/search?q=math+reasoning" {
		t.Errorf("last request %q", last)
	}
}

func TestListSearchPage(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/papers": "handmade_hf_search_flow-matching.html"})
	out, errOut, code := runInProcess(t, m.env(t.TempDir()), "list", "--search", "flow matching", "--format", "markdown")
	if code != 0 || !strings.Contains(out, `# Papers: search "flow matching"`) {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	if reqs := m.requests(); len(reqs) != 1 || reqs[0] != "/papers?q=flow+matching" {
		t.Errorf("requests %v", reqs)
	}
}

func TestListEmptyDayIsAnEmptyResultWithANote(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/papers/date/2025-01-11": "handmade_hf_empty_day_2025-01-11.html"})
	out, errOut, code := runPaperdeck(t, m.env(t.TempDir()), "list", "--date", "2025-01-11", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("exit %d, stdout %q; want 0 and []", code, out)
	}
	if !strings.Contains(errOut, "no papers on Saturday 2025-01-11") || !strings.Contains(errOut, "Friday 2025-01-10") {
		t.Errorf("stderr %q, want a note naming the day and the previous list", errOut)
	}
	out, _, code = runInProcess(t, m.env(t.TempDir()), "list", "--date", "2025-01-11")
	if code != 0 || out != "" {
		t.Errorf("text: exit %d, stdout %q", code, out)
	}
}

func TestListWithTheMirrorStoppedPrintsTheCachedPapers(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/papers/date/2024-08-01": dayPage})
	cache := t.TempDir()
	online, _, code := runPaperdeck(t, m.env(cache), "list", "--date", "2024-08-01", "--json")
	if code != 0 {
		t.Fatal("online run failed")
	}
	env := m.env(cache)
	m.Close()

	out, errOut, code := runPaperdeck(t, env, "list", "--date", "2024-08-01", "--json")
	if code != 0 || out != online || len(decodePapers(t, out)) != 13 {
		t.Fatalf("exit %d; offline output differs from the online one", code)
	}
	if !strings.HasPrefix(errOut, "paperdeck: offline: showing the cached copy of Thursday 2024-08-01 from ") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr %q, want one notice line", errOut)
	}
	// --offline reads the same cache without trying the network.
	out, errOut, code = runPaperdeck(t, env, "list", "--date", "2024-08-01", "--offline", "--json")
	if code != 0 || out != online || !strings.Contains(errOut, "offline: showing the cached copy") {
		t.Errorf("--offline: exit %d, stderr %q", code, errOut)
	}
}

// With no network and nothing cached, `list` prints nothing and exits with
// the "no data" status: the bundled snapshot only for --demo and its own day.
func TestListWithNoNetworkAndNoCachePrintsNothing(t *testing.T) {
	// runPaperdeck's default base URLs point at a closed port.
	run := runPaperdeck // the first as a real process, the others quicker
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"list", "--json"}, "paperdeck: could not load the latest papers (no cached copy): fetching the latest papers from 127.0.0.1:1: connection refused\n"},
		{[]string{"list", "--offline", "--json"}, "paperdeck: offline: no cached copy of the latest papers\n"},
		{[]string{"list", "--date", "2025-01-09", "--json"}, "paperdeck: could not load Thursday 2025-01-09 (no cached copy): fetching Thursday 2025-01-09 from 127.0.0.1:1: connection refused\n"},
	} {
		out, errOut, code := run(t, nil, tc.args...)
		run = runInProcess
		if code != exitNoData || out != "" || errOut != tc.stderr {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, nothing, %q", tc.args, code, out, errOut, exitNoData, tc.stderr)
		}
	}
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"list", "--demo", "--json"}, "paperdeck: demo: showing the bundled snapshot of Thursday 2024-08-01\n"},
		{[]string{"list", "--date", "2024-08-01", "--json"}, "paperdeck: offline: showing the bundled snapshot of Thursday 2024-08-01 (connection refused)\n"},
	} {
		out, errOut, code := runInProcess(t, nil, tc.args...)
		if code != 0 || errOut != tc.stderr {
			t.Errorf("%v: exit %d, stderr %q; want 0, %q", tc.args, code, errOut, tc.stderr)
			continue
		}
		if papers := decodePapers(t, out); len(papers) != 13 || papers[0].Title != "The Llama 3 Herd of Models" {
			t.Errorf("%v: %d papers, want the 13 of the snapshot", tc.args, len(papers))
		}
	}
}

func TestListRetriesA429AfterRetryAfter(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/papers/date/2024-08-01": dayPage})
	var once sync.Once
	m.mu.Lock()
	defer m.mu.Unlock()
	m.before = func(w http.ResponseWriter, r *http.Request) bool {
		limited := false
		once.Do(func() {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			limited = true
		})
		return limited
	}
	m.mu.Unlock()
	defer m.mu.Lock()
	start := time.Now()
	out, errOut, code := runInProcess(t, m.env(t.TempDir()), "list", "--date", "2024-08-01", "--json")
	if code != 0 || errOut != "" || len(decodePapers(t, out)) != 13 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if el := time.Since(start); el < time.Second || el > 10*time.Second {
		t.Errorf("took %v, want about a second", el)
	}
}

func TestListErrorsAreOneClearLine(t *testing.T) {
	m := newNetMirror(t, nil) // every page is a 404
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "--date", "2024-08-02"}, "fetching Friday 2024-08-02 from 127.0.0.1"},
		{[]string{"list", "--date", "2024-08-02", "--trending"}, "choose one listing"},
		{[]string{"list", "--week", "2024-31"}, `--week: "2024-31" is not a week`},
		{[]string{"list", "--arxiv", "cs LG"}, "not an arXiv category"},
		{[]string{"list", "https://example.org/papers"}, "huggingface.co/papers and arxiv.org URLs only"},
		{[]string{"list", "--date", "2024-08-01", testdata(dayPage)}, "choose one listing"},
	} {
		out, errOut, code := runInProcess(t, m.env(t.TempDir()), tc.args...)
		if code == 0 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want one line with %q", tc.args, code, out, errOut, tc.want)
		}
	}
	_, errOut, code := runPaperdeck(t, []string{"PAPERDECK_HF_URL=not a url"}, "list")
	if code == 0 || !strings.Contains(errOut, "PAPERDECK_HF_URL") {
		t.Errorf("bad PAPERDECK_HF_URL: exit %d, %q", code, errOut)
	}
}

// The cache lands under $XDG_CACHE_HOME/paperdeck.
func TestListCachesUnderXDGCacheHome(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/papers/date/2024-08-01": dayPage})
	cache := t.TempDir()
	if _, _, code := runInProcess(t, m.env(cache), "list", "--date", "2024-08-01"); code != 0 {
		t.Fatal("list failed")
	}
	if _, err := os.Stat(filepath.Join(cache, "paperdeck", "listings", "day-2024-08-01.json")); err != nil {
		t.Errorf("no cached listing: %v", err)
	}
}

// 503 forever, no cache: after the retries (real backoff, about 3.5 to 7 s)
// paperdeck says why and prints nothing.
func TestList503ForeverGivesUpInUnder30s(t *testing.T) {
	m := newNetMirror(t, nil)
	m.mu.Lock()
	m.before = func(w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	}
	m.mu.Unlock()
	start := time.Now()
	out, errOut, code := runInProcess(t, m.env(t.TempDir()), "list", "--date", "2024-08-05", "--json")
	if el := time.Since(start); el > 30*time.Second {
		t.Errorf("took %v", el)
	}
	if code != exitNoData || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, want := range []string{"could not load Monday 2024-08-05 (no cached copy)", "503 Service Unavailable (gave up after 4 attempts)"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
	if n := len(m.requests()); n != 4 {
		t.Errorf("%d requests, want 4 (one and 3 retries)", n)
	}
}
