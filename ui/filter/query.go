package filter

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// query is a filter text taken apart.
type query struct {
	terms  []string // words that must start a word of title, authors, organisation, keywords, tags or note
	org    []string // org:NAME, as words (also matched by the organisation's initials)
	author []string // author:NAME, as words
	note   []string // note:WORD, as words of the bookmark's note
	tags   []string // tag:NAME and #NAME, as tag keys
	not    []group  // what must not match: -word, -org:, -author:, -note:, -tag:

	need, shun   flag // has:code, is:read, is:bookmarked, is:new; shun: negated
	upMin, upMax int  // inclusive; 0 and MaxInt when unset

	tagSets [][]string // per tag: the tag keys it means in the library searched
	hint    string     // what was not understood, for the status line
}

// flag is a yes/no property of a paper.
type flag uint8

const (
	hasCode flag = 1 << iota
	isRead
	isBookmarked
	isNew
	listedNew // how an arXiv new-submissions page lists the paper
	listedCross
	listedReplacement

	markFlags    = isRead | isBookmarked | isNew
	listingFlags = listedNew | listedCross | listedReplacement
)

// group is a negated qualifier: the papers where every word matches (or
// that carry the tag) are left out.
type group struct {
	kind   groupKind
	words  []string
	tagSet []string // kind tagGroup: the tag keys it means
}

type groupKind uint8

const (
	wordGroup groupKind = iota
	orgGroup
	authorGroup
	noteGroup
	tagGroup
)

func (g *group) equal(o *group) bool { return g.kind == o.kind && slices.Equal(g.words, o.words) }

func (q *query) empty() bool {
	return len(q.terms) == 0 && len(q.org) == 0 && len(q.author) == 0 && len(q.note) == 0 && len(q.tags) == 0 &&
		len(q.not) == 0 && q.need == 0 && q.shun == 0 && q.upMin == 0 && q.upMax == math.MaxInt
}

func (q *query) usesMarks() bool { return (q.need|q.shun)&markFlags != 0 }

// knownQualifiers is said when a key is not one of them.
const knownQualifiers = "tag: note: org: author: is: has: up: listed:"

// parseQuery reads a filter text: words, and qualifiers has:code, up:>N
// (also <, >=, <=, =N, N..M), org:NAME, author:NAME, is:unread, is:read,
// is:bookmarked, is:new, tag:NAME (also #NAME), note:WORD. A NAME with
// spaces goes in quotes: org:"google deepmind". A leading - negates a
// word or a qualifier: -has:code, -is:read, -tag:rl, -diffusion. A
// qualifier still being typed ("up:>", "has:") is left out and explained
// in hint; an unknown key ("llama:3") is searched as words, and the hint
// says it is not a qualifier.
func parseQuery(s string) query {
	q := query{upMax: math.MaxInt}
	for _, f := range splitFields(s) {
		neg := false
		if len(f) > 1 && f[0] == '-' {
			neg, f = true, f[1:]
		}
		if rest, ok := strings.CutPrefix(f, "#"); ok {
			f = "tag:" + rest
		}
		key, val, ok := strings.Cut(f, ":")
		if !ok {
			q.addWords(wordGroup, f, neg, "")
			continue
		}
		val = strings.Trim(val, `"`)
		switch k := strings.ToLower(key); k {
		case "has":
			if v := strings.ToLower(val); v != "" && strings.HasPrefix("code", v) {
				q.setFlag(hasCode, neg)
			} else {
				q.explain("has: knows has:code")
			}
		case "up", "upvotes":
			lo, hi, ok := parseRange(val)
			switch {
			case !ok:
				q.explain("up: wants a number: up:>10, up:<5, up:7, up:10..50")
			case neg:
				q.explain("up: is not negated: say up:<N or up:>N")
			default:
				q.upMin, q.upMax = max(q.upMin, lo), min(q.upMax, hi)
			}
		case "org", "organization", "organisation":
			q.addWords(orgGroup, val, neg, "org: wants a name: org:meta, org:mit, org:\"google deepmind\"")
		case "author", "by":
			q.addWords(authorGroup, val, neg, "author: wants a name: author:lecun")
		case "note", "notes":
			q.addWords(noteGroup, val, neg, "note: wants a word of a bookmark's note: note:compare")
		case "tag", "tags":
			if key := tagKey(val); key == "" {
				q.explain("tag: wants a tag: tag:rl, #rl, tag:\"to read\"")
			} else if neg {
				q.not = appendGroup(q.not, group{kind: tagGroup, words: []string{key}})
			} else {
				q.tags = appendNew(q.tags, key)
			}
		case "is":
			switch v := strings.ToLower(val); {
			case v == "":
				q.explain("is: knows is:unread, is:read, is:bookmarked, is:new")
			case strings.HasPrefix("unread", v):
				q.setFlag(isRead, !neg)
			case strings.HasPrefix("read", v):
				q.setFlag(isRead, neg)
			case strings.HasPrefix("bookmarked", v), v == "bookmarks":
				q.setFlag(isBookmarked, neg)
			case strings.HasPrefix("new", v):
				q.setFlag(isNew, neg)
			default:
				q.explain("is: knows is:unread, is:read, is:bookmarked, is:new")
			}
		case "listed":
			switch v := strings.ToLower(val); {
			case v != "" && strings.HasPrefix("new", v):
				q.setFlag(listedNew, neg)
			case v != "" && (strings.HasPrefix("cross-list", v) || strings.HasPrefix("crosslist", v)):
				q.setFlag(listedCross, neg)
			case v != "" && strings.HasPrefix("replacement", v), v == "replaced":
				q.setFlag(listedReplacement, neg)
			default:
				q.explain("listed: knows listed:new, listed:cross, listed:replacement (arXiv)")
			}
		default:
			if k != "" && strings.IndexFunc(k, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
				q.explain(fmt.Sprintf("%s: is not a qualifier; try %s", key, knownQualifiers))
			}
			q.addWords(wordGroup, f, neg, "")
		}
	}
	return q
}

