package fulltext

import (
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// The arXiv ids a reader sees in a real page's references, new and old
// style, each one an id by model's rule.
func TestReferenceArxivIDsOfARealPage(t *testing.T) {
	_, d := readFixture(t, "engrafo_1708.00137.html")
	var ids []string
	for _, r := range d.References {
		if r.ArXiv != "" {
			ids = append(ids, r.ArXiv)
		}
	}
	want := []string{"1612.07250", "quant-ph/0611234", "1601.04864", "1610.02152", "1409.1570", "1703.00779"}
	if !slices.Equal(ids, want) {
		t.Errorf("arXiv ids %q, want %q", ids, want)
	}
	for _, id := range ids {
		if !model.IsArxivID(id) {
			t.Errorf("%q is not an arXiv id", id)
		}
	}
}

// A reference's id is the paper's, without the version it was cited at,
// whether written after "arXiv:" or in an abs or pdf URL; what only looks
// like one is not taken.
func TestReferenceArxivIDForms(t *testing.T) {
	for text, want := range map[string]string{
		"A. Author. A title. arXiv:2101.00001v2, 2021.":           "2101.00001",
		"A. Author. A title. ArXiv e-print arXiv:hep-th/9901001.": "hep-th/9901001",
		"See https://arxiv.org/abs/2406.08472v3 for the code.":    "2406.08472",
		"Preprint at arxiv.org/pdf/2406.08472.":                   "2406.08472",
		"A. Author. A title. arXiv:HEP-TH/9901001.":               "",
		"A. Author. A title. Journal 12(3), 2021.":                "",
	} {
		page := `<div class="ltx_page_main"><section class="ltx_bibliography"><ul class="ltx_biblist">` +
			`<li id="bib.bib1" class="ltx_bibitem"><span class="ltx_tag ltx_tag_bibitem">[1]</span><span class="ltx_bibblock">` +
			text + `</span></li></ul></section></div>`
		d, err := Parse(strings.NewReader(page), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(d.References) != 1 {
			t.Fatalf("%q: %d references", text, len(d.References))
		}
		if got := d.References[0].ArXiv; got != want {
			t.Errorf("%q: arXiv id %q, want %q", text, got, want)
		}
	}
}
