package fulltext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// MaxPageSize is the largest page Parse reads. The longest arXiv papers
// make pages of a few tens of megabytes with all their MathML; anything
// past this is not a paper.
const MaxPageSize = 64 << 20

// ErrTooLarge is returned for a page over MaxPageSize.
var ErrTooLarge = fmt.Errorf("the page is larger than %d MB, too large to be a paper; not reading it", MaxPageSize>>20)

// ErrNotLaTeXML is returned for a page that is not a LaTeXML document.
var ErrNotLaTeXML = errors.New("this page is not a LaTeXML paper (the HTML arXiv makes from a paper's source), so it cannot be read as a full text")

// Parse reads a LaTeXML page. pageURL is where it came from ("" for a
// file): relative links and images are resolved against it. A damaged page
// gives what is there, with Problems saying what is missing; arXiv's
// "no HTML" page gives an error wrapping feed.ErrNoHTML.
func Parse(r io.Reader, pageURL string) (*Document, error) {
	return parseLimited(r, pageURL, MaxPageSize)
}

func parseLimited(r io.Reader, pageURL string, limit int64) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, ErrTooLarge
	}
	page, err := goquery.NewDocumentFromReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	p := newParser(page, pageURL)
	if p.article == nil {
		if noHTMLPage(p.root) {
			return nil, fmt.Errorf("arXiv says so: %w", feed.ErrNoHTML)
		}
		return nil, ErrNotLaTeXML
	}
	return p.parse(), nil
}

// parser holds what the walk over one page needs.
type parser struct {
	root          *html.Node
	article       *html.Node // the document's content
	base          *url.URL   // for relative links
	doc           *Document
	cur           *[]Block        // where blocks go now
	refs          map[string]int  // bibliography anchor → number
	missing       map[string]bool // cited anchors not on the page
	inNote        bool            // inside a footnote: no nested ones
	lostEquations int             // numbered equations without their formula
}

// newParser finds the page's base and its content with goquery's
// selectors; the walk over the content is over its nodes.
func newParser(page *goquery.Document, pageURL string) *parser {
	root := page.Get(0)
	p := &parser{root: root, doc: &Document{URL: pageURL}, refs: map[string]int{}, missing: map[string]bool{}}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		// arxiv.org/html/2401.01234v2 is a folder: its images are
		// 2401.01234v2/x1.png.
		if strings.HasPrefix(u.Path, "/html/") && strings.Count(u.Path, "/") == 2 {
			u.Path += "/"
		}
		p.base = u
	}
	if b := first(page.Find("base[href]")); b != nil {
		if href := attr(b, "href"); href != "" && p.base != nil {
			if u, err := p.base.Parse(href); err == nil {
				p.base = u
			}
		} else if u, err := url.Parse(href); err == nil && href != "" && u.IsAbs() {
			p.base = u
		}
	}
	for _, sel := range []string{".ltx_document", ".ltx_page_content", ".ltx_page_main"} {
		if p.article = first(page.Find(sel)); p.article != nil {
			return p
		}
	}
	if isLaTeXML(root) {
		p.article = first(page.Find("body"))
	}
	return p
}

// first is a selection's first node, or nil.
func first(sel *goquery.Selection) *html.Node {
	if sel.Length() == 0 {
		return nil
	}
	return sel.Nodes[0]
}

// isLaTeXML: a page without LaTeXML's document wrapper (damaged, or cut
// out of a larger page) still counts when its paragraphs or sections are
// LaTeXML's.
func isLaTeXML(root *html.Node) bool {
	return find(root, func(n *html.Node) bool {
		return hasClass(n, "ltx_para") || hasClass(n, "ltx_section") || hasClass(n, "ltx_bibitem")
	}) != nil
}

// noHTMLPage recognises the page arXiv serves instead of a paper that has
// no HTML version.
func noHTMLPage(root *html.Node) bool {
	text := strings.ToLower(strings.Join(strings.Fields(textOf(root)), " "))
	return strings.Contains(text, "html is not available") || strings.Contains(text, "no html for")
}

