package render

import (
	"os"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// seen is the detail as the user reads it: rendered, without colours, its
// lines joined (glamour wraps them).
func seen(t *testing.T, p model.Paper) string {
	t.Helper()
	out, err := Paper(p, 200, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(xansi.Strip(out)), " ")
}

func parsed(t *testing.T, name string) model.Listing {
	t.Helper()
	l, err := feed.ParseFile("../../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// The detail of a paper from an arXiv list page says its primary category,
// how it is listed and when, and shows the Comments field.
func TestMarkdownShowsArxivCategoryListingAndComments(t *testing.T) {
	l := parsed(t, "handmade_arxiv_list_cs.CL_new_2024-layout.html")
	md := seen(t, l.Papers[2])
	for _, want := range []string{"cs.LG · cross-list · listed 2024-04-05", "Comments: Accepted at an invented workshop"} {
		if !strings.Contains(md, want) {
			t.Errorf("detail lacks %q:\n%s", want, md)
		}
	}
	md = seen(t, l.Papers[0])
	if !strings.Contains(md, "Code: https://github.com/example/token-drift") || !strings.Contains(md, "Comments: 12 pages, 4 figures. Code: https://github.com/example/token-drift") {
		t.Errorf("the comment's code link:\n%s", md)
	}
}

// The Hub's models, datasets and spaces are listed by name, each with its
// huggingface.co page, once.
func TestMarkdownListsHubLinksByName(t *testing.T) {
	data, err := os.ReadFile("../../testdata/handmade_hf_api_paper_2501.04519.json")
	if err != nil {
		t.Fatal(err)
	}
	p, err := feed.ParsePaperJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	md := seen(t, p)
	for _, want := range []string{"On the Hub", "Model microsoft/rStar-Math-7B: https://huggingface.co/microsoft/rStar-Math-7B", "Dataset x/y: https://huggingface.co/datasets/x/y"} {
		if !strings.Contains(md, want) {
			t.Errorf("detail lacks %q:\n%s", want, md)
		}
	}
	if strings.Count(md, "https://huggingface.co/microsoft/rStar-Math-7B") != 1 {
		t.Errorf("a Hub link listed twice:\n%s", md)
	}
}
