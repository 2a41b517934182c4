// Package fulltext reads a paper's full text from the HTML that LaTeXML
// makes (arXiv's HTML papers, ar5iv, arXiv's conversion service, plain
// latexmlc output, arXiv Vanity's pages) into a Document, and writes that
// document as Markdown (for glamour) or as plain text. It does no I/O of
// its own and imports nothing of the UI.
package fulltext

// Document is a paper as a reader sees it.
type Document struct {
	Title    string
	Authors  []string
	Abstract []Block
	Sections []Section // in reading order; subsections follow their section
	Notes    []Note    // footnotes, numbered from 1
	// References is the bibliography, numbered from 1 in page order; a
	// citation in the text reads [n] with the same n.
	References []Reference
	// Problems says what is wrong with a damaged page (text is still shown).
	Problems []string
	// URL is the page the document came from ("" for a file); links and
	// images are resolved against it.
	URL string
}

// Section is one numbered part of the paper: a section, a subsection, an
// appendix… Level is 1 for a section, 2 for a subsection, and so on.
type Section struct {
	ID     string // the page's anchor ("S3.SS2"), for links to it
	Number string // "3.2", "A", "II-B"; "" for unnumbered ones
	Title  string
	Level  int
	Blocks []Block
}

// Heading is the section's number and title as one line.
func (s Section) Heading() string {
	if s.Number == "" {
		return s.Title
	}
	if s.Title == "" {
		return s.Number
	}
	return s.Number + " " + s.Title
}

// BlockKind says how a block is laid out.
type BlockKind int

const (
	Paragraph BlockKind = iota
	List                // Items, numbered when Ordered
	Equation            // a display equation: Text, and its Number such as "(3)"
	Figure              // Label ("Figure 2:"), Text (the caption), Image
	Table               // Label, Text (the caption), Rows; Link to the page's table
	Code                // Lines, kept as they are (listings, algorithms)
)

// Block is one paragraph, list, equation, figure, table or listing.
type Block struct {
	Kind    BlockKind
	Text    Inline
	Items   []Inline
	Ordered bool
	Number  string // an equation's number, with its parentheses
	Label   string // a figure's or table's tag
	Image   string // a figure's image, as an absolute URL when the page has one
	Rows    [][]Inline
	Link    string // a table's place on the page
	Lines   []string
}

// Note is a footnote.
type Note struct {
	Number int
	Text   Inline
}

// Reference is one entry of the bibliography.
type Reference struct {
	Number int
	ID     string // the page's anchor ("bib.bib12")
	Label  string // the page's own tag ("[12]", "Aubert et al. (2004)", "[HW19]")
	Text   Inline
	Links  []string // every http(s) link of the entry
	DOI    string   // "10.1093/mnras/staa1777"
	ArXiv  string   // "2106.01234" or "hep-th/9901001"
}

// Inline is running text: spans of words, emphasis, math, links and
// citations.
type Inline []Span

// SpanKind says what a span is.
type SpanKind int

const (
	Plain SpanKind = iota
	Emphasis
	Strong
	Mono
	Math     // a formula made readable
	Link     // Text with its URL
	Citation // "[3]" or "[3, 7]"
	NoteMark // a footnote's number
)

// Span is a piece of running text.
type Span struct {
	Kind SpanKind
	Text string
	URL  string
}

// String is the inline's text without any markup.
func (in Inline) String() string {
	var n int
	for _, s := range in {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range in {
		b = append(b, s.Text...)
	}
	return string(b)
}
