package feed

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock stands in for time: Sleep advances it instead of waiting.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2024, 8, 10, 9, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
	f.slept = append(f.slept, d)
	return nil
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.now = f.now.Add(d)
}

func (f *fakeClock) Slept() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

func (f *fakeClock) TotalSlept() time.Duration {
	var sum time.Duration
	for _, d := range f.Slept() {
		sum += d
	}
	return sum
}

// testClient is a client on a fake clock with its cache in a temp dir.
func testClient(t *testing.T, base string, clock *fakeClock, tweak ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		HFBase:    base,
		ArxivBase: base,
		CacheDir:  t.TempDir(),
		Version:   "1.2.3",
		Now:       clock.Now,
		Sleep:     clock.Sleep,
	}
	for _, f := range tweak {
		f(&cfg)
	}
	return NewClient(cfg)
}

func htmlSpec(url string) fetchSpec {
	return fetchSpec{url: url, what: "Thursday 2024-08-01", kind: kindHTML}
}

func TestFetchSendsAnHonestUserAgent(t *testing.T) {
	var ua, accept string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua, accept = r.Header.Get("User-Agent"), r.Header.Get("Accept")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html>ok</html>")
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	got, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got.body) != "<html>ok</html>" {
		t.Errorf("body = %q", got.body)
	}
	if want := "paperdeck/1.2.3 (+https://github.com/paperdeck/paperdeck)"; ua != want {
		t.Errorf("User-Agent = %q, want %q", ua, want)
	}
	if !strings.Contains(accept, "text/html") {
		t.Errorf("Accept = %q, want text/html", accept)
	}
}

// flaky answers with the given statuses in turn, then 200.
func flaky(statuses []int, header http.Header) (http.Handler, *atomic.Int32) {
	var calls atomic.Int32
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(calls.Add(1)) - 1
		if n < len(statuses) {
			for k, v := range header {
				w.Header()[k] = v
			}
			w.WriteHeader(statuses[n])
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>finally</html>")
	}), &calls
}

func TestFetch429WithRetryAfterWaitsThatLongThenSucceeds(t *testing.T) {
	h, calls := flaky([]int{429}, http.Header{"Retry-After": {"1"}})
	srv := httptest.NewServer(h)
	defer srv.Close()

	clock := newFakeClock()
	c := testClient(t, srv.URL, clock)
	got, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got.body) != "<html>finally</html>" || calls.Load() != 2 {
		t.Errorf("body %q after %d calls, want the 200 after 2", got.body, calls.Load())
	}
	if s := clock.Slept(); len(s) != 1 || s[0] != time.Second {
		t.Errorf("waited %v, want exactly the 1s of Retry-After", s)
	}
}

// The same with the real clock: the user waits about a second, not more.
func TestFetch429WithRetryAfterRealClock(t *testing.T) {
	h, _ := flaky([]int{429}, http.Header{"Retry-After": {"1"}})
	srv := httptest.NewServer(h)
	defer srv.Close()

	c := NewClient(Config{HFBase: srv.URL, NoCache: true})
	start := time.Now()
	if _, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers")); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < 900*time.Millisecond || el > 5*time.Second {
		t.Errorf("took %v, want about 1s", el)
	}
}

func TestFetchHonoursHuggingFaceRateLimitHeader(t *testing.T) {
	h, _ := flaky([]int{429}, http.Header{"Ratelimit": {`"api";r=0;t=7`}})
	srv := httptest.NewServer(h)
	defer srv.Close()

	clock := newFakeClock()
	c := testClient(t, srv.URL, clock)
	if _, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers")); err != nil {
		t.Fatal(err)
	}
	if s := clock.Slept(); len(s) != 1 || s[0] != 7*time.Second {
		t.Errorf("waited %v, want the 7s until the rate limit window resets", s)
	}
}

func TestFetch503ForeverGivesUpWithAClearErrorInUnder30s(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()

	clock := newFakeClock()
	c := testClient(t, srv.URL, clock) // default retry policy
	_, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers/date/2024-08-01"))
	if err == nil {
		t.Fatal("503 forever succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"fetching Thursday 2024-08-01 from 127.0.0.1", "503 Service Unavailable", "gave up after 4 attempts"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	if !isUnreachable(err) {
		t.Error("503 forever should count as the source being unreachable")
	}
	if total := clock.TotalSlept(); total >= 30*time.Second || len(clock.Slept()) != 3 {
		t.Errorf("waited %v in %d pauses, want 3 backoffs under 30s", total, len(clock.Slept()))
	}
	// Jittered exponential: each pause within [d/2, d], d = 1s, 2s, 4s.
	for i, d := range clock.Slept() {
		hi := time.Second << i
		if d < hi/2 || d > hi {
			t.Errorf("pause %d = %v, want within [%v, %v]", i, d, hi/2, hi)
		}
	}
}

func TestFetchStopsWhenServerAsksForTooLongAWait(t *testing.T) {
	h, calls := flaky([]int{503, 503, 503, 503}, http.Header{"Retry-After": {"15"}})
	srv := httptest.NewServer(h)
	defer srv.Close()

	clock := newFakeClock()
	c := testClient(t, srv.URL, clock)
	_, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
	if err == nil || !strings.Contains(err.Error(), "asked to wait 15s") {
		t.Fatalf("err = %v, want a refusal to wait 15s more", err)
	}
	if calls.Load() != 2 || clock.TotalSlept() != 15*time.Second {
		t.Errorf("%d calls, waited %v; want 2 calls and one 15s wait within the 20s budget", calls.Load(), clock.TotalSlept())
	}
}

func TestFetchNeverRetriesOther4xxOr500(t *testing.T) {
	for _, code := range []int{400, 403, 404, 410, 500} {
		h, calls := flaky([]int{code, code}, nil)
		srv := httptest.NewServer(h)
		clock := newFakeClock()
		c := testClient(t, srv.URL, clock)
		_, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
		srv.Close()
		var se *StatusError
		if !errors.As(err, &se) || se.Code != code {
			t.Errorf("%d: err = %v, want a StatusError", code, err)
		}
		if calls.Load() != 1 || len(clock.Slept()) != 0 {
			t.Errorf("%d: %d calls, want exactly 1", code, calls.Load())
		}
	}
}

func TestFetchRetriesACutConnection(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>ok</html>")
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	if _, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers")); err != nil {
		t.Fatalf("a connection cut once should be retried: %v", err)
	}
	if calls.Load() != 2 {
		t.Errorf("%d calls, want 2", calls.Load())
	}
}

