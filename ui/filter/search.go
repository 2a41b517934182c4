package filter

import (
	"context"
	"math"
	"slices"

	"github.com/paperdeck/paperdeck/query"
)

// Marks tells the is: qualifiers which papers are read, bookmarked and
// new, and tag:, note: and plain words what the bookmarks say. The
// functions are called from the query's goroutine: give them a copy of
// the sets, never the model's live maps.
type Marks struct {
	Read       func(id string) bool // nil: nothing is read
	Bookmarked func(id string) bool // nil: nothing is bookmarked
	New        func(id string) bool // nil: nothing is new (since the last visit)
	// Gen changes whenever the sets change: a previous result from another
	// generation is not reused for an is: query.
	Gen uint64
	// Library holds the bookmarks' tags and notes (nil: none). Make a new
	// one when they change; a result searched with another library is not
	// reused.
	Library *Library
}

// Request is one filter query.
type Request struct {
	Query string
	// Abstracts also matches the words of the abstract and AI summary
	// (ctrl+a). The first such query builds the abstract index (a second
	// or two at 100,000 papers): run it in a tea.Cmd with a context you cancel.
	Abstracts bool
	Marks     Marks
	// Seq numbers the request; the result carries it so that the caller
	// keeps a result only if it is newer than the one on screen.
	Seq uint64
}

// Result is the answer to a Request.
type Result struct {
	Seq       uint64
	Query     string
	Abstracts bool
	// Matches holds positions in the listing, best first: papers whose
	// title holds every query word, then those whose title holds some,
	// then the rest; each group by upvotes, most first, then in listing
	// order. With no query words (only qualifiers, or nothing), listing
	// order.
	Matches []int
	// Hint explains a qualifier that was left out ("up: wants a
	// number…"); "" when the whole query was understood.
	Hint string

	q      query.Query
	gen    uint64
	lib    *Library
	segs   []segmentMatches // nil: every paper
	reused bool             // answered from the previous result's matches
}

type segmentMatches struct {
	seg  *segment
	bits bitset
}

// Newer reports whether r should replace shown on screen.
func (r *Result) Newer(shown *Result) bool { return shown == nil || r.Seq > shown.Seq }

// Query is the fast path for filtering as the user types: title, authors,
// organisation and keywords only, on the calling goroutine (milliseconds
// at 100,000 papers). Pass the previous result to search only its matches
// when q extends its query. The result's Seq is prev's plus one.
func (ix *Index) Query(q string, prev *Result, marks Marks) *Result {
	var seq uint64
	if prev != nil {
		seq = prev.Seq + 1
	}
	res, _ := ix.Search(context.Background(), Request{Query: q, Marks: marks, Seq: seq}, prev)
	return res
}

// Search answers req. When req's query extends prev's (each word of prev
// starts a word of req, the qualifiers are as strict, the mode as narrow),
// only prev's matches are searched; the result is the same either way. It
// returns ctx.Err() when cancelled (only abstract searches take long).
func (ix *Index) Search(ctx context.Context, req Request, prev *Result) (*Result, error) {
	q := query.Parse(req.Query)
	q.Within(ix.has(), "this listing")
	q.ResolveTags(req.Marks.Library)
	cats := ix.categorySets(&q)
	res := &Result{Seq: req.Seq, Query: req.Query, Abstracts: req.Abstracts, Hint: q.Hint, q: q, gen: req.Marks.Gen, lib: req.Marks.Library}
	if q.Empty() {
		res.Matches = make([]int, ix.Len())
		for i := range res.Matches {
			res.Matches[i] = i
		}
		return res, nil
	}
	if req.Abstracts && len(q.Terms) > 0 {
		if err := ix.PrepareAbstracts(ctx); err != nil { // on every core, the first time
			return nil, err
		}
	}
	reuse := prev != nil && q.Narrows(&prev.q) && (prev.Abstracts || !req.Abstracts) &&
		(!prev.q.UsesMarks() || prev.gen == req.Marks.Gen) && (!prev.q.UsesLibrary() || prev.lib == req.Marks.Library)
	res.reused = reuse

	// Matches fall in three tiers by title (every query word, some, none);
	// within a tier, by upvotes then listing order.
	ranked := len(q.Terms) > 0
	found := make([]matches, len(ix.segs))
	var sizes [3]int
	res.segs = make([]segmentMatches, len(ix.segs))
	for i, s := range ix.segs {
		var cand bitset
		if reuse {
			cand = prev.bitsFor(i, s)
		}
		m, err := s.match(ctx, &q, cats, req, cand)
		if err != nil {
			return nil, err
		}
		found[i] = m
		res.segs[i] = segmentMatches{seg: s, bits: m.all}
		if ranked {
			m.all.each(func(d uint32) { sizes[m.tier(d)]++ })
		} else {
			sizes[0] += m.all.count()
		}
	}
	total := sizes[0] + sizes[1] + sizes[2]
	switch {
	case !ranked:
		res.Matches = make([]int, 0, total)
		for i, s := range ix.segs {
			found[i].all.each(func(d uint32) { res.Matches = append(res.Matches, s.base+int(d)) })
		}
	case total*4 > ix.n:
		res.Matches = ix.rankByScan(found, sizes)
	default:
		res.Matches = ix.rankBySort(found, sizes)
	}
	return res, nil
}

