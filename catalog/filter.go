package catalog

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/paperdeck/paperdeck/query"
)

// A snapshot answers the reader's whole query language (package query):
// words (prefixes of words of the id, title, author line, or the tags and
// note of the paper's bookmark), author:, cat:, tag:/#, note:, is:, and
// their negations. A snapshot has no upvotes, code links, organisations
// or arXiv listing: up:, has:code, org: and listed: are left out and the
// hint says so.

// has is what a snapshot's papers know, for query.Within.
const has = query.Categories

// ParseQuery reads a filter text for this catalog: query.Parse, with what
// a snapshot cannot answer left out and explained, tags resolved in lib
// (the bookmarks' tags and notes, nil for none), and a cat: naming no
// category of the catalog explained.
func (c *Catalog) ParseQuery(text string, lib *query.Library) *query.Query {
	q := query.Parse(text)
	q.Within(has, "a snapshot")
	q.ResolveTags(lib)
	if _, missing := query.ResolveCategories(q.Cats, c.catNames); missing != "" && q.Hint == "" {
		q.Hint = fmt.Sprintf("cat:%s — no paper has that category", missing)
	}
	return &q
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// Filter lists the positions of the papers matching q (from ParseQuery),
// in file order, on every core; marks are the reader's marks resolved in
// this catalog (Mark), nil when q needs none. It stops early (returning
// nil) when ctx is cancelled: a newer keystroke wants the cores.
func (c *Catalog) Filter(ctx context.Context, q *query.Query, marks *Marked) []uint32 {
	m, ok := c.matcher(q, marks)
	if !ok {
		return []uint32{}
	}
	if few := marks.fewest(q); few != nil {
		return c.filterWithin(ctx, m, few) // a few bookmarks, not millions of papers
	}
	results := make([][]uint32, len(c.chunks))
	onEveryCore(ctx, len(c.chunks), func(j int) {
		k := c.chunks[j]
		var out []uint32
		for p := range k.len() {
			if m.match(k, p) {
				out = append(out, uint32(k.first+p))
			}
		}
		results[j] = out
	})
	if ctx.Err() != nil {
		return nil
	}
	return slices.Concat(results...)
}

// FilterWithin is Filter over the papers at positions within (ascending),
// e.g. the last keystroke's matches when q.Narrows(its query): a key
// typed costs its matches, not the whole catalog.
func (c *Catalog) FilterWithin(ctx context.Context, q *query.Query, marks *Marked, within []uint32) []uint32 {
	m, ok := c.matcher(q, marks)
	if !ok {
		return []uint32{}
	}
	return c.filterWithin(ctx, m, within)
}

func (c *Catalog) filterWithin(ctx context.Context, m *matcher, within []uint32) []uint32 {
	parts := coreParts()
	results := make([][]uint32, parts)
	onEveryCore(ctx, parts, func(w int) {
		var out []uint32
		ck := 0
		for n, i := range nthPart(within, w, parts) {
			if n%4096 == 0 && ctx.Err() != nil {
				return
			}
			for ck+1 < len(c.chunks) && c.chunks[ck+1].first <= int(i) {
				ck++
			}
			if k := c.chunks[ck]; int(i) < k.first+k.len() && m.match(k, int(i)-k.first) {
				out = append(out, i)
			}
		}
		results[w] = out
	})
	if ctx.Err() != nil {
		return nil
	}
	return slices.Concat(results...)
}

// matcher checks papers against one query.
type matcher struct {
	c      *Catalog
	q      *query.Query
	marks  *Marked
	need   signature // what a paper's signature must have for its own text to match
	check  [][]byte  // words the signature cannot decide alone
	terms  [][]byte  // every query word: a bookmarked paper may match by its tags or note
	author [][]byte
	cats   []bool   // nil: no cat:
	not    [][]bool // per negated group, the categories of a -cat:
	shelf  bool     // the query reads the bookmarks' tags and notes

	abstracts bool // a word may be in the abstract (FilterAbstracts)
}

// matcher prepares q; ok is false when nothing can match.
func (c *Catalog) matcher(q *query.Query, marks *Marked) (m *matcher, ok bool) {
	m = &matcher{c: c, q: q, marks: marks, shelf: marks.shelved() && q.UsesLibrary()}
	for _, w := range q.Terms {
		m.terms = append(m.terms, []byte(w))
		m.addMask(w)
	}
	for _, w := range q.Author {
		m.author = append(m.author, []byte(w))
		m.addMask(w)
	}
	if len(q.Cats) > 0 {
		set, missing := query.ResolveCategories(q.Cats, c.catNames)
		if missing != "" {
			return nil, false
		}
		m.cats = set
	}
	m.not = make([][]bool, len(q.Not))
	for i, g := range q.Not {
		if g.Kind == query.CatGroup {
			m.not[i], _ = query.ResolveCategories(g.Words, c.catNames)
		}
	}
	if len(q.TagSets) > 0 && slices.ContainsFunc(q.TagSets, func(s []string) bool { return len(s) == 0 }) {
		return nil, false // a tag no bookmark carries
	}
	return m, true
}

func (m *matcher) addMask(w string) {
	mask, exact := wordMask(w)
	m.need[0], m.need[1] = m.need[0]|mask[0], m.need[1]|mask[1]
	if !exact {
		m.check = append(m.check, []byte(w))
	}
}

// match reports whether paper j of chunk k matches.
func (m *matcher) match(k *chunk, j int) bool { return m.verdict(k, j) == yes }

// verdict is what paper j of chunk k's resident part says of the query:
// yes, no, or, in abstract mode, that only its abstract can tell.
type verdict uint8

const (
	no verdict = iota
	yes
	unsure
)

func (m *matcher) verdict(k *chunk, j int) verdict {
	i := k.first + j
	var shelf *query.Shelf
	if m.shelf {
		shelf = m.marks.shelf(i)
	}
	bySignature := m.c.sig[i].has(m.need)
	if !bySignature && shelf == nil {
		return no
	}
	if len(m.q.Tags) > 0 || len(m.q.Note) > 0 {
		if shelf == nil || !shelf.Matches(m.q) {
			return no
		}
	}
	if m.cats != nil && !m.c.inCategories(i, m.cats) {
		return no
	}
	if !m.marks.keep(i, m.q) {
		return no
	}
	region := k.fold[k.off[j]:k.off[j+1]]
	missing := false
	if bySignature && !m.abstracts {
		for _, w := range m.check {
			if !hasWordPrefix(region, w) && (shelf == nil || !shelf.HasWord(string(w))) {
				return no
			}
		}
	} else { // the signature did not settle the words: a bookmark or the abstract may
		for _, w := range m.terms {
			if !hasWordPrefix(region, w) && (shelf == nil || !shelf.HasWord(string(w))) {
				if !m.abstracts {
					return no
				}
				missing = true
			}
		}
	}
	if len(m.author) > 0 || len(m.q.Not) > 0 {
		authors := authorsOf(region)
		for _, w := range m.author {
			if !hasWordPrefix(authors, w) {
				if !m.abstracts || !moreAuthors(authors) {
					return no
				}
				missing = true // perhaps one of the authors the line leaves out
			}
		}
		for g := range m.q.Not {
			if m.names(g, i, region, authors, shelf) {
				return no
			}
		}
	}
	if missing {
		return unsure
	}
	return yes
}

// names reports whether paper i is what negated group g names: every
// word of it matches, or the paper carries the tag, or has the category.
func (m *matcher) names(g, i int, region, authors []byte, shelf *query.Shelf) bool {
	grp := &m.q.Not[g]
	switch grp.Kind {
	case query.CatGroup:
		return m.c.inCategories(i, m.not[g])
	case query.TagGroup, query.NoteGroup:
		return shelf != nil && shelf.Names(grp)
	}
	in := region
	if grp.Kind == query.AuthorGroup {
		in = authors
	}
	for _, w := range grp.Words {
		if !hasWordPrefix(in, []byte(w)) && (grp.Kind != query.WordGroup || shelf == nil || !shelf.HasWord(w)) {
			return false
		}
	}
	return true
}

// authorsOf is the author line of a paper's folded text: its third field.
func authorsOf(region []byte) []byte {
	for range 2 {
		at := bytes.IndexByte(region, sep)
		if at < 0 {
			return nil
		}
		region = region[at+1:]
	}
	return region
}

// hasWordPrefix reports whether some word of text starts with w.
func hasWordPrefix(text, w []byte) bool {
	for pos := 0; ; {
		at := bytes.Index(text[pos:], w)
		if at < 0 {
			return false
		}
		at += pos
		if at == 0 || !isWordByte(text[at-1]) {
			return true
		}
		pos = at + 1
	}
}

func (c *Catalog) inCategories(i int, set []bool) bool {
	for _, k := range c.cats[c.catOff[i]:c.catOff[i+1]] {
		if set[k] {
			return true
		}
	}
	return false
}

// InOrder lists the positions of matches in the order of order (e.g.
// ByDate): one pass over a bitmap, not a sort.
func InOrder(matches, order []uint32) []uint32 {
	if len(order) == 0 {
		return matches
	}
	marked := make([]uint64, (len(order)+63)/64)
	for _, m := range matches {
		if int(m) < len(order) {
			marked[m/64] |= 1 << (m % 64)
		}
	}
	out := make([]uint32, 0, len(matches))
	for _, i := range order {
		if marked[i/64]&(1<<(i%64)) != 0 {
			out = append(out, i)
		}
	}
	return out
}
