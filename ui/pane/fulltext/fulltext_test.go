package fulltext

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
	"github.com/paperdeck/paperdeck/ui/render"
)

func page(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "testdata", "fulltext", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func glamour(md string, width int, style string) (string, error) {
	return render.Document(md, width, render.Style(style))
}

// newReader is the pane at a size, loading pages with load.
func newReader(t testing.TB, w, h int, load LoadFunc) *Model {
	c := common.Common{Width: w, Height: h, Styles: common.NewStyles(true, true), Keys: keymap.New(nil)}
	return New(c, context.Background(), load, glamour)
}

// run plays a command and the commands its messages lead to, as the
// program would, and returns the pane's last command result.
func run(m *Model, cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for cmd != nil {
		msg := cmd()
		out = append(out, msg)
		switch msg.(type) {
		case LoadedMsg, RenderedMsg:
			cmd = m.Update(msg)
		default:
			cmd = nil
		}
	}
	return out
}

func press(m *Model, keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "pgdown":
			msg = tea.KeyPressMsg{Code: tea.KeyPgDown}
		default:
			r := []rune(k)[0]
			msg = tea.KeyPressMsg{Code: r, Text: k}
		}
		out = append(out, run(m, m.Update(msg))...)
	}
	return out
}

func screen(m *Model) string { return ansi.Strip(m.View()) }

var angular = model.Paper{ID: "2106.09006", Title: "Angular momentum evolution", PDFURL: "https://arxiv.org/pdf/2106.09006"}

func fixtureLoader(t testing.TB, name string, calls *int) LoadFunc {
	body := page(t, name)
	return func(_ context.Context, id string) (Page, error) {
		if calls != nil {
			*calls++
		}
		return Page{HTML: body, URL: "https://arxiv.org/html/" + id + "v1"}, nil
	}
}

func TestReaderOpensAndJumps(t *testing.T) {
	m := newReader(t, 140, 30, fixtureLoader(t, "arxiv-view-as-html_sample_paper_angular-momentum.html", nil))
	cmd := m.Open(angular)
	if !strings.Contains(screen(m), "Loading the full text of Angular momentum evolution") {
		t.Errorf("no loading notice:\n%s", screen(m))
	}
	run(m, cmd)
	s := screen(m)
	for _, want := range []string{"Angular momentum evolution can be predicted", "Contents", "1 Introduction", "Appendix B Details of tidal torqu"} {
		if !strings.Contains(s, want) {
			t.Errorf("first screen lacks %q:\n%s", want, s)
		}
	}

	// } goes to the next section, { back.
	press(m, "}")
	if first := firstTextLine(m); !strings.Contains(first, "1 Introduction") {
		t.Errorf("after }, the text starts with %q, want 1 Introduction", first)
	}
	press(m, "}", "}")
	if first := firstTextLine(m); !strings.Contains(first, "3 Results") {
		t.Errorf("after three }, the text starts with %q, want 3 Results", first)
	}
	press(m, "{")
	if first := firstTextLine(m); !strings.Contains(first, "2 Methods") {
		t.Errorf("after {, the text starts with %q, want 2 Methods", first)
	}

	// The contents jump: t, down to the references, enter.
	press(m, "t", "G", "enter")
	if first := firstTextLine(m); !strings.Contains(first, "References") {
		t.Errorf("after the contents' last entry, the text starts with %q", first)
	}
	if !strings.Contains(screen(m), "[1] Aubert D., Pichon C., Colombi S., 2004") {
		t.Errorf("the references do not show:\n%s", screen(m))
	}
}

// firstTextLine is the first non-blank line of the text column.
func firstTextLine(m *Model) string {
	for _, l := range strings.Split(screen(m), "\n") {
		if m.wide() {
			if i := strings.Index(l, "│"); i >= 0 {
				l = l[i+len("│"):]
			}
		}
		if strings.TrimSpace(l) != "" {
			return strings.TrimSpace(l)
		}
	}
	return ""
}

