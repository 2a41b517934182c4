package detail

import (
	"fmt"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/cellwidth"
)

// The plain detail (the renderer of last resort) wraps by the detail's own
// rule, on every paper of a real page: the margin on every line, nothing
// wider than the pane, a link that fits whole on its line, and the link
// rows as aligned as they were written.
func TestPlainRenderWrapsLikeTheDetail(t *testing.T) {
	l, err := feed.ParseFile("../../../testdata/hf_daily_papers_2024-08-01.html")
	if err != nil {
		t.Fatal(err)
	}
	urls := 0
	for _, p := range l.Papers {
		for _, width := range []int{40, 57, 80, 120} {
			out, err := PlainRender(p, width, "notty")
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("%s at %d", p.ID, width)
			lines := strings.Split(out, "\n")
			for _, line := range lines {
				if line == "" {
					continue
				}
				if !strings.HasPrefix(line, "  ") {
					t.Errorf("%s: %q starts inside the margin", name, line)
				}
				if w := cellwidth.Of(line); w > width {
					t.Errorf("%s: %q is %d cells wide", name, line, w)
				}
			}
			for _, link := range p.AllLinks() {
				if len(link.URL) > width-4 {
					continue
				}
				urls++
				row := fmt.Sprintf("  %-8s %s", link.Label, link.URL)
				if cellwidth.Of(row) <= width-2 && !strings.Contains("\n"+out+"\n", "\n"+row+"\n") {
					t.Errorf("%s: no line %q:\n%s", name, row, out)
				}
				if !strings.Contains(out, link.URL+"\n") {
					t.Errorf("%s: %s is broken across lines:\n%s", name, link.URL, out)
				}
			}
		}
	}
	if urls < 50 {
		t.Errorf("only %d links checked: the page did not parse as expected", urls)
	}
}

// The plain detail counts as the Markdown one does: one comment and one
// star are singular, and a large count has its thousands marked.
func TestPlainRenderCountsInTheSingular(t *testing.T) {
	l, err := feed.ParseFile("../../../testdata/hf_daily_papers_2024-08-01.html")
	if err != nil {
		t.Fatal(err)
	}
	p := l.Papers[0]
	p.Comments, p.GitHubStars = 1, 1
	out, err := PlainRender(p, 120, "notty")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, " · 1 comment · ") || !strings.Contains(out, " · 1 GitHub star\n") {
		t.Errorf("one comment and one star read:\n%s", out)
	}
	p.Comments, p.GitHubStars = 2, 1234
	out, _ = PlainRender(p, 120, "notty")
	if !strings.Contains(out, " · 2 comments · ") || !strings.Contains(out, " · 1,234 GitHub stars\n") {
		t.Errorf("two comments and 1234 stars read:\n%s", out)
	}
}
