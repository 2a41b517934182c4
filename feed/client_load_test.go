package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

func day(v string) Request { return Request{Period: model.Period{Kind: model.Day, Value: v}} }

func ids(papers []model.Paper) []string {
	out := make([]string, len(papers))
	for i, p := range papers {
		out[i] = p.ID
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestLoadDayFromMirrorGivesTheSame13PapersAsTheFile(t *testing.T) {
	m := newHFMirror(t)
	c := testClient(t, m.URL(), newFakeClock())
	res, err := c.Load(context.Background(), day("2024-08-01"))
	if err != nil {
		t.Fatal(err)
	}
	file, err := ParseFile(filepath.Join("..", "testdata", fixtureDayPage))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Listing.Papers) != 13 {
		t.Fatalf("%d papers, want 13", len(res.Listing.Papers))
	}
	if got, want := mustJSON(t, res.Listing.Papers), mustJSON(t, file.Papers); got != want {
		t.Errorf("mirror and file disagree:\n%s\n%s", got, want)
	}
	if res.Notice != "" {
		t.Errorf("fresh listing has notice %q", res.Notice)
	}
	if p := res.Listing.Papers[0]; !strings.HasPrefix(p.URL, "https://huggingface.co/papers/") {
		t.Errorf("paper URL %q points at the mirror, want the public page", p.URL)
	}
	if got := res.Listing.Period; got != (model.Period{Kind: model.Day, Value: "2024-08-01"}) {
		t.Errorf("period %v", got)
	}
	if m.count("/papers/date/2024-08-01") != 1 {
		t.Errorf("requests: %v", m.served())
	}
}

func TestLoadEveryHuggingFaceKindHitsItsPage(t *testing.T) {
	m := newMirror(t)
	page := fixture(t, fixtureDayPage)
	for _, path := range []string{"/papers", "/papers/week/2024-W31", "/papers/month/2024-08", "/papers/trending"} {
		m.serve(path, ctHTML, page)
	}
	c := testClient(t, m.URL(), newFakeClock())
	for _, p := range []model.Period{{Kind: model.Latest}, {Kind: model.Week, Value: "2024-W31"}, {Kind: model.Month, Value: "2024-08"}, {Kind: model.Trending}} {
		res, err := c.Load(context.Background(), Request{Period: p})
		if err != nil {
			t.Errorf("%v: %v", p, err)
			continue
		}
		if len(res.Listing.Papers) != 13 {
			t.Errorf("%v: %d papers", p, len(res.Listing.Papers))
		}
	}
}

// unknownLayoutPage is hand-made: a page of a layout paperdeck does not
// know (no hydration data, no article cards).
const unknownLayoutPage = `<!doctype html><html><head><title>Daily Papers</title></head>
<body><main><section class="grid"><div class="paper-tile">A paper</div></section></main></body></html>`

func TestLoadUnknownLayoutFallsBackToTheAPI(t *testing.T) {
	m := newMirror(t)
	m.serve("/papers/date/2026-08-03", ctHTML, []byte(unknownLayoutPage))
	m.serve("/api/daily_papers", ctJSON, fixture(t, fixtureAPISmall))
	var log bytes.Buffer
	c := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.Log = &log })

	res, err := c.Load(context.Background(), day("2026-08-03"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2607.26654", "2607.28229", "2607.27851"}
	if got := ids(res.Listing.Papers); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("papers %v, want the API's %v", got, want)
	}
	if res.Listing.Period != (model.Period{Kind: model.Day, Value: "2026-08-03"}) {
		t.Errorf("period %v, want the day asked for", res.Listing.Period)
	}
	var api *http.Request
	for _, r := range m.served() {
		if r.URL.Path == "/api/daily_papers" {
			api = r
		}
	}
	if api == nil || api.URL.Query().Get("date") != "2026-08-03" {
		t.Fatalf("API not asked for the same day: %v", m.served())
	}
	if !strings.Contains(log.String(), "layout paperdeck does not know") {
		t.Errorf("verbose log does not mention the fallback:\n%s", log.String())
	}
}

