package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/paperdeck/paperdeck/model"
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Text that is Markdown syntax in a plain-text field shows as written.
func TestEscapeRendersLiterally(t *testing.T) {
	literals := []string{
		"*bold*", "_under_", "**strong**", "# not a heading", "## nor this", "[x](javascript:alert(1))",
		"<script>alert(1)</script>", "<https://evil.example>", "`code`", "~~struck~~", "> quote",
		"- item", "+ item", "1. item", "2) item", "| a | b |", "---", "===", "![img](file:///etc/passwd)",
		"&amp; &lt; &#42;", "&#x1b;[2J", "&#27;]52;c;x&#7;", "&#x202e;", "&#0;",
		"50% of 3 < 4 > 2 & {x} ~10 @user: https://example.com/a_b_c www.example.com me@example.com",
		":smile: [ref]: https://x.example",
	}
	// Plain fields (no LaTeX in them) keep backslashes too.
	p := model.Paper{ID: "x", Title: "T", Organization: `a\b and \* and \\ end`}
	out, err := Paper(p, 200, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	if got := ansi.Strip(out); !strings.Contains(got, `a\b and \* and \\ end`) {
		t.Errorf("backslashes in a plain field are not literal:\n%s", got)
	}
	for _, s := range literals {
		for _, style := range []Style{StyleNoTTY, StyleDark} {
			p := model.Paper{ID: "x", Title: "T", Summary: "lead " + s + " tail"}
			out, err := Paper(p, 200, style)
			if err != nil {
				t.Fatal(err)
			}
			if got := ansi.Strip(out); !strings.Contains(got, "lead "+s+" tail") {
				t.Errorf("%s: %q is not shown literally:\n%s", style, s, got)
			}
		}
		// At the start of a paragraph, where block syntax would apply.
		p := model.Paper{ID: "x", Title: "T", Summary: s}
		out, err := Paper(p, 200, StyleDark)
		if err != nil {
			t.Fatal(err)
		}
		if got := ansi.Strip(out); !strings.Contains(got, "  "+s) {
			t.Errorf("paragraph start: %q is not shown literally:\n%s", s, got)
		}
	}
}

// The Markdown of a paper full of syntax holds no link, emphasis, heading,
// list, code or HTML that the record's text did not ask for.
func TestMarkdownStructureComesOnlyFromUs(t *testing.T) {
	hostile := "*bold* _it_ # h [x](javascript:alert(1)) <b>x</b> <javascript:alert(1)> `c` ~~s~~ " +
		"https://example.com ftp://example.com www.example.com me@example.com ![i](file:///etc/passwd)"
	p := model.Paper{
		ID:           "1",
		Title:        "# " + hostile,
		Authors:      []string{"[a](javascript:x)", "*b*"},
		Organization: "<img src=x>",
		Summary:      "- " + hostile + "\n\n1. " + hostile + "\n\n    indented code\n\n> quote " + hostile,
		AISummary:    hostile,
		Keywords:     []string{"*k*", "[k](file:///x)"},
		URL:          "https://huggingface.co/papers/1",
		GitHub:       "javascript:alert(1)",
		ProjectPage:  "file:///etc/passwd",
		Links:        []string{"data:text/html,x", "https://example.com/ok"},
	}
	md := Markdown(p)
	src := []byte(md)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList)).Parser().Parse(text.NewReader(src))
	var links []string
	headings, lists := 0, 0
	err := gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Link:
			t.Errorf("link to %q in the Markdown", n.Destination)
		case *gast.Image:
			t.Errorf("image %q in the Markdown", n.Destination)
		case *gast.AutoLink:
			links = append(links, string(n.URL(src)))
		case *gast.Emphasis:
			var label string
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*gast.Text); ok {
					label += string(t.Segment.Value(src))
				}
			}
			if label != "Keywords:" {
				t.Errorf("emphasis in the Markdown: %q", label)
			}
		case *gast.Heading:
			headings++
		case *gast.CodeSpan, *gast.CodeBlock, *gast.FencedCodeBlock, *gast.RawHTML, *gast.HTMLBlock, *gast.Blockquote:
			t.Errorf("%s in the Markdown", n.Kind())
		case *gast.List:
			lists++
		}
		return gast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Our headings: title, Links, AI summary, Abstract.
	if headings != 4 {
		t.Errorf("%d headings, want 4 (title, Links, AI summary, Abstract):\n%s", headings, md)
	}
	if lists != 1 {
		t.Errorf("%d lists, want 1 (Links):\n%s", lists, md)
	}
	want := []string{"https://huggingface.co/papers/1", "https://example.com/ok"}
	if strings.Join(links, " ") != strings.Join(want, " ") {
		t.Errorf("links = %q, want only the http(s) ones %q", links, want)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"  spaced\n\tout  ", "spaced out"},
		{"a*b_c", `a\*b\_c`},
		{"&#x1b;", `&amp;\#x1b;`},
		{"x: y@z ~w", "x&#58; y&#64;z &#126;w"},
		{"\x1b]52;c;AAAA\x07ok", "ok"},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
