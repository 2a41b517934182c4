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

// skippedClasses mark page furniture and machinery that is never text of
// the paper.
var skippedClasses = map[string]bool{
	"ltx_page_navbar": true, "ltx_page_header": true, "ltx_page_footer": true, "ltx_TOC": true, "ltx_ERROR": true,
	"ltx_note_frontmatter": true, "ltx_dates": true, "ltx_date": true, "ltx_page_logo": true, "infobox": true,
	"ltx_rdf": true, "ltx_tag_note": true, "ar5iv-footer": true, "ltx_authors": true, "ltx_title_document": true,
	"MathJax_Preview": true, "mjx-assistive-mml": true,
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
	var class string
	for _, a := range n.Attr {
		switch a.Key {
		case "aria-hidden":
			if a.Val == "true" && !hasClass(n, "ltx_Math") {
				return true
			}
		case "class":
			class = a.Val
		}
	}
	for class != "" {
		var c string
		c, class, _ = strings.Cut(class, " ")
		if skippedClasses[c] {
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
