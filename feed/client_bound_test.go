package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A whole Load ends within the bound: a page that answers just before it
// in a layout paperdeck does not know, then an API that never answers,
// used to take the bound twice over. Now the request, fallback included,
// ends at the bound with an error that names it, and the cached copy (if
// any) stands in as for any failure of the source.
func TestLoadEndsWithinTheBoundFallbackIncluded(t *testing.T) {
	const bound = 2 * time.Second
	// Most of the bound spent on the page, which then answers.
	c, log := lateThenSilent(t, "/papers/", bound, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctHTML)
		w.Write([]byte(unknownLayoutPage))
	})
	start := time.Now()
	_, err := c.Load(context.Background(), day("2026-08-03"))
	el := time.Since(start)
	if !strings.Contains(log.String(), "layout paperdeck does not know") {
		t.Fatalf("the page should have answered and the API been asked:\n%s", log.String())
	}
	var nd *NoDataError
	if !errors.As(err, &nd) || !strings.Contains(err.Error(), "within 2s") {
		t.Fatalf("err = %v, want no data and the 2s bound named", err)
	}
	if nd.Reason != ReasonUnavailable {
		t.Errorf("reason %v: running out of time is the source's failure", nd.Reason)
	}
	// The page alone took 1.6 s; the API's own 2 s would end at 3.6 s.
	if el > bound+bound/2 {
		t.Errorf("Load took %v; the whole request is bounded by %v", el, bound)
	}
}

// With a cached copy, running out of time shows it, saying why.
func TestLoadPastTheBoundShowsTheCachedCopy(t *testing.T) {
	m := newMirror(t)
	m.serve("/papers/date/2024-08-01", ctHTML, fixture(t, fixtureDayPage))
	clock := newFakeClock()
	c := testClient(t, m.URL(), clock, func(cfg *Config) {
		cfg.Sleep = sleepContext
		cfg.Timeouts.Total = 300 * time.Millisecond
	})
	want, err := c.Load(context.Background(), day("2024-08-01"))
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	defer close(release)
	m.setFault(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	clock.Advance(24 * time.Hour)
	res, err := c.Load(context.Background(), Request{Period: want.Listing.Period, Refresh: true})
	if err != nil {
		t.Fatalf("the cached copy should stand in: %v", err)
	}
	if res.Fallback == nil || len(res.Listing.Papers) != len(want.Listing.Papers) || !strings.Contains(res.Notice, "300ms") {
		t.Errorf("fallback %+v, notice %q: want the cached copy and the bound named", res.Fallback, res.Notice)
	}
}

// A paper's details are one request too: Hugging Face's 404 just before
// the bound, then an arXiv API that never answers, end at the bound.
func TestPaperEndsWithinTheBoundArxivIncluded(t *testing.T) {
	const bound = 2 * time.Second
	c, log := lateThenSilent(t, "/api/papers/", bound, http.NotFound)
	start := time.Now()
	_, err := c.Paper(context.Background(), "2606.13677")
	el := time.Since(start)
	if !strings.Contains(log.String(), "asking arXiv") {
		t.Fatalf("Hugging Face should have answered 404 and arXiv been asked:\n%s", log.String())
	}
	if err == nil || !strings.Contains(err.Error(), "within 2s") {
		t.Fatalf("err = %v, want the 2s bound named", err)
	}
	if el > bound+bound/2 {
		t.Errorf("Paper took %v; the whole request is bounded by %v", el, bound)
	}
}

// lateThenSilent is a client of a server whose paths under first answer
// late (after most of bound) with answer, and whose other paths never
// answer at all; the client's bound is bound, on real time, and its
// verbose log is returned.
func lateThenSilent(t *testing.T, first string, bound time.Duration, answer http.HandlerFunc) (*Client, *strings.Builder) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wait := (<-chan time.Time)(nil) // never
		if strings.HasPrefix(r.URL.Path, first) {
			wait = time.After(bound * 8 / 10)
		}
		select {
		case <-wait:
			answer(w, r)
		case <-r.Context().Done():
		case <-release:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) })
	var log strings.Builder
	return testClient(t, srv.URL, newFakeClock(), func(cfg *Config) {
		cfg.Sleep = sleepContext // real waits: the bound is on real time
		cfg.Timeouts.Header = time.Minute
		cfg.Timeouts.Overall = time.Minute
		cfg.Timeouts.Total = bound
		cfg.Log = &log
	}), &log
}
