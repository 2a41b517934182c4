package filter

import (
	"math"
	"strconv"
	"strings"
)

// query is a filter text taken apart.
type query struct {
	terms  []string // words that must start a word of title, authors, organisation or keywords
	org    []string // org:NAME, as words
	author []string // author:NAME, as words

	code         bool
	upMin, upMax int // inclusive; 0 and MaxInt when unset
	unread, read bool
	bookmarked   bool

	hint string // what was not understood, for the status line
}

func (q *query) empty() bool {
	return len(q.terms) == 0 && len(q.org) == 0 && len(q.author) == 0 && !q.code &&
		q.upMin == 0 && q.upMax == math.MaxInt && !q.unread && !q.read && !q.bookmarked
}

func (q *query) usesMarks() bool { return q.unread || q.read || q.bookmarked }

// parseQuery reads a filter text: words, and qualifiers has:code, up:>N
// (also <, >=, <=, =N, N..M), org:NAME, author:NAME, is:unread, is:read,
// is:bookmarked. A NAME with spaces goes in quotes: org:"google deepmind".
// A qualifier still being typed ("up:>", "has:") is left out and
// explained in hint; an unknown key ("llama:3") is plain words.
func parseQuery(s string) query {
	q := query{upMax: math.MaxInt}
	for _, f := range splitFields(s) {
		key, val, ok := strings.Cut(f, ":")
		if !ok {
			q.addTerms(f)
			continue
		}
		val = strings.Trim(val, `"`)
		switch strings.ToLower(key) {
		case "has":
			if v := strings.ToLower(val); v != "" && strings.HasPrefix("code", v) {
				q.code = true
			} else {
				q.explain("has: knows has:code")
			}
		case "up", "upvotes":
			if lo, hi, ok := parseRange(val); ok {
				q.upMin, q.upMax = max(q.upMin, lo), min(q.upMax, hi)
			} else {
				q.explain("up: wants a number: up:>10, up:<5, up:7, up:10..50")
			}
		case "org", "organization", "organisation":
			if w := words(val); len(w) > 0 {
				q.org = appendNew(q.org, w...)
			} else {
				q.explain("org: wants a name: org:meta, org:\"google deepmind\"")
			}
		case "author", "by":
			if w := words(val); len(w) > 0 {
				q.author = appendNew(q.author, w...)
			} else {
				q.explain("author: wants a name: author:lecun")
			}
		case "is":
			switch v := strings.ToLower(val); {
			case v == "":
				q.explain("is: knows is:unread, is:read, is:bookmarked")
			case strings.HasPrefix("unread", v):
				q.unread = true
			case strings.HasPrefix("read", v):
				q.read = true
			case strings.HasPrefix("bookmarked", v), v == "bookmarks":
				q.bookmarked = true
			default:
				q.explain("is: knows is:unread, is:read, is:bookmarked")
			}
		default:
			q.addTerms(f)
		}
	}
	return q
}

func (q *query) addTerms(s string) { q.terms = appendNew(q.terms, words(s)...) }

func (q *query) explain(h string) {
	if q.hint == "" {
		q.hint = h
	}
}

func appendNew(list []string, ws ...string) []string {
	for _, w := range ws {
		if !contains(list, w) {
			list = append(list, w)
		}
	}
	return list
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// splitFields splits at spaces, except inside the quotes of a qualifier
// value (org:"google deepmind").
func splitFields(s string) []string {
	var out []string
	for {
		s = strings.TrimLeft(s, " \t\n")
		if s == "" {
			return out
		}
		end := strings.IndexAny(s, " \t\n")
		if i := strings.Index(s, `:"`); i >= 0 && (end < 0 || i < end) {
			if j := strings.IndexByte(s[i+2:], '"'); j >= 0 {
				end = i + 2 + j + 1
			} else {
				end = len(s) // an open quote takes the rest, as it is being typed
			}
		}
		if end < 0 {
			end = len(s)
		}
		out = append(out, s[:end])
		s = s[end:]
	}
}

// parseRange reads >N, >=N, <N, <=N, N, =N and N..M as an inclusive range.
func parseRange(v string) (lo, hi int, ok bool) {
	num := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= 0
	}
	switch {
	case strings.HasPrefix(v, ">="):
		n, ok := num(v[2:])
		return n, math.MaxInt, ok
	case strings.HasPrefix(v, "<="):
		n, ok := num(v[2:])
		return 0, n, ok
	case strings.HasPrefix(v, ">"):
		n, ok := num(v[1:])
		return n + 1, math.MaxInt, ok && n < math.MaxInt
	case strings.HasPrefix(v, "<"):
		n, ok := num(v[1:])
		return 0, n - 1, ok
	case strings.Contains(v, ".."):
		a, b, _ := strings.Cut(v, "..")
		x, ok1 := num(a)
		y, ok2 := num(b)
		return x, y, ok1 && ok2
	}
	n, ok := num(strings.TrimPrefix(v, "="))
	return n, n, ok
}

// narrows reports whether every paper matching q also matches p, so that
// q can be answered from p's matches alone: each word of p starts a word
// of q, and q's qualifiers are at least as strict.
func (q *query) narrows(p *query) bool {
	return prefixesOf(p.terms, q.terms) && prefixesOf(p.org, q.org) && prefixesOf(p.author, q.author) &&
		(!p.code || q.code) && q.upMin >= p.upMin && q.upMax <= p.upMax &&
		(!p.unread || q.unread) && (!p.read || q.read) && (!p.bookmarked || q.bookmarked)
}

func prefixesOf(old, now []string) bool {
	for _, o := range old {
		found := false
		for _, n := range now {
			if strings.HasPrefix(n, o) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
