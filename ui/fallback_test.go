package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// clientAnswering503 is a real feed client whose Hugging Face and arXiv
// answer 503 to everything; its retries do not really wait.
func clientAnswering503(t *testing.T) *feed.Client {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	t.Cleanup(srv.Close)
	return feed.NewClient(feed.Config{
		HFBase: srv.URL, ArxivBase: srv.URL, CacheDir: t.TempDir(),
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
	})
}

// harnessOn is the harness around any Feed (a real client here).
func harnessOn(t *testing.T, f Feed, start model.Period, w, h int) *harness {
	t.Helper()
	o := &opened{}
	app := New(optionsFor(f, start, o))
	hs := &harness{t: t, app: app, opened: o}
	app.setTicker(hs.noTick())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(app.Init())
	return hs
}

// Opening on a search Hugging Face cannot answer, with nothing cached, the
// reader shows the bundled snapshot rather than an empty screen, but the
// status names it as what it is and says why; never the search's label.
func TestReaderLabelsTheSnapshotAsWhatItIs(t *testing.T) {
	h := harnessOn(t, clientAnswering503(t), model.Period{Kind: model.Search, Value: "flow matching"}, 200, 30)
	status := h.status()
	for _, want := range []string{`could not search "flow matching": Hugging Face answered 503`, "bundled snapshot of Thursday 2024-08-01 · 13 papers"} {
		if !strings.Contains(status, want) {
			t.Errorf("status %q lacks %q", status, want)
		}
	}
	if strings.Contains(status, "search “flow matching” ·") || strings.Contains(status, "offline") {
		t.Errorf("status %q passes the snapshot off as the search, or calls a 503 offline", status)
	}
	if !strings.Contains(h.screen(), "The Llama 3 Herd of Models") {
		t.Errorf("the snapshot's papers are not shown:\n%s", h.screen())
	}
}

// With a listing on screen, a failed search leaves it there (no snapshot in
// its place) and says why in a few words.
func TestReaderFailedSearchKeepsTheListingAndSaysWhy(t *testing.T) {
	f := page2024(t)
	q := model.Period{Kind: model.Search, Value: "flow matching"}
	f.errs[q] = &feed.NoDataError{Request: q, Reason: feed.ReasonUnavailable,
		Err: &feed.StatusError{Code: 503, Status: "503 Service Unavailable"}}
	h := newHarness(t, f, thu, 200, 30)
	h.keys("s")
	h.typeText("flow matching")
	h.keys("enter")
	status := h.status()
	if !strings.Contains(status, `could not search "flow matching": Hugging Face answered 503`) ||
		!strings.Contains(status, "Hugging Face · Thursday 2024-08-01 · 13 papers") {
		t.Errorf("status %q", status)
	}
	if !strings.Contains(h.screen(), "The Llama 3 Herd of Models") {
		t.Errorf("the listing on screen went away:\n%s", h.screen())
	}
}

// a moves on to the next category after one that failed to load, rather
// than asking the failed one again.
func TestArxivKeyMovesOnAfterAFailedCategory(t *testing.T) {
	lg := model.Listing{Source: model.SourceArxiv, Period: model.Period{Kind: model.Arxiv, Value: "cs.LG"}}
	cv := model.Listing{Source: model.SourceArxiv, Period: model.Period{Kind: model.Arxiv, Value: "cs.CV"}}
	f := page2024(t).add(lg).add(cv)
	cl := model.Period{Kind: model.Arxiv, Value: "cs.CL"}
	f.errs[cl] = &feed.NoDataError{Request: cl, Reason: feed.ReasonUnavailable, Err: &feed.StatusError{Code: 503, Status: "503 Service Unavailable"}}
	h := comfortHarness(t, f, thu, 200, 30, Comforts{ArxivCategories: []string{"cs.LG", "cs.CL", "cs.CV"}}, false)
	var asked []string
	for range 4 {
		h.keys("a")
		reqs := f.requests()
		asked = append(asked, reqs[len(reqs)-1].Period.Value)
		if asked[len(asked)-1] == "cs.CL" && !strings.Contains(h.status(), "could not load arXiv cs.CL: arXiv answered 503") {
			t.Errorf("after the failure: status %q", h.status())
		}
	}
	if strings.Join(asked, " ") != "cs.LG cs.CL cs.CV cs.LG" {
		t.Errorf("a asked for %v, want cs.LG cs.CL cs.CV cs.LG", asked)
	}
	// Opened on the failing category: a goes on to the next one.
	h = comfortHarness(t, f, cl, 200, 30, Comforts{ArxivCategories: []string{"cs.LG", "cs.CL", "cs.CV"}}, false)
	h.keys("a")
	if reqs := f.requests(); reqs[len(reqs)-1].Period.Value != "cs.CV" {
		t.Errorf("a after opening on the failed cs.CL asked for %v", reqs[len(reqs)-1].Period)
	}
}

// --demo: the bar names the snapshot and the message says no network was
// used, rather than saying the same twice.
func TestReaderDemoSaysWhatItShows(t *testing.T) {
	demo := feed.NewClient(feed.Config{Demo: true, CacheDir: t.TempDir()})
	h := harnessOn(t, demo, model.Period{Kind: model.Latest}, 120, 30)
	if st := h.status(); !strings.Contains(st, "demo: no network used │ bundled snapshot of Thursday 2024-08-01 · 13 papers") {
		t.Errorf("status %q", st)
	}
}

// A message the bar cuts can be read whole: ! shows the recent messages.
func TestLongMessageReadWholeWithBang(t *testing.T) {
	h := harnessOn(t, clientAnswering503(t), model.Period{Kind: model.Search, Value: "flow matching"}, 80, 24)
	const whole = `could not search "flow matching": Hugging Face answered 503; showing the bundled snapshot of Thursday 2024-08-01`
	if strings.Contains(h.status(), whole) {
		t.Fatalf("the bar holds the whole message at 80 columns: the test needs a longer one")
	}
	h.keys("!")
	if s := strings.Join(strings.Fields(h.screen()), " "); !strings.Contains(s, "Recent messages") || !strings.Contains(s, whole) {
		t.Errorf("! does not show the message whole:\n%s", h.screen())
	}
	h.keys("esc")
	if !strings.Contains(h.screen(), "The Llama 3 Herd") {
		t.Errorf("esc does not close the messages:\n%s", h.screen())
	}
}