func (q *query) setFlag(f flag, neg bool) {
	if neg {
		q.shun |= f
	} else {
		q.need |= f
	}
}

// addWords adds the words of s as a qualifier of kind: each must match,
// or, negated, not all of them may. Without words it explains empty.
func (q *query) addWords(kind groupKind, s string, neg bool, empty string) {
	w := words(s)
	switch {
	case len(w) == 0:
		if empty != "" {
			q.explain(empty)
		}
	case neg:
		q.not = appendGroup(q.not, group{kind: kind, words: w})
	case kind == orgGroup:
		q.org = appendNew(q.org, w...)
	case kind == authorGroup:
		q.author = appendNew(q.author, w...)
	case kind == noteGroup:
		q.note = appendNew(q.note, w...)
	default:
		q.terms = appendNew(q.terms, w...)
	}
}

func appendGroup(list []group, g group) []group {
	for i := range list {
		if list[i].equal(&g) {
			return list
		}
	}
	return append(list, g)
}

// resolveTags finds what each tag of q means in lib, and says so when a
// tag matches no bookmark.
func (q *query) resolveTags(lib *Library) {
	q.tagSets = make([][]string, len(q.tags))
	for i, t := range q.tags {
		q.tagSets[i] = lib.resolveTag(t)
		if len(q.tagSets[i]) == 0 {
			q.explain(fmt.Sprintf("no bookmark is tagged %q", t))
		}
	}
	for i := range q.not {
		if g := &q.not[i]; g.kind == tagGroup {
			g.tagSet = lib.resolveTag(g.words[0])
		}
	}
}

// usesLibrary reports whether q looks at the bookmarks' tags and notes.
func (q *query) usesLibrary() bool {
	return len(q.terms) > 0 || len(q.note) > 0 || len(q.tags) > 0 || len(q.not) > 0
}

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
// of q, p's tags and negations are q's too, and q's other qualifiers are
// at least as strict.
func (q *query) narrows(p *query) bool {
	return prefixesOf(p.terms, q.terms) && prefixesOf(p.org, q.org) && prefixesOf(p.author, q.author) &&
		prefixesOf(p.note, q.note) && subset(p.tags, q.tags) &&
		!slices.ContainsFunc(p.not, func(g group) bool {
			return !slices.ContainsFunc(q.not, func(h group) bool { return h.equal(&g) })
		}) &&
		q.need&p.need == p.need && q.shun&p.shun == p.shun && q.upMin >= p.upMin && q.upMax <= p.upMax
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
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