func TestFetchRefusedConnectionFailsAtOnce(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now

	clock := newFakeClock()
	c := testClient(t, "http://"+addr, clock)
	_, err = c.fetch(context.Background(), htmlSpec("http://"+addr+"/papers"))
	if err == nil || !strings.Contains(err.Error(), "connection refused") || !isUnreachable(err) {
		t.Fatalf("err = %v, want an unreachable 'connection refused'", err)
	}
	if len(clock.Slept()) != 0 {
		t.Errorf("waited %v before giving up on a refused connection", clock.Slept())
	}
}

func TestFetchTimesOutWhenHeadersNeverCome(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)

	c := testClient(t, srv.URL, newFakeClock(), func(cfg *Config) { cfg.Timeouts.Header = 200 * time.Millisecond })
	start := time.Now()
	_, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
	if err == nil || !strings.Contains(err.Error(), "no answer within 200ms") {
		t.Fatalf("err = %v, want a header timeout", err)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("gave up after %v", el)
	}
}

func TestFetchRefusesA40MBBody(t *testing.T) {
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>spam</p>", 1000))
		for written.Load() < 40<<20 {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	_, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
	if err == nil || !strings.Contains(err.Error(), "larger than 8 MB") {
		t.Fatalf("err = %v, want the body refused", err)
	}
}

func TestFetchRefusesADeclaredLargeBodyWithoutReadingIt(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", fmt.Sprint(40<<20))
		w.WriteHeader(200)
		w.Write([]byte("[]"))
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	_, err := c.fetch(context.Background(), fetchSpec{url: srv.URL + "/api/daily_papers", what: "x", kind: kindJSON})
	if err == nil || !strings.Contains(err.Error(), "larger than 8 MB") {
		t.Fatalf("err = %v, want the body refused", err)
	}
}

func TestFetchChecksTheContentType(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html>Sign in to the hotel wifi</html>")
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	_, err := c.fetch(context.Background(), fetchSpec{url: srv.URL + "/api/daily_papers", what: "the latest papers", kind: kindJSON})
	if err == nil || !strings.Contains(err.Error(), `expected JSON, got "text/html; charset=utf-8"`) {
		t.Fatalf("err = %v, want a content type complaint", err)
	}
}

func TestConditionalGetIsServedFromThe304(t *testing.T) {
	const page = "<html>13 papers</html>"
	var full, notModified atomic.Int32
	var lastINM atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lastINM.Store(r.Header.Get("If-None-Match"))
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Last-Modified", "Thu, 01 Aug 2024 10:00:00 GMT")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	spec := htmlSpec(srv.URL + "/papers/date/2024-08-01")
	first, err := c.fetch(context.Background(), spec)
	if err != nil {
		t.Fatal(err)
	}
	first.commit()
	second, err := c.fetch(context.Background(), spec)
	if err != nil {
		t.Fatal(err)
	}
	if lastINM.Load() != `"v1"` {
		t.Errorf("second request sent If-None-Match %q, want %q", lastINM.Load(), `"v1"`)
	}
	if !second.notModified || string(second.body) != page {
		t.Errorf("second fetch: notModified=%v body=%q, want the stored page from a 304", second.notModified, second.body)
	}
	if full.Load() != 1 || notModified.Load() != 1 {
		t.Errorf("%d full answers and %d 304s, want 1 and 1", full.Load(), notModified.Load())
	}
}

func TestUncommittedBodyIsNotRevalidated(t *testing.T) {
	var inm atomic.Value
	inm.Store("")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inm.Store(r.Header.Get("If-None-Match"))
		w.Header().Set("ETag", `"broken"`)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "\x00\x01garbage")
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	spec := htmlSpec(srv.URL + "/papers")
	if _, err := c.fetch(context.Background(), spec); err != nil { // not committed: it did not parse
		t.Fatal(err)
	}
	if _, err := c.fetch(context.Background(), spec); err != nil {
		t.Fatal(err)
	}
	if inm.Load() != "" {
		t.Errorf("sent If-None-Match %q for a body that never parsed", inm.Load())
	}
}

func TestFetchStopsWhenTheCallerMovesOn(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, newFakeClock())
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := c.fetch(ctx, htmlSpec(srv.URL+"/papers"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
