package ui

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// A listing with one paper that cannot be read (Hugging Face's API sends
// a title that is a number) shows the other papers, and the status bar
// says one was skipped and why, as list does.
func TestReaderSaysWhichPapersWereSkipped(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "hf_api_daily_papers_2026-06-12.json"))
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(data, &items); err != nil {
		t.Fatal(err)
	}
	items[2]["paper"].(map[string]any)["title"] = 123
	spoiled, _ := json.Marshal(items)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			w.Header().Set("Content-Type", "application/json")
			w.Write(spoiled)
			return
		}
		// A page layout paperdeck does not know: it reads the API instead.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!doctype html><html><body><main>a new layout</main></body></html>"))
	}))
	defer srv.Close()
	client := feed.NewClient(feed.Config{
		HFBase: srv.URL, ArxivBase: srv.URL, CacheDir: t.TempDir(),
		Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() },
	})
	h := harnessOn(t, client, model.Period{Kind: model.Day, Value: "2026-06-12"}, 160, 30)
	if n := h.app.list.Total(); n != len(items)-1 {
		t.Errorf("%d papers listed, want the %d that could be read", n, len(items)-1)
	}
	if st := h.status(); !strings.Contains(st, "1 paper skipped: item 3: paper.title is a JSON number, not a string") {
		t.Errorf("the status bar should say what was skipped: %q", st)
	}
}
