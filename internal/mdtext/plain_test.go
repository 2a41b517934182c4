package mdtext

import (
	"bytes"
	"html"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// plainCases are lines a paper's text holds: ordinary ones, and ones that
// are Markdown where they stand.
var plainCases = []string{
	"V. Peiris, J. Smith: damaged: 10.5 percent, -1.5 and (1+1) EA",
	"see [3] and [4, 5]; e-mail a@b.org, C# and #3",
	"1. Intro", "2) two", "- a", "+ b", "-", "---", "= = =", "# h", "## h ##", "> q", "    indented",
	"a *b* c", "a _b_ c", "snake_case and x_1", "EA_(>0) and Bin_(>0)(n,p)", "~~gone~~ and ~100",
	"`code`", "<b>bold</b> and <https://example.com>", "[a](https://e.org/x) and ![i](x.png)",
	"[a]: /u", "&amp; &#58; &#x1b; R&D and AT&T;", "a | b", "| a | b |", `a\*b and \ alone`, "ends with #", "___", "a_ b _c_ d",
}

// Inline and LineStart: a line written for a Markdown file renders as the
// text, nothing more, as a GitHub-flavoured reader shows it.
func TestInlineRendersAsTheText(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Table))
	for _, s := range plainCases {
		written := LineStart(Inline(s))
		var out bytes.Buffer
		if err := md.Convert([]byte(written), &out); err != nil {
			t.Fatal(err)
		}
		got := html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(out.String(), "<p>"), "</p>\n"))
		if got != strings.TrimLeft(s, " ") {
			t.Errorf("%q written %q renders %q", s, written, out.String())
		}
	}
}

// Only what is markup where it stands is escaped: the common text of a
// paper reads in the file as it does on the page.
func TestInlineLeavesPlainTextAlone(t *testing.T) {
	for _, s := range []string{plainCases[0], plainCases[1], "-1.5 and 10.5", "a | b", "snake_case and x_1", "#3 results", "EA_(>0) and M_⊙ and l_(ref,0)"} {
		if got := LineStart(Inline(s)); got != s {
			t.Errorf("%q written %q", s, got)
		}
	}
}

// FuzzInlineRendersAsTheText: any clean line written by Inline and
// LineStart renders as itself (spaces at its ends aside), also when it is
// written in two spans (a line of running text is: words, then a name in
// italics…), each escaped without knowing the other.
func FuzzInlineRendersAsTheText(f *testing.F) {
	for i, s := range plainCases {
		f.Add(s, plainCases[(i+1)%len(plainCases)])
	}
	f.Add("a _b", "_ c")
	f.Add("[a]", "(b)")
	f.Add("&amp", ";")
	md := goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Table))
	clean := func(s string) bool {
		return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) && r != ' ' })
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !clean(a) || !clean(b) {
			return // Inline's text is clean and on one line
		}
		// Each escaped alone, or as a writer does knowing the rune written
		// before and the one after (fulltext's PlainMarkdown).
		wa := InlineBetween(a, ' ', firstOf(b))
		for _, written := range []string{Inline(a) + Inline(b), wa + InlineBetween(b, lastOf(wa), ' ')} {
			written = LineStart(written)
			var out bytes.Buffer
			if err := md.Convert([]byte(written), &out); err != nil {
				t.Fatal(err)
			}
			got := html.UnescapeString(strings.TrimSuffix(strings.TrimPrefix(out.String(), "<p>"), "</p>\n"))
			if want := strings.Trim(a+b, " "); want != "" && got != want {
				t.Errorf("%q + %q written %q renders %q", a, b, written, out.String())
			}
		}
	})
}

func firstOf(s string) rune {
	if s == "" {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastOf(s string) rune {
	if s == "" {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
