package ui

import "testing"

// Under --ascii the "for you" marks (● one of yours, ◦ the best tenth)
// are characters of their own, not the unread mark's * beside them, nor
// any other mark of a row (new +, bookmarked !, cursor >).
func TestASCIIScoreMarksAreDistinct(t *testing.T) {
	others := map[string]string{}
	for _, m := range []string{"•", "+", "★", "▸"} {
		others[asciiOnly(m)] = m
	}
	seen := map[string]string{}
	for _, m := range []string{"●", "◦"} {
		a := asciiOnly(m)
		if o, ok := others[a]; ok {
			t.Errorf("the score mark %s is %q under --ascii, as the mark %s is", m, a, o)
		}
		if o, ok := seen[a]; ok {
			t.Errorf("the score marks %s and %s are both %q under --ascii", m, o, a)
		}
		seen[a] = m
	}
}