func TestLoadWeekAndMonthFallBackWithTheirOwnAPIParameter(t *testing.T) {
	m := newMirror(t)
	m.serve("/papers/week/2026-W31", ctHTML, []byte(unknownLayoutPage))
	m.serve("/papers/month/2026-07", ctHTML, []byte(unknownLayoutPage))
	m.serve("/api/daily_papers", ctJSON, fixture(t, fixtureAPISmall))
	c := testClient(t, m.URL(), newFakeClock())
	for _, p := range []model.Period{{Kind: model.Week, Value: "2026-W31"}, {Kind: model.Month, Value: "2026-07"}} {
		if _, err := c.Load(context.Background(), Request{Period: p}); err != nil {
			t.Fatal(err)
		}
	}
	var params []string
	for _, r := range m.served() {
		if r.URL.Path == "/api/daily_papers" {
			params = append(params, r.URL.RawQuery)
		}
	}
	if len(params) != 2 || !strings.Contains(params[0], "week=2026-W31") || !strings.Contains(params[1], "month=2026-07") {
		t.Errorf("API queries %v", params)
	}
}

// searchPage is hand-made in the structure of a 2025 search page: the
// DailyPapers props carry query and searchResults (real items from the
// API fixture).
func searchPage(t *testing.T, query string, items []byte) []byte {
	var raw []json.RawMessage
	if err := json.Unmarshal(items, &raw); err != nil {
		t.Fatal(err)
	}
	props := mustJSON(t, map[string]any{"query": query, "searchResults": raw})
	return []byte(`<!doctype html><html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="` +
		html.EscapeString(props) + `"></div></body></html>`)
}

