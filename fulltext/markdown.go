package fulltext

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/internal/mdtext"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// Part is a piece of the document's Markdown: the front (title, authors,
// abstract) as Section -1, then each section, then the notes and the
// references as Section len(Sections) and len(Sections)+1. A reader
// renders the parts one by one to know where each section starts.
type Part struct {
	Section  int
	Heading  string // the section's heading as plain text; "" for the front
	Markdown string
}

// Markdown writes the document as Markdown for glamour, for a pane width
// columns wide (tables wider than that become a note with their link).
func Markdown(d *Document, width int) string {
	return joinParts(MarkdownParts(d, width))
}

// PlainMarkdown writes the document as Markdown for a file any Markdown
// reader opens: escaped only where Markdown would not read the text as
// itself (glamour's escapes, "&#58;" and "V\. Peiris", read badly there).
func PlainMarkdown(d *Document, width int) string {
	parts := Outline(d)
	for i := range parts {
		parts[i].Markdown = mdWriter{width: width, plain: true}.part(d, parts[i])
	}
	return joinParts(parts)
}

func joinParts(parts []Part) string {
	mds := make([]string, 0, len(parts))
	for _, p := range parts {
		mds = append(mds, p.Markdown)
	}
	return strings.Join(mds, "\n")
}

// MarkdownParts is Markdown in parts, one per section.
func MarkdownParts(d *Document, width int) []Part {
	parts := Outline(d)
	for i := range parts {
		parts[i].Markdown = PartMarkdown(d, parts[i], width)
	}
	return parts
}

// Outline is the document's parts without their Markdown, which
// PartMarkdown writes one at a time: a reader writes the parts it shows
// first, first.
func Outline(d *Document) []Part {
	parts := make([]Part, 0, len(d.Sections)+3)
	parts = append(parts, Part{Section: -1})
	for i, s := range d.Sections {
		parts = append(parts, Part{Section: i, Heading: s.Heading()})
	}
	if len(d.Notes) > 0 {
		parts = append(parts, Part{Section: len(d.Sections), Heading: "Notes"})
	}
	if len(d.References) > 0 {
		parts = append(parts, Part{Section: len(d.Sections) + 1, Heading: "References"})
	}
	return parts
}

// PartMarkdown writes one part of the Outline.
func PartMarkdown(d *Document, p Part, width int) string {
	return mdWriter{width: width}.part(d, p)
}

