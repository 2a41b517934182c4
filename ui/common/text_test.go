package common

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// Wrapped text keeps the margin on every line and as much room on the
// right, a URL that fits on a line of its own is not cut, and nothing is
// wider than asked.
func TestWrap(t *testing.T) {
	const url = "https://huggingface.co/papers/2407.21783"
	text := "We study many downstream tasks -- a phenomenon we call emergence; see " + url + " for more."
	for w := 20; w <= 64; w++ {
		out := Wrap(text, w, "  ")
		if !strings.Contains(out, url) && w >= len(url)+4 {
			t.Errorf("width %d cut the URL:\n%s", w, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") {
				t.Errorf("width %d: line %q lost the margin", w, line)
			}
			// Words stop at the right margin; only a cut word reaches
			// the edge.
			if CellWidth(line) > w || CellWidth(line) > w-2 && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("width %d: line %q is %d wide", w, line, CellWidth(line))
			}
		}
		if !strings.Contains(strings.Join(strings.Fields(out), " "), "tasks -- a phenomenon") {
			t.Errorf("width %d parts the dashes of \"tasks -- a phenomenon\":\n%s", w, out)
		}
		if got, want := strings.Join(strings.Fields(out), ""), strings.Join(strings.Fields(text), ""); got != want {
			t.Errorf("width %d lost text: %q", w, got)
		}
	}
	// A word wider than a line is cut, never dropped; a line that fits
	// keeps its spacing; an empty line stays empty.
	if out := Wrap("abcdefghij", 4, ""); out != "abcd\nefgh\nij" {
		t.Errorf("a long word: %q", out)
	}
	if out := Wrap("PDF      https://arxiv.org/pdf/2407.21783\n\nnext", 60, "  "); out != "  PDF      https://arxiv.org/pdf/2407.21783\n\n  next" {
		t.Errorf("lines that fit: %q", out)
	}
}

// A row reads an arXiv title's -- as TeX's en dash, and leaves any other
// source's -- as written.
func TestTitleReadsTeXDashesOfArxivTitles(t *testing.T) {
	p := model.Paper{Title: "Grothendieck--Teichmüller Symmetries of Cyclic Operads", Source: model.SourceArxiv}
	if got, want := Title(p), "Grothendieck–Teichmüller Symmetries of Cyclic Operads"; got != want {
		t.Errorf("arXiv title %q, want %q", got, want)
	}
	p.Source = model.SourceHF
	if got := Title(p); got != p.Title {
		t.Errorf("Hub title %q, want %q as written", got, p.Title)
	}
}
