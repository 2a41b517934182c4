package feed

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func parseArxivListFile(t *testing.T, name string) model.Listing {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := ParseArxivList(f)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

type listedPaper struct {
	id, listing, listed, primary, comments, github string
}

func listedPapers(l model.Listing) []listedPaper {
	var out []listedPaper
	for _, p := range l.Papers {
		out = append(out, listedPaper{p.ID, p.ArxivListing, p.Listed, p.PrimaryCategory, p.ArxivComments, p.GitHub})
	}
	return out
}

// Both list-page layouts in use since 2023 read the same: new papers,
// cross-lists and replacements told apart, the listing's date on every
// paper, the primary category, and the comments with their code link.
func TestParseArxivListBothLayouts(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []listedPaper
	}{
		{"handmade_arxiv_list_cs.CL_new_2024-layout.html", []listedPaper{
			{"2404.03001", "new", "2024-04-05", "cs.CL", "12 pages, 4 figures. Code: https://github.com/example/token-drift", "https://github.com/example/token-drift"},
			{"2404.03002", "new", "2024-04-05", "cs.CL", "", ""},
			{"2404.02990", "cross", "2024-04-05", "cs.LG", "Accepted at an invented workshop", ""},
			{"2403.01234", "replacement", "2024-04-05", "cs.CL", "v2: new experiments; project page https://example.org/revised", ""},
		}},
		{"handmade_arxiv_list_cs.CL_new_2023-layout.html", []listedPaper{
			{"2312.04001", "new", "2023-12-08", "cs.CL", "8 pages; code at https://github.com/example/old-pages", "https://github.com/example/old-pages"},
			{"2312.03990", "cross", "2023-12-08", "cs.AI", "", ""},
			{"2311.00042", "replacement", "2023-12-08", "cs.CL", "v3: typos fixed", ""},
		}},
	} {
		l := parseArxivListFile(t, tc.file)
		if got := listedPapers(l); !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.file, got, tc.want)
		}
	}
}

// A comment's link is found as an abstract's is: arXiv writes a long link
// as "this https URL" around an <a href>, so the href is what is read.
func TestParseArxivListFindsTheCodeLinkInTheComments(t *testing.T) {
	l := parseArxivListFile(t, "handmade_arxiv_list_cs.CL_new_2024-layout.html")
	if p := l.Papers[0]; p.GitHub != "https://github.com/example/token-drift" {
		t.Errorf("code link %q, links %v", p.GitHub, p.Links)
	}
	if p := l.Papers[3]; !slices.Contains(p.Links, "https://example.org/revised") {
		t.Errorf("comment link missing: %v", p.Links)
	}
	old := parseArxivListFile(t, "handmade_arxiv_list_cs.CL_new_2023-layout.html")
	if p := old.Papers[0]; p.GitHub != "https://github.com/example/old-pages" || p.Title != "Parsing Old Pages With New Parsers" ||
		!slices.Equal(p.Authors, []string{"Ada Example", "Ben Sample"}) || p.Summary != "We parse pages in a layout that is no longer served & keep every field." {
		t.Errorf("2023 layout paper %+v", p)
	}
}
