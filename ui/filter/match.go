package filter

import (
	"context"
	"math"
	"slices"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
)

// forwardCost is how many postings one look-up in a paper's own sorted
// word list is worth: below it, checking each candidate beats scanning
// every posting of the word range.
const forwardCost = 16

// matches is what one segment contributes to a result.
type matches struct {
	all      bitset // papers matching the whole query
	titleAll bitset // … whose title holds every query word
	titleAny bitset // … whose title holds some query word
}

// condition is one word to look for in some fields.
type condition struct {
	word   string
	fields uint32
	text   bool // a query word (ranks by title; abstracts in that mode)
	lo, hi uint32
	mass   uint32 // postings in the range: the cost of a full scan
}

// match evaluates q in the segment, among cand when it is not nil (a
// previous result's matches). cand is never modified.
func (s *segment) match(ctx context.Context, q *query.Query, cats categorySets, req Request, cand bitset) (matches, error) {
	var m matches
	lib := req.Marks.Library
	shelved := len(s.shelf(lib)) > 0
	given := cand // not ours to change
	if q.Need&query.HasCode != 0 {
		cand = and(cand, s.code)
	}
	if q.Shun&query.HasCode != 0 {
		cand = andNot(cand, s.code, s.n)
	}
	// Tags and note words first: bookmarks are few, so they leave the
	// fewest candidates.
	if len(q.Tags) > 0 || len(q.Note) > 0 {
		cand = s.shelfHits(lib, cand, func(e *query.Shelf) bool { return e.Matches(q) })
	}
	var abs *wordIndex
	if req.Abstracts && len(q.Terms) > 0 {
		var err error
		if abs, err = s.abstracts(ctx); err != nil {
			return m, err
		}
	}

	conds := make([]condition, 0, len(q.Terms)+len(q.Org)+len(q.Author))
	for _, w := range q.Terms {
		conds = append(conds, condition{word: w, fields: groupFields[query.WordGroup], text: true})
	}
	for _, w := range q.Org {
		conds = append(conds, condition{word: w, fields: groupFields[query.OrgGroup]})
	}
	for _, w := range q.Author {
		conds = append(conds, condition{word: w, fields: groupFields[query.AuthorGroup]})
	}
	for i := range conds {
		s.prepare(&conds[i])
	}
	// The rarest word first: it leaves the fewest candidates to check.
	slices.SortStableFunc(conds, func(a, b condition) int { return int(a.mass) - int(b.mass) })

	first := true
	for _, c := range conds {
		if err := ctx.Err(); err != nil {
			return m, err
		}
		hit, title := s.eval(c, cand)
		if c.text && shelved {
			hit.or(s.shelfHits(lib, cand, func(e *query.Shelf) bool { return e.HasWord(c.word) }))
		}
		if c.text && abs != nil {
			more, err := abs.eval(ctx, c.word, cand, s.n)
			if err != nil {
				return m, err
			}
			hit.or(more)
		}
		if c.text {
			if first {
				m.titleAll, m.titleAny, first = title, title.clone(), false
			} else {
				m.titleAll.and(title)
				m.titleAny.or(title)
			}
		}
		cand = hit
	}
	for i := range q.Not {
		cand = andNot(cand, s.groupHits(&q.Not[i], lib, cats, cand), s.n)
	}
	if cand == nil {
		cand = fullBitset(s.n)
	} else if sameBitset(cand, given) {
		cand = cand.clone()
	}
	if q.UpMin > 0 || q.UpMax < math.MaxInt || q.UsesMarks() || (q.Need|q.Shun)&query.ListingFlags != 0 || cats.want != nil {
		cand.each(func(d uint32) {
			if !s.keep(d, q, cats, req.Marks) {
				cand[d>>6] &^= 1 << (d & 63)
			}
		})
	}
	m.all = cand
	return m, nil
}

// groupFields are the fields the words of each kind of qualifier match
// in, negated or not.
var groupFields = [...]uint32{query.WordGroup: anyField, query.OrgGroup: inOrg | inInitials, query.AuthorGroup: inAuthors}

func (s *segment) prepare(c *condition) {
	c.lo, c.hi = wordRange(s.dict, c.word)
	c.mass = s.postOff[c.hi] - s.postOff[c.lo]
}

