package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// resolvingFeed is the fake feed for listings with a real client's title
// look-up behind it.
type resolvingFeed struct {
	*fakeFeed
	client *feed.Client
}

func (r resolvingFeed) ResolveID(ctx context.Context, p model.Paper) (model.Paper, bool, error) {
	return r.client.ResolveID(ctx, p)
}

// A copied-text paper shown in the detail gets its arXiv id in the
// background from Hugging Face's search (an exact title match); then o and
// y work on it. A paper without a match keeps what it has, and y copies its
// title, never an internal key.
func TestReaderResolvesTitleToIDInTheBackground(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/api/papers/search" && r.URL.Query().Get("q") == "Calibrated Uncertainty for Diffusion Policies" {
			// Hand-made, in the shape of /api/papers/search.
			w.Write([]byte(`[{"paper": {"id": "2311.00123", "title": "Calibrated uncertainty for diffusion policies", "upvotes": 5}}]`))
			return
		}
		w.Write([]byte(`[]`))
	}))
	defer srv.Close()
	l := loadFixture(t, "hf_papers_page_copied_text_sample.txt")
	l.Period = thu
	f := resolvingFeed{newFakeFeed().add(l), feed.NewClient(feed.Config{HFBase: srv.URL, CacheDir: t.TempDir()})}
	h := harnessOn(t, f, thu, 160, 30)

	h.keys("j", "j", "enter") // Calibrated Uncertainty for Diffusion Policies
	if p, _ := h.app.detail.Paper(); p.ID != "2311.00123" {
		t.Fatalf("the detail shows %q, want the resolved 2311.00123", p.ID)
	}
	if s := strings.Join(strings.Fields(h.screen()), " "); !strings.Contains(s, "https://huggingface.co/papers/2311.00123") || !strings.Contains(h.status(), "2311.00123") {
		t.Errorf("the detail has no page link:\n%s", h.screen())
	}
	h.keys("o")
	if got := h.opened.list(); len(got) != 1 || got[0] != "https://huggingface.co/papers/2311.00123" {
		t.Errorf("o opened %v", got)
	}
	h.keys("y")
	if !strings.Contains(h.status(), "copied 2311.00123 https://huggingface.co/papers/2311.00123") {
		t.Errorf("y: status %q", h.status())
	}

	h.keys("esc", "k", "enter") // Tiny Recurrent Memories…: no match
	if p, _ := h.app.detail.Paper(); !strings.HasPrefix(p.ID, "title-") {
		t.Errorf("a paper without a match changed id to %q", p.ID)
	}
	h.keys("y")
	if st := h.status(); !strings.Contains(st, "copied Tiny Recurrent Memories for Long-Horizon Web Agents") || strings.Contains(st, "title-") {
		t.Errorf("y without an id: status %q", st)
	}
}
