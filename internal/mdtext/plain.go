package mdtext

import (
	"regexp"
	"strings"
	"unicode"
)

// Inline escapes clean text on one line for a Markdown file read as
// CommonMark (with GitHub's strikethrough), not by glamour: only what
// would start markup where it stands gets a backslash, so the file reads
// as the text ("[3]", "V. Peiris: 1-2"). Always: backslash, code, *, ~
// and < (raw HTML, autolinks); _ unless between two letters or digits
// (no emphasis there); ] before ( or : (a link or its definition); a run
// of # that ends the text (a heading's closing marks); & where it would
// start a character reference. A block's start is LineStart's.
func Inline(s string) string { return inline(s, false) }

// LinkText is Inline for the text of a link written as [text](<url>):
// its brackets are all escaped, so none ends the text early.
func LinkText(s string) string { return inline(s, true) }

func inline(s string, brackets bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	rs := []rune(s)
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return ' '
		}
		return rs[i]
	}
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for i, r := range rs {
		switch {
		case strings.ContainsRune("\\`*~<", r),
			r == '_' && !(alnum(at(i-1)) && alnum(at(i+1))),
			r == ']' && (brackets || at(i+1) == '(' || at(i+1) == ':'),
			r == '[' && brackets,
			r == '#' && at(i-1) != '#' && strings.Trim(string(rs[i:]), "#") == "",
			r == '&' && charRef.MatchString(string(rs[i:min(i+40, len(rs))])):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// charRef is the start of a character reference (&amp; &#58; &#x1b;).
var charRef = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)

// lineBlock is what opens a block at the start of a line once Inline has
// run (* _ ` ~ < are escaped already): a heading, a quote, a list item, a
// rule or setext underline of - or =. orderedItem is an ordered list item
// (1. or 1) ), whose backslash goes before the dot.
var (
	lineBlock   = regexp.MustCompile(`^(#{1,6}(\s|$)|>|[-+](\s|$)|[-=][-=\s]*$)`)
	orderedItem = regexp.MustCompile(`^\d{1,9}[.)](\s|$)`)
)

// LineStart makes the start of a line of Inline text read as text: its
// leading spaces dropped (four make a code block) and a block marker
// escaped ("\- a", "1\. a"); "-1.5" and "10.5" stay as they are.
func LineStart(line string) string {
	line = strings.TrimLeft(line, " \t")
	if orderedItem.MatchString(line) {
		i := strings.IndexAny(line, ".)")
		return line[:i] + `\` + line[i:]
	}
	if lineBlock.MatchString(line) {
		return `\` + line
	}
	return line
}

// TableCell is Inline text made fit for a cell of a table: its pipes
// escaped, even in code.
func TableCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