func TestLoadSearchReadsTheSearchPage(t *testing.T) {
	m := newMirror(t)
	m.serve("/papers", ctHTML, searchPage(t, "alignment", fixture(t, fixtureAPISmall)))
	c := testClient(t, m.URL(), newFakeClock())
	res, err := c.Load(context.Background(), Request{Period: model.Period{Kind: model.Search, Value: "alignment"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Listing.Papers) != 3 || res.Listing.Period != (model.Period{Kind: model.Search, Value: "alignment"}) {
		t.Errorf("%d papers for %v", len(res.Listing.Papers), res.Listing.Period)
	}
	if q := m.served()[0].URL.Query().Get("q"); q != "alignment" {
		t.Errorf("searched for %q", q)
	}
}

func TestLoadSearchFallsBackToTheSearchEndpoint(t *testing.T) {
	m := newMirror(t) // no search page: /papers?q= is a 404
	m.serve("/api/papers/search", ctJSON, fixture(t, fixtureAPISmall))
	c := testClient(t, m.URL(), newFakeClock())
	res, err := c.Load(context.Background(), Request{Period: model.Period{Kind: model.Search, Value: "flow matching"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Listing.Papers) != 3 {
		t.Errorf("%d papers, want the endpoint's 3", len(res.Listing.Papers))
	}
	last := m.served()[len(m.served())-1]
	if last.URL.Path != "/api/papers/search" || last.URL.Query().Get("q") != "flow matching" {
		t.Errorf("last request %v", last.URL)
	}
}

// emptyDayPage is hand-made: a weekend's page, hydration with no papers.
const emptyDayPage = `<!doctype html><html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers"
data-props="{&quot;dailyPapers&quot;:[],&quot;date&quot;:&quot;2024-08-03T00:00:00.000Z&quot;,&quot;prevDate&quot;:&quot;2024-08-02T00:00:00.000Z&quot;}"></div></body></html>`

func TestLoadEmptyDayIsAnEmptyListingNotAnError(t *testing.T) {
	m := newMirror(t)
	m.serve("/papers/date/2024-08-03", ctHTML, []byte(emptyDayPage))
	c := testClient(t, m.URL(), newFakeClock())
	res, err := c.Load(context.Background(), day("2024-08-03"))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Listing.Empty() || res.Listing.Papers == nil {
		t.Errorf("papers %v, want an empty (non-nil) list", res.Listing.Papers)
	}
	if m.count("/api/daily_papers") != 0 {
		t.Error("an empty day is not an unknown layout: the API should not be asked")
	}
}

func TestLoadGarbageIsAParseError(t *testing.T) {
	m := newMirror(t)
	m.serve("/papers/date/2024-08-01", ctHTML, []byte("\x8b\x1f\x00\x02PK garbage \xff\xfe"))
	c := testClient(t, m.URL(), newFakeClock())
	_, err := c.Load(context.Background(), day("2024-08-01"))
	if err == nil || !strings.Contains(err.Error(), "cannot parse Thursday 2024-08-01") {
		t.Fatalf("err = %v, want a parse error", err)
	}
	if m.count("/api/daily_papers") != 0 {
		t.Error("garbage should not send paperdeck to the API")
	}
}

// Every fault, once the listing is cached, gives the cached copy with a
// notice that says why; none is a crash, and none is called "offline": the
// server was there.
func TestLoadFaultsFallBackToTheCache(t *testing.T) {
	faults := map[string]struct {
		fault  http.HandlerFunc
		reason Reason
		why    string
	}{
		"503 forever": {func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) }, ReasonUnavailable, "Hugging Face answered 503"},
		"429 forever": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
		}, ReasonUnavailable, "Hugging Face answered 429"},
		"headers never come": {func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }, ReasonUnavailable, "no answer within 300ms"},
		"40 MB body": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctHTML)
			chunk := bytes.Repeat([]byte("<p>x</p>"), 8192)
			for range (40 << 20) / len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		}, ReasonUnusable, "larger than 8 MB"},
		"garbage": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctHTML)
			w.Write([]byte("\x00\x01\x02 not a page"))
		}, ReasonUnusable, "not a Hugging Face papers page"},
		"404": {http.NotFound, ReasonUnusable, "Hugging Face answered 404"},
	}
	for name, tc := range faults {
		t.Run(name, func(t *testing.T) {
			m := newHFMirror(t)
			clock := newFakeClock()
			c := testClient(t, m.URL(), clock, func(cfg *Config) { cfg.Timeouts.Header = 300 * time.Millisecond })
			if _, err := c.Load(context.Background(), day("2024-08-01")); err != nil {
				t.Fatal(err)
			}
			m.setFault(tc.fault)
			start := time.Now()
			res, err := c.Load(context.Background(), day("2024-08-01"))
			if err != nil {
				t.Fatalf("with a cached copy: %v", err)
			}
			if len(res.Listing.Papers) != 13 {
				t.Errorf("%d papers, want the cached 13", len(res.Listing.Papers))
			}
			want := "could not load Thursday 2024-08-01: "
			if !strings.HasPrefix(res.Notice, want) || !strings.Contains(res.Notice, tc.why) ||
				!strings.Contains(res.Notice, "; showing the cached copy of Thursday 2024-08-01 from ") || strings.Contains(res.Notice, "offline") {
				t.Errorf("notice %q, want %q…%q", res.Notice, want, tc.why)
			}
			if f := res.Fallback; f == nil || f.Reason != tc.reason || !strings.HasPrefix(f.Shown, "cached copy of Thursday 2024-08-01 from ") {
				t.Errorf("fallback %+v, want reason %q", f, tc.reason)
			}
			if el := time.Since(start); el > 10*time.Second {
				t.Errorf("fallback took %v", el)
			}
			if clock.TotalSlept() >= 30*time.Second {
				t.Errorf("waited %v before falling back", clock.TotalSlept())
			}
		})
	}
}

