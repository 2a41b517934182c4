package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/internal/localfile"
	"github.com/paperdeck/paperdeck/model"
)

// ErrNoHTML: arXiv has no HTML version of the paper (a 404, or arXiv's
// page saying the HTML is not available). The PDF is the way to read it.
var ErrNoHTML = errors.New("arXiv has no HTML version of this paper; open the PDF instead")

// ErrNoArxivID: a paper without an arXiv id has no full text to fetch.
var ErrNoArxivID = errors.New("this paper has no arXiv id, and the full text comes from arXiv's HTML version of a paper")

const (
	// MaxFullText bounds a full-text page: the longest papers' pages run
	// to a few tens of megabytes of MathML.
	MaxFullText = 64 << 20
	// FullTextCacheSize bounds the full texts kept for offline reading;
	// the least recently read go first.
	FullTextCacheSize = 512 << 20
)

// FullText is a paper's HTML full text as arXiv serves it.
type FullText struct {
	ID        string // the versioned id: 2401.01234v2
	URL       string // its public page, https://arxiv.org/html/2401.01234v2
	HTML      []byte
	FromCache bool
}

// FullText fetches a paper's HTML full text from arXiv (the pacing
// applies), following arXiv's redirect to the versioned page, and keeps it
// for offline reading. A page read once is read from the cache from then
// on: a versioned page never changes. Offline, only the cache answers.
func (c *Client) FullText(ctx context.Context, id string) (FullText, error) {
	if !model.IsArxivID(id) {
		return FullText{}, ErrNoArxivID
	}
	store := c.fullTexts()
	if ft, ok := store.get(id); ok {
		return ft, nil
	}
	if c.cfg.Offline || c.cfg.Demo {
		return FullText{}, fmt.Errorf("the full text of %s was never read online, so it is not here offline", id)
	}
	u := c.cfg.ArxivBase + "/html/" + id
	f, err := c.fetch(ctx, fetchSpec{url: u, what: "the full text of " + id, kind: kindHTML, paced: true, maxBody: MaxFullText})
	var se *StatusError
	if errors.As(err, &se) && (se.Code == http.StatusNotFound || se.Code == http.StatusGone) {
		return FullText{}, fmt.Errorf("%s: %w", id, ErrNoHTML)
	}
	if err != nil {
		return FullText{}, err
	}
	version := versionedFrom(f.url, id)
	ft := FullText{ID: version, URL: arxivPublic + "/html/" + version, HTML: f.body}
	if !looksLikeLaTeXML(f.body) {
		if noHTMLNotice(f.body) {
			return FullText{}, fmt.Errorf("%s: %w", id, ErrNoHTML)
		}
		return ft, nil // not kept: the parser says what it is
	}
	store.put(ft)
	return ft, nil
}

// versionedFrom is the versioned id at the end of the page arXiv
// redirected to (…/html/2401.01234v2), or the id asked for.
func versionedFrom(final, id string) string {
	u, err := url.Parse(final)
	if err != nil {
		return id
	}
	i := strings.Index(u.Path, "/html/")
	if i < 0 {
		return id
	}
	v := strings.Trim(u.Path[i+len("/html/"):], "/")
	if model.IsArxivID(v) && model.StripArxivVersion(v) == model.StripArxivVersion(id) {
		return v
	}
	return id
}

func looksLikeLaTeXML(body []byte) bool {
	return bytes.Contains(body, []byte("ltx_document")) || bytes.Contains(body, []byte("ltx_para"))
}

func noHTMLNotice(body []byte) bool {
	lower := bytes.ToLower(body)
	return bytes.Contains(lower, []byte("html is not available")) || bytes.Contains(lower, []byte("no html for"))
}

// fullTextStore keeps full-text pages as files, fulltext/<id>.html under
// the cache directory, the least recently read removed past its size.
type fullTextStore struct {
	dir   string // "" keeps nothing
	limit int64
	now   func() time.Time
	logf  func(format string, args ...any)
}

func (c *Client) fullTexts() fullTextStore {
	s := fullTextStore{limit: FullTextCacheSize, now: c.cfg.Now, logf: c.logf}
	if c.cache.dir != "" {
		s.dir = filepath.Join(c.cache.dir, "fulltext")
	}
	return s
}

// fullTextFile keeps old-style ids (hep-th/9901001) in one file name.
func fullTextFile(id string) string { return strings.ReplaceAll(id, "/", "_") + ".html" }

func fullTextIDOf(name string) string {
	id := strings.TrimSuffix(name, ".html")
	if !model.IsArxivID(id) {
		id = strings.Replace(id, "_", "/", 1)
	}
	return id
}

