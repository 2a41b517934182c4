package fulltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sectionLevels are LaTeXML's sectioning classes and their depth.
var sectionLevels = map[string]int{
	"ltx_part": 1, "ltx_chapter": 1, "ltx_section": 1, "ltx_appendix": 1, "ltx_acknowledgements": 1,
	"ltx_subsection": 2, "ltx_subsubsection": 3, "ltx_paragraph": 4, "ltx_subparagraph": 5,
}

func sectionLevel(n *html.Node) int {
	if n.Type != html.ElementNode || (n.DataAtom != atom.Section && n.DataAtom != atom.Div) {
		return 0
	}
	class := attr(n, "class")
	for class != "" {
		var c string
		c, class, _ = strings.Cut(class, " ")
		if l, ok := sectionLevels[c]; ok {
			return l
		}
	}
	return 0
}

// blocks reads the block content of n's children into p.cur.
func (p *parser) blocks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.block(c)
	}
}

func (p *parser) add(b Block) {
	*p.cur = append(*p.cur, b)
}

// block reads one node as block content.
func (p *parser) block(n *html.Node) {
	if skipped(n) {
		return
	}
	if n.Type == html.TextNode {
		if t := clean(n.Data); t != "" {
			p.paragraph(n) // loose text of a damaged page
		}
		return
	}
	if n.Type != html.ElementNode {
		return
	}
	level := sectionLevel(n)
	switch {
	case hasClass(n, "ltx_abstract"), hasClass(n, "ltx_bibliography"), hasClass(n, "ltx_bibitem"),
		hasClass(n, "ltx_biblist"), hasClass(n, "ltx_classification"), hasClass(n, "ltx_keywords"):
		return // read on their own
	case level > 0:
		p.section(n, level)
	case hasClass(n, "ltx_title") && isHeading(n):
		p.add(Block{Kind: Paragraph, Text: Inline{{Kind: Strong, Text: p.inline(n).String()}}})
	case hasClass(n, "ltx_equation") && n.DataAtom == atom.Table, hasClass(n, "ltx_equationgroup") && n.DataAtom == atom.Table:
		p.equations(n)
	case n.DataAtom == atom.Figure && hasClass(n, "ltx_table"), n.DataAtom == atom.Table && hasClass(n, "ltx_tabular"):
		p.table(n)
	case n.DataAtom == atom.Figure:
		p.figure(n)
	case hasClass(n, "ltx_listing"):
		p.listing(n)
	case n.DataAtom == atom.Ul, n.DataAtom == atom.Ol, n.DataAtom == atom.Dl:
		p.list(n)
	case n.DataAtom == atom.P, hasClass(n, "ltx_p"):
		p.paragraph(n)
	case hasBlockChild(n):
		p.blocks(n)
	default:
		p.paragraph(n)
	}
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// hasBlockChild: a container to descend into rather than a paragraph.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.P, atom.Div, atom.Section, atom.Table, atom.Figure, atom.Ul, atom.Ol, atom.Dl,
			atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Article, atom.Blockquote, atom.Li:
			return true
		}
		if hasClass(c, "ltx_para") || hasClass(c, "ltx_bibblock") || sectionLevel(c) > 0 {
			return true
		}
	}
	return false
}

func (p *parser) paragraph(n *html.Node) {
	if in := p.inline(n); len(in) > 0 {
		p.add(Block{Kind: Paragraph, Text: in})
	}
}

// section starts a new Section for n and reads its content into it.
func (p *parser) section(n *html.Node, level int) {
	s := Section{ID: attr(n, "id"), Level: level}
	var title *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasClass(c, "ltx_title") {
			title = c
			break
		}
	}
	if title != nil {
		if tag := findClass(title, "ltx_tag"); tag != nil {
			s.Number = strings.TrimSuffix(clean(textOf(tag)), ".")
		}
		s.Title = p.inlineSkipping(title, "ltx_tag").String()
	}
	d := p.doc
	d.Sections = append(d.Sections, s)
	i := len(d.Sections) - 1
	saved := p.cur
	var blocks []Block
	p.cur = &blocks
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c != title {
			p.block(c)
		}
	}
	d.Sections[i].Blocks = blocks
	p.cur = saved
}

// missingEquation stands in for a numbered formula the page lacks.
const missingEquation = "[formula missing from the page]"

// equations reads an equation table: one display line per row, with its
// number when it has one.
func (p *parser) equations(n *html.Node) {
	walk(n, func(x *html.Node) bool {
		if x.DataAtom != atom.Tr {
			return true
		}
		var text Inline
		number := ""
		for td := x.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode {
				continue
			}
			if hasClass(td, "ltx_eqn_eqno") {
				number = clean(textOf(td))
				continue
			}
			if t := p.inline(td); len(t) > 0 {
				if len(text) > 0 {
					text = append(text, Span{Text: " "})
				}
				text = append(text, t...)
			}
		}
		if number == "" {
			if tag := findClass(x, "ltx_tag_equation"); tag != nil {
				number = clean(textOf(tag))
			}
		}
		switch {
		case len(text) > 0:
			p.add(Block{Kind: Equation, Text: normalize(text), Number: number})
		case number != "":
			// The converter lost the formula but kept its number, which
			// the text refers to.
			p.lostEquations++
			p.add(Block{Kind: Equation, Text: Inline{{Text: missingEquation}}, Number: number})
		}
		return false
	})
}