func TestReaderNarrowContentsAndFind(t *testing.T) {
	m := newReader(t, 80, 24, fixtureLoader(t, "engrafo_1708.00137.html", nil))
	run(m, m.Open(model.Paper{ID: "1708.00137", Title: "Causation"}))
	if strings.Contains(screen(m), "Contents") {
		t.Error("narrow: the contents show before t")
	}
	press(m, "t")
	s := screen(m)
	if !strings.Contains(s, "Contents") || !strings.Contains(s, "5.1.1 Causally-ordered models") {
		t.Fatalf("t does not open the contents:\n%s", s)
	}
	if m.CanFind() {
		t.Error("a find can start while the keys are the contents'")
	}
	// Down to 3.2 Instruments and go there.
	for range 20 {
		if strings.Contains(selectedTOCRow(m), "3.2 Instruments") {
			break
		}
		press(m, "j")
	}
	press(m, "enter")
	if first := firstTextLine(m); !strings.Contains(first, "3.2 Instruments") {
		t.Errorf("the contents went to %q, want 3.2 Instruments", first)
	}

	// Find: the root opens the find line while the text has the keys;
	// every match, n steps, esc clears.
	if !m.CanFind() {
		t.Fatal("the text on screen cannot start a find")
	}
	m.Find("Wharton")
	if m.FindStatus() == "" || strings.HasPrefix(m.FindStatus(), "no match") {
		t.Fatalf("find: %q", m.FindStatus())
	}
	if !strings.Contains(screen(m), "Wharton") {
		t.Errorf("the first match is not on screen:\n%s", screen(m))
	}
	before := m.FindStatus()
	press(m, "n")
	if m.FindStatus() == before {
		t.Errorf("n did not step: %q", m.FindStatus())
	}
	press(m, "esc")
	if m.FindStatus() != "" {
		t.Errorf("esc kept the find: %q", m.FindStatus())
	}
	if msgs := press(m, "esc"); len(msgs) != 1 || msgs[0] != (common.CloseMsg{}) {
		t.Errorf("esc does not close the pane: %v", msgs)
	}
}

func selectedTOCRow(m *Model) string {
	return m.toc[m.tocCursor].title
}

// The place in each paper is kept, and a paper opened again is not
// fetched again.
func TestReaderRemembersThePlace(t *testing.T) {
	calls := 0
	m := newReader(t, 100, 20, fixtureLoader(t, "latexmlc_0.8.7_1707.08043.html", &calls))
	p := model.Paper{ID: "1707.08043", Title: "Reductions"}
	run(m, m.Open(p))
	press(m, "}", "}", "}")
	place := firstTextLine(m)
	press(m, "esc")
	run(m, m.Open(p))
	if calls != 1 || firstTextLine(m) != place {
		t.Errorf("re-opened at %q (want %q), %d fetches", firstTextLine(m), place, calls)
	}
	// Another paper and back: fetched, at the same place.
	run(m, m.Open(model.Paper{ID: "1708.00137", Title: "Other"}))
	press(m, "esc")
	run(m, m.Open(p))
	if firstTextLine(m) != place {
		t.Errorf("back to the first paper at %q, want %q", firstTextLine(m), place)
	}
}

func TestReaderMessages(t *testing.T) {
	noHTML := func(context.Context, string) (Page, error) {
		return Page{}, feed.ErrNoHTML
	}
	m := newReader(t, 80, 20, noHTML)
	run(m, m.Open(angular))
	if s := screen(m); !strings.Contains(s, "arXiv has no HTML version of this paper") || !strings.Contains(s, "Press p to open the PDF") {
		t.Errorf("404:\n%s", s)
	}

	m = newReader(t, 80, 20, noHTML)
	run(m, m.Open(model.Paper{ID: "hf-3fa9", Title: "A paper only Hugging Face has", URL: "https://huggingface.co/papers/hf-3fa9"}))
	if s := screen(m); !strings.Contains(s, "no arXiv id") || !strings.Contains(s, "Press o to open its page") {
		t.Errorf("no arXiv id:\n%s", s)
	}
	// Copied page text has no page either: o is not offered.
	m = newReader(t, 80, 20, noHTML)
	run(m, m.Open(model.Paper{ID: "title-977605a5d794", Title: "Sparse Routers Learn Faster Than Dense Ones"}))
	if s := screen(m); !strings.Contains(s, "no arXiv id") || strings.Contains(s, "Press o") {
		t.Errorf("no arXiv id and no page: o offered anyway:\n%s", s)
	}

	m = newReader(t, 120, 40, fixtureLoader(t, "ar5iv_1904.07818_onemax.html", nil))
	run(m, m.Open(model.Paper{ID: "1904.07818", Title: "OneMax"}))
	if s := screen(m); !strings.Contains(s, "This page is damaged") || !strings.Contains(s, "Maximizing Drift is Not Optimal") {
		t.Errorf("damaged page:\n%s", s)
	}
}

// L lists every link, the references' included.
func TestReaderLinks(t *testing.T) {
	m := newReader(t, 100, 20, fixtureLoader(t, "arxiv-view-as-html_sample_paper_angular-momentum.html", nil))
	run(m, m.Open(angular))
	msgs := press(m, "L")
	if len(msgs) != 1 {
		t.Fatalf("L: %v", msgs)
	}
	lm, ok := msgs[0].(LinksMsg)
	if !ok {
		t.Fatalf("L sent %T", msgs[0])
	}
	var pdf, doi, full bool
	for _, l := range lm.Links {
		pdf = pdf || l.URL == angular.PDFURL
		doi = doi || (l.Label == "[3]" && l.URL == "http://dx.doi.org/10.1093/mnras/staa1777")
		full = full || l.URL == "https://arxiv.org/html/2106.09006v1"
	}
	if !pdf || !doi || !full || len(lm.Links) < 40 {
		t.Errorf("links: pdf %v, reference 3's DOI %v, the page %v, %d in all", pdf, doi, full, len(lm.Links))
	}
}

