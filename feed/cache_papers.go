package feed

import (
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// CachedPapers returns every paper the cache holds, in its listings and
// paper details, each id once (the first record found): what paperdeck knows
// besides the listing on screen and the bookmarks, for ranking. Unreadable
// files are skipped, like everywhere in the cache. Each file is decoded
// once and again only when it changes (by size or time, whichever process
// wrote it): ranking asks on every sort and every "similar".
func (c *Client) CachedPapers() []model.Paper {
	if c.cache.dir == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []model.Paper
	for _, papers := range c.known.papers(c.cache) {
		for _, p := range papers {
			if p.ID != "" && !seen[p.ID] {
				seen[p.ID] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// knownPapers remembers the papers of each cache file with the size and
// time the file had when decoded.
type knownPapers struct {
	mu      sync.Mutex
	files   map[string]knownFile // by path relative to the cache
	decoded int                  // files decoded, for the tests
}

type knownFile struct {
	size   int64
	mod    time.Time
	papers []model.Paper
}

// papers lists the papers of every listing then every paper detail, in
// the order of the files' names.
func (k *knownPapers) papers(c cache) [][]model.Paper {
	k.mu.Lock()
	defer k.mu.Unlock()
	old := k.files
	k.files = map[string]knownFile{}
	var out [][]model.Paper
	for _, kind := range []string{"listings", "papers"} {
		paths, _ := filepath.Glob(filepath.Join(c.dir, kind, "*.json"))
		for _, path := range paths {
			info, err := os.Stat(path)
			if err != nil || !info.Mode().IsRegular() {
				continue
			}
			rel := filepath.Join(kind, filepath.Base(path))
			f, ok := old[rel]
			if !ok || f.size != info.Size() || !f.mod.Equal(info.ModTime()) {
				f = knownFile{size: info.Size(), mod: info.ModTime(), papers: decodeKnown(c, kind, rel)}
				k.decoded++
			}
			k.files[rel] = f
			out = append(out, f.papers)
		}
	}
	return out
}

func decodeKnown(c cache, kind, rel string) []model.Paper {
	if kind == "listings" {
		var l cachedListing
		if c.read(rel, &l) && l.Version == cacheVersion {
			return l.Listing.Papers
		}
		return nil
	}
	var p cachedPaper
	if c.read(rel, &p) && p.Version == cacheVersion {
		return []model.Paper{p.Paper}
	}
	return nil
}
