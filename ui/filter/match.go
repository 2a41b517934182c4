package filter

import (
	"context"
	"math"
	"slices"

	"github.com/paperdeck/paperdeck/model"
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
func (s *segment) match(ctx context.Context, q *query, req Request, cand bitset) (matches, error) {
	var m matches
	lib := req.Marks.Library
	shelved := len(s.shelf(lib)) > 0
	given := cand // not ours to change
	if q.need&hasCode != 0 {
		cand = and(cand, s.code)
	}
	if q.shun&hasCode != 0 {
		cand = andNot(cand, s.code, s.n)
	}
	// Tags and note words first: bookmarks are few, so they leave the
	// fewest candidates.
	if len(q.tags) > 0 || len(q.note) > 0 {
		cand = s.shelfHits(lib, cand, func(e *shelfEntry) bool {
			for _, set := range q.tagSets {
				if !e.hasTag(set) {
					return false
				}
			}
			return e.noteHasAll(q.note)
		})
	}
	var abs *wordIndex
	if req.Abstracts && len(q.terms) > 0 {
		var err error
		if abs, err = s.abstracts(ctx); err != nil {
			return m, err
		}
	}

	conds := make([]condition, 0, len(q.terms)+len(q.org)+len(q.author))
	for _, w := range q.terms {
		conds = append(conds, condition{word: w, fields: groupFields[wordGroup], text: true})
	}
	for _, w := range q.org {
		conds = append(conds, condition{word: w, fields: groupFields[orgGroup]})
	}
	for _, w := range q.author {
		conds = append(conds, condition{word: w, fields: groupFields[authorGroup]})
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
			hit.or(s.shelfHits(lib, cand, func(e *shelfEntry) bool { return anyWordPrefix(e.words, c.word) }))
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
	for i := range q.not {
		cand = andNot(cand, s.groupHits(&q.not[i], lib, cand), s.n)
	}
	if cand == nil {
		cand = fullBitset(s.n)
	} else if sameBitset(cand, given) {
		cand = cand.clone()
	}
	if q.upMin > 0 || q.upMax < math.MaxInt || q.usesMarks() || (q.need|q.shun)&listingFlags != 0 {
		cand.each(func(d uint32) {
			if !s.keep(d, q, req.Marks) {
				cand[d>>6] &^= 1 << (d & 63)
			}
		})
	}
	m.all = cand
	return m, nil
}

// groupFields are the fields the words of each kind of qualifier match
// in, negated or not.
var groupFields = [...]uint32{wordGroup: anyField, orgGroup: inOrg | inInitials, authorGroup: inAuthors}

func (s *segment) prepare(c *condition) {
	c.lo, c.hi = wordRange(s.dict, c.word)
	c.mass = s.postOff[c.hi] - s.postOff[c.lo]
}

// groupHits are the papers among cand (nil: all) that a negated group
// names: every word of it matches, or the paper carries the tag.
func (s *segment) groupHits(g *group, lib *Library, cand bitset) bitset {
	switch g.kind {
	case tagGroup:
		return s.shelfHits(lib, cand, func(e *shelfEntry) bool { return e.hasTag(g.tagSet) })
	case noteGroup:
		return s.shelfHits(lib, cand, func(e *shelfEntry) bool { return e.noteHasAll(g.words) })
	}
	fields := groupFields[g.kind]
	hits := cand
	for _, w := range g.words {
		c := condition{word: w, fields: fields}
		s.prepare(&c)
		h, _ := s.eval(c, hits)
		if g.kind == wordGroup && len(s.shelf(lib)) > 0 {
			h.or(s.shelfHits(lib, hits, func(e *shelfEntry) bool { return anyWordPrefix(e.words, w) }))
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

var listingFlagOf = map[string]flag{
	model.ListedNew: listedNew, model.ListedCross: listedCross, model.ListedReplacement: listedReplacement,
}

// keep applies the per-paper qualifiers: upvotes, marks, arXiv listing.
func (s *segment) keep(d uint32, q *query, marks Marks) bool {
	up := int(s.upvotes[d])
	if up < q.upMin || up > q.upMax {
		return false
	}
	if (q.need|q.shun)&listingFlags != 0 {
		have := listingFlagOf[s.papers[d].ArxivListing]
		if q.need&listingFlags&^have != 0 || q.shun&have != 0 {
			return false
		}
	}
	id := s.ids[d]
	for _, f := range [...]struct {
		flag flag
		has  func(string) bool
	}{{isRead, marks.Read}, {isBookmarked, marks.Bookmarked}, {isNew, marks.New}} {
		if (q.need|q.shun)&f.flag == 0 {
			continue
		}
		if has := f.has != nil && f.has(id); has && q.shun&f.flag != 0 || !has && q.need&f.flag != 0 {
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