func TestLoadSecondFetchOfAnUnchangedPageIsServedFromThe304(t *testing.T) {
	m := newHFMirror(t)
	c := testClient(t, m.URL(), newFakeClock())
	first, err := c.Load(context.Background(), day("2024-08-01"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Load(context.Background(), day("2024-08-01"))
	if err != nil {
		t.Fatal(err)
	}
	reqs := m.served()
	if len(reqs) != 2 || reqs[1].Header.Get("If-None-Match") == "" {
		t.Fatalf("second request did not revalidate: %d requests, If-None-Match %q", len(reqs), reqs[len(reqs)-1].Header.Get("If-None-Match"))
	}
	if mustJSON(t, second.Listing) != mustJSON(t, first.Listing) || second.Notice != "" {
		t.Errorf("the 304 gave a different listing or a notice %q", second.Notice)
	}
}

func TestLoadTodayIsRefetchedAtMostEvery15Minutes(t *testing.T) {
	m := newHFMirror(t)
	clock := newFakeClock()
	clock.now = time.Date(2024, 8, 1, 12, 0, 0, 0, time.UTC)
	c := testClient(t, m.URL(), clock)
	load := func(refresh bool) {
		t.Helper()
		r := day("2024-08-01")
		r.Refresh = refresh
		if res, err := c.Load(context.Background(), r); err != nil || len(res.Listing.Papers) != 13 {
			t.Fatalf("%d papers, %v", len(res.Listing.Papers), err)
		}
	}
	load(false)
	clock.Advance(10 * time.Minute)
	load(false)
	if n := len(m.served()); n != 1 {
		t.Errorf("%d requests within 15 minutes, want 1", n)
	}
	load(true)
	if n := len(m.served()); n != 2 {
		t.Errorf("a refresh by hand made %d requests in all, want 2", n)
	}
	clock.Advance(16 * time.Minute)
	load(false)
	if n := len(m.served()); n != 3 {
		t.Errorf("after 16 minutes %d requests, want 3", n)
	}
}

func TestLoadWithTheMirrorStoppedPrintsTheCachedPapersWithANotice(t *testing.T) {
	m := newHFMirror(t)
	cacheDir := t.TempDir()
	cfg := func(cfg *Config) { cfg.CacheDir = cacheDir }
	if _, err := testClient(t, m.URL(), newFakeClock(), cfg).Load(context.Background(), day("2024-08-01")); err != nil {
		t.Fatal(err)
	}
	m.srv.Close()

	// A new process: nothing in memory, only the cache directory.
	c := testClient(t, m.URL(), newFakeClock(), cfg)
	res, err := c.Load(context.Background(), day("2024-08-01"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Listing.Papers) != 13 || !strings.Contains(res.Notice, "offline: showing the cached copy of Thursday 2024-08-01") ||
		!strings.Contains(res.Notice, "connection refused") {
		t.Errorf("%d papers, notice %q", len(res.Listing.Papers), res.Notice)
	}
}

// With no network and nothing cached there is no answer: nothing else is
// passed off as one. The bundled snapshot comes only as a labelled stand-in
// for the reader, and as the answer for its own day.
func TestLoadWithNoNetworkAndNoCacheIsNoData(t *testing.T) {
	m := newMirror(t)
	m.srv.Close()
	c := testClient(t, m.URL(), newFakeClock())
	res, err := c.Load(context.Background(), Request{})
	var nd *NoDataError
	if !errors.As(err, &nd) || len(res.Listing.Papers) != 0 {
		t.Fatalf("%d papers, err %v; want no papers and a NoDataError", len(res.Listing.Papers), err)
	}
	if nd.Reason != ReasonOffline || nd.Why() != "could not load the latest papers: connection refused" {
		t.Errorf("reason %q, why %q", nd.Reason, nd.Why())
	}
	if s := nd.StandIn; s == nil || len(s.Listing.Papers) != 13 || s.Fallback.Shown != "bundled snapshot of Thursday 2024-08-01" ||
		s.Notice != "could not load the latest papers: connection refused; showing the bundled snapshot of Thursday 2024-08-01" {
		t.Errorf("stand-in %+v", s)
	}

	res, err = c.Load(context.Background(), day("2024-08-01"))
	if err != nil || len(res.Listing.Papers) != 13 || res.Listing.Papers[0].Title != "The Llama 3 Herd of Models" {
		t.Fatalf("the snapshot's own day: %d papers, %v", len(res.Listing.Papers), err)
	}
	if f := res.Fallback; f == nil || f.Reason != ReasonOffline || f.Shown != "bundled snapshot of Thursday 2024-08-01" ||
		res.Notice != "offline: showing the bundled snapshot of Thursday 2024-08-01 (connection refused)" {
		t.Errorf("fallback %+v, notice %q", f, res.Notice)
	}
}

func TestLoad503AndNothingCachedIsUnavailableNotOffline(t *testing.T) {
	m := newMirror(t)
	m.setFault(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(503) })
	c := testClient(t, m.URL(), newFakeClock())
	_, err := c.Load(context.Background(), Request{Period: model.Period{Kind: model.Search, Value: "flow matching"}})
	var nd *NoDataError
	if !errors.As(err, &nd) || nd.Reason != ReasonUnavailable {
		t.Fatalf("err %v, want an unavailable NoDataError", err)
	}
	if why := nd.Why(); why != `could not search "flow matching": Hugging Face answered 503` {
		t.Errorf("why %q", why)
	}
	if !strings.Contains(err.Error(), "503 Service Unavailable (gave up after 4 attempts)") {
		t.Errorf("error %q does not keep the detail", err)
	}
}

func TestLoadOfflineReadsOnlyTheCache(t *testing.T) {
	m := newHFMirror(t)
	cacheDir := t.TempDir()
	if _, err := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir }).Load(context.Background(), Request{}); err != nil {
		t.Fatal(err)
	}
	before := len(m.served())
	c := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir; cfg.Offline = true })

	res, err := c.Load(context.Background(), Request{})
	if err != nil || len(res.Listing.Papers) != 13 || !strings.HasPrefix(res.Notice, "offline: showing the cached copy of the latest papers") {
		t.Errorf("latest offline: %d papers, notice %q, %v", len(res.Listing.Papers), res.Notice, err)
	}
	// Reading the latest list also cached its day.
	res, err = c.Load(context.Background(), day("2024-08-01"))
	if err != nil || len(res.Listing.Papers) != 13 || !strings.Contains(res.Notice, "cached copy of Thursday 2024-08-01") {
		t.Errorf("its day offline: %d papers, notice %q, %v", len(res.Listing.Papers), res.Notice, err)
	}
	res, err = c.Load(context.Background(), day("2024-08-02"))
	var nd *NoDataError
	if !errors.As(err, &nd) || nd.Reason != ReasonOfflineMode || err.Error() != "offline: no cached copy of Friday 2024-08-02" || len(res.Listing.Papers) != 0 {
		t.Errorf("uncached day offline: %d papers, %v", len(res.Listing.Papers), err)
	}
	if len(m.served()) != before {
		t.Error("--offline touched the network")
	}
}