func (p *parser) parse() *Document {
	p.numberReferences()
	d := p.doc
	if t := findClass(p.article, "ltx_title_document"); t != nil {
		d.Title = p.inline(t).String()
	} else if t := find(p.root, func(n *html.Node) bool { return n.DataAtom == atom.Title }); t != nil {
		d.Title = clean(textOf(t))
	}
	d.Authors = p.authors()
	if a := findClass(p.article, "ltx_abstract"); a != nil {
		p.cur = &d.Abstract
		for c := a.FirstChild; c != nil; c = c.NextSibling {
			if !hasClass(c, "ltx_title") {
				p.block(c)
			}
		}
	}
	var front []Block
	p.cur = &front
	p.blocks(p.article)
	if len(front) > 0 {
		// Text before the first section (a paper without sections, or a
		// damaged one) is a section of its own so nothing is lost.
		d.Sections = append([]Section{{Blocks: front, Level: 1}}, d.Sections...)
	}
	p.problems()
	return d
}

// problems notes what a damaged page lacks.
func (p *parser) problems() {
	d := p.doc
	if d.Title == "" {
		d.Problems = append(d.Problems, "the page has no title")
	}
	if len(d.Sections) == 0 {
		d.Problems = append(d.Problems, "the page has no text beyond the abstract")
	}
	if len(d.References) > 0 && findClass(p.article, "ltx_bibliography") == nil && findClass(p.root, "ltx_bibliography") == nil {
		d.Problems = append(d.Problems, "the bibliography is incomplete: some references are missing")
	}
	if n := p.lostEquations; n > 0 {
		d.Problems = append(d.Problems, fmt.Sprintf("%d numbered equations have no formula on the page", n))
	}
	if n := len(p.missing); n > 0 {
		d.Problems = append(d.Problems, fmt.Sprintf("%d cited references are not on the page", n))
	}
}

// numberReferences gives every bibliography entry its number first, so
// that citations before the bibliography can use it.
func (p *parser) numberReferences() {
	walk(p.root, func(n *html.Node) bool {
		if !hasClass(n, "ltx_bibitem") {
			return true
		}
		ref := Reference{Number: len(p.doc.References) + 1, ID: attr(n, "id")}
		if ref.ID != "" {
			p.refs[ref.ID] = ref.Number
		}
		p.doc.References = append(p.doc.References, p.reference(n, ref))
		return false
	})
}

func (p *parser) authors() []string {
	var names []string
	seen := map[string]bool{}
	walk(p.article, func(n *html.Node) bool {
		if hasClass(n, "ltx_abstract") || hasClass(n, "ltx_section") {
			return false
		}
		if !hasClass(n, "ltx_personname") {
			return true
		}
		// The name comes before any line break; after it, affiliations
		// and e-mail addresses.
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Br || hasClass(c, "ltx_author_notes") || hasClass(c, "ltx_contact") {
				break
			}
			if !skipped(c) && c.DataAtom != atom.Math && c.DataAtom != atom.Sup {
				b.WriteString(textOf(c))
			}
		}
		for _, name := range splitNames(b.String()) {
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
		return false
	})
	return names
}

// splitNames splits "A, B and C" into names, dropping what is no name.
func splitNames(s string) []string {
	s = strings.ReplaceAll(clean(s), " and ", ",")
	var names []string
	for _, part := range strings.Split(s, ",") {
		part = strings.Trim(strings.TrimSpace(part), "*∗†‡§¶0123456789")
		part = strings.TrimSpace(part)
		if part == "" || strings.Contains(part, "@") || len(part) > 80 {
			continue
		}
		names = append(names, part)
	}
	return names
}

// resolve makes a link absolute against the page; "" when it is not an
// http(s) link.
func (p *parser) resolve(href string) string {
	href = strings.TrimSpace(termsafe.Line(href))
	if href == "" {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if p.base == nil {
			return ""
		}
		u = p.base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return u.String()
}

// internalAnchor is the fragment of a link into this page ("S2", "bib.bib4"),
// or "" for a link elsewhere.
func (p *parser) internalAnchor(href string) string {
	i := strings.IndexByte(href, '#')
	if i < 0 {
		return ""
	}
	if i == 0 {
		return href[1:]
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		return u.Fragment // a relative link with a fragment: this document
	}
	// A saved page keeps absolute links to its own sections.
	if p.base != nil && u.Host == p.base.Host && strings.TrimSuffix(u.Path, "/") == strings.TrimSuffix(p.base.Path, "/") {
		return u.Fragment
	}
	if strings.HasPrefix(u.Fragment, "bib.") || strings.Contains(u.Path, "/html/") {
		return u.Fragment
	}
	return ""
}
