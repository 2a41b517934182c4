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

// WriteJSON writes the paper records as one indented JSON array in order:
// the `--json` output, which paperdeck reads back.
func WriteJSON(w io.Writer, papers []model.Paper) error {
	clean := make([]model.Paper, len(papers))
	for i, p := range papers {
		clean[i] = termsafe.Paper(p)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(clean)
}

// WriteText writes one line per paper: id, upvotes, title.
func WriteText(w io.Writer, papers []model.Paper) error {
	var b bytes.Buffer
	for _, p := range papers {
		b.Reset()
		writeTextRow(&b, p)
		if _, err := w.Write(b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

func writeTextRow(b *bytes.Buffer, p model.Paper) {
	p = termsafe.Paper(p)
	fmt.Fprintf(b, "%-12s %5d  %s\n", p.ID, p.Upvotes, p.Title)
}

// WriteMarkdown writes a readable digest: a section per paper with its
// authors, meta line, links and abstract.
func WriteMarkdown(w io.Writer, title string, papers []model.Paper) error {
	return writeMarkdownDigest(w, title, papers, nil)
}

// writeMarkdownDigest writes the title and a section per paper; under,
// when not nil, gives the Markdown placed under paper i's meta line.
func writeMarkdownDigest(w io.Writer, title string, papers []model.Paper, under func(i int) string) error {
	var b strings.Builder
	if title != "" {
		fmt.Fprintf(&b, "# %s\n\n", markdownEscape(termsafe.Line(title)))
	}
	for i, p := range papers {
		u := ""
		if under != nil {
			u = under(i)
		}
		writeMarkdownPaper(&b, p, u)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarkdownPaper writes one paper's section; under is Markdown placed
// under its meta line (a bookmark's tags and note).
func writeMarkdownPaper(b *strings.Builder, p model.Paper, under string) {
	p = termsafe.Paper(p)
	fmt.Fprintf(b, "## %s\n\n", markdownEscape(p.Title))
	if a := AuthorLine(p, 8); a != "" {
		fmt.Fprintf(b, "%s\n\n", markdownEscape(a))
	}
	if m := MetaLine(p); m != "" {
		fmt.Fprintf(b, "%s\n\n", markdownEscape(m))
	}
	b.WriteString(under)
	links := 0
	for _, l := range p.AllLinks() {
		if u := markdownURL(l.URL); u != "" {
			fmt.Fprintf(b, "- %s: <%s>\n", l.Label, u)
			links++
		}
	}
	if links > 0 {
		b.WriteString("\n")
	}
	if p.AISummary != "" {
		fmt.Fprintf(b, "%s\n\n", markdownQuote(p.AISummary))
	}
	if p.Summary != "" {
		fmt.Fprintf(b, "%s\n\n", markdownEscape(p.Summary))
	}
}

// AuthorLine names up to limit authors and says how many more there are.
func AuthorLine(p model.Paper, limit int) string {
	names := p.Authors
	more := p.AuthorCount - len(names)
	if len(names) > limit {
		more += len(names) - limit
		names = names[:limit]
	}
	s := strings.Join(names, ", ")
	switch {
	case s == "" && more > 0:
		return plural(more, "author")
	case more > 0:
		return fmt.Sprintf("%s +%d more", s, more)
	}
	return s
}

// MetaLine is "2024-07-31 · 94 upvotes · 5 comments · Meta · 1200 stars",
// with only what is known.
func MetaLine(p model.Paper) string {
	var parts []string
	if p.Published != "" {
		parts = append(parts, p.Published)
	}
	parts = append(parts, plural(p.Upvotes, "upvote"))
	if p.Comments > 0 {
		parts = append(parts, plural(p.Comments, "comment"))
	}
	if p.Organization != "" {
		parts = append(parts, p.Organization)
	}
	if p.GitHubStars > 0 {
		parts = append(parts, plural(p.GitHubStars, "GitHub star"))
	}
	return strings.Join(parts, " · ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
