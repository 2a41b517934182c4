package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// PaperStream writes papers one at a time in one of `paperdeck list`'s
// formats, for listings too long to hold whole: what it writes is what
// WriteJSON, WriteText or WriteMarkdown write for the same papers.
type PaperStream struct {
	w      io.Writer
	format string
	title  string // markdown: the digest's heading
	n      int    // papers written
	buf    bytes.Buffer
	enc    *json.Encoder
}

// NewPaperStream writes to w in format (text, markdown or json); title is
// the Markdown digest's heading.
func NewPaperStream(w io.Writer, format, title string) (*PaperStream, error) {
	s := &PaperStream{w: w, format: format, title: title}
	switch format {
	case "text", "markdown":
	case "json":
		// An element of WriteJSON's array is indented one level.
		s.enc = json.NewEncoder(&s.buf)
		s.enc.SetIndent("  ", "  ")
		s.enc.SetEscapeHTML(false)
	default:
		return nil, fmt.Errorf("unknown format %q: use text, markdown or json", format)
	}
	return s, nil
}

// NeedsWholeRecords reports whether the format prints more of a paper
// than its id and title (authors, abstract, links).
func (s *PaperStream) NeedsWholeRecords() bool { return s.format != "text" }

// Write writes one paper.
func (s *PaperStream) Write(p model.Paper) error {
	s.buf.Reset()
	switch s.format {
	case "text":
		writeTextRow(&s.buf, p)
	case "markdown":
		var b strings.Builder
		if s.n == 0 && s.title != "" {
			fmt.Fprintf(&b, "# %s\n\n", markdownEscape(termsafe.Line(s.title)))
		}
		writeMarkdownPaper(&b, p, "")
		s.buf.WriteString(b.String())
	case "json":
		lead := ",\n  "
		if s.n == 0 {
			lead = "[\n  "
		}
		s.buf.WriteString(lead)
		if err := s.enc.Encode(termsafe.Paper(p)); err != nil {
			return err
		}
		s.buf.Truncate(s.buf.Len() - 1) // Encode's newline: the array has its own
	}
	s.n++
	_, err := s.w.Write(s.buf.Bytes())
	return err
}

// Close ends what the format needs ended (the JSON array). It does not
// close the writer.
func (s *PaperStream) Close() error {
	var end string
	switch {
	case s.format == "json" && s.n == 0:
		end = "[]\n"
	case s.format == "json":
		end = "\n]\n"
	case s.format == "markdown" && s.n == 0 && s.title != "":
		end = fmt.Sprintf("# %s\n\n", markdownEscape(termsafe.Line(s.title)))
	}
	_, err := io.WriteString(s.w, end)
	return err
}