// figure reads a figure's caption and image. Subfigures come first, each
// with its own caption, then the figure's own.
func (p *parser) figure(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if sub := find(c, func(x *html.Node) bool { return x.DataAtom == atom.Figure }); sub != nil {
			walk(c, func(x *html.Node) bool {
				if x.DataAtom == atom.Figure {
					p.figure(x)
					return false
				}
				return true
			})
		}
	}
	b := Block{Kind: Figure}
	caption := p.caption(n, &b)
	if img := find(n, func(x *html.Node) bool { return x.DataAtom == atom.Img && !insideFigure(x, n) }); img != nil {
		b.Image = p.resolve(attr(img, "src"))
	}
	if caption == nil {
		if b.Image == "" {
			p.blocks(n) // a float without a caption (an algorithm, a listing): its content
		}
		return
	}
	p.add(b)
	// Text inside the float other than images and the caption (an
	// algorithm's lines) is content too.
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c != caption && (hasClass(c, "ltx_listing") || hasClass(c, "ltx_p") || hasClass(c, "ltx_para")) {
			p.block(c)
		}
	}
}

// insideFigure: x sits in a figure nested in outer.
func insideFigure(x, outer *html.Node) bool {
	for a := x.Parent; a != nil && a != outer; a = a.Parent {
		if a.DataAtom == atom.Figure {
			return true
		}
	}
	return false
}

// caption reads n's own caption (not a subfigure's) into b's Label and
// Text.
func (p *parser) caption(n *html.Node, b *Block) *html.Node {
	caption := find(n, func(x *html.Node) bool {
		return (x.DataAtom == atom.Figcaption || hasClass(x, "ltx_caption")) && !insideFigure(x, n)
	})
	if caption == nil {
		return nil
	}
	if tag := find(caption, func(x *html.Node) bool {
		return hasClass(x, "ltx_tag_figure") || hasClass(x, "ltx_tag_table") || hasClass(x, "ltx_tag_float")
	}); tag != nil {
		b.Label = clean(textOf(tag))
	}
	b.Text = p.inlineSkipping(caption, "ltx_tag_figure", "ltx_tag_table", "ltx_tag_float")
	return caption
}

// table reads a table float (caption and cells) or a bare tabular.
func (p *parser) table(n *html.Node) {
	b := Block{Kind: Table}
	if n.DataAtom == atom.Figure {
		p.caption(n, &b)
	}
	if id := attr(n, "id"); id != "" && p.doc.URL != "" {
		b.Link = p.resolve("#" + id)
	}
	tab := n
	if n.DataAtom != atom.Table {
		tab = find(n, func(x *html.Node) bool { return x.DataAtom == atom.Table })
	}
	if tab != nil {
		walk(tab, func(x *html.Node) bool {
			if x.DataAtom != atom.Tr {
				return true
			}
			var row []Inline
			for td := x.FirstChild; td != nil; td = td.NextSibling {
				if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
					row = append(row, p.inline(td))
				}
			}
			if len(row) > 0 {
				b.Rows = append(b.Rows, row)
			}
			return false
		})
	}
	if len(b.Rows) == 0 && len(b.Text) == 0 {
		return
	}
	p.add(b)
}

// listing keeps a code listing's or algorithm's lines as they are.
func (p *parser) listing(n *html.Node) {
	var lines []string
	walk(n, func(x *html.Node) bool {
		if hasClass(x, "ltx_listingline") || hasClass(x, "ltx_listing_line") {
			lines = append(lines, strings.TrimRight(p.inlineSkipping(x, "ltx_tag_listingline").String(), " "))
			return false
		}
		return true
	})
	if len(lines) == 0 {
		p.paragraph(n)
		return
	}
	p.add(Block{Kind: Code, Lines: lines})
}

// list reads an itemize, enumerate or description list.
func (p *parser) list(n *html.Node) {
	b := Block{Kind: List, Ordered: n.DataAtom == atom.Ol}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom != atom.Li && c.DataAtom != atom.Dt && c.DataAtom != atom.Dd {
			continue
		}
		if hasClass(c, "ltx_bibitem") {
			continue
		}
		item := p.inlineSkipping(c, "ltx_tag_item")
		if b.Ordered || n.DataAtom == atom.Dl {
			if tag := findClass(c, "ltx_tag_item"); tag != nil && !b.Ordered {
				item = append(Inline{{Kind: Strong, Text: clean(textOf(tag))}, {Text: " "}}, item...)
			}
		}
		if len(item) > 0 {
			b.Items = append(b.Items, item)
		}
	}
	if len(b.Items) > 0 {
		p.add(b)
	}
}
