// Package render turns a paper into the text of the detail pane: Markdown
// built from the record (with its LaTeX made readable and every plain-text
// field escaped), rendered by glamour, and cleaned so that only colour and
// attribute sequences reach the terminal.
package render

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// maxAuthors is how many names the detail shows before "… +N more"; a
// list up to one name longer is shown whole, as "+1 more" saves nothing.
const maxAuthors = 5

// Markdown returns the Markdown source of a paper's detail: title,
// authors, a meta line, links, AI summary and keywords, counts of linked
// Hub repositories, and the abstract. Fields that are unknown are left
// out. Every text from the record is escaped, so nothing in it is taken
// as Markdown, and LaTeX fragments read as text.
func Markdown(p model.Paper) string {
	p = capFields(p)
	var b strings.Builder
	tex := p.Source == model.SourceArxiv // its title and abstract are TeX
	title := richLine(p.Title, tex)
	if title == "" {
		title = "Untitled"
	}
	b.WriteString("# " + title + "\n\n")
	section(&b, authorsLine(p))
	section(&b, metaLine(p))
	if links := linkList(p); links != "" {
		b.WriteString("## Links\n\n" + links + "\n")
	}
	if s := richParagraphs(p.AISummary, false); s != "" {
		b.WriteString("## AI summary\n\n" + s)
	}
	if kw := keywordsLine(p.Keywords); kw != "" {
		section(&b, "**Keywords:** "+kw)
	}
	if c := richLine(p.ArxivComments, false); c != "" {
		section(&b, "**Comments:** "+c)
	}
	section(&b, linkedLine(p))
	if s := richParagraphs(p.Summary, tex); s != "" {
		b.WriteString("## Abstract\n\n" + s)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Limits far above any real paper, so a hostile record costs bounded
// time to render.
const (
	maxTitle    = 2 << 10
	maxAbstract = 32 << 10
	maxName     = 256
	maxKeywords = 64
)

func capFields(p model.Paper) model.Paper {
	p.Title = truncate(p.Title, maxTitle)
	p.Summary = truncate(p.Summary, maxAbstract)
	p.AISummary = truncate(p.AISummary, maxAbstract)
	p.Organization = truncate(p.Organization, maxName)
	p.Published = truncate(p.Published, maxName)
	if len(p.Authors) > maxAuthors+1 {
		p.AuthorCount = max(p.AuthorCount, len(p.Authors)) // "+N more" counts them all
		p.Authors = p.Authors[:maxAuthors+1]
	}
	if len(p.Keywords) > maxKeywords {
		p.Keywords = p.Keywords[:maxKeywords]
	}
	authors, keywords := make([]string, len(p.Authors)), make([]string, len(p.Keywords))
	for i, a := range p.Authors {
		authors[i] = truncate(a, maxName)
	}
	for i, k := range p.Keywords {
		keywords[i] = truncate(k, maxName)
	}
	p.Authors, p.Keywords = authors, keywords
	return p
}

// truncate cuts s to at most n bytes on a rune boundary, marking the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func section(b *strings.Builder, line string) {
	if line != "" {
		b.WriteString(line + "\n\n")
	}
}

// authorsLine shortens long author lists; when a source gives only the
// count, the count is what is known.
func authorsLine(p model.Paper) string {
	var names []string
	for _, a := range p.Authors {
		if n := Escape(a); n != "" {
			names = append(names, n)
		}
	}
	total := max(len(names), p.AuthorCount)
	switch {
	case len(names) == 0 && total == 0:
		return ""
	case len(names) == 0:
		return Plural(total, "author", "authors")
	case total <= maxAuthors+1 && len(names) == total:
		return strings.Join(names, ", ")
	}
	shown := names[:min(len(names), maxAuthors)]
	return strings.Join(shown, ", ") + " … \\+" + strconv.Itoa(total-len(shown)) + " more"
}

// metaLine is "date · ▲ upvotes · N comments · organisation · N GitHub
// stars" (★ is the reader's bookmark mark, and only that),
// with only what is known.
func metaLine(p model.Paper) string {
	var parts []string
	if d := Escape(p.Published); d != "" {
		parts = append(parts, d)
	}
	if p.Upvotes > 0 {
		parts = append(parts, "▲ "+thousands(p.Upvotes))
	}
	if p.Comments > 0 {
		parts = append(parts, Plural(p.Comments, "comment", "comments"))
	}
	if o := Escape(p.Organization); o != "" {
		parts = append(parts, o)
	}
	if p.GitHubStars > 0 {
		parts = append(parts, Plural(p.GitHubStars, "GitHub star", "GitHub stars"))
	}
	if c := Escape(p.PrimaryCategory); c != "" {
		parts = append(parts, c+crossLists(p))
	}
	switch p.ArxivListing {
	case model.ListedCross:
		parts = append(parts, "cross-list")
	case model.ListedReplacement:
		parts = append(parts, "replacement")
	}
	if l := Escape(p.Listed); l != "" && l != Escape(p.Published) {
		parts = append(parts, "listed "+l)
	}
	return strings.Join(parts, " · ")
}

// crossLists names the paper's other categories after its primary one
// (" (also cs.LG, stat.ML)"): a cat:cs.LG filter may list a math.OC paper.
func crossLists(p model.Paper) string {
	var also []string
	for _, c := range p.Categories {
		if c != p.PrimaryCategory && c != "" {
			also = append(also, Escape(c))
		}
	}
	if len(also) == 0 {
		return ""
	}
	return " (also " + strings.Join(also, ", ") + ")"
}

var linkLabels = map[string]string{
	"page": "Paper page", "pdf": "PDF", "arxiv": "arXiv", "code": "Code",
	"project": "Project page", "link": "Link",
}

// linkList lists every http(s) link of the paper as a Markdown list of
// autolinks. Anything else (javascript:, file:, data:, relative or
// malformed) is left out: it is never made a link and never offered.
func linkList(p model.Paper) string {
	var b strings.Builder
	hub := map[string]bool{}
	for _, r := range p.Hub {
		hub[r.URL] = true // listed by name under "On the Hub"
	}
	for _, l := range p.AllLinks() {
		u, ok := safeURL(l.URL)
		if !ok || hub[l.URL] {
			continue
		}
		label := linkLabels[l.Label]
		if label == "" {
			label = "Link"
		}
		b.WriteString("- " + label + ": <" + u + ">\n")
	}
	return b.String()
}

// safeURL returns an absolute http(s) URL rebuilt from its parsed form, or
// false. The result can sit inside <…> as a CommonMark autolink: no
// spaces, controls, angle brackets or quotes.
func safeURL(raw string) (string, bool) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 2048 || strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || !termsafe.Keeps(r) || isMark(r) }) >= 0 {
		return "", false // the opener refuses these too: never show a link it would not open
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || u.Opaque != "" {
		return "", false
	}
	s := u.String()
	if strings.ContainsAny(s, "<>\"`\\") {
		return "", false // could end the <…> autolink
	}
	return s, true
}

