package query

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Query is a filter text taken apart. Every word is folded (see Words).
type Query struct {
	Terms  []string // words that must start a word of title, authors, organisation, keywords, tags or note
	Org    []string // org:NAME, as words (also matched by the organisation's initials)
	Author []string // author:NAME, as words
	Note   []string // note:WORD, as words of the bookmark's note
	Tags   []string // tag:NAME and #NAME, as tag keys
	Cats   []string // cat:NAME, as typed (see MatchCategories)
	Not    []Group  // what must not match: -word, -org:, -author:, -note:, -tag:, -cat:

	Need, Shun   Flag // has:code, is:read, …; Shun: negated
	UpMin, UpMax int  // inclusive; 0 and MaxInt when unset

	// TagSets are, per tag of Tags, the tag keys it means in the library
	// searched (ResolveTags).
	TagSets [][]string
	// Hint says what was left out of the query and why, for the status line.
	Hint string
}

// Flag is a yes/no property of a paper.
type Flag uint8

const (
	HasCode Flag = 1 << iota
	IsRead
	IsBookmarked
	IsNew
	ListedNew // how an arXiv new-submissions page lists the paper
	ListedCross
	ListedReplacement

	MarkFlags    = IsRead | IsBookmarked | IsNew
	ListingFlags = ListedNew | ListedCross | ListedReplacement
)

// Group is a negated qualifier: the papers where every word matches (or
// that carry the tag, or have the category) are left out.
type Group struct {
	Kind   Kind
	Words  []string // a tag group: the tag key; a category group: the name
	TagSet []string // kind TagGroup: the tag keys it means (ResolveTags)
}

// Kind is what a qualifier's words are matched against.
type Kind uint8

const (
	WordGroup Kind = iota
	OrgGroup
	AuthorGroup
	NoteGroup
	TagGroup
	CatGroup
)

func (g *Group) equal(o *Group) bool { return g.Kind == o.Kind && slices.Equal(g.Words, o.Words) }

// Empty reports whether q asks for nothing: every paper matches.
func (q *Query) Empty() bool {
	return len(q.Terms) == 0 && len(q.Org) == 0 && len(q.Author) == 0 && len(q.Note) == 0 && len(q.Tags) == 0 &&
		len(q.Cats) == 0 && len(q.Not) == 0 && q.Need == 0 && q.Shun == 0 && q.UpMin == 0 && q.UpMax == math.MaxInt
}

// UsesMarks reports whether q asks for is: qualifiers.
func (q *Query) UsesMarks() bool { return (q.Need|q.Shun)&MarkFlags != 0 }

// UsesLibrary reports whether q looks at the bookmarks' tags and notes.
func (q *Query) UsesLibrary() bool {
	return len(q.Terms) > 0 || len(q.Note) > 0 || len(q.Tags) > 0 || len(q.Not) > 0
}

// knownQualifiers is said when a key is not one of them.
const knownQualifiers = "tag: note: org: author: cat: is: has: up: listed:"