// groupHits are the papers among cand (nil: all) that a negated group
// names: every word of it matches, the paper carries the tag, or has the
// category.
func (s *segment) groupHits(g *query.Group, lib *Library, cats categorySets, cand bitset) bitset {
	switch g.Kind {
	case query.TagGroup, query.NoteGroup:
		return s.shelfHits(lib, cand, func(e *query.Shelf) bool { return e.Names(g) })
	case query.CatGroup:
		return s.categoryHits(cats.shun[g.Words[0]], cand)
	}
	fields := groupFields[g.Kind]
	hits := cand
	for _, w := range g.Words {
		c := condition{word: w, fields: fields}
		s.prepare(&c)
		h, _ := s.eval(c, hits)
		if g.Kind == query.WordGroup && len(s.shelf(lib)) > 0 {
			h.or(s.shelfHits(lib, hits, func(e *query.Shelf) bool { return e.HasWord(w) }))
		}
		hits = h
	}
	if hits == nil {
		return newBitset(s.n)
	}
	return hits
}

// sameBitset reports whether a and b share their storage.
func sameBitset(a, b bitset) bool { return len(a) > 0 && len(b) > 0 && &a[0] == &b[0] }

// and is cand ∩ set as a new bitset (cand nil: all papers).
func and(cand, set bitset) bitset {
	if cand == nil {
		return set.clone()
	}
	out := cand.clone()
	out.and(set)
	return out
}

// andNot is cand \ set as a new bitset (cand nil: all papers).
func andNot(cand, set bitset, n int) bitset {
	var out bitset
	if cand == nil {
		out = fullBitset(n)
	} else {
		out = cand.clone()
	}
	out.andNot(set)
	return out
}

var listingFlagOf = map[string]query.Flag{
	model.ListedNew: query.ListedNew, model.ListedCross: query.ListedCross, model.ListedReplacement: query.ListedReplacement,
}

// keep applies the per-paper qualifiers: upvotes, categories, marks,
// arXiv listing.
func (s *segment) keep(d uint32, q *query.Query, cats categorySets, marks Marks) bool {
	up := int(s.upvotes[d])
	if up < q.UpMin || up > q.UpMax {
		return false
	}
	if cats.want != nil && !slices.ContainsFunc(s.papers[d].Categories, func(c string) bool { return cats.want[c] }) {
		return false
	}
	if (q.Need|q.Shun)&query.ListingFlags != 0 {
		have := listingFlagOf[s.papers[d].ArxivListing]
		if q.Need&query.ListingFlags&^have != 0 || q.Shun&have != 0 {
			return false
		}
	}
	id := s.ids[d]
	for _, f := range [...]struct {
		flag query.Flag
		has  func(string) bool
	}{{query.IsRead, marks.Read}, {query.IsBookmarked, marks.Bookmarked}, {query.IsNew, marks.New}} {
		if (q.Need|q.Shun)&f.flag == 0 {
			continue
		}
		if has := f.has != nil && f.has(id); has && q.Shun&f.flag != 0 || !has && q.Need&f.flag != 0 {
			return false
		}
	}
	return true
}

// eval finds the papers (among cand, if not nil) with a word starting
// with c.word in c.fields, and those with one in the title: by checking
// each candidate's own words when they are few, else by scanning the
// postings of every word in the range.
func (s *segment) eval(c condition, cand bitset) (hit, title bitset) {
	if c.lo == c.hi {
		return newBitset(s.n), newBitset(s.n)
	}
	if cand != nil && cand.count()*forwardCost < int(c.mass) {
		return s.evalCandidates(c, cand)
	}
	return s.evalPostings(c, cand)
}

func (s *segment) evalCandidates(c condition, cand bitset) (hit, title bitset) {
	hit, title = newBitset(s.n), newBitset(s.n)
	lo := c.lo << maskBits
	cand.each(func(d uint32) {
		words := s.fwd[s.fwdOff[d]:s.fwdOff[d+1]]
		i, _ := slices.BinarySearch(words, lo)
		var f uint32
		for ; i < len(words) && words[i]>>maskBits < c.hi; i++ {
			f |= words[i]
		}
		if f&c.fields != 0 {
			hit.set(d)
		}
		if f&inTitle != 0 {
			title.set(d)
		}
	})
	return hit, title
}

func (s *segment) evalPostings(c condition, cand bitset) (hit, title bitset) {
	hit, title = newBitset(s.n), newBitset(s.n)
	for _, e := range s.post[s.postOff[c.lo]:s.postOff[c.hi]] {
		d := e >> maskBits
		if cand != nil && !cand.has(d) {
			continue
		}
		if e&c.fields != 0 {
			hit.set(d)
		}
		if e&inTitle != 0 {
			title.set(d)
		}
	}
	return hit, title
}