func TestLoadDemoOpensTheSnapshotDirectly(t *testing.T) {
	m := newHFMirror(t)
	c := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.Demo = true })
	res, err := c.Load(context.Background(), Request{})
	if err != nil || len(res.Listing.Papers) != 13 || !strings.Contains(res.Notice, "demo") {
		t.Fatalf("%d papers, notice %q, %v", len(res.Listing.Papers), res.Notice, err)
	}
	if len(m.served()) != 0 {
		t.Error("--demo touched the network")
	}
}

func TestLoadIgnoresACorruptCacheFile(t *testing.T) {
	m := newHFMirror(t)
	cacheDir := t.TempDir()
	c := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir })
	if _, err := c.Load(context.Background(), day("2024-08-01")); err != nil {
		t.Fatal(err)
	}
	// Truncate every cache file: a crash or a full disk in the middle.
	filepath.WalkDir(cacheDir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.WriteFile(path, []byte(`{"version":1,"listing":{"papers":[{"id"`), 0o644)
		}
		return nil
	})
	res, err := c.Load(context.Background(), day("2024-08-01"))
	if err != nil || len(res.Listing.Papers) != 13 {
		t.Fatalf("with a corrupt cache: %d papers, %v", len(res.Listing.Papers), err)
	}
	if r := m.served()[len(m.served())-1]; r.Header.Get("If-None-Match") != "" {
		t.Error("revalidated against a corrupt stored body")
	}
	// And it was repaired: offline works again.
	off := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir; cfg.Offline = true })
	if res, err := off.Load(context.Background(), day("2024-08-01")); err != nil || !strings.Contains(res.Notice, "cached copy") {
		t.Errorf("cache not rewritten: %q, %v", res.Notice, err)
	}
}

func TestLoadRejectsBadRequestsClearly(t *testing.T) {
	c := testClient(t, "http://127.0.0.1:1", newFakeClock())
	for _, tc := range []struct {
		p    model.Period
		want string
	}{
		{model.Period{Kind: model.Day, Value: "2024-13-01"}, "not a date"},
		{model.Period{Kind: model.Week, Value: "2024-W99"}, "not a week"},
		{model.Period{Kind: model.Search, Value: "  "}, "empty search"},
		{model.Period{Kind: model.Arxiv, Value: "cs LG; rm"}, "not an arXiv category"},
		{model.Period{Kind: model.File, Value: "/no/such/file.html"}, "cannot read"},
	} {
		_, err := c.Load(context.Background(), Request{Period: tc.p})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want %q", tc.p, err, tc.want)
		}
	}
}

