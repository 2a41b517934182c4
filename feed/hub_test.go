package feed

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// /api/papers/ID's linked models, datasets and spaces become Hub links with
// their huggingface.co pages, listed among the paper's links (the `L` list).
func TestPaperJSONHubLinks(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "handmade_hf_api_paper_2501.04519.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := ParsePaperJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []model.HubRepo{
		{Kind: "model", Name: "microsoft/rStar-Math-7B", URL: "https://huggingface.co/microsoft/rStar-Math-7B"},
		{Kind: "dataset", Name: "microsoft/rStar-data", URL: "https://huggingface.co/datasets/microsoft/rStar-data"},
		{Kind: "dataset", Name: "x/y", URL: "https://huggingface.co/datasets/x/y"},
	}
	if !slices.Equal(p.Hub, want) {
		t.Errorf("hub %+v", p.Hub)
	}
	links := p.AllLinks()
	if !slices.Contains(links, model.Link{Label: "model microsoft/rStar-Math-7B", URL: "https://huggingface.co/microsoft/rStar-Math-7B"}) {
		t.Errorf("links %v", links)
	}
	// A name that is not a repo id is never made into a link.
	odd := CleanPaper(model.Paper{Title: "t", LinkedSpaces: []string{"../../evil", "ok/space"}})
	if len(odd.Hub) != 1 || odd.Hub[0].URL != "https://huggingface.co/spaces/ok/space" {
		t.Errorf("hub %+v", odd.Hub)
	}
}

// A paper listed on a week page and then detailed by /api/papers/ID shows
// its Hub repos by name (the detail, `L`), not only their count.
func TestMergedDetailsNameTheHubRepos(t *testing.T) {
	week, err := ParseFile(filepath.Join("..", "testdata", "handmade_hf_week_2025-W02.html"))
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(week.Papers, func(p model.Paper) bool { return p.ID == "2501.04519" })
	if i < 0 {
		t.Fatal("2501.04519 is not on the week page")
	}
	details, err := ParseFile(filepath.Join("..", "testdata", "handmade_hf_api_paper_2501.04519.json"))
	if err != nil {
		t.Fatal(err)
	}
	merged := MergePaper(week.Papers[i], details.Papers[0])
	if len(merged.Hub) != 3 || merged.Hub[0].Name != "microsoft/rStar-Math-7B" {
		t.Errorf("merged hub %+v, want the three repos of the details", merged.Hub)
	}
	if !slices.Contains(merged.AllLinks(), model.Link{Label: "dataset microsoft/rStar-data", URL: "https://huggingface.co/datasets/microsoft/rStar-data"}) {
		t.Errorf("L would lack the dataset: %v", merged.AllLinks())
	}
}
