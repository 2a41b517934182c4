package fulltext

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/paperdeck/paperdeck/model"
)

var (
	doiPattern = regexp.MustCompile(`\b10\.\d{4,9}/[^\s"<>]+`)
	// An arXiv id after "arXiv:" or in an arxiv.org abs or pdf URL; the id
	// itself is model's one rule.
	arxivPattern = regexp.MustCompile(`(?i:arxiv[:\s/]*(?:abs/|pdf/)?|arxiv\.org/(?:abs|pdf)/)(` + model.ArxivIDExpr + `)`)
)

// reference reads one bibliography entry.
func (p *parser) reference(n *html.Node, ref Reference) Reference {
	if tag := findClass(n, "ltx_tag_bibitem"); tag != nil {
		ref.Label = clean(textOf(tag))
	}
	ref.Text = p.inlineSkipping(n, "ltx_tag_bibitem")
	seen := map[string]bool{}
	walk(n, func(x *html.Node) bool {
		if x.DataAtom != atom.A {
			return true
		}
		if link := p.resolve(attr(x, "href")); link != "" && p.internalAnchor(attr(x, "href")) == "" && !seen[link] {
			seen[link] = true
			ref.Links = append(ref.Links, link)
		}
		return true
	})
	text := ref.Text.String()
	for _, l := range append(append([]string(nil), ref.Links...), text) {
		if ref.DOI == "" {
			if u, err := url.PathUnescape(l); err == nil {
				if m := doiPattern.FindString(u); m != "" {
					ref.DOI = strings.TrimRight(m, ".,;)")
				}
			}
		}
		if ref.ArXiv == "" {
			if m := arxivPattern.FindStringSubmatch(l); m != nil {
				ref.ArXiv = m[1]
			}
		}
	}
	return ref
}
