package fulltext

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// inline reads n's content as running text.
func (p *parser) inline(n *html.Node) Inline {
	return p.inlineSkipping(n)
}

// inlineSkipping is inline without the descendants carrying one of the
// given classes (a caption's own "Figure 3:" tag, a title's number).
func (p *parser) inlineSkipping(n *html.Node, skip ...string) Inline {
	w := inlineWriter{p: p, skip: skip}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, Plain)
	}
	return normalize(w.out)
}

type inlineWriter struct {
	p    *parser
	skip []string
	out  Inline
}

func (w *inlineWriter) text(kind SpanKind, s string) {
	if s == "" {
		return
	}
	w.out = append(w.out, Span{Kind: kind, Text: s})
}

func (w *inlineWriter) node(n *html.Node, kind SpanKind) {
	switch n.Type {
	case html.TextNode:
		w.text(kind, termsafe.Line(n.Data))
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped(n) {
		return
	}
	for _, c := range w.skip {
		if hasClass(n, c) {
			return
		}
	}
	switch {
	case n.DataAtom == atom.Math:
		w.math(mathSource(n))
		return
	case hasClass(n, "ltx_Math") || hasClass(n, "ltx_DisplayMath") || hasClass(n, "mjx-math") || n.Data == "mjx-container":
		if src := mathSource(n); src != "" {
			w.math(src)
			return
		}
	case n.DataAtom == atom.Cite || hasClass(n, "ltx_cite"):
		if w.cite(n) {
			return
		}
	case hasClass(n, "ltx_note") && (hasClass(n, "ltx_role_footnote") || hasClass(n, "ltx_role_endnote")):
		w.note(n)
		return
	case hasClass(n, "ltx_note_mark"):
		return
	case n.DataAtom == atom.A:
		w.link(n, kind)
		return
	case n.DataAtom == atom.Br:
		w.text(kind, " ")
		return
	case n.DataAtom == atom.Img:
		return
	case n.DataAtom == atom.Sup && kind == Plain:
		// A superscript outside math (ordinals, affiliation marks): as
		// written, separated from nothing.
	}
	kind = styleOf(n, kind)
	block := isBlockElement(n)
	if block {
		w.text(kind, " ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, kind)
	}
	if block {
		w.text(kind, " ")
	}
}

// styleOf is the emphasis n gives its text; the innermost wins.
func styleOf(n *html.Node, kind SpanKind) SpanKind {
	switch {
	case n.DataAtom == atom.Em || n.DataAtom == atom.I || hasClass(n, "ltx_emph") || hasClass(n, "ltx_font_italic"):
		return Emphasis
	case n.DataAtom == atom.B || n.DataAtom == atom.Strong || hasClass(n, "ltx_font_bold"):
		return Strong
	case n.DataAtom == atom.Code || n.DataAtom == atom.Tt || hasClass(n, "ltx_font_typewriter"):
		return Mono
	}
	return kind
}

func isBlockElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Li, atom.Tr, atom.Td, atom.Th, atom.Table, atom.Ul, atom.Ol, atom.Section,
		atom.Figure, atom.Figcaption, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote:
		return true
	}
	return hasClass(n, "ltx_bibblock") || hasClass(n, "ltx_p")
}

// mathSource finds a formula's LaTeX: LaTeXML's alttext, MathJax's
// aria-label, a TeX annotation or a math/tex script; else the text it draws.
func mathSource(n *html.Node) string {
	if n.DataAtom == atom.Math {
		if alt := attr(n, "alttext"); alt != "" {
			return alt
		}
	}
	if label := attr(n, "aria-label"); label != "" {
		return label
	}
	var src string
	walk(n, func(x *html.Node) bool {
		if src != "" {
			return false
		}
		switch {
		case x.DataAtom == atom.Math && attr(x, "alttext") != "":
			src = attr(x, "alttext")
		case attr(x, "aria-label") != "" && (hasClass(x, "mjx-math") || x.Data == "mjx-container"):
			src = attr(x, "aria-label")
		case x.DataAtom == atom.Annotation && strings.Contains(attr(x, "encoding"), "tex"):
			src = textOf(x)
		case x.DataAtom == atom.Script && strings.HasPrefix(attr(x, "type"), "math/tex"):
			for c := x.FirstChild; c != nil; c = c.NextSibling {
				src += c.Data
			}
		}
		return src == ""
	})
	if src != "" {
		return src
	}
	if n.DataAtom == atom.Math {
		// MathML without its source: its presentation text, which may
		// repeat when the content MathML is there too; take the first.
		if sem := find(n, func(x *html.Node) bool { return x.Data == "mrow" || x.Data == "mi" || x.Data == "mn" }); sem != nil {
			return rawText(sem)
		}
		return rawText(n)
	}
	return ""
}

// rawText is every text node under n, as it is.
func rawText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) bool {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		return true
	})
	return b.String()
}

