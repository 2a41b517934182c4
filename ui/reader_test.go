package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/fulltext/fulltexttest"
)

// arxivHTML serves the saved arxiv.org/html page for 2407.21705 (behind
// arXiv's redirect to the versioned page) and 404 for anything else.
func arxivHTML(t *testing.T) *fulltexttest.Server {
	return fulltexttest.ArxivHTML(t, "2407.21705", "v1")
}

// readerHarness is the reader on the 2024-08-01 list, its full texts
// fetched by a real feed client from base with its cache in cacheDir.
func readerHarness(t *testing.T, base, cacheDir string, w, h int) *harness {
	t.Helper()
	client := feed.NewClient(feed.Config{ArxivBase: base, CacheDir: cacheDir, ArxivInterval: time.Millisecond})
	o := &opened{}
	opts := optionsFor(page2024(t), thu, o)
	opts.FullText = fullTextLoader(Options{Feed: client})
	app := New(opts)
	hs := &harness{t: t, app: app, opened: o}
	app.setTicker(hs.noTick())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(app.Init())
	return hs
}

func TestReaderFromTheList(t *testing.T) {
	srv := arxivHTML(t)
	cache := t.TempDir()
	h := readerHarness(t, srv.URL, cache, 100, 30)
	h.keys("j")
	if h.selected() != "2407.21705" {
		t.Fatalf("cursor on %q", h.selected())
	}
	h.keys("f")
	s := h.screen()
	if !strings.Contains(s, "What’s in Your Agent’s Context?") || !strings.Contains(s, "Zichuan Li") {
		t.Fatalf("f does not show the full text:\n%s", s)
	}
	if strings.Contains(s, "Report Issue") {
		t.Errorf("arXiv's page furniture shows:\n%s", s)
	}
	checkScreenFits(t, h.app.View().Content, 100, 30)
	if h.app.status.Loading() {
		t.Error("the spinner still turns with the text on screen")
	}

	h.keys("}")
	if !strings.Contains(firstBodyLine(h), "I Introduction") {
		t.Errorf("} goes to %q, want I Introduction", firstBodyLine(h))
	}
	h.keys("/")
	h.typeText("prompt")
	h.keys("enter")
	if st := h.status(); !strings.Contains(st, "“prompt”: match 1 of") {
		t.Errorf("find: status %q", st)
	}
	h.keys("esc", "esc")
	if h.app.focus.on != focusList || h.selected() != "2407.21705" {
		t.Errorf("esc: focus %v, cursor on %q; want the list where it was", h.app.focus.on, h.selected())
	}
	if !strings.Contains(h.screen(), "Tora: Trajectory-oriented Diffusion") {
		t.Errorf("the list is not back:\n%s", h.screen())
	}

	// Read again with the server gone, by a new reader: from the cache.
	srv.Close()
	h = readerHarness(t, srv.URL, cache, 100, 30)
	h.keys("j", "f")
	if !strings.Contains(h.screen(), "What’s in Your Agent’s Context?") {
		t.Errorf("offline re-read:\n%s", h.screen())
	}
}

// A second / is a new find: the line opens empty, so what is typed is
// the new word, not the previous one with the new one after it.
func TestReaderFindStartsAfresh(t *testing.T) {
	h := readerHarness(t, arxivHTML(t).URL, t.TempDir(), 100, 30)
	h.keys("j", "f", "/")
	h.typeText("prompt")
	h.keys("enter", "n", "/")
	if h.app.typed.value != "" {
		t.Errorf("the second / opens the find line holding %q", h.app.typed.value)
	}
	h.typeText("context")
	h.keys("enter")
	if st := h.status(); !strings.Contains(st, "“context”: match ") {
		t.Errorf("second find: status %q, want the matches of “context”", st)
	}
}

func TestReaderWithoutHTMLOffersThePDF(t *testing.T) {
	srv := arxivHTML(t)
	h := readerHarness(t, srv.URL, t.TempDir(), 100, 30)
	h.keys("f") // 2407.21783 has no HTML version here
	if s := h.screen(); !strings.Contains(s, "arXiv has no HTML version of this paper") || !strings.Contains(s, "Press p to open the PDF") {
		t.Fatalf("404:\n%s", s)
	}
	h.keys("p")
	if got := h.opened.list(); len(got) != 1 || got[0] != "https://arxiv.org/pdf/2407.21783" {
		t.Errorf("p opened %q", got)
	}
}

// The detail's f opens the text too, and esc goes back to the detail.
func TestReaderFromTheDetail(t *testing.T) {
	srv := arxivHTML(t)
	h := readerHarness(t, srv.URL, t.TempDir(), 80, 24)
	h.keys("j", "enter")
	if h.app.focus.on != focusDetail {
		t.Fatalf("enter: focus %v", h.app.focus.on)
	}
	h.keys("f")
	if h.app.focus.on != focusReader || !strings.Contains(h.screen(), "Context Privilege Escalation") {
		t.Fatalf("f from the detail:\n%s", h.screen())
	}
	h.keys("L")
	if h.app.focus.on != focusPicker || !strings.Contains(h.screen(), "https://arxiv.org/html/2407.21705v1") {
		t.Errorf("L lists the text's links:\n%s", h.screen())
	}
	h.keys("esc", "esc")
	if h.app.focus.on != focusDetail {
		t.Errorf("esc esc: focus %v, want the detail", h.app.focus.on)
	}
}

func firstBodyLine(h *harness) string {
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.TrimSpace(l) != "" {
			return strings.TrimSpace(l)
		}
	}
	return ""
}
