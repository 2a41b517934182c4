package model

import "regexp"

// The one rule for arXiv identifiers and categories, for the parsers, the
// command line, the config and the BibTeX entries.
const (
	// arxivNewIDExpr is YYMM.NNNN(N), the form since 2007.
	arxivNewIDExpr = `(\d{2})(\d{2})\.\d{4,5}`
	// arxivOldIDExpr is archive(.XX)/YYMMNNN, the form before: hep-th/9901001.
	arxivOldIDExpr = `[a-z][a-z-]*(?:\.[A-Z]{2})?/(\d{2})\d{5}`
	// ArxivIDExpr matches an arXiv id of either form, without its version.
	// A parser finding ids in text builds on it.
	ArxivIDExpr = `(?:` + arxivNewIDExpr + `|` + arxivOldIDExpr + `)`
	// ArxivCategoryExpr matches an archive or a category: cs.LG, math.AP,
	// hep-th, astro-ph.CO. A parser finding categories in text builds on it.
	ArxivCategoryExpr = `[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?`
)

var (
	arxivID       = regexp.MustCompile(`^` + ArxivIDExpr + `(v\d+)?$`)
	arxivCategory = regexp.MustCompile(`^` + ArxivCategoryExpr + `$`)
)

// IsArxivID reports whether id is an arXiv identifier (new or old style,
// with or without a version).
func IsArxivID(id string) bool { return arxivID.MatchString(id) }

// StripArxivVersion turns 2406.13677v2 into 2406.13677: one paper, one id.
// Anything but an arXiv id comes back as it is.
func StripArxivVersion(id string) string {
	m := arxivID.FindStringSubmatchIndex(id)
	if m == nil || m[8] < 0 {
		return id
	}
	return id[:m[8]]
}

// ArxivIDYear is the year an arXiv id encodes (2406.13677 → 2024,
// hep-th/9901001 → 1999), or "" for anything else.
func ArxivIDYear(id string) string {
	m := arxivID.FindStringSubmatch(id)
	if m == nil {
		return ""
	}
	yy := m[1] + m[3]
	if yy >= "91" { // arXiv began in 1991
		return "19" + yy
	}
	return "20" + yy
}

// IsArxivCategory reports whether s names an arXiv archive or category.
func IsArxivCategory(s string) bool { return arxivCategory.MatchString(s) }