func TestLoadFileReadsTheLocalFileWithoutNetwork(t *testing.T) {
	c := testClient(t, "http://127.0.0.1:1", newFakeClock())
	res, err := c.Load(context.Background(), Request{Period: model.Period{Kind: model.File, Value: filepath.Join("..", "testdata", fixtureAPIBig)}})
	if err != nil || len(res.Listing.Papers) != 30 {
		t.Fatalf("%d papers, %v", len(res.Listing.Papers), err)
	}
}

func TestLoadCancelledReturnsTheCancellationNotTheCache(t *testing.T) {
	m := newHFMirror(t)
	c := testClient(t, m.URL(), newFakeClock())
	if _, err := c.Load(context.Background(), day("2024-08-01")); err != nil {
		t.Fatal(err)
	}
	m.setFault(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := c.Load(ctx, day("2024-08-01")); err == nil {
		t.Error("a cancelled load should report the cancellation: the caller has moved on")
	}
}

func TestCachedShowsWhatWasReadBefore(t *testing.T) {
	m := newHFMirror(t)
	c := testClient(t, m.URL(), newFakeClock())
	if _, ok := c.Cached(day("2024-08-01")); ok {
		t.Fatal("cached before anything was read")
	}
	if _, err := c.Load(context.Background(), day("2024-08-01")); err != nil {
		t.Fatal(err)
	}
	if res, ok := c.Cached(day("2024-08-01")); !ok || len(res.Listing.Papers) != 13 {
		t.Errorf("cached: %v, %d papers", ok, len(res.Listing.Papers))
	}
}

// --offline without a cached "latest" opens the newest cached daily list,
// saying which day it is; an empty cached day (a weekend) is passed over.
func TestLoadOfflineLatestOpensTheNewestCachedDay(t *testing.T) {
	m := newHFMirror(t)
	m.serve("/papers/date/2026-08-03", ctHTML, []byte("<!doctype html><html><body>a new layout</body></html>")) // so the API answers
	m.serve("/api/daily_papers", ctJSON, fixture(t, "hf_api_daily_papers_2026-08-03.json"))
	m.serve("/papers/date/2025-01-11", ctHTML, fixture(t, "handmade_hf_empty_day_2025-01-11.html"))
	cacheDir := t.TempDir()
	online := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir })
	for _, d := range []string{"2024-08-01", "2025-01-11"} {
		if _, err := online.Load(context.Background(), day(d)); err != nil {
			t.Fatal(err)
		}
	}
	off := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = cacheDir; cfg.Offline = true })
	res, err := off.Load(context.Background(), Request{})
	if err != nil || len(res.Listing.Papers) != 13 || res.Listing.Period != (model.Period{Kind: model.Day, Value: "2024-08-01"}) {
		t.Fatalf("%d papers of %v, %v; want the 13 of Thursday 2024-08-01", len(res.Listing.Papers), res.Listing.Period, err)
	}
	if f := res.Fallback; f == nil || f.Reason != ReasonOfflineMode || !strings.HasPrefix(f.Shown, "newest cached daily list, Thursday 2024-08-01, from ") ||
		!strings.HasPrefix(res.Notice, "offline: showing the newest cached daily list, Thursday 2024-08-01") {
		t.Errorf("fallback %+v, notice %q", f, res.Notice)
	}
	// A newer day read later is the one opened.
	if _, err := online.Load(context.Background(), day("2026-08-03")); err != nil {
		t.Fatal(err)
	}
	if res, err = off.Load(context.Background(), Request{}); err != nil || res.Listing.Period.Value != "2026-08-03" {
		t.Errorf("opened %v, %v; want the newer 2026-08-03", res.Listing.Period, err)
	}
	// With no cached day at all, "latest" offline is no data.
	empty := testClient(t, m.URL(), newFakeClock(), func(cfg *Config) { cfg.CacheDir = t.TempDir(); cfg.Offline = true })
	var nd *NoDataError
	if _, err := empty.Load(context.Background(), Request{}); !errors.As(err, &nd) {
		t.Errorf("empty cache: %v, want a NoDataError", err)
	}
}
