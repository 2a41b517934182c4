// Package outputcheck says whether what paperdeck printed is safe: bytes
// fit for any terminal, and Markdown that a viewer shows as text. Tests and
// fuzzers of every writer (list, bookmarks, exports, messages) use it, so
// one definition of "safe" holds everywhere.
package outputcheck

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Bytes returns an error naming the first byte or character of b that
// must not reach a terminal: ESC or any C0 control but \n and \t, DEL, a
// C1 control (as a byte of an 8-bit terminal or as a character), invalid
// UTF-8, or an invisible format character (bidi controls, zero-width
// spaces, soft hyphens, tag characters; ZWJ and ZWNJ excepted).
func Bytes(b []byte) error {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Errorf("byte %d: invalid UTF-8 %#x in %q", i, b[i], context(b, i))
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f:
			return fmt.Errorf("byte %d: control %U in %q", i, r, context(b, i))
		case r >= 0x80 && r <= 0x9f:
			return fmt.Errorf("byte %d: C1 control %U in %q", i, r, context(b, i))
		case unicode.Is(unicode.Cf, r) && r != 0x200c && r != 0x200d:
			return fmt.Errorf("byte %d: invisible format character %U in %q", i, r, context(b, i))
		case r == utf8.RuneError:
			return fmt.Errorf("byte %d: U+FFFD in %q", i, context(b, i))
		}
		i += size
	}
	return nil
}

func context(b []byte, i int) string {
	return string(b[max(0, i-30):min(len(b), i+30)])
}

// Outline counts the blocks of a Markdown document, for a test to compare
// with the blocks its writer meant to make.
type Outline struct {
	Headings, Lists, Quotes, Rules, CodeBlocks, Tables int
	AutoLinks                                          []string // destinations, in order
}

// Markdown parses src as a GFM viewer would and fails on what would not
// show as text: raw HTML (inline or a block), an inline link or image
// (paperdeck writes links only as <autolinks>), or an autolink that is not
// http(s) (javascript:, data:…) or an e-mail address. It returns the
// document's outline.
func Markdown(src []byte) (Outline, error) {
	var o Outline
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(src))
	var problem error
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || problem != nil {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindRawHTML, ast.KindHTMLBlock:
			problem = fmt.Errorf("raw HTML: %q", nodeText(n, src))
		case ast.KindLink, ast.KindImage:
			problem = fmt.Errorf("a link from the text: %q", nodeText(n, src))
		case ast.KindAutoLink:
			link := n.(*ast.AutoLink)
			dest := string(link.URL(src))
			// GFM makes an e-mail address in text (alice@mit.edu) a mailto:
			// link; an address cannot carry a scheme of its own.
			email := link.AutoLinkType == ast.AutoLinkEmail && !strings.ContainsAny(dest, ":/")
			if low := strings.ToLower(dest); !email && !strings.HasPrefix(low, "https://") && !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "www.") {
				problem = fmt.Errorf("a link that is not http(s): %q", dest)
			}
			o.AutoLinks = append(o.AutoLinks, dest)
		case ast.KindHeading:
			o.Headings++
		case ast.KindList:
			o.Lists++
		case ast.KindBlockquote:
			o.Quotes++
		case ast.KindThematicBreak:
			o.Rules++
		case ast.KindCodeBlock, ast.KindFencedCodeBlock:
			o.CodeBlocks++
		}
		if n.Kind().String() == "Table" {
			o.Tables++
		}
		return ast.WalkContinue, nil
	})
	return o, problem
}

func nodeText(n ast.Node, src []byte) string {
	if n.Type() == ast.TypeBlock {
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(src))
		}
		return b.String()
	}
	if raw, ok := n.(*ast.RawHTML); ok {
		var b strings.Builder
		for i := 0; i < raw.Segments.Len(); i++ {
			seg := raw.Segments.At(i)
			b.Write(seg.Value(src))
		}
		return b.String()
	}
	return inlineText(n, src)
}

// inlineText is the text of an inline node and of its children, for a
// short excerpt in a message.
func inlineText(n ast.Node, src []byte) string {
	switch t := n.(type) {
	case *ast.Text:
		return string(t.Segment.Value(src))
	case *ast.String:
		return string(t.Value)
	case *ast.AutoLink:
		return string(t.Label(src))
	}
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(inlineText(c, src))
	}
	return b.String()
}
