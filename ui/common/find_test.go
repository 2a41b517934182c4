package common

import "testing"

// n and N go round the matches; the status bar counts them; a match off
// screen is scrolled a third of the way down, one on screen stays put.
func TestFind(t *testing.T) {
	lines := []string{"intro", "\x1b[1mLanguage\x1b[0m models", "vision", "more language", "end"}
	var f Find
	f.Search(" language ", lines, 2)
	if f.Query != "language" || len(f.Hits) != 2 || f.Hit != 1 || f.Status() != "“language”: match 2 of 2" {
		t.Fatalf("from line 2: %+v %q", f, f.Status())
	}
	if !f.Step(1) || f.Hit != 0 || !f.Step(-1) || f.Hit != 1 {
		t.Errorf("stepping round the ends: %+v", f)
	}
	if got := f.Offset(0, 10, 0); got != 0 {
		t.Errorf("a match on screen moved the view to %d", got)
	}
	if got := f.Offset(0, 3, 2); got != 4 {
		t.Errorf("a match below the view (line 5 with the banner): offset %d, want 4", got)
	}
	f.Search("nothing", lines, 0)
	if f.Step(1) || f.Status() != "no match for “nothing”" {
		t.Errorf("no match: %+v %q", f, f.Status())
	}
}
