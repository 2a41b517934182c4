package fulltext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: any page parses or fails with an error, never a panic, and
// what it gives renders without controls.
func FuzzParse(f *testing.F) {
	f.Add(`<article class="ltx_document"><h1 class="ltx_title ltx_title_document">T</h1><section class="ltx_section"><h2 class="ltx_title"><span class="ltx_tag">1</span>A</h2><div class="ltx_para"><p class="ltx_p">x <math alttext="\frac{a}{b}"></math> <cite><a href="#bib.bib1">1</a></cite></p></div></section><ul class="ltx_biblist"><li class="ltx_bibitem" id="bib.bib1">R</li></ul></article>`)
	f.Add(`<div class="ltx_para"><table class="ltx_equation"><tr class="ltx_eqn_row"><td><math alttext="x^{`)
	if raw, err := os.ReadFile(filepath.Join("..", "testdata", "fulltext", "arxiv_html_2609.01222v2_excerpt.html")); err == nil {
		f.Add(string(raw))
	}
	f.Fuzz(func(t *testing.T, page string) {
		d, err := Parse(strings.NewReader(page), "https://arxiv.org/html/2401.00001v1")
		if err != nil {
			return
		}
		for _, out := range []string{Text(d, 40), Markdown(d, 40), PlainMarkdown(d, 40)} {
			if !utf8.ValidString(out) {
				t.Fatalf("invalid UTF-8 out")
			}
			for _, r := range out {
				if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e {
					t.Fatalf("control %U in output %q", r, out)
				}
			}
		}
	})
}
