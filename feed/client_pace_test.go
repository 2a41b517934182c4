package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Everything that talks to arXiv shares one pacer: requests from several
// goroutines go one at a time, at least 3 s apart on the (fake) clock.
func TestArxivRequestsAreAtLeast3sApartAndOneAtATime(t *testing.T) {
	clock := newFakeClock()
	var (
		mu       sync.Mutex
		starts   []time.Time
		inFlight atomic.Int32
		overlap  atomic.Bool
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if inFlight.Add(1) > 1 {
			overlap.Store(true)
		}
		defer inFlight.Add(-1)
		mu.Lock()
		starts = append(starts, clock.Now())
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // give a rival the chance to overlap
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html></html>")
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, clock)
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() {
			spec := fetchSpec{url: fmt.Sprintf("%s/list/cs.LG/new?%d", srv.URL, i), what: "arXiv cs.LG", kind: kindHTML, paced: true}
			if _, err := c.fetch(context.Background(), spec); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()

	if overlap.Load() {
		t.Error("two arXiv requests were in flight at once")
	}
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	if len(starts) != 5 {
		t.Fatalf("%d requests, want 5", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 3*time.Second {
			t.Errorf("requests %d and %d only %v apart", i-1, i, gap)
		}
	}
}

func TestArxivPacingDoesNotDelayAfterTheGapHasPassed(t *testing.T) {
	clock := newFakeClock()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, clock)
	spec := fetchSpec{url: srv.URL + "/list/cs.LG/new", what: "arXiv cs.LG", kind: kindHTML, paced: true}
	for range 2 {
		if _, err := c.fetch(context.Background(), spec); err != nil {
			t.Fatal(err)
		}
		clock.Advance(10 * time.Second) // the user read for a while
	}
	if s := clock.Slept(); len(s) != 0 {
		t.Errorf("waited %v although 10s had passed", s)
	}
}

// Hugging Face is not paced: only arXiv asks for it.
func TestHuggingFaceRequestsAreNotPaced(t *testing.T) {
	clock := newFakeClock()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	}))
	defer srv.Close()

	c := testClient(t, srv.URL, clock)
	for range 3 {
		if _, err := c.fetch(context.Background(), htmlSpec(srv.URL+"/papers")); err != nil {
			t.Fatal(err)
		}
	}
	if s := clock.Slept(); len(s) != 0 {
		t.Errorf("waited %v between Hugging Face requests", s)
	}
}

func TestWaitingForTheArxivSlotStopsWhenCancelled(t *testing.T) {
	p := newPacer(3 * time.Second)
	clock := newFakeClock()
	release, err := p.acquire(context.Background(), clock.Now, clock.Sleep)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := p.acquire(ctx, clock.Now, clock.Sleep); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the wait to end with the context", err)
	}
}