// Nothing wider than the pane, at any size.
func TestReaderFitsItsBox(t *testing.T) {
	for _, w := range []int{30, 60, 109, 110, 160} {
		m := newReader(t, w, 15, fixtureLoader(t, "arxiv-view-as-html_sample_paper_angular-momentum.html", nil))
		run(m, m.Open(angular))
		for _, keys := range [][]string{nil, {"}", "}"}, {"t"}} {
			press(m, keys...)
			for _, l := range strings.Split(m.View(), "\n") {
				if cw := ansi.StringWidth(l); cw > w {
					t.Errorf("width %d after %v: a line %d wide: %q", w, keys, cw, ansi.Strip(l))
					break
				}
			}
		}
	}
}

// The place is kept for next time through the SaveFunc, and a page that
// comes with a place opens there.
func TestReaderKeepsThePlaceForNextTime(t *testing.T) {
	var saved []Place
	m := newReader(t, 100, 20, fixtureLoader(t, "latexmlc_0.8.7_1707.08043.html", nil))
	m.SetSave(func(id string, p Place) {
		if id == "1707.08043" {
			saved = append(saved, p)
		}
	})
	run(m, m.Open(model.Paper{ID: "1707.08043", Title: "Reductions"}))
	press(m, "}", "}", "j", "j")
	place := firstTextLine(m)
	msgs := press(m, "esc")
	if len(msgs) != 1 || msgs[0] != (common.CloseMsg{}) {
		t.Fatalf("esc: %v", msgs)
	}
	run(m, m.Close())
	if len(saved) != 1 || saved[0].Part == 0 {
		t.Fatalf("saved %+v", saved)
	}

	// Next run: the loader brings the place back.
	body := page(t, "latexmlc_0.8.7_1707.08043.html")
	next := newReader(t, 100, 20, func(context.Context, string) (Page, error) {
		return Page{HTML: body, Place: saved[0], HasPlace: true}, nil
	})
	run(next, next.Open(model.Paper{ID: "1707.08043", Title: "Reductions"}))
	if got := firstTextLine(next); got != place {
		t.Errorf("opened at %q, want %q", got, place)
	}
}

// Leaving while the text loads cancels the fetch; opening again fetches
// again.
func TestReaderCancelsTheFetchOnLeaving(t *testing.T) {
	calls := 0
	var seen context.Context
	body := page(t, "latexmlc_0.8.7_1707.08043.html")
	m := newReader(t, 100, 20, func(ctx context.Context, id string) (Page, error) {
		calls++
		seen = ctx
		return Page{HTML: body}, ctx.Err()
	})
	p := model.Paper{ID: "1707.08043", Title: "Reductions"}
	cmd := m.Open(p)
	run(m, m.Close())
	run(m, cmd) // the fetch answers late
	if seen == nil || seen.Err() == nil {
		t.Error("the fetch was not cancelled")
	}
	if strings.Contains(screen(m), "cannot be read") {
		t.Errorf("a cancelled fetch shows an error:\n%s", screen(m))
	}
	run(m, m.Open(p))
	if calls != 2 || !strings.Contains(screen(m), "ON POSITIVE-CHARACTERISTIC") {
		t.Errorf("opened again: %d fetches\n%s", calls, screen(m))
	}
}

// A resize while a find is on renders the text again at the new width:
// the matches are found again in the new lines (the old line numbers ran
// past the first screen's and crashed the reader), the current one on
// screen.
func TestReaderFindSurvivesAResize(t *testing.T) {
	m := newReader(t, 80, 24, fixtureLoader(t, "engrafo_1708.00137.html", nil))
	run(m, m.Open(model.Paper{ID: "1708.00137", Title: "Causation"}))
	m.Find("Wharton")
	press(m, "n", "n")
	if strings.HasPrefix(m.FindStatus(), "no match") || m.FindStatus() == "" {
		t.Fatalf("find: %q", m.FindStatus())
	}
	for _, size := range [][2]int{{120, 35}, {60, 20}, {80, 24}} {
		m.SetSize(size[0], size[1])
		run(m, m.Sync())
		if strings.HasPrefix(m.FindStatus(), "no match") || m.FindStatus() == "" {
			t.Fatalf("%dx%d: the find is lost: %q", size[0], size[1], m.FindStatus())
		}
		if !strings.Contains(screen(m), "Wharton") {
			t.Errorf("%dx%d: the current match is not on screen:\n%s", size[0], size[1], screen(m))
		}
	}
}
