package fulltext

import (
	"errors"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
)

// A page that is not LaTeXML says so instead of showing nothing.
func TestParseNotLaTeXML(t *testing.T) {
	_, err := Parse(strings.NewReader(`<html><body><h1>Welcome</h1><p>A blog post.</p></body></html>`), "")
	if !errors.Is(err, ErrNotLaTeXML) {
		t.Fatalf("err = %v, want ErrNotLaTeXML", err)
	}
	if !strings.Contains(err.Error(), "not a LaTeXML paper") {
		t.Errorf("message %q does not say what is wrong", err)
	}
}

// arXiv's page for a paper without HTML is recognised as such. Hand-made,
// with the wording arXiv uses.
func TestParseNoHTMLPage(t *testing.T) {
	page := `<html><head><title>No HTML for '2401.00001'</title></head><body><h1>No HTML for '2401.00001'</h1>
<p>HTML is not available for the source. This could be due to the source files not being HTML, LaTeX,
or a conversion failure.</p></body></html>`
	_, err := Parse(strings.NewReader(page), "https://arxiv.org/html/2401.00001")
	if !errors.Is(err, feed.ErrNoHTML) {
		t.Fatalf("err = %v, want feed.ErrNoHTML", err)
	}
	if !strings.Contains(err.Error(), "PDF") {
		t.Errorf("message %q does not offer the PDF", err)
	}
}

// A page over the limit is refused before it is parsed.
func TestParseTooLarge(t *testing.T) {
	page := `<article class="ltx_document"><div class="ltx_para"><p class="ltx_p">` + strings.Repeat("word ", 300) + `</p></div></article>`
	if _, err := parseLimited(strings.NewReader(page), "", 1000); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if _, err := parseLimited(strings.NewReader(page), "", 10000); err != nil {
		t.Fatalf("a page under the limit: %v", err)
	}
}

// Escape sequences, controls and bidi overrides in text, formulas and
// links never reach the output; a javascript: link is no link.
func TestParseHostile(t *testing.T) {
	page := `<article class="ltx_document"><h1 class="ltx_title ltx_title_document">Title` + "\x1b[2J\u202e" + `</h1>
<section class="ltx_section" id="S1"><h2 class="ltx_title ltx_title_section"><span class="ltx_tag ltx_tag_section">1 </span>Intro` + "\x1b]52;c;QUFB\x07" + `</h2>
<div class="ltx_para"><p class="ltx_p">Text <math alttext="x^{2}` + "\x1b[31m" + `"></math> and <a href="javascript:alert(1)">a link</a>
and <a href="https://example.com/` + "\x1b[1m" + `x">another</a>` + "\u009b2J" + `.</p></div></section></article>`
	d, err := Parse(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"text": Text(d, 80), "markdown": Markdown(d, 80), "plain markdown": PlainMarkdown(d, 80)} {
		if strings.ContainsAny(out, "\x1b\x07\u202e\u009b") {
			t.Errorf("%s output keeps a control: %q", name, out)
		}
		if strings.Contains(out, "javascript") {
			t.Errorf("%s output keeps the javascript: link: %q", name, out)
		}
		if !strings.Contains(out, "x²") || !strings.Contains(out, "Intro") {
			t.Errorf("%s output lost the text: %q", name, out)
		}
	}
}

