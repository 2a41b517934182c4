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
