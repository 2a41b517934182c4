package ui

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/model"
)

const pageURL = "https://huggingface.co/papers/2407.21783"

func osc8(u string) string { return "\x1b]8;;" + u + "\x1b\\" + u + "\x1b]8;;\x1b\\" }

// On a terminal that shows them, the detail's and the picker's links are
// OSC 8 hyperlinks to exactly the text shown; elsewhere they stay text.
func TestLinksAreHyperlinks(t *testing.T) {
	for _, on := range []bool{true, false} {
		o := &opened{}
		opts := optionsFor(page2024(t), thu, o)
		opts.Hyperlinks = on
		h := harnessWith(t, opts, o)
		h.keys("enter")
		frame := h.app.View().Content
		if got := strings.Contains(frame, osc8(pageURL)); got != on {
			t.Errorf("hyperlinks %v: the detail's page link linked %v:\n%q", on, got, frame)
		}
		if !strings.Contains(ansi.Strip(frame), pageURL) {
			t.Errorf("the link's text should stay on screen")
		}
		h.keys("L")
		frame = h.app.View().Content
		if got := strings.Contains(frame, osc8("https://arxiv.org/pdf/2407.21783")); got != on {
			t.Errorf("hyperlinks %v: the picker's PDF link linked %v", on, got)
		}
	}
}

// Only whole URLs of the paper are linked: a cut one, or a longer URL
// that starts like one, stays text.
func TestHyperlinkOnlyWholeURLs(t *testing.T) {
	urls := map[string]string{pageURL: pageURL}
	for in, want := range map[string]string{
		"see " + pageURL + " now":                   "see " + osc8(pageURL) + " now",
		"\x1b[4m" + pageURL + "\x1b[0m":             "\x1b[4m" + osc8(pageURL) + "\x1b[0m",
		pageURL + "v2":                              pageURL + "v2",
		"https://huggingface.co/pap…":               "https://huggingface.co/pap…",
		"xhttps://huggingface.co/papers/2407.21783": "xhttps://huggingface.co/papers/2407.21783",
	} {
		if got := hyperlink(in, urls); got != want {
			t.Errorf("hyperlink(%q) = %q, want %q", in, got, want)
		}
	}
	if TerminalHasHyperlinks("linux") || TerminalHasHyperlinks("dumb") || !TerminalHasHyperlinks("xterm-256color") {
		t.Error("TerminalHasHyperlinks")
	}
}

// A link CheckURL upgrades (a bibliography's http://dx.doi.org/…) links
// to what enter opens, its text as written; a link CheckURL refuses (plain
// http elsewhere) stays text.
func TestHyperlinkTargetIsWhatOpens(t *testing.T) {
	doi, plain := "http://dx.doi.org/10.1111/j.1365-2966.2010.16592.x", "http://example.com/paper.pdf"
	links := linkTargets([]model.Link{{Label: "[2]", URL: doi}, {Label: "link", URL: plain}})
	frame := hyperlink("[2] "+doi+"\n"+plain, links)
	if want := "\x1b]8;;https://dx.doi.org/10.1111/j.1365-2966.2010.16592.x\x1b\\" + doi + "\x1b]8;;\x1b\\"; !strings.Contains(frame, want) {
		t.Errorf("the DOI link: %q, want it linked to its https target", frame)
	}
	if strings.Contains(frame, "]8;;http://example.com") || !strings.HasSuffix(frame, "\n"+plain) {
		t.Errorf("a refused link should stay text: %q", frame)
	}
}

// The reader's L lists every link of the full text (a real paper's
// references: more than fit); the links on screen are clickable like the
// paper's, and one scrolled into view becomes so.
func TestReaderLinksAreHyperlinks(t *testing.T) {
	page, err := os.ReadFile("../testdata/fulltext/arxiv-view-as-html_sample_paper_angular-momentum.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/html/2407.21705" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	for _, on := range []bool{true, false} {
		h := readerHarness(t, srv.URL, t.TempDir(), 80, 24)
		h.app.opts.Hyperlinks = on
		h.keys("j", "f", "L")
		links := h.app.reader.Links()
		const rows = 21 // 24 lines less the title, its blank line and the status bar
		if h.app.focus.on != focusPicker || len(links) <= rows+5 {
			t.Fatalf("L should list more links than fit (%d):\n%s", len(links), h.screen())
		}
		frame := h.app.View().Content
		doi := "https://doi.org/10.1111/j.1365-2966.2010.16592.x"
		if got := strings.Contains(frame, osc8(doi)); got != on {
			t.Errorf("hyperlinks %v: the reference on screen linked %v:\n%s", on, got, ansi.Strip(frame))
		}
		// A bibliography's http DOI link opens over https: the click too.
		dx := "\x1b]8;;https://dx.doi.org/10.1111/j.1365-2966.2010.16592.x\x1b\\http://dx.doi.org/10.1111/j.1365-2966.2010.16592.x"
		if got := strings.Contains(frame, dx); got != on {
			t.Errorf("hyperlinks %v: the http DOI link on screen linked to https %v", on, got)
		}
		if n := strings.Count(frame, "\x1b]8;;http"); n > rows {
			t.Errorf("%d hyperlinks in a frame of %d link rows", n, rows)
		}
		// The first checkable link below the screen: linked once scrolled to.
		below := -1
		for i := rows; i < len(links); i++ {
			if u, err := CheckURL(links[i].URL); err == nil && u == links[i].URL {
				below = i
				break
			}
		}
		if below < 0 {
			t.Fatal("no checkable link below the screen")
		}
		if strings.Contains(frame, osc8(links[below].URL)) {
			t.Errorf("a link below the screen is in the frame")
		}
		for range below {
			h.keys("j")
		}
		if got := strings.Contains(h.app.View().Content, osc8(links[below].URL)); got != on {
			t.Errorf("hyperlinks %v: link %d scrolled into view linked %v:\n%s", on, below+1, got, h.screen())
		}
	}
}