// Parse reads a filter text: words, and qualifiers has:code, up:>N
// (also <, >=, <=, =N, N..M), org:NAME, author:NAME, cat:NAME, is:unread,
// is:read, is:bookmarked, is:new, tag:NAME (also #NAME), note:WORD,
// listed:new|cross|replacement. A NAME with spaces goes in quotes:
// org:"google deepmind". A leading - negates a word or a qualifier:
// -has:code, -is:read, -tag:rl, -diffusion. A qualifier still being typed
// ("up:>", "has:") is left out and explained in Hint; an unknown key
// ("llama:3") is searched as words, and the hint says it is not a
// qualifier.
func Parse(s string) Query {
	q := Query{UpMax: math.MaxInt}
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
			q.addWords(WordGroup, f, neg, "")
			continue
		}
		val = strings.Trim(val, `"`)
		switch k := strings.ToLower(key); k {
		case "has":
			if v := strings.ToLower(val); v != "" && strings.HasPrefix("code", v) {
				q.setFlag(HasCode, neg)
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
				q.UpMin, q.UpMax = max(q.UpMin, lo), min(q.UpMax, hi)
			}
		case "org", "organization", "organisation":
			q.addWords(OrgGroup, val, neg, "org: wants a name: org:meta, org:mit, org:\"google deepmind\"")
		case "author", "by":
			q.addWords(AuthorGroup, val, neg, "author: wants a name: author:lecun")
		case "note", "notes":
			q.addWords(NoteGroup, val, neg, "note: wants a word of a bookmark's note: note:compare")
		case "tag", "tags":
			if key := TagKey(val); key == "" {
				q.explain("tag: wants a tag: tag:rl, #rl, tag:\"to read\"")
			} else if neg {
				q.Not = appendGroup(q.Not, Group{Kind: TagGroup, Words: []string{key}})
			} else {
				q.Tags = appendNew(q.Tags, key)
			}
		case "cat", "category":
			switch {
			case val == "":
				q.explain("cat: wants an arXiv category: cat:cs.LG, cat:cs, cat:hep-th")
			case neg:
				q.Not = appendGroup(q.Not, Group{Kind: CatGroup, Words: []string{val}})
			default:
				q.Cats = appendNew(q.Cats, val)
			}
		case "is":
			switch v := strings.ToLower(val); {
			case v == "":
				q.explain("is: knows is:unread, is:read, is:bookmarked, is:new")
			case strings.HasPrefix("unread", v):
				q.setFlag(IsRead, !neg)
			case strings.HasPrefix("read", v):
				q.setFlag(IsRead, neg)
			case strings.HasPrefix("bookmarked", v), v == "bookmarks":
				q.setFlag(IsBookmarked, neg)
			case strings.HasPrefix("new", v):
				q.setFlag(IsNew, neg)
			default:
				q.explain("is: knows is:unread, is:read, is:bookmarked, is:new")
			}
		case "listed":
			switch v := strings.ToLower(val); {
			case v != "" && strings.HasPrefix("new", v):
				q.setFlag(ListedNew, neg)
			case v != "" && (strings.HasPrefix("cross-list", v) || strings.HasPrefix("crosslist", v)):
				q.setFlag(ListedCross, neg)
			case v != "" && strings.HasPrefix("replacement", v), v == "replaced":
				q.setFlag(ListedReplacement, neg)
			default:
				q.explain("listed: knows listed:new, listed:cross, listed:replacement (arXiv)")
			}
		default:
			if k != "" && strings.IndexFunc(k, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
				q.explain(fmt.Sprintf("%s: is not a qualifier; try %s", key, knownQualifiers))
			}
			q.addWords(WordGroup, f, neg, "")
		}
	}
	return q
}

func (q *Query) setFlag(f Flag, neg bool) {
	if neg {
		q.Shun |= f
	} else {
		q.Need |= f
	}
}

// addWords adds the words of s as a qualifier of kind: each must match,
// or, negated, not all of them may. Without words it explains empty.
func (q *Query) addWords(kind Kind, s string, neg bool, empty string) {
	w := Words(s)
	switch {
	case len(w) == 0:
		if empty != "" {
			q.explain(empty)
		}
	case neg:
		q.Not = appendGroup(q.Not, Group{Kind: kind, Words: w})
	case kind == OrgGroup:
		q.Org = appendNew(q.Org, w...)
	case kind == AuthorGroup:
		q.Author = appendNew(q.Author, w...)
	case kind == NoteGroup:
		q.Note = appendNew(q.Note, w...)
	default:
		q.Terms = appendNew(q.Terms, w...)
	}
}

func appendGroup(list []Group, g Group) []Group {
	for i := range list {
		if list[i].equal(&g) {
			return list
		}
	}
	return append(list, g)
}

func (q *Query) explain(h string) {
	if q.Hint == "" {
		q.Hint = h
	}
}

func appendNew(list []string, ws ...string) []string {
	for _, w := range ws {
		if !slices.Contains(list, w) {
			list = append(list, w)
		}
	}
	return list
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

// Narrows reports whether every paper matching q also matches p, so that
// q can be answered from p's matches alone: each word of p starts a word
// of q, p's tags, categories and negations are q's too (a category
// being typed may mean more categories, not fewer: they must be equal),
// and q's other qualifiers are at least as strict.
func (q *Query) Narrows(p *Query) bool {
	return prefixesOf(p.Terms, q.Terms) && prefixesOf(p.Org, q.Org) && prefixesOf(p.Author, q.Author) &&
		prefixesOf(p.Note, q.Note) && subset(p.Tags, q.Tags) && slices.Equal(p.Cats, q.Cats) &&
		!slices.ContainsFunc(p.Not, func(g Group) bool {
			return !slices.ContainsFunc(q.Not, func(h Group) bool { return h.equal(&g) })
		}) &&
		q.Need&p.Need == p.Need && q.Shun&p.Shun == p.Shun && q.UpMin >= p.UpMin && q.UpMax <= p.UpMax
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
		if !slices.ContainsFunc(now, func(n string) bool { return strings.HasPrefix(n, o) }) {
			return false
		}
	}
	return true
}
