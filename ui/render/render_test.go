package render

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

var allStyles = []Style{StyleDark, StyleLight, StyleNoTTY}

// hostile is what a malicious or broken page could put in every field.
var hostile = []string{
	"\x1b]52;c;cm0gLXJmIH4=\x07",                            // OSC 52 clipboard write
	"\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", // OSC 8 hidden link
	"\x1b]0;pwned window title\x07",                         // OSC 0
	"\x1b[2J\x1b[H",                                         // clear screen, home
	"\x1b[?1049l\x1b[>4;2m",                                 // leave alt screen, keyboard mode
	"\u009b2J\u009d52;c;AAAA\u009c",                         // 8-bit CSI and OSC
	"\x9b2J",                                                // raw 8-bit CSI byte
	"&#x1b;[2J", "&#27;]52;c;AAAA&#7;", "&#7;", "&#x9b;6n", "&#155;", "&#x1b", "&#0;", "&#x202e;",
	"\u202egnp.exe", "\u2066isolate\u2069", "\u200bzero\ufeffwidth",
	"[click](javascript:alert(1))", "<javascript:alert(1)>", "![x](file:///etc/passwd)", "<b onclick=x>",
	"漢字かな交じり文", "e\u0301\u0301\u0301", "👩\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈", "مرحبا بالعالم", "\u05e9\u05dc\u05d5\u05dd",
	strings.Repeat("x", 3000), strings.Repeat("漢", 1500), "https://example.com/" + strings.Repeat("a", 2500),
}

func hostilePaper() model.Paper {
	all := strings.Join(hostile, " ")
	return model.Paper{
		ID:           "hostile",
		Title:        all,
		Authors:      hostile,
		Organization: all,
		Published:    "\x1b[2J2024-01-01",
		Summary:      strings.Join(hostile, "\n\n"),
		AISummary:    all,
		Keywords:     hostile,
		GitHub:       "javascript:alert(1)",
		ProjectPage:  "https://example.com/\x1b]52;c;x\x07",
		URL:          "https://huggingface.co/papers/x\u009b2J",
		Links:        append([]string{"https://example.com/ok"}, hostile...),
	}
}

// Nothing in any field reaches the terminal as a control.
func TestPaperHostileInput(t *testing.T) {
	p := hostilePaper()
	for _, style := range allStyles {
		for _, width := range []int{20, 40, 80, 140} {
			out, err := Paper(p, width, style)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s at %d", style, width)
			assertTerminalSafe(t, name, out, width)
			screen := ansi.Strip(out)
			for _, gone := range []string{"cm0gLXJmIH4=", "pwned", "evil.example"} {
				if strings.Contains(screen, gone) {
					t.Errorf("%s: %q reached the screen", name, gone)
				}
			}
			if strings.Contains(out, "\x1b]") {
				t.Errorf("%s: an OSC sequence reached the output", name)
			}
			// The references stay visible as the text they are.
			if width == 140 && !strings.Contains(screen, "&#x1b;[2J") {
				t.Errorf("%s: the character reference is not shown literally", name)
			}
		}
	}
}

// The hostile paper at every width a pane could have: no panic, no line
// wider than the pane.
func TestPaperEveryNarrowWidth(t *testing.T) {
	p := hostilePaper()
	p.Title, p.AISummary, p.Organization, p.Keywords = hostile[0]+" 漢字 "+hostile[1], "", "Org", nil
	for width := -1; width <= 30; width++ {
		out, err := Paper(p, width, StyleDark)
		if err != nil {
			t.Fatal(err)
		}
		if width < 1 {
			if out != "" {
				t.Errorf("width %d: got %d bytes, want nothing", width, len(out))
			}
			continue
		}
		assertTerminalSafe(t, fmt.Sprintf("width %d", width), out, width)
	}
}

// Every paper of every testdata file, at the widths of the reader.
func TestPaperTestdataFitsWidth(t *testing.T) {
	files := []string{
		"hf_daily_papers_2024-08-01.html", "hf_api_daily_papers_2026-06-12.json", "hf_api_daily_papers_2026-08-03.json",
		"arxiv_api_query_transformer_cs.LG_2026-06-14.xml", "hf_papers_page_copied_text_sample.txt",
		"handmade_hf_api_paper_2501.04519.json", "handmade_arxiv_list_cs.LG_new.html",
	}
	n, k := 0, 0
	for _, f := range files {
		l, err := feed.ParseFile("../../testdata/" + f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, p := range l.Papers {
			// Two of the four widths per paper, in turn, keep this quick
			// under -race while every width meets every source.
			widths := []int{20, 40, 80, 140}
			k++
			for _, width := range []int{widths[k%4], widths[(k+2)%4]} {
				style := allStyles[n%len(allStyles)]
				n++
				out, err := Paper(p, width, style)
				if err != nil {
					t.Fatal(err)
				}
				assertTerminalSafe(t, fmt.Sprintf("%s %s at %d (%s)", f, p.ID, width, style), out, width)
				if w := strings.Fields(p.Title); len(w) > 0 && !strings.Contains(ansi.Strip(out), lastWordClean(w)) {
					t.Errorf("%s %s at %d: title word %q missing", f, p.ID, width, lastWordClean(w))
				}
			}
		}
	}
	if n < 60 {
		t.Errorf("only %d renders: the testdata did not parse as expected", n)
	}
}

// lastWordClean is a title word with no Markdown or LaTeX in it, which the
// detail must show as is (if it fits the pane).
func lastWordClean(words []string) string {
	for i := len(words) - 1; i >= 0; i-- {
		w := words[i]
		if len(w) >= 3 && len(w) <= 16 && strings.IndexFunc(w, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
		}) < 0 {
			return w
		}
	}
	return ""
}

