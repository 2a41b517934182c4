package picker

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

// A paper's links with its models, datasets and spaces on the Hub: every
// URL starts in the same column, whether the label is "pdf" or a Hub
// repo's "model org/name" (wide characters counted as two cells).
func TestLinkURLsStartInOneColumn(t *testing.T) {
	p := New(common.Common{Width: 120, Height: 20, Styles: common.NewStyles(true, false), Keys: keymap.New(nil)})
	p.Show(model.Paper{
		ID: "2501.04519", Title: "rStar-Math",
		URL: "https://huggingface.co/papers/2501.04519", PDFURL: "https://arxiv.org/pdf/2501.04519",
		Hub: []model.HubRepo{
			{Kind: model.HubModel, Name: "microsoft/rStar-Math-7B", URL: "https://huggingface.co/microsoft/rStar-Math-7B"},
			{Kind: model.HubDataset, Name: "lab/数学-problems", URL: "https://huggingface.co/datasets/lab/math"},
			{Kind: model.HubSpace, Name: "a/b", URL: "https://huggingface.co/spaces/a/b"},
		},
	})
	lines := strings.Split(ansi.Strip(p.View()), "\n")[2:]
	if len(lines) != 5 {
		t.Fatalf("%d link rows, want 5:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	column := -1
	for _, line := range lines {
		i := strings.Index(line, "https://")
		if i < 0 {
			t.Fatalf("no URL in %q", line)
		}
		col := common.CellWidth(line[:i])
		if column < 0 {
			column = col
		}
		if col != column {
			t.Errorf("URL at cell %d, want %d like the first row's:\n%s", col, column, strings.Join(lines, "\n"))
			break
		}
	}
}

// A label too long for a third of the width is cut there, so the URLs
// keep most of a narrow pane.
func TestLongLinkLabelIsCut(t *testing.T) {
	p := New(common.Common{Width: 60, Height: 20, Styles: common.NewStyles(true, false), Keys: keymap.New(nil)})
	p.ShowLinks("a text", []model.Link{
		{Label: "pdf", URL: "https://arxiv.org/pdf/1"},
		{Label: "model an-organisation/a-very-long-model-name-indeed", URL: "https://huggingface.co/x"},
	})
	lines := strings.Split(ansi.Strip(p.View()), "\n")[2:]
	for _, line := range lines {
		// " 1. ", the label column (a third of 60), a space
		if i := strings.Index(line, "https://"); i < 0 || common.CellWidth(line[:i]) > 4+20+1 {
			t.Errorf("the URL does not start by cell 25 of 60: %q", line)
		}
	}
	if !strings.Contains(lines[1], "…") {
		t.Errorf("the long label is not cut: %q", lines[1])
	}
}
