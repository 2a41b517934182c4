package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// An https mirror that redirects to http is not followed: the plain-text
// server never sees the request and the error says why.
func TestFetchRefusesARedirectFromHTTPSToHTTP(t *testing.T) {
	var plainHits atomic.Int32
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		plainHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>downgraded</html>")
	}))
	defer plain.Close()
	secure := httptest.NewTLSServer(http.RedirectHandler(plain.URL+"/papers", http.StatusFound))
	defer secure.Close()

	c := testClient(t, secure.URL, newFakeClock(), func(cfg *Config) { cfg.HTTP = secure.Client() })
	_, err := c.fetch(context.Background(), htmlSpec(secure.URL+"/papers"))
	var re *RedirectError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "redirected to "+plain.URL+"/papers: refused (https to http)") {
		t.Fatalf("err = %v, want the downgrade refused", err)
	}
	if n := plainHits.Load(); n != 0 {
		t.Errorf("the http server was asked %d times", n)
	}
	if isUnreachable(err) {
		t.Error("a refused redirect is not a network failure")
	}
}

func TestFetchRefusesARedirectToAnotherHost(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("the other host was asked")
	}))
	defer other.Close()
	// localhost is not 127.0.0.1's family, whatever it resolves to.
	elsewhere := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)
	src := httptest.NewServer(http.RedirectHandler(elsewhere+"/x", http.StatusMovedPermanently))
	defer src.Close()

	c := testClient(t, src.URL, newFakeClock())
	_, err := c.fetch(context.Background(), htmlSpec(src.URL+"/papers"))
	if err == nil || !strings.Contains(err.Error(), "refused (off 127.0.0.1)") {
		t.Fatalf("err = %v, want the other host refused", err)
	}
}

// A redirect within the source is followed, and --verbose names where the
// answer finally came from.
func TestFetchFollowsARedirectWithinTheSourceAndLogsTheFinalURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("/papers", http.RedirectHandler("/papers/date/2024-08-01", http.StatusFound))
	mux.HandleFunc("/papers/date/2024-08-01", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html>ok</html>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	var log bytes.Buffer
	c := testClient(t, srv.URL, newFakeClock(), func(cfg *Config) { cfg.Log = &log })
	got, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
	if err != nil || string(got.body) != "<html>ok</html>" {
		t.Fatalf("body %q, err %v", got.body, err)
	}
	if want := srv.URL + "/papers -> " + srv.URL + "/papers/date/2024-08-01: 200 OK"; !strings.Contains(log.String(), want) {
		t.Errorf("verbose log %q lacks %q", log.String(), want)
	}
}

func TestHostFamilies(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"huggingface.co", "huggingface.co", true},
		{"huggingface.co", "cdn-lfs.huggingface.co", true},
		{"arxiv.org", "export.arxiv.org", true},
		{"HuggingFace.co.", "huggingface.co", true},
		{"huggingface.co", "huggingface.co.evil.com", false},
		{"huggingface.co", "evilhuggingface.co", false},
		{"mirror.example.co.uk", "other.co.uk", false},
		{"127.0.0.1", "127.0.0.2", false},
		{"localhost", "evil.localhost", false},
	} {
		if got := sameHostFamily(tc.a, tc.b); got != tc.same {
			t.Errorf("sameHostFamily(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// A server that never answers, or keeps asking to come back, cannot hold
// a fetch past the total bound, whatever the per-attempt timeouts.
func TestFetchEndsWithinTheTotalBound(t *testing.T) {
	release := make(chan struct{})
	silent := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer silent.Close()
	defer close(release)
	busy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer busy.Close()

	for _, tc := range []struct {
		name string
		url  string
	}{
		{"silent", silent.URL},
		{"503 with backoff", busy.URL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := testClient(t, tc.url, newFakeClock(), func(cfg *Config) {
				cfg.Sleep = sleepContext // real waits: the bound is on real time
				cfg.Timeouts.Header = time.Minute
				cfg.Timeouts.Total = 400 * time.Millisecond
				cfg.Retry = RetryPolicy{Max: 100, Base: 150 * time.Millisecond, MaxWait: time.Hour}
			})
			start := time.Now()
			_, err := c.fetch(context.Background(), htmlSpec(tc.url+"/papers"))
			el := time.Since(start)
			if err == nil || !strings.Contains(err.Error(), "400ms") || !strings.HasPrefix(err.Error(), "fetching Thursday 2024-08-01 from ") {
				t.Fatalf("err = %v, want the bound named", err)
			}
			if el > 3*time.Second {
				t.Errorf("gave up after %v, bound 400ms", el)
			}
			if !isUnreachable(err) {
				t.Error("running out of time is a failure of the source (the cache may stand in)")
			}
		})
	}
}

// A server asking for a wait longer than the time left is not waited for.
func TestFetchDoesNotWaitPastTheBound(t *testing.T) {
	h, calls := flaky([]int{429, 429}, http.Header{"Retry-After": {"5"}})
	srv := httptest.NewServer(h)
	defer srv.Close()
	c := testClient(t, srv.URL, newFakeClock(), func(cfg *Config) {
		cfg.Sleep = sleepContext
		cfg.Timeouts.Total = time.Second
	})
	start := time.Now()
	_, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers"))
	if err == nil || !strings.Contains(err.Error(), "a retry in 5s would pass the 1s bound") {
		t.Fatalf("err = %v", err)
	}
	if el := time.Since(start); el > 900*time.Millisecond || calls.Load() != 1 {
		t.Errorf("waited %v over %d calls", el, calls.Load())
	}
}

// The caller moving on is still a plain cancellation, not the bound.
func TestFetchCancelledByTheCallerIsNotTheBound(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	c := testClient(t, srv.URL, newFakeClock())
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.fetch(ctx, htmlSpec(srv.URL+"/papers"))
	if !errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "within") {
		t.Fatalf("err = %v, want the caller's own deadline", err)
	}
}