// get finds the page of id; an id without a version finds the newest
// version kept.
func (s fullTextStore) get(id string) (FullText, bool) {
	if s.dir == "" {
		return FullText{}, false
	}
	versioned := id
	if model.StripArxivVersion(id) == id {
		best := -1
		for _, e := range s.entries() {
			if model.StripArxivVersion(e.ID) == id {
				if n := versionNumber(e.ID); n > best {
					best, versioned = n, e.ID
				}
			}
		}
		if best < 0 {
			return FullText{}, false
		}
	}
	path := filepath.Join(s.dir, fullTextFile(versioned))
	body, err := localfile.Read(path, MaxFullText)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			s.logf("cache: cannot read %s: %v", path, err)
		}
		return FullText{}, false
	}
	now := s.now()
	_ = os.Chtimes(path, now, now) // recently read: kept longer
	return FullText{ID: versioned, URL: arxivPublic + "/html/" + versioned, HTML: body, FromCache: true}, true
}

func versionNumber(id string) int {
	v := id[len(model.StripArxivVersion(id)):] // "v2", or "" without a version
	if v == "" {
		return 0
	}
	n, _ := strconv.Atoi(v[1:])
	return n
}

// put keeps a page, then trims the store to its size. Best effort: a full
// disk costs the offline copy, not the reading.
func (s fullTextStore) put(ft FullText) {
	if s.dir == "" {
		return
	}
	path := filepath.Join(s.dir, fullTextFile(ft.ID))
	err := os.MkdirAll(s.dir, 0o755)
	if err == nil {
		_, err = localfile.WriteAtomic(path, ft.HTML)
	}
	if err != nil {
		s.logf("cache: cannot write %s: %v", path, err)
		return
	}
	now := s.now()
	_ = os.Chtimes(path, now, now)
	s.trim()
}

// trim removes the least recently read pages until the rest fit.
func (s fullTextStore) trim() {
	entries := s.entries()
	var total int64
	for _, e := range entries {
		total += e.Size
	}
	slices.SortFunc(entries, func(a, b FullTextEntry) int { return a.Read.Compare(b.Read) })
	for _, e := range entries {
		if total <= s.limit {
			break
		}
		if err := os.Remove(filepath.Join(s.dir, fullTextFile(e.ID))); err == nil {
			total -= e.Size
		}
	}
}

// FullTextEntry is one page in the full-text cache.
type FullTextEntry struct {
	ID   string
	Size int64
	Read time.Time // when it was last read
}

func (s fullTextStore) entries() []FullTextEntry {
	if s.dir == "" {
		return nil
	}
	des, err := os.ReadDir(s.dir)
	if err != nil {
		return nil
	}
	var out []FullTextEntry
	for _, de := range des {
		if de.IsDir() || !strings.HasSuffix(de.Name(), ".html") {
			continue
		}
		info, err := de.Info()
		if err != nil {
			continue
		}
		id := fullTextIDOf(de.Name())
		out = append(out, FullTextEntry{ID: id, Size: info.Size(), Read: info.ModTime()})
	}
	return out
}

// FullTextCache says what the full-text cache holds: its folder, its
// pages (most recently read first) and its bound.
func (c *Client) FullTextCache() (dir string, pages []FullTextEntry, limit int64) {
	s := c.fullTexts()
	pages = s.entries()
	slices.SortFunc(pages, func(a, b FullTextEntry) int { return b.Read.Compare(a.Read) })
	return s.dir, pages, s.limit
}

// ReadingPlace is where a reader was in a paper's full text: a part of
// the text (the front, a section, the notes, the references) and a line
// into it, so that the place holds at another width.
type ReadingPlace struct {
	Part int       `json:"part"`
	Line int       `json:"line"`
	At   time.Time `json:"at"`
}

// maxPlaces bounds the places kept; the oldest go first.
const maxPlaces = 1000

const placesFile = "places.json"

func (s fullTextStore) places() map[string]ReadingPlace {
	places := map[string]ReadingPlace{}
	if !s.json().read(placesFile, &places) {
		return map[string]ReadingPlace{}
	}
	return places
}

// json is the store's directory as the feed's JSON cache, which reads and
// writes places.json.
func (s fullTextStore) json() cache { return cache{dir: s.dir, logf: s.logf} }

// FullTextPlace is where the reader was in the paper id (any version).
func (c *Client) FullTextPlace(id string) (ReadingPlace, bool) {
	p, ok := c.fullTexts().places()[model.StripArxivVersion(id)]
	return p, ok
}

// SetFullTextPlace keeps where the reader is in the paper id. Best effort:
// a place not kept costs the place, not the reading.
func (c *Client) SetFullTextPlace(id string, p ReadingPlace) {
	s := c.fullTexts()
	if s.dir == "" || !model.IsArxivID(id) {
		return
	}
	places := s.places()
	p.At = s.now()
	places[model.StripArxivVersion(id)] = p
	for len(places) > maxPlaces {
		oldest := ""
		for k, v := range places {
			if oldest == "" || v.At.Before(places[oldest].At) {
				oldest = k
			}
		}
		delete(places, oldest)
	}
	s.json().write(placesFile, places)
}
