package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/internal/localfile"
	"github.com/paperdeck/paperdeck/model"
)

// cache is the on-disk memory of what was read online, under one directory:
//
//	http/<hash>.json        validators (ETag, Last-Modified) and body per URL
//	listings/<key>.json     parsed listings, so they read offline
//	papers/<id>.json        parsed paper details
//
// Every file is written atomically; a file that cannot be read or parsed is
// treated as absent, never as an error: the cache only ever helps.
type cache struct {
	dir  string // "" disables the cache
	logf func(format string, args ...any)
}

const cacheVersion = 1

// httpEntry is what conditional GET needs to turn a 304 into a body.
type httpEntry struct {
	Version      int       `json:"version"`
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Stored       time.Time `json:"stored"`
	Body         []byte    `json:"body"`
}

// cachedListing is a parsed listing and when it was fetched.
type cachedListing struct {
	Version int           `json:"version"`
	Fetched time.Time     `json:"fetched"`
	Listing model.Listing `json:"listing"`
}

type cachedPaper struct {
	Version int         `json:"version"`
	Fetched time.Time   `json:"fetched"`
	Paper   model.Paper `json:"paper"`
}

func (c cache) httpEntry(url string) (httpEntry, bool) {
	var e httpEntry
	ok := c.read(filepath.Join("http", hashKey(url)+".json"), &e)
	if !ok || e.Version != cacheVersion || e.URL != url || (e.ETag == "" && e.LastModified == "") {
		return httpEntry{}, false
	}
	return e, true
}

func (c cache) putHTTP(e httpEntry) {
	e.Version = cacheVersion
	c.write(filepath.Join("http", hashKey(e.URL)+".json"), e)
}

func (c cache) dropHTTP(url string) {
	if c.dir == "" {
		return
	}
	err := os.Remove(filepath.Join(c.dir, "http", hashKey(url)+".json"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		c.logf("cache: %v", err)
	}
}

func (c cache) listing(p model.Period) (cachedListing, bool) {
	var l cachedListing
	if !c.read(filepath.Join("listings", listingKey(p)+".json"), &l) || l.Version != cacheVersion {
		return cachedListing{}, false
	}
	if l.Listing.Papers == nil {
		l.Listing.Papers = []model.Paper{}
	}
	return l, true
}

// newestDay is the cached daily list of the latest day, whatever its age:
// what "latest" was when paperdeck last read it.
func (c cache) newestDay() (cachedListing, bool) {
	if c.dir == "" {
		return cachedListing{}, false
	}
	names, _ := filepath.Glob(filepath.Join(c.dir, "listings", string(model.Day)+"-*.json"))
	slices.Sort(names) // day-YYYY-MM-DD sorts by date
	for _, name := range slices.Backward(names) {
		day := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), string(model.Day)+"-"), ".json")
		if l, ok := c.listing(model.Period{Kind: model.Day, Value: day}); ok && !l.Listing.Empty() {
			return l, true
		}
	}
	return cachedListing{}, false
}

func (c cache) putListing(p model.Period, l model.Listing, at time.Time) {
	c.write(filepath.Join("listings", listingKey(p)+".json"), cachedListing{cacheVersion, at, l})
}

func (c cache) paper(id string) (cachedPaper, bool) {
	var p cachedPaper
	if !c.read(filepath.Join("papers", safeKey(id)+".json"), &p) || p.Version != cacheVersion || p.Paper.ID != id {
		return cachedPaper{}, false
	}
	return p, true
}

func (c cache) putPaper(p model.Paper, at time.Time) {
	c.write(filepath.Join("papers", safeKey(p.ID)+".json"), cachedPaper{cacheVersion, at, p})
}

// maxCacheEntry bounds a cache file: a response body is capped below it.
const maxCacheEntry = 128 << 20

func (c cache) read(rel string, v any) bool {
	if c.dir == "" {
		return false
	}
	data, err := localfile.Read(filepath.Join(c.dir, rel), maxCacheEntry)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			c.logf("cache: cannot read %s: %v", rel, err)
		}
		return false
	}
	if err := json.Unmarshal(data, v); err != nil {
		c.logf("cache: ignoring unreadable %s: %v", rel, err)
		return false
	}
	return true
}

// write is best effort: a full disk or a read-only home costs the offline
// copy, not the listing on screen.
func (c cache) write(rel string, v any) {
	if c.dir == "" {
		return
	}
	data, err := json.Marshal(v)
	if err == nil {
		path := filepath.Join(c.dir, rel)
		if err = os.MkdirAll(filepath.Dir(path), 0o755); err == nil {
			_, err = localfile.WriteAtomic(path, data)
		}
	}
	if err != nil {
		c.logf("cache: cannot write %s: %v", rel, err)
	}
}

// listingKey names a period's file: readable for dates and categories,
// hashed for anything a user typed.
func listingKey(p model.Period) string {
	if p.Value == "" {
		return string(p.Kind)
	}
	return string(p.Kind) + "-" + safeKey(p.Value)
}

var plainKey = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

func safeKey(s string) string {
	if plainKey.MatchString(s) {
		return s
	}
	return hashKey(s)
}

func hashKey(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}
