package fulltext

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/internal/cellwidth"
)

// The plain text of a real page at 40 columns: an equation's lines all
// keep its indent, a list item's later lines start under its text (not
// under the bullet), a reference's under its number's text, and no line
// with a space in it passes the width.
func TestTextWrapKeepsIndents(t *testing.T) {
	_, d := readFixture(t, "ar5iv_1904.07818_onemax.html")
	const width = 40
	only := func(b Block) string {
		return Text(&Document{Sections: []Section{{Blocks: []Block{b}}}}, width)
	}
	var equations, items int
	eachBlock(d, func(b Block) {
		switch b.Kind {
		case Equation:
			out := only(b)
			if len(nonEmptyLines(out)) < 2 {
				return // on one line
			}
			equations++
			for _, l := range nonEmptyLines(out) {
				if !strings.HasPrefix(l, "    ") {
					t.Errorf("equation line %q lost its indent:\n%s", l, out)
				}
			}
		case List:
			under := "    " // "  • "
			if b.Ordered {
				under = "     " // "  1. "
			}
			for _, item := range b.Items {
				lines := nonEmptyLines(only(Block{Kind: List, Ordered: b.Ordered, Items: []Inline{item}}))
				for _, l := range lines[1:] {
					items++
					if !strings.HasPrefix(l, under) || l[len(under)] == ' ' {
						t.Errorf("list line %q is not under its item's text:\n%s", l, strings.Join(lines, "\n"))
					}
				}
			}
		}
	})
	if equations == 0 || items == 0 {
		t.Fatalf("the page wrapped %d equations and %d list lines at %d columns: the test reads nothing", equations, items, width)
	}
	code := map[string]bool{} // written as they are
	eachBlock(d, func(b Block) {
		for _, l := range b.Lines {
			code["    "+l] = true
		}
	})
	text := Text(d, width)
	for _, l := range strings.Split(text, "\n") {
		if cellwidth.Of(l) > width && strings.Contains(strings.TrimSpace(l), " ") && !code[l] {
			t.Errorf("line %q is %d wide", l, cellwidth.Of(l))
		}
	}
	refs := text[strings.Index(text, "\nReferences\n"):]
	for _, l := range nonEmptyLines(refs)[2:] {
		if !strings.HasPrefix(l, "[") && (!strings.HasPrefix(l, "    ") || l[4] == ' ') {
			t.Errorf("reference line %q is not under its reference's text", l)
		}
	}
}

func nonEmptyLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}
