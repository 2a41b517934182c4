package feed

import (
	"path/filepath"

	"github.com/paperdeck/paperdeck/model"
)

// CachedPapers returns every paper the cache holds, in its listings and
// paper details, each id once (the first record found): what paperdeck knows
// besides the listing on screen and the bookmarks, for ranking. Unreadable
// files are skipped, like everywhere in the cache.
func (c *Client) CachedPapers() []model.Paper {
	if c.cache.dir == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []model.Paper
	add := func(p model.Paper) {
		if p.ID != "" && !seen[p.ID] {
			seen[p.ID] = true
			out = append(out, p)
		}
	}
	listings, _ := filepath.Glob(filepath.Join(c.cache.dir, "listings", "*.json"))
	for _, path := range listings {
		var l cachedListing
		if c.cache.read(filepath.Join("listings", filepath.Base(path)), &l) && l.Version == cacheVersion {
			for _, p := range l.Listing.Papers {
				add(p)
			}
		}
	}
	papers, _ := filepath.Glob(filepath.Join(c.cache.dir, "papers", "*.json"))
	for _, path := range papers {
		var p cachedPaper
		if c.cache.read(filepath.Join("papers", filepath.Base(path)), &p) && p.Version == cacheVersion {
			add(p.Paper)
		}
	}
	return out
}
