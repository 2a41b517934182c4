package model

import "testing"

func TestArxivIDs(t *testing.T) {
	for _, tc := range []struct{ id, stripped, year string }{
		{"2406.08472", "2406.08472", "2024"},
		{"2406.08472v2", "2406.08472", "2024"},
		{"0704.0001", "0704.0001", "2007"},
		{"hep-th/9901001v3", "hep-th/9901001", "1999"},
		{"math.AG/0101001", "math.AG/0101001", "2001"},
	} {
		if !IsArxivID(tc.id) {
			t.Errorf("%q is an arXiv id", tc.id)
		}
		if got := StripArxivVersion(tc.id); got != tc.stripped {
			t.Errorf("StripArxivVersion(%q) = %q, want %q", tc.id, got, tc.stripped)
		}
		if got := ArxivIDYear(tc.id); got != tc.year {
			t.Errorf("ArxivIDYear(%q) = %q, want %q", tc.id, got, tc.year)
		}
	}
	for _, id := range []string{"", "2406.084", "title-abc123", "-th/9901001", "2406.08472v", "cs.LG", "2406.08472 "} {
		if IsArxivID(id) || StripArxivVersion(id) != id || ArxivIDYear(id) != "" {
			t.Errorf("%q is not an arXiv id", id)
		}
	}
}

func TestArxivCategories(t *testing.T) {
	for _, c := range []string{"cs.LG", "math.AP", "hep-th", "astro-ph.CO", "cs"} {
		if !IsArxivCategory(c) {
			t.Errorf("%q is a category", c)
		}
	}
	for _, c := range []string{"", "CS.LG", "cs.", "-cs", "cs.LG/x", "cs LG", "2406.08472"} {
		if IsArxivCategory(c) {
			t.Errorf("%q is not a category", c)
		}
	}
}
