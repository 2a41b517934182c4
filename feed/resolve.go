package feed

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/paperdeck/paperdeck/model"
)

// resolution is what the cache remembers of one title: the arXiv id Hugging
// Face's search matched it to, or "" for no match.
type resolution struct {
	Version int          `json:"version"`
	Title   string       `json:"title"`
	ID      string       `json:"id"`
	Checked time.Time    `json:"checked"`
	Found   *model.Paper `json:"found,omitempty"` // the search's record of the match
}

// noMatchFor: a title without a match is asked again after this long (the
// paper may reach Hugging Face later); a match is kept for good.
const noMatchFor = 7 * 24 * time.Hour

// ResolveID finds the arXiv id of a paper that has none (copied page text)
// by an exact match of its normalised title against Hugging Face's paper
// search, and returns the paper completed with it: id, links, and what the
// search knows. At most one request per title, its answer cached on disk,
// a "no match" too. No match leaves the paper as it is (ok false); an error
// means the search could not be asked, and leaves it as it is too.
func (c *Client) ResolveID(ctx context.Context, p model.Paper) (resolved model.Paper, ok bool, err error) {
	if model.IsArxivID(p.ID) {
		return p, true, nil
	}
	key := normalTitle(p.Title)
	if key == "" {
		return p, false, nil
	}
	rel := filepath.Join("resolved", hashKey(key)+".json")
	var known resolution
	if c.cache.read(rel, &known) && known.Version == cacheVersion && known.Title == key &&
		(known.ID != "" || c.cfg.Now().Sub(known.Checked) < noMatchFor) {
		if known.ID == "" {
			return p, false, nil
		}
		found := model.Paper{ID: known.ID}
		if known.Found != nil && known.Found.ID == known.ID {
			found = CleanPaper(*known.Found) // a file on disk: sanitised again
		}
		return withID(p, found), true, nil
	}
	if c.cfg.Offline || c.cfg.Demo {
		return p, false, nil
	}
	u := c.cfg.HFBase + "/api/papers/search?q=" + url.QueryEscape(p.Title)
	what := fmt.Sprintf("the arXiv id of %q", p.Title)
	f, err := c.fetch(ctx, fetchSpec{url: u, what: what, kind: kindJSON})
	if err != nil {
		return p, false, err
	}
	l, err := parseHFJSON(f.body)
	if err != nil {
		return p, false, fmt.Errorf("cannot parse %s from %s: %w", what, hostOf(u), err)
	}
	f.commit()
	known = resolution{Version: cacheVersion, Title: key, Checked: c.cfg.Now()}
	var match model.Paper
	for _, found := range l.Papers {
		if model.IsArxivID(found.ID) && normalTitle(found.Title) == key {
			match, known.ID, known.Found = found, found.ID, &found
			break
		}
	}
	c.cache.write(rel, known)
	if known.ID == "" {
		c.logf("%s: no paper titled %q", u, p.Title)
		return p, false, nil
	}
	return withID(p, match), true, nil
}

// withID gives a paper the id found for it, the links that follow from the
// id, and whatever the search result adds; what the paper had stays.
func withID(p, found model.Paper) model.Paper {
	p.ID = found.ID
	p = finish(p, p.Source)
	if found.Title == "" {
		return p
	}
	merged := MergePaper(p, found)
	merged.Summary, merged.Title = p.Summary, p.Title // the paper's own text, as read
	return merged
}

// normalTitle is a title as compared for a match: case, punctuation and
// spacing aside ("Tiny Recurrent Memories: for Web-Agents" and "tiny
// recurrent memories for web agents" are the same).
func normalTitle(title string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}
