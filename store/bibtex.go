package store

import (
	"cmp"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// WriteBibTeX writes one @misc entry per paper (a paper listed twice is
// written once), with keys unique within the output.
func WriteBibTeX(w io.Writer, papers []model.Paper) error { return writeBibTeX(w, papers, nil) }

// bibField is one more field of an entry, its value already escaped.
type bibField struct{ name, value string }

// writeBibTeX is WriteBibTeX with more fields for paper i from extra.
func writeBibTeX(w io.Writer, papers []model.Paper, extra func(i int) []bibField) error {
	used := map[string]bool{}
	written := map[string]bool{}
	var b strings.Builder
	for i, p := range papers {
		if p.ID != "" && written[p.ID] {
			continue
		}
		written[p.ID] = true
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		var more []bibField
		if extra != nil {
			more = extra(i)
		}
		b.WriteString(bibtexEntry(p, uniqueKey(bibtexKey(p), used), more...))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// BibTeXEntry is the entry of one paper, for copying to the clipboard.
func BibTeXEntry(p model.Paper) string { return bibtexEntry(p, bibtexKey(p)) }

func bibtexEntry(p model.Paper, key string, more ...bibField) string {
	var b strings.Builder
	fmt.Fprintf(&b, "@misc{%s", key)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, ",\n  %-13s = {%s}", name, value)
		}
	}
	p = termsafe.Paper(p)
	title := p.Title
	if strings.TrimSpace(title) == "" {
		title = p.ID
	}
	field("title", protectCase(texEscape(title)))
	authors := bibtexAuthors(p)
	field("author", authors)
	field("year", paperYear(p))
	// What is known of a paper without names (copied page text): how many
	// authors it has, said in the note.
	var count string
	if authors == "" && p.AuthorCount > 0 {
		count = plural(p.AuthorCount, "author")
	}
	url := p.URL
	if model.IsArxivID(p.ID) {
		field("eprint", p.ID)
		field("archivePrefix", "arXiv")
		if model.IsArxivCategory(p.PrimaryCategory) {
			field("primaryClass", p.PrimaryCategory)
		}
		field("doi", "10.48550/arXiv."+p.ID)
		if p.ArxivURL != "" {
			url = p.ArxivURL
		}
	}
	// Without a page of its own, the code or project link is where the
	// paper can be found.
	url = cmp.Or(url, p.ArxivURL, p.GitHub, p.ProjectPage)
	field("url", bibtexURL(url))
	for _, f := range more {
		if f.name == "note" && count != "" {
			f.value, count = count+". "+f.value, ""
		}
		field(f.name, f.value)
	}
	field("note", count)
	b.WriteString("\n}\n")
	return b.String()
}

// bibtexAuthors joins the names with "and", the one separator BibTeX
// knows; "and others" stands for the names a source only counted.
func bibtexAuthors(p model.Paper) string {
	var names []string
	for _, a := range p.Authors {
		name := texEscape(a)
		if name == "" {
			continue
		}
		// A comma or a lone "and" would split or reorder the name.
		if strings.Contains(name, ",") || hasWordAnd(name) {
			name = "{" + name + "}"
		}
		names = append(names, name)
	}
	if len(names) > 0 && p.AuthorCount > len(names) {
		names = append(names, "others")
	}
	return strings.Join(names, " and ")
}

func hasWordAnd(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.EqualFold(w, "and") {
			return true
		}
	}
	return false
}

// paperYear is the year of publication, else the one an arXiv id encodes.
func paperYear(p model.Paper) string {
	if len(p.Published) >= 4 && isDigits(p.Published[:4]) {
		return p.Published[:4]
	}
	return model.ArxivIDYear(p.ID)
}

func isDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// texEscape makes text safe inside a braced BibTeX value. Braces become
// commands rather than \{ and \}, because BibTeX counts escaped braces too
// and a lone one would end the value early.
func texEscape(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(termsafe.Line(s)) {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, r := range w {
			switch r {
			case '&', '%', '$', '#', '_':
				b.WriteByte('\\')
				b.WriteRune(r)
			case '{':
				b.WriteString(`\textbraceleft{}`)
			case '}':
				b.WriteString(`\textbraceright{}`)
			case '~':
				b.WriteString(`\textasciitilde{}`)
			case '^':
				b.WriteString(`\textasciicircum{}`)
			case '\\':
				b.WriteString(`\textbackslash{}`)
			default:
				if !unicode.IsControl(r) {
					b.WriteRune(r)
				}
			}
		}
	}
	return b.String()
}

// protectCase braces the words whose capitals matter (LLM, MoMa, 3D),
// which BibTeX styles would otherwise lowercase.
func protectCase(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		for j, r := range w {
			if j > 0 && unicode.IsUpper(r) {
				words[i] = "{" + w + "}"
				break
			}
		}
	}
	return strings.Join(words, " ")
}

// bibtexURL keeps a URL verbatim, as the url and biblatex packages read it,
// except for the few characters that would break the entry.
func bibtexURL(u string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(u) {
		switch {
		case r == '{' || r == '}' || r == '\\' || r == ' ' || r == '"':
			fmt.Fprintf(&b, "%%%02X", r)
		case unicode.IsControl(r) || unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
