package mdtext

import (
	"regexp"
	"strings"
	"unicode"
)

// Inline escapes clean text on one line for a Markdown file read as
// CommonMark (with GitHub's strikethrough), not by glamour: only what
// would start markup where it stands gets a backslash, so the file reads
// as the text ("[3]", "V. Peiris: 1-2", "EA_(>0)"). Always: backslash,
// code, *, ~ and < (raw HTML, autolinks). Where they would be markup: a
// run of _ that could open emphasis (none opens, so none closes); ] before
// ( or : (a link or its definition); a run of # that ends the text (a
// heading's closing marks); & that starts a character reference. Its
// neighbours in the line are unknown: what touches its ends is escaped
// when it could be markup beside something. A block's start is
// LineStart's.
func Inline(s string) string { return InlineBetween(s, 0, 0) }

// InlineBetween is Inline for text written between the runes prev and
// next of its line (' ' for the line's start or end, 0 when unknown).
func InlineBetween(s string, prev, next rune) string { return inline(s, prev, next, false) }

// LinkText is Inline for the text of a link written as [text](<url>):
// its brackets are all escaped, so none ends the text early.
func LinkText(s string) string { return inline(s, 0, 0, true) }

func inline(s string, prev, next rune, brackets bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	rs := []rune(s)
	openers := underscoresOpening(rs, prev, next)
	for i, r := range rs {
		after := next
		if i+1 < len(rs) {
			after = rs[i+1]
		}
		switch {
		case strings.ContainsRune("\\`*~<", r),
			r == '_' && openers[i],
			r == ']' && (brackets || after == 0 || after == '(' || after == ':'),
			r == '[' && brackets,
			r == '#' && (i == 0 || rs[i-1] != '#') && strings.Trim(string(rs[i:]), "#") == "",
			r == '&' && charRefStart(string(rs[i:min(i+40, len(rs))])):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// underscoresOpening marks the _ of every run that could open emphasis
// (CommonMark's left-flanking rules); a run beside an unknown neighbour
// (0) is taken to.
func underscoresOpening(rs []rune, prev, next rune) map[int]bool {
	open := map[int]bool{}
	for i := 0; i < len(rs); {
		if rs[i] != '_' {
			i++
			continue
		}
		j := i
		for j < len(rs) && rs[j] == '_' {
			j++
		}
		before, after := prev, next
		if i > 0 {
			before = rs[i-1]
		}
		if j < len(rs) {
			after = rs[j]
		}
		if before == 0 || after == 0 || canOpen(before, after) {
			for k := i; k < j; k++ {
				open[k] = true
			}
		}
		i = j
	}
	return open
}

// canOpen reports whether a run of _ between prev and next could open
// emphasis, by either reading of punctuation (with symbols or without).
func canOpen(prev, next rune) bool {
	for _, punct := range []func(rune) bool{unicode.IsPunct, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }} {
		space := unicode.IsSpace
		left := !space(next) && (!punct(next) || space(prev) || punct(prev))
		right := !space(prev) && (!punct(prev) || space(next) || punct(next))
		if left && (!right || punct(prev)) {
			return true
		}
	}
	return false
}

// charRefStart reports whether s starts with a character reference, or
// with one the text after it could complete.
func charRefStart(s string) bool {
	return charRef.MatchString(s) || charRefOpen.MatchString(s)
}

// charRef is the start of a character reference (&amp; &#58; &#x1b;).
var (
	charRef     = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)
	charRefOpen = regexp.MustCompile(`^&#?[xX]?[0-9A-Za-z]{0,31}$`)
)

// lineBlock is what opens a block at the start of a line once Inline has
// run (* ` ~ < are escaped already): a heading, a quote, a list item, a
// rule or setext underline of - _ or =. orderedItem is an ordered list item
// (1. or 1) ), whose backslash goes before the dot.
var (
	lineBlock   = regexp.MustCompile(`^(#{1,6}(\s|$)|>|[-+](\s|$)|[-_=][-_=\s]*$)`)
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
