package filter

import (
	"context"
	"math"
	"slices"
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
	if q.code {
		if cand == nil {
			cand = s.code
		} else {
			cand = cand.clone()
			cand.and(s.code)
		}
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
		conds = append(conds, condition{word: w, fields: anyField, text: true})
	}
	for _, w := range q.org {
		conds = append(conds, condition{word: w, fields: inOrg})
	}
	for _, w := range q.author {
		conds = append(conds, condition{word: w, fields: inAuthors})
	}
	for i := range conds {
		c := &conds[i]
		c.lo, c.hi = wordRange(s.dict, c.word)
		c.mass = s.postOff[c.hi] - s.postOff[c.lo]
	}
	// The rarest word first: it leaves the fewest candidates to check.
	slices.SortStableFunc(conds, func(a, b condition) int { return int(a.mass) - int(b.mass) })

	first := true
	for _, c := range conds {
		if err := ctx.Err(); err != nil {
			return m, err
		}
		hit, title := s.eval(c, cand)
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
	if cand == nil {
		cand = fullBitset(s.n)
	} else if len(conds) == 0 {
		cand = cand.clone()
	}
	if q.upMin > 0 || q.upMax < math.MaxInt || q.usesMarks() {
		cand.each(func(d uint32) {
			if !s.keep(d, q, req.Marks) {
				cand[d>>6] &^= 1 << (d & 63)
			}
		})
	}
	m.all = cand
	return m, nil
}

// keep applies the per-paper qualifiers: upvotes and marks.
func (s *segment) keep(d uint32, q *query, marks Marks) bool {
	up := int(s.upvotes[d])
	if up < q.upMin || up > q.upMax {
		return false
	}
	id := s.ids[d]
	read := marks.Read != nil && marks.Read(id)
	if q.unread && read || q.read && !read {
		return false
	}
	return !q.bookmarked || marks.Bookmarked != nil && marks.Bookmarked(id)
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
