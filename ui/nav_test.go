package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// hfServer answers as Hugging Face would: the real page of 2024-08-01 for
// that day, and for a week or a month a page it cannot read, so the client
// turns to the API, which answers with a real /api/daily_papers response.
// It records the paths asked for.
type hfServer struct {
	mu    sync.Mutex
	asked []string
}

func (s *hfServer) client(t *testing.T) *feed.Client {
	t.Helper()
	day, err := os.ReadFile("../testdata/hf_daily_papers_2024-08-01.html")
	if err != nil {
		t.Fatal(err)
	}
	api, err := os.ReadFile("../testdata/hf_api_daily_papers_2026-08-03.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.asked = append(s.asked, r.URL.RequestURI())
		s.mu.Unlock()
		switch {
		case r.URL.Path == "/papers/date/2024-08-01":
			w.Write(day)
		case r.URL.Path == "/api/daily_papers":
			w.Header().Set("Content-Type", "application/json")
			w.Write(api)
		case strings.HasPrefix(r.URL.Path, "/papers/"):
			w.Write([]byte("<!doctype html><html><body><main>papers</main></body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return feed.NewClient(feed.Config{HFBase: srv.URL, ArxivBase: srv.URL, CacheDir: t.TempDir(),
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }})
}

func (s *hfServer) last() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := len(s.asked) - 1; i >= 0; i-- {
		if strings.HasPrefix(s.asked[i], "/papers/") {
			return s.asked[i]
		}
	}
	return ""
}

// On Thursday 2024-08-01, w shows its week and d comes back to the
// Thursday, not to the week's Monday; w then m opens August 2024 (the
// week starts in July), and m then d comes back to the Thursday too.
func TestSwitchingKindsKeepsTheDay(t *testing.T) {
	srv := &hfServer{}
	h := harnessOn(t, srv.client(t), thu, 120, 35)
	steps := []struct{ key, path, label string }{
		{"w", "/papers/week/2024-W31", "Hugging Face · week 2024-W31 ·"},
		{"d", "/papers/date/2024-08-01", "Hugging Face · Thursday 2024-08-01 · 13 papers"},
		{"w", "/papers/week/2024-W31", "week 2024-W31"},
		{"m", "/papers/month/2024-08", "Hugging Face · August 2024 ·"},
		{"d", "/papers/date/2024-08-01", "Thursday 2024-08-01 · 13 papers"},
		{"m", "/papers/month/2024-08", "August 2024"},
		{"w", "/papers/week/2024-W31", "week 2024-W31"},
		{"d", "/papers/date/2024-08-01", "Thursday 2024-08-01"},
	}
	for i, s := range steps {
		h.keys(s.key)
		if got := srv.last(); got != s.path {
			t.Fatalf("step %d (%s): asked for %s, want %s", i, s.key, got, s.path)
		}
		if st := h.status(); !strings.Contains(st, s.label) {
			t.Fatalf("step %d (%s): status %q lacks %q", i, s.key, st, s.label)
		}
	}
	// [ on the week moves the day with it: d then shows the new week's Monday.
	h.keys("w", "[", "d")
	if got := srv.last(); got != "/papers/date/2024-07-22" {
		t.Errorf("w [ d asked for %s, want the Monday of the week before", got)
	}
}

// The anchor follows a day reached by [ and ]: from the Thursday, ] then w
// then d is the Friday.
func TestAnchorFollowsTheDayShown(t *testing.T) {
	f := page2024(t)
	fri := model.Period{Kind: model.Day, Value: "2024-08-02"}
	f.add(day("2024-08-02", "Friday paper"))
	f.add(model.Listing{Source: model.SourceHF, Period: model.Period{Kind: model.Week, Value: "2024-W31"}, Papers: day("2024-08-02", "Friday paper").Papers})
	h := newHarness(t, f, thu, 120, 35)
	h.keys("]", "w", "d")
	reqs := f.requests()
	if got := reqs[len(reqs)-1].Period; got != fri {
		t.Errorf("] w d asked for %v, want %v", got, fri)
	}
}

// What an empty result says in the detail is wrapped, not cut, so the
// next step can be read whole beside a narrow list.
func TestEmptyResultHintIsReadWholeInTheDetail(t *testing.T) {
	q := model.Period{Kind: model.Search, Value: "nothing here"}
	f := page2024(t).add(model.Listing{Source: model.SourceHF, Period: q})
	h := newHarness(t, f, thu, 120, 35)
	h.keys("s")
	h.typeText("nothing here")
	h.keys("enter")
	var right []string
	for _, line := range strings.Split(h.screen(), "\n") {
		if _, after, ok := strings.Cut(line, "│"); ok {
			right = append(right, strings.TrimSpace(after))
		}
	}
	detail := strings.Join(strings.Fields(strings.Join(right, " ")), " ")
	if !strings.Contains(detail, "no papers found for “nothing here” — s to search again, esc to go back") {
		t.Errorf("the detail says %q", detail)
	}
	checkScreenFits(t, h.app.View().Content, 120, 35)
}