// has is what the listing's papers know, for query.Within.
func (ix *Index) has() query.Has {
	var h query.Has
	for _, s := range ix.segs {
		h |= s.has
	}
	return h
}

// tier is 0 when the title holds every query word, 1 when it holds some,
// 2 when none: d must be a match.
func (m *matches) tier(d uint32) int {
	switch {
	case m.titleAll.has(d):
		return 0
	case m.titleAny.has(d):
		return 1
	}
	return 2
}

// rankByScan ranks many matches by walking the index's upvote order once,
// each paper going to the end of its tier.
func (ix *Index) rankByScan(found []matches, sizes [3]int) []int {
	tier := make([]uint8, ix.n) // 1 + tier, 0 for no match
	for i, s := range ix.segs {
		m := &found[i]
		m.all.each(func(d uint32) { tier[s.base+int(d)] = uint8(1 + m.tier(d)) })
	}
	out := make([]int, sizes[0]+sizes[1]+sizes[2])
	next := [4]int{0, 0, sizes[0], sizes[0] + sizes[1]}
	for _, pos := range ix.byUpvotes {
		if t := tier[pos]; t != 0 {
			out[next[t]] = int(pos)
			next[t]++
		}
	}
	return out
}

// rankBySort ranks few matches by sorting each tier on upvotes.
func (ix *Index) rankBySort(found []matches, sizes [3]int) []int {
	var keys [3][]uint64
	for t := range keys {
		keys[t] = make([]uint64, 0, sizes[t])
	}
	for i, s := range ix.segs {
		m := &found[i]
		m.all.each(func(d uint32) {
			t := m.tier(d)
			keys[t] = append(keys[t], uint64(math.MaxInt32-s.upvotes[d])<<32|uint64(s.base+int(d)))
		})
	}
	out := make([]int, 0, sizes[0]+sizes[1]+sizes[2])
	for _, k := range keys {
		sortByHighKey(k)
		for _, key := range k {
			out = append(out, int(uint32(key)))
		}
	}
	return out
}

// bitsFor is prev's matches in segment i of the new index, or nil (search
// the whole segment) when prev did not see that segment.
func (r *Result) bitsFor(i int, s *segment) bitset {
	if r.segs == nil || i >= len(r.segs) || r.segs[i].seg != s {
		return nil
	}
	return r.segs[i].bits
}

// sortByHighKey sorts by the upper 32 bits, keeping the order of equal
// keys (listing order): an LSD radix sort that skips bytes all keys share.
func sortByHighKey(a []uint64) {
	if len(a) < 64 {
		slices.SortStableFunc(a, func(x, y uint64) int { return int(x>>32) - int(y>>32) })
		return
	}
	tmp := make([]uint64, len(a))
	src, dst := a, tmp
	for shift := uint(32); shift < 64; shift += 8 {
		var count [257]int
		for _, k := range src {
			count[(k>>shift)&0xff+1]++
		}
		if slices.Contains(count[1:], len(src)) {
			continue // every key has this byte: nothing to do
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, k := range src {
			b := (k >> shift) & 0xff
			dst[count[b]] = k
			count[b]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}
