package store

import (
	"net/url"
	"strings"

	"github.com/paperdeck/paperdeck/internal/mdtext"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// The Markdown writers quote text from outside (titles, abstracts, tags,
// notes, file names) and links. Whatever it holds, a Markdown viewer must
// show it as text: no raw HTML, no link the source slipped in, and no line
// that starts a block of its own (a rule, a list, a heading, a quote, a
// fence, an indented code block).

// markdownEscape makes text from outside literal in Markdown, by the
// escapes of every Markdown file paperdeck writes (mdtext): cleaned by the
// one sanitiser, each line's inline syntax escaped where it would be
// markup, its pipes always (no line can make a table), its leading spaces
// dropped (four would make a code block) and a block marker at its start
// escaped. Line breaks are kept. Every use writes the text after a space
// and ends its line.
func markdownEscape(s string) string {
	lines := strings.Split(termsafe.Text(s), "\n")
	for i, line := range lines {
		line = strings.TrimLeft(line, " \t")
		lines[i] = mdtext.LineStart(mdtext.TableCell(mdtext.InlineBetween(line, ' ', ' ')))
	}
	return strings.Join(lines, "\n")
}

// markdownQuote is multi-line text as a block quote: every line carries
// the marker, so none can leave the quote.
func markdownQuote(s string) string {
	return "> " + strings.ReplaceAll(markdownEscape(s), "\n", "\n> ")
}

// markdownURL is a link fit for a Markdown autolink (<…>): an absolute
// http(s) URL in which the characters that could end the link or the
// attribute it becomes (< > " ` space) are percent-encoded. Anything else
// (a javascript: link, a control or invisible character) gives "".
func markdownURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return ""
	}
	for _, r := range raw {
		if !termsafe.Keeps(r) && r != ' ' {
			return ""
		}
	}
	return autolinkEncoder.Replace(raw)
}

var autolinkEncoder = strings.NewReplacer(
	"<", "%3C", ">", "%3E", `"`, "%22", "`", "%60", " ", "%20", `\`, "%5C",
)