// A damaged page (cut in the middle, no bibliography heading) shows what
// is there and says what is missing.
func TestParseDamaged(t *testing.T) {
	page := `<div class="ltx_page_main"><section class="ltx_section" id="S1"><h2 class="ltx_title">1 Start</h2>
<div class="ltx_para"><p class="ltx_p">Seen in <cite class="ltx_cite">[<a href="#bib.bib9" class="ltx_ref">9</a>]</cite> and
<cite class="ltx_cite">[<a href="#bib.bib2" class="ltx_ref">2</a>]</cite>. The text stops he`
	page += `<li id="bib.bib2" class="ltx_bibitem"><span class="ltx_tag ltx_tag_bibitem">[2]</span><span class="ltx_bibblock">A. Author, a title, arXiv:2101.00001.</span></li>`
	d, err := Parse(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	text := Text(d, 0)
	if !strings.Contains(text, "Seen in [9] and [1].") {
		t.Errorf("citations: %q", text)
	}
	if !strings.Contains(text, "The text stops he") {
		t.Errorf("the text before the damage is lost: %q", text)
	}
	if len(d.References) != 1 || d.References[0].ArXiv != "2101.00001" {
		t.Errorf("references %+v", d.References)
	}
	if !strings.Contains(text, "damaged") || !strings.Contains(strings.Join(d.Problems, ";"), "1 cited references are not on the page") {
		t.Errorf("problems %q, text %q", d.Problems, text)
	}
}

// Tables: a Markdown table when it fits the width, else a note with the
// table's link.
func TestTableFitsOrLinks(t *testing.T) {
	page := `<article class="ltx_document"><section class="ltx_section"><h2 class="ltx_title">1 Results</h2>
<figure class="ltx_table" id="S1.T1"><figcaption class="ltx_caption"><span class="ltx_tag ltx_tag_table">Table 1: </span>Scores.</figcaption>
<table class="ltx_tabular"><tr><th>Model</th><th>Score on the long benchmark name</th></tr><tr><td>A</td><td>0.91</td></tr></table></figure>
</section></article>`
	d, err := Parse(strings.NewReader(page), "https://arxiv.org/html/2401.00001v1")
	if err != nil {
		t.Fatal(err)
	}
	wide := Markdown(d, 100)
	if !strings.Contains(wide, "| Model | Score on the long benchmark name |") || !strings.Contains(wide, "| A | 0\\.91 |") {
		t.Errorf("wide: no table:\n%s", wide)
	}
	narrow := Markdown(d, 30)
	if strings.Contains(narrow, "| Model") || !strings.Contains(narrow, "<https://arxiv.org/html/2401.00001v1/#S1.T1>") {
		t.Errorf("narrow: want a note with the link:\n%s", narrow)
	}
	if !strings.Contains(narrow, "**Table 1&#58;** Scores\\.") {
		t.Errorf("narrow: caption lost:\n%s", narrow)
	}
}

// LaTeXML breaks long alttexts with a comment ("%" and a line break);
// the formula reads as if the break were not there.
func TestMathAcrossLines(t *testing.T) {
	page := `<article class="ltx_document"><div class="ltx_para"><p class="ltx_p"><math alttext="\frac{a^{2}}{a^{2}_{0}\dot{D}%
_{0}}"></math></p></div></article>`
	d, err := Parse(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := Text(d, 0); !strings.Contains(got, "a²/a²₀Ḋ₀") || strings.Contains(got, "%") {
		t.Errorf("got %q", got)
	}
}

// MathJax pages keep the LaTeX in an aria-label (arXiv Vanity) or, in
// MathJax 3's assistive MathML, in a TeX annotation. Hand-made from both
// shapes.
func TestMathJaxSources(t *testing.T) {
	page := `<article class="ltx_document"><div class="ltx_para"><p class="ltx_p">A
<span class="ltx_Math"><span class="mjx-chtml"><span class="mjx-math" aria-label="\mathbb{R}^{n}"><span class="mjx-mrow" aria-hidden="true"><span class="mjx-char">R</span></span></span></span></span>
and <mjx-container class="MathJax"><mjx-math aria-hidden="true"><mjx-mi>x</mjx-mi></mjx-math><mjx-assistive-mml><math><semantics><mi>α</mi><annotation encoding="application/x-tex">\alpha_{1}</annotation></semantics></math></mjx-assistive-mml></mjx-container>.</p></div></article>`
	d, err := Parse(strings.NewReader(page), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := Text(d, 0); !strings.Contains(got, "A ℝⁿ and α₁.") {
		t.Errorf("got %q", got)
	}
}
