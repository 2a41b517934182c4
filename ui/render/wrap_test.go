package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/cellwidth"
	"github.com/paperdeck/paperdeck/model"
)

// The widths a detail pane has in the reader, among them the two where
// glamour's own wrap showed its faults: "https://huggingface." cut at 57
// and a lone "-" of "tasks -- a phenomenon" in column 0 at 76.
var wrapWidths = []int{40, 57, 70, 76, 100, 140}

var urlPattern = regexp.MustCompile(`https?://[^\s<>)]+`)

// urlsOf are the URLs a paper's detail shows: its links and those written
// in its abstract.
func urlsOf(p model.Paper) []string {
	var urls []string
	for _, l := range p.AllLinks() {
		if u, ok := safeURL(l.URL); ok {
			urls = append(urls, u)
		}
	}
	for _, u := range urlPattern.FindAllString(p.Summary, -1) {
		urls = append(urls, strings.TrimRight(u, ".,;:"))
	}
	return urls
}

// What a reader sees of every paper in the Hugging Face testdata: every
// line keeps the pane's margin (none starts in column 0), and a URL that
// fits on a line is whole on one line.
func TestPaperWrapKeepsMarginAndURLs(t *testing.T) {
	files := []string{"hf_daily_papers_2024-08-01.html", "hf_api_daily_papers_2026-06-12.json", "hf_api_daily_papers_2026-08-03.json"}
	urlsSeen := 0
	for _, f := range files {
		l, err := feed.ParseFile("../../testdata/" + f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for i, p := range l.Papers {
			for _, width := range wrapWidths {
				style := allStyles[(i+width)%len(allStyles)]
				out, err := Paper(p, width, style)
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s %s at %d (%s)", f, p.ID, width, style)
				screen := ansi.Strip(out)
				for _, line := range strings.Split(screen, "\n") {
					if line != "" && !strings.HasPrefix(line, "  ") {
						t.Errorf("%s: line %q starts inside the margin", name, line)
					}
				}
				for _, u := range urlsOf(p) {
					if cellwidth.Of(u) > width-4 {
						continue // wider than a line within the margins
					}
					urlsSeen++
					if !strings.Contains(screen, u) {
						t.Errorf("%s: %s is broken across lines:\n%s", name, u, screen)
					}
				}
			}
		}
	}
	if urlsSeen < 100 {
		t.Errorf("only %d URLs checked: the testdata did not parse as expected", urlsSeen)
	}
}

// The two screens the fixes came from, as a reader saw them.
func TestPaperWrapReportedScreens(t *testing.T) {
	p := paperFromFile(t, "hf_api_daily_papers_2026-06-12.json", "2606.07867")
	out, err := Paper(p, 76, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	screen := ansi.Strip(out)
	if !strings.Contains(strings.Join(strings.Fields(screen), " "), "tasks -- a phenomenon") {
		t.Errorf("at 76 the dashes of \"tasks -- a phenomenon\" part:\n%s", screen)
	}
	p = paperFromFile(t, "hf_api_daily_papers_2026-06-12.json", "2606.00467")
	out, err = Paper(p, 57, StyleNoTTY)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\n  https://huggingface.co/papers/2606.00467\n") {
		t.Errorf("at 57 the paper page's URL does not start a line of its own:\n%s", out)
	}
}

// A line broken by the wrap keeps its colour: every line of a dark
// abstract sets its colour before its first letter.
func TestPaperWrapKeepsColour(t *testing.T) {
	p := paperFromFile(t, "hf_api_daily_papers_2026-06-12.json", "2606.07867")
	for _, width := range wrapWidths {
		out, err := Paper(p, width, StyleDark)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(out, "\n")
		start := 0
		for i, l := range lines {
			if strings.Contains(ansi.Strip(l), "## Abstract") {
				start = i + 1
			}
		}
		for _, l := range lines[start:] {
			text := strings.TrimLeft(ansi.Strip(l), " ")
			if text == "" {
				continue
			}
			before := l[:strings.Index(l, text[:1])]
			if !strings.Contains(before, "\x1b[38;") {
				t.Errorf("at %d the line %q lost its colour", width, l)
			}
		}
	}
}
