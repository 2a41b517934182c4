package cellwidth

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// A line fits a terminal by both ways of counting: the wider one is its
// width, colours take no cells, and a cut line fits by both.
func TestOfAndFit(t *testing.T) {
	family := "👩\u200d👩\u200d👧\u200d👦"
	for _, c := range []struct {
		s    string
		want int
	}{
		{"plain ascii", 11},
		{"\x1b[1mbold\x1b[m", 4},
		{"漢字", 4},
		{family, max(ansi.StringWidth(family), ansi.StringWidthWc(family))},
	} {
		if got := Of(c.s); got != c.want {
			t.Errorf("Of(%q) = %d, want %d", c.s, got, c.want)
		}
	}
	if Of(family) < 8 {
		t.Errorf("a ZWJ family is %d cells: wcwidth counts 8", Of(family))
	}
	line := "see " + family + " and 漢字 \x1b[1mhere\x1b[m"
	for w := 0; w <= Of(line)+1; w++ {
		got := Fit(line, w, "…")
		if ansi.StringWidth(got) > w || ansi.StringWidthWc(got) > w {
			t.Errorf("Fit(%d) = %q is wider", w, got)
		}
		if w >= Of(line) && got != line {
			t.Errorf("Fit(%d) cut a line that fits: %q", w, got)
		}
		if w > 0 && w < Of(line) && !strings.HasSuffix(ansi.Strip(got), "…") {
			t.Errorf("Fit(%d) = %q does not say it cut", w, got)
		}
	}
}