func (w *inlineWriter) math(src string) {
	// Text, not Line: LaTeXML breaks long formulas with "%" and a line
	// break, a comment that only ends at the line break.
	if t := latex.Math(termsafe.Text(src)); t != "" {
		w.out = append(w.out, Span{Kind: Math, Text: t})
	}
}

// cite writes a citation as the bibliography's numbers: [3] or [3, 7].
// A citation of references missing from the page keeps the page's text.
func (w *inlineWriter) cite(n *html.Node) bool {
	var nums []string
	seen := map[string]bool{}
	found := false
	walk(n, func(x *html.Node) bool {
		if x.DataAtom != atom.A {
			return true
		}
		anchor := w.p.internalAnchor(attr(x, "href"))
		if !strings.HasPrefix(anchor, "bib") {
			return false
		}
		found = true
		label := ""
		if num, ok := w.p.refs[anchor]; ok {
			label = strconv.Itoa(num)
		} else {
			w.p.missing[anchor] = true
			label = clean(textOf(x))
		}
		if label != "" && !seen[label] {
			seen[label] = true
			nums = append(nums, label)
		}
		return false
	})
	if !found {
		return false
	}
	if len(nums) > 0 {
		w.out = append(w.out, Span{Kind: Citation, Text: "[" + strings.Join(nums, ", ") + "]"})
	}
	return true
}

// note records a footnote and leaves its number in the text.
func (w *inlineWriter) note(n *html.Node) {
	if w.p.inNote {
		return
	}
	content := findClass(n, "ltx_note_content")
	if content == nil {
		content = n
	}
	w.p.inNote = true
	text := w.p.inlineSkipping(content, "ltx_note_mark", "ltx_tag_note")
	w.p.inNote = false
	if len(text) == 0 {
		return
	}
	num := len(w.p.doc.Notes) + 1
	w.p.doc.Notes = append(w.p.doc.Notes, Note{Number: num, Text: text})
	w.out = append(w.out, Span{Kind: NoteMark, Text: strconv.Itoa(num)})
}

// link writes a link: a reference inside the paper ("Section 3",
// "Table I") as its text, a link elsewhere with its URL.
func (w *inlineWriter) link(n *html.Node, kind SpanKind) {
	href := attr(n, "href")
	inner := inlineWriter{p: w.p, skip: w.skip}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		inner.node(c, styleOf(n, kind))
	}
	if w.p.internalAnchor(href) != "" || href == "" {
		w.out = append(w.out, inner.out...)
		return
	}
	target := w.p.resolve(href)
	text := clean(normalize(inner.out).String())
	if target == "" {
		w.out = append(w.out, inner.out...)
		return
	}
	if text == "" {
		text = target
	}
	w.out = append(w.out, Span{Kind: Link, Text: text, URL: target})
}

// normalize joins neighbouring spans of one kind and collapses white
// space, keeping one space at span boundaries where the page had one.
func normalize(in Inline) Inline {
	out := make(Inline, 0, len(in))
	for _, s := range in {
		if n := len(out); n > 0 && out[n-1].Kind == s.Kind && s.Kind != Link && s.Kind != Citation && s.Kind != NoteMark && s.Kind != Math {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	prevSpace := true // no space at the start
	kept := out[:0]
	for i, s := range out {
		// Pretty-printed pages put a line break between a word, a formula
		// or a citation and the punctuation after it: that space goes,
		// except inside formulas and code.
		tight := s.Kind != Math && s.Kind != Mono
		t := collapse(s.Text, prevSpace, tight)
		if tight && i > 0 && len(t) > 1 && t[0] == ' ' && isTightPunct(t, 1) {
			t = t[1:]
		}
		if t == "" {
			continue
		}
		prevSpace = strings.HasSuffix(t, " ")
		s.Text = t
		kept = append(kept, s)
	}
	// No space at the end.
	for len(kept) > 0 {
		last := &kept[len(kept)-1]
		last.Text = strings.TrimRight(last.Text, " ")
		if last.Text != "" {
			break
		}
		kept = kept[:len(kept)-1]
	}
	return kept
}

// collapse turns every white-space run into one space, dropping a leading
// one when the text before already ends in a space; tight also drops a
// space before , ; : ) and a sentence's full stop.
func collapse(s string, prevSpace, tight bool) string {
	b := make([]byte, 0, len(s))
	space := prevSpace
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' {
			if !space {
				b = append(b, ' ')
				space = true
			}
			i++
			continue
		}
		if c == 0xc2 && i+1 < len(s) && s[i+1] == 0xa0 { // no-break space
			if !space {
				b = append(b, ' ')
				space = true
			}
			i += 2
			continue
		}
		if tight && space && len(b) > 0 && b[len(b)-1] == ' ' && isTightPunct(s, i) {
			b = b[:len(b)-1]
		}
		b = append(b, c)
		space = false
		i++
	}
	return string(b)
}

// isTightPunct: s[i] is punctuation that sticks to the word before it.
func isTightPunct(s string, i int) bool {
	switch s[i] {
	case ',', ';', ':', ')':
		return true
	case '.':
		return i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n'
	}
	return false
}