func keywordsLine(keywords []string) string {
	var kw []string
	for _, k := range keywords {
		if e := Escape(k); e != "" {
			kw = append(kw, e)
		}
	}
	return strings.Join(kw, " · ")
}

var hubLabels = map[string]string{model.HubModel: "Model", model.HubDataset: "Dataset", model.HubSpace: "Space"}

// linkedLine lists the models, datasets and spaces on the Hub that cite
// the paper, by name with their pages (only counted for a record that
// knows the names but not the pages).
func linkedLine(p model.Paper) string {
	var list strings.Builder
	for _, r := range p.Hub {
		if u, ok := safeURL(r.URL); ok && hubLabels[r.Kind] != "" {
			list.WriteString("- " + hubLabels[r.Kind] + " " + Escape(truncate(r.Name, maxName)) + ": <" + u + ">\n")
		}
	}
	if list.Len() > 0 {
		return "## On the Hub\n\n" + strings.TrimSuffix(list.String(), "\n")
	}
	var parts []string
	if n := len(p.LinkedModels); n > 0 {
		parts = append(parts, Plural(n, "model", "models"))
	}
	if n := len(p.LinkedDatasets); n > 0 {
		parts = append(parts, Plural(n, "dataset", "datasets"))
	}
	if n := len(p.LinkedSpaces); n > 0 {
		parts = append(parts, Plural(n, "space", "spaces"))
	}
	if len(parts) == 0 {
		return ""
	}
	return "**Linked on the Hub:** " + strings.Join(parts, " · ")
}

// richLine is a one-line field that may carry LaTeX (a title); tex says
// the field is TeX source itself (an arXiv title: -- is a dash).
func richLine(s string, tex bool) string {
	return escapeWithMarks(collapseSpace(latexMarked(plain(s), tex)))
}

// richParagraphs is a multi-line field that may carry LaTeX (an abstract):
// blank lines separate paragraphs, single line breaks are the source's
// hard wrapping and join. Each paragraph ends with a blank line. tex is
// richLine's.
func richParagraphs(s string, tex bool) string {
	s = latexMarked(plain(s), tex)
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n") {
		if line := escapeWithMarks(collapseSpace(para)); line != "" {
			b.WriteString(line + "\n\n")
		}
	}
	return b.String()
}

// Plural is "1 comment", "1,234 comments": the detail's count words.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// thousands formats 12345 as 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
