package fulltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClass reports whether n's class list holds c.
func hasClass(n *html.Node, c string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	classes := attr(n, "class")
	for {
		i := strings.Index(classes, c)
		if i < 0 {
			return false
		}
		end := i + len(c)
		if (i == 0 || classes[i-1] == ' ') && (end == len(classes) || classes[end] == ' ') {
			return true
		}
		classes = classes[end:]
	}
}

// walk visits n and its descendants in document order; visit returns
// false to skip a node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if n == nil || !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

// find is the first node (n included) for which match holds.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(x *html.Node) bool {
		if found != nil {
			return false
		}
		if match(x) {
			found = x
			return false
		}
		return true
	})
	return found
}

func findClass(n *html.Node, class string) *html.Node {
	return find(n, func(x *html.Node) bool { return hasClass(x, class) })
}

// skipped: page furniture and machinery that is never text of the paper.
func skipped(n *html.Node) bool {
	if n.Type == html.CommentNode {
		return true
	}
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Header, atom.Footer, atom.Nav,
		atom.Button, atom.Svg, atom.Form, atom.Dialog, atom.Input, atom.Textarea, atom.Select, atom.Head,
		atom.Iframe, atom.Object, atom.Link, atom.Meta:
		return true
	}
	if attr(n, "aria-hidden") == "true" && !hasClass(n, "ltx_Math") {
		return true
	}
	for _, c := range []string{"ltx_page_navbar", "ltx_page_header", "ltx_page_footer", "ltx_TOC", "ltx_ERROR",
		"ltx_note_frontmatter", "ltx_dates", "ltx_date", "ltx_page_logo", "infobox", "ltx_rdf", "ltx_tag_note",
		"ar5iv-footer", "ltx_authors", "ltx_title_document", "MathJax_Preview", "mjx-assistive-mml"} {
		if hasClass(n, c) {
			return true
		}
	}
	return false
}

// textOf is the text of n and its descendants, sanitised, with the page's
// furniture left out.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(x *html.Node) bool {
		if x != n && skipped(x) {
			return false
		}
		if x.DataAtom == atom.Math && x != n {
			b.WriteString(latex.Math(mathSource(x)))
			return false
		}
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		return true
	})
	return termsafe.Line(b.String())
}

// clean puts text on one line with single spaces.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