func (w mdWriter) part(d *Document, p Part) string {
	var b strings.Builder
	switch {
	case p.Section < 0:
		if d.Title != "" {
			b.WriteString("# " + w.esc(d.Title) + "\n\n")
		}
		if len(d.Authors) > 0 {
			b.WriteString(w.line(w.esc(strings.Join(d.Authors, ", "))) + "\n\n")
		}
		for _, p := range d.Problems {
			b.WriteString("*" + w.esc("This page is damaged: "+p+".") + "*\n\n")
		}
		if len(d.Abstract) > 0 {
			b.WriteString("## Abstract\n\n")
			w.blocks(&b, d.Abstract)
		}
	case p.Section < len(d.Sections):
		s := d.Sections[p.Section]
		if h := s.Heading(); h != "" {
			b.WriteString(strings.Repeat("#", min(s.Level+1, 6)) + " " + w.esc(h) + "\n\n")
		}
		w.blocks(&b, s.Blocks)
	case p.Section == len(d.Sections):
		b.WriteString("## Notes\n\n")
		for _, n := range d.Notes {
			b.WriteString(superscript(n.Number) + " " + w.inline(n.Text) + "\n\n")
		}
	default:
		b.WriteString("## References\n\n")
		for _, r := range d.References {
			b.WriteString(w.escBetween("["+strconv.Itoa(r.Number)+"]", ' ', ' ') + " " + w.inline(r.Text))
			if extra := referenceIDs(r); extra != "" {
				b.WriteString(" " + w.esc(extra))
			}
			for _, l := range linksBeside(r) {
				if u, ok := autolink(l); ok {
					b.WriteString(" <" + u + ">")
				}
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// linksBeside are a reference's links that its text does not already
// carry.
func linksBeside(r Reference) []string {
	var out []string
	for _, l := range r.Links {
		if !slices.ContainsFunc(r.Text, func(s Span) bool { return s.Kind == Link && s.URL == l }) {
			out = append(out, l)
		}
	}
	return out
}

// referenceIDs names a reference's DOI and arXiv id when its links do not
// already show them.
func referenceIDs(r Reference) string {
	var ids []string
	links := strings.Join(r.Links, " ")
	if r.DOI != "" && !strings.Contains(links, r.DOI) {
		ids = append(ids, "doi:"+r.DOI)
	}
	if r.ArXiv != "" && !strings.Contains(links, r.ArXiv) && !strings.Contains(r.Text.String(), r.ArXiv) {
		ids = append(ids, "arXiv:"+r.ArXiv)
	}
	return strings.Join(ids, " · ")
}

type mdWriter struct {
	width int
	plain bool // for a Markdown file (PlainMarkdown), not glamour
}

// esc makes text read as itself in the Markdown written.
func (w mdWriter) esc(s string) string {
	if w.plain {
		return mdtext.Inline(s)
	}
	return mdtext.Escape(s)
}

// linkText is esc for the text of a link.
func (w mdWriter) linkText(s string) string {
	if w.plain {
		return mdtext.LinkText(s)
	}
	return mdtext.Escape(s)
}

// line makes the start of a block's line read as text (glamour's escapes
// cover it already).
func (w mdWriter) line(s string) string {
	if w.plain {
		return mdtext.LineStart(s)
	}
	return s
}

func (w mdWriter) blocks(b *strings.Builder, blocks []Block) {
	for _, bl := range blocks {
		switch bl.Kind {
		case Paragraph:
			b.WriteString(w.line(w.inline(bl.Text)))
		case List:
			for i, item := range bl.Items {
				if bl.Ordered {
					b.WriteString(strconv.Itoa(i+1) + ". ")
				} else {
					b.WriteString("- ")
				}
				b.WriteString(w.line(w.inline(item)) + "\n")
			}
		case Equation:
			// A paragraph of its own, not an indented code block: long
			// formulas wrap like text instead of running off the pane.
			b.WriteString(w.line(w.inline(bl.Text)))
			if bl.Number != "" {
				b.WriteString("  " + w.esc(bl.Number))
			}
		case Figure:
			b.WriteString(w.line(w.caption(bl)))
			if u, ok := autolink(bl.Image); ok {
				b.WriteString("\n\nImage: <" + u + ">")
			}
		case Table:
			w.table(b, bl)
		case Code:
			b.WriteString("```\n")
			for _, l := range bl.Lines {
				b.WriteString(strings.ReplaceAll(l, "```", "'''") + "\n")
			}
			b.WriteString("```")
		}
		b.WriteString("\n\n")
	}
}

func (w mdWriter) caption(bl Block) string {
	var parts []string
	if bl.Label != "" {
		parts = append(parts, "**"+w.esc(bl.Label)+"**")
	}
	if c := w.inline(bl.Text); c != "" {
		parts = append(parts, c)
	}
	return strings.Join(parts, " ")
}

// table writes a Markdown table when it fits the width, else its caption
// and where to see it.
func (w mdWriter) table(b *strings.Builder, bl Block) {
	if c := w.caption(bl); c != "" {
		b.WriteString(w.line(c) + "\n\n")
	}
	cells, widths := tableCells(bl.Rows, w.cell)
	if len(cells) == 0 {
		return
	}
	if !fits(widths, w.width-4) { // glamour's margins
		b.WriteString("*" + w.esc("The table is too wide to show here") + "*")
		if u, ok := autolink(bl.Link); ok {
			b.WriteString(w.esc(": ") + "<" + u + ">")
		}
		return
	}
	for i, row := range cells {
		b.WriteString("|")
		for _, c := range row {
			if c == "" {
				c = " "
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", len(row)) + "\n")
		}
	}
}

// cell writes a table cell's text (glamour's escapes cover pipes).
func (w mdWriter) cell(in Inline) string {
	if w.plain {
		return mdtext.TableCell(w.inline(in))
	}
	return w.inline(in)
}

// inline writes running text as Markdown: the words escaped, emphasis
// around them, formulas as their readable text.
func (w mdWriter) inline(in Inline) string {
	var b strings.Builder
	for i, s := range in {
		switch s.Kind {
		case Emphasis:
			mdtext.Mark(&b, w.esc(s.Text), "*")
		case Strong:
			mdtext.Mark(&b, w.esc(s.Text), "**")
		case Mono:
			if strings.Contains(s.Text, "`") {
				b.WriteString(w.esc(s.Text))
			} else {
				mdtext.Mark(&b, s.Text, "`")
			}
		case Link:
			u, ok := autolink(s.URL)
			switch {
			case !ok:
				b.WriteString(w.esc(s.Text))
			case s.Text == s.URL || s.Text == u:
				b.WriteString("<" + u + ">")
			default:
				b.WriteString("[" + w.linkText(s.Text) + "](<" + u + ">)")
			}
		case NoteMark:
			b.WriteString(superscript(atoi(s.Text)))
		default:
			b.WriteString(w.escBetween(s.Text, lastRune(b.String()), firstRune(in, i+1)))
		}
	}
	return b.String()
}

// escBetween is esc for text between two runes of the line written: a
// Markdown file's escapes depend on them (glamour's do not).
func (w mdWriter) escBetween(s string, prev, next rune) string {
	if w.plain {
		return mdtext.InlineBetween(s, prev, next)
	}
	return mdtext.Escape(s)
}

// lastRune is the rune written last on the line, ' ' at its start.
func lastRune(written string) rune {
	r, _ := utf8.DecodeLastRuneInString(written)
	if written == "" {
		return ' '
	}
	return r
}

// firstRune is the first rune the span in[i] writes, as far as escaping
// the text before it needs to know: ' ' at the line's end, 0 when unsure.
func firstRune(in Inline, i int) rune {
	if i >= len(in) {
		return ' '
	}
	s := in[i]
	if s.Text == "" {
		return 0
	}
	first, _ := utf8.DecodeRuneInString(s.Text)
	switch {
	case first == ' ':
		return ' ' // Mark writes the spaces outside the marks
	case s.Kind == Emphasis || s.Kind == Strong:
		return '*'
	case s.Kind == NoteMark:
		return '¹'
	case s.Kind == Mono && !strings.Contains(s.Text, "`"):
		return '`'
	case s.Kind == Link:
		return 0 // <, [ or its text
	}
	return first // a text span's escapes keep its first rune's kind: a backslash is punctuation too
}

// autolink is an absolute http(s) URL that can sit inside <…>: no spaces,
// controls, angle brackets, quotes or backslashes.
func autolink(raw string) (string, bool) {
	if raw == "" || len(raw) > 2048 || strings.ContainsAny(raw, " \t\n<>\"`\\") {
		return "", false
	}
	if !strings.HasPrefix(raw, "https://") && !strings.HasPrefix(raw, "http://") {
		return "", false
	}
	for _, r := range raw {
		if !termsafe.Keeps(r) {
			return "", false
		}
	}
	return raw, true
}

var superscriptDigits = []string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}

func superscript(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteString(superscriptDigits[c-'0'])
		}
	}
	return b.String()
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