func TestPaperWrapsAtWidth(t *testing.T) {
	p := paperFromFile(t, "hf_daily_papers_2024-08-01.html", "2407.21783")
	for _, width := range []int{40, 80, 140} {
		out, err := Paper(p, width, StyleNoTTY)
		if err != nil {
			t.Fatal(err)
		}
		widest := 0
		for _, l := range strings.Split(out, "\n") {
			widest = max(widest, displayWidth(l))
		}
		// Word wrap fills the pane, less glamour's margins.
		if widest > width || widest < width-12 {
			t.Errorf("width %d: widest line is %d columns", width, widest)
		}
		if strings.HasPrefix(out, "\n") || strings.HasSuffix(out, "\n") {
			t.Errorf("width %d: blank lines at the edges", width)
		}
	}
}

func TestPaperStyles(t *testing.T) {
	p := model.Paper{ID: "1", Title: "Colour", Summary: "Some text."}
	dark, err := Paper(p, 60, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	light, err := Paper(p, 60, StyleLight)
	if err != nil {
		t.Fatal(err)
	}
	notty, err := Paper(p, 60, StyleNoTTY)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(dark, "\x1b[") || dark == light {
		t.Error("dark and light styles should colour the text differently")
	}
	if strings.Contains(notty, "\x1b") {
		t.Errorf("notty output has escape sequences: %q", notty)
	}
	if _, err := Paper(p, 60, Style("neon")); err == nil || !strings.Contains(err.Error(), "neon") {
		t.Errorf("unknown style: err = %v, want one naming it", err)
	}
}

// Renderers are shared: concurrent renders give what a lone render gives.
func TestPaperConcurrent(t *testing.T) {
	l, err := feed.ParseFile("../../testdata/hf_daily_papers_2024-08-01.html")
	if err != nil {
		t.Fatal(err)
	}
	papers := l.Papers[:6]
	want := map[string]string{}
	for _, p := range papers {
		for _, w := range []int{50, 90} {
			out, err := Paper(p, w, StyleDark)
			if err != nil {
				t.Fatal(err)
			}
			want[fmt.Sprint(p.ID, w)] = out
		}
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range papers {
				p := papers[(i+g)%len(papers)]
				w := []int{50, 90}[(i+g)%2]
				out, err := Paper(p, w, StyleDark)
				if err != nil {
					t.Error(err)
					return
				}
				if out != want[fmt.Sprint(p.ID, w)] {
					t.Errorf("concurrent render of %s at %d differs from a lone one", p.ID, w)
				}
			}
		}()
	}
	wg.Wait()
}

// Resizing through many widths keeps the renderer pool bounded.
func TestRendererPoolBounded(t *testing.T) {
	p := model.Paper{ID: "1", Title: "T"}
	for w := 1; w <= 3*maxRenderers; w++ {
		if _, err := Paper(p, w, StyleNoTTY); err != nil {
			t.Fatal(err)
		}
	}
	renderers.mu.Lock()
	n := len(renderers.m)
	renderers.mu.Unlock()
	if n > maxRenderers {
		t.Errorf("%d renderers kept, want at most %d", n, maxRenderers)
	}
}

// \textbf and \textit in an abstract are the only emphasis that renders.
func TestPaperLaTeXEmphasis(t *testing.T) {
	p := model.Paper{ID: "1", Title: "T", Summary: `We are \textbf{Deep} and \emph{wide}, $2\times$ *not* bold.`}
	out, err := Paper(p, 100, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	screen := ansi.Strip(out)
	if !strings.Contains(screen, "We are Deep and wide, 2× *not* bold.") {
		t.Errorf("abstract reads:\n%s", screen)
	}
	if !strings.Contains(out, ";1mDeep") || !strings.Contains(out, ";3mwide") {
		t.Errorf("\\textbf is not bold or \\emph not italic: %q", out)
	}
}
