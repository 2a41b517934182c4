package fulltext

import (
	"strconv"
	"strings"

	"github.com/paperdeck/paperdeck/internal/cellwidth"
)

// Text writes the document as plain text for pipes and scripts, with
// paragraphs wrapped at width columns (0: one line per paragraph).
func Text(d *Document, width int) string {
	w := textWriter{width: width}
	var b strings.Builder
	if d.Title != "" {
		w.heading(&b, d.Title, "=")
	}
	if len(d.Authors) > 0 {
		w.para(&b, strings.Join(d.Authors, ", "), 0)
	}
	for _, p := range d.Problems {
		w.para(&b, "This page is damaged: "+p+".", 0)
	}
	if len(d.Abstract) > 0 {
		w.heading(&b, "Abstract", "-")
		w.blocks(&b, d.Abstract)
	}
	for _, s := range d.Sections {
		if h := s.Heading(); h != "" {
			underline := "="
			if s.Level > 1 {
				underline = "-"
			}
			w.heading(&b, h, underline)
		}
		w.blocks(&b, s.Blocks)
	}
	if len(d.Notes) > 0 {
		w.heading(&b, "Notes", "=")
		for _, n := range d.Notes {
			w.para(&b, superscript(n.Number)+" "+plainInline(n.Text), 0)
		}
	}
	if len(d.References) > 0 {
		w.heading(&b, "References", "=")
		for _, r := range d.References {
			line := "[" + strconv.Itoa(r.Number) + "] " + plainInline(r.Text)
			if extra := referenceIDs(r); extra != "" {
				line += " " + extra
			}
			for _, l := range linksBeside(r) {
				line += " <" + l + ">"
			}
			w.para(&b, line, 4)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

type textWriter struct {
	width int
}

func (w textWriter) heading(b *strings.Builder, h, underline string) {
	h = w.wrap(h, 0)
	widest := 0
	for _, l := range strings.Split(h, "\n") {
		widest = max(widest, cellwidth.Of(l))
	}
	b.WriteString(h + "\n" + strings.Repeat(underline, widest) + "\n\n")
}

// para writes a paragraph; its lines after the first start hang cells
// further in.
func (w textWriter) para(b *strings.Builder, text string, hang int) {
	if text == "" {
		return
	}
	b.WriteString(w.wrap(text, hang) + "\n\n")
}

func (w textWriter) blocks(b *strings.Builder, blocks []Block) {
	for _, bl := range blocks {
		switch bl.Kind {
		case Paragraph:
			w.para(b, plainInline(bl.Text), 0)
		case List:
			for i, item := range bl.Items {
				mark := "  • "
				if bl.Ordered {
					mark = "  " + strconv.Itoa(i+1) + ". "
				}
				// The later lines start under the text, past the mark.
				b.WriteString(w.wrap(mark+plainInline(item), cellwidth.Of(mark)-len("  ")) + "\n")
			}
			b.WriteString("\n")
		case Equation:
			line := "    " + plainInline(bl.Text)
			if bl.Number != "" {
				line += "    " + bl.Number
			}
			w.para(b, line, 0)
		case Figure, Table:
			caption := strings.TrimSpace(bl.Label + " " + plainInline(bl.Text))
			w.para(b, caption, 0)
			if bl.Kind == Figure && bl.Image != "" {
				w.para(b, "  [image: "+bl.Image+"]", 0)
			}
			if bl.Kind == Table {
				w.table(b, bl)
			}
		case Code:
			for _, l := range bl.Lines {
				b.WriteString("    " + l + "\n")
			}
			b.WriteString("\n")
		}
	}
}

// table lays the cells out in columns when they fit, else says where the
// table is.
func (w textWriter) table(b *strings.Builder, bl Block) {
	cells, widths := tableCells(bl.Rows, plainInline)
	if len(cells) == 0 {
		return
	}
	if w.width > 0 && !fits(widths, w.width) {
		note := "  [the table is too wide to show here"
		if bl.Link != "" {
			note += ": " + bl.Link
		}
		w.para(b, note+"]", 0)
		return
	}
	for _, row := range cells {
		var line strings.Builder
		for i, c := range row {
			line.WriteString(c + strings.Repeat(" ", widths[i]-cellwidth.Of(c)))
			if i < len(row)-1 {
				line.WriteString(" | ")
			}
		}
		b.WriteString("  " + strings.TrimRight(line.String(), " ") + "\n")
	}
	b.WriteString("\n")
}

// plainInline is running text as plain text: links keep their URL beside
// their words, footnotes their superscript number.
func plainInline(in Inline) string {
	var b strings.Builder
	for _, s := range in {
		switch s.Kind {
		case Link:
			b.WriteString(s.Text)
			if s.URL != s.Text {
				b.WriteString(" <" + s.URL + ">")
			}
		case NoteMark:
			b.WriteString(superscript(atoi(s.Text)))
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// wrap breaks text into lines of at most the writer's width at spaces,
// by the panes' one wrap: leading blanks are a margin on both sides, the
// later lines start hang cells further in, and a word longer than a line
// (a URL) stays whole on a line of its own. Width 0 leaves the text on one
// line.
func (w textWriter) wrap(text string, hang int) string {
	if w.width <= 0 {
		return text
	}
	return strings.Join(cellwidth.Layout{Hang: hang, Overflow: true}.Wrap(text, w.width), "\n")
}
