package mdtext

import (
	"strings"
	"testing"
)

// Emphasis reads as emphasis only with its marks against the words: the
// spaces around them stay, outside.
func TestMarkKeepsSpacesOutside(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"word", "*word*"},
		{" two words ", " *two words* "},
		{"end ", "*end* "},
		{"   ", "   "},
	} {
		var b strings.Builder
		Mark(&b, c.text, "*")
		if b.String() != c.want {
			t.Errorf("Mark(%q) = %q, want %q", c.text, b.String(), c.want)
		}
	}
}
