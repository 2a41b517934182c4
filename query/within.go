package query

import "math"

// Has says what a listing knows about its papers: a qualifier asking for
// something it does not know is left out and explained, never answered
// with nothing.
type Has uint8

const (
	Upvotes       Has = 1 << iota // up:
	CodeLinks                     // has:code
	Organisations                 // org:
	ArxivListing                  // listed:
	Categories                    // cat:

	Everything Has = 1<<iota - 1
)

// Within leaves out of q what a listing of papers that have only has
// cannot answer, and says so in Hint ("up: — this snapshot has no
// upvotes"); source names the listing.
func (q *Query) Within(has Has, source string) {
	lacks := func(h Has, what, noun string) bool {
		if has&h != 0 {
			return false
		}
		q.explain(what + " — " + source + " has no " + noun)
		return true
	}
	if (q.UpMin > 0 || q.UpMax < math.MaxInt) && lacks(Upvotes, "up:", "upvotes") {
		q.UpMin, q.UpMax = 0, math.MaxInt
	}
	if (q.Need|q.Shun)&HasCode != 0 && lacks(CodeLinks, "has:code", "code links") {
		q.Need, q.Shun = q.Need&^HasCode, q.Shun&^HasCode
	}
	if (q.Need|q.Shun)&ListingFlags != 0 && lacks(ArxivListing, "listed:", "arXiv listing") {
		q.Need, q.Shun = q.Need&^ListingFlags, q.Shun&^ListingFlags
	}
	if (len(q.Org) > 0 || q.negates(OrgGroup)) && lacks(Organisations, "org:", "organisations") {
		q.Org, q.Not = nil, q.without(OrgGroup)
	}
	if (len(q.Cats) > 0 || q.negates(CatGroup)) && lacks(Categories, "cat:", "categories") {
		q.Cats, q.Not = nil, q.without(CatGroup)
	}
}

func (q *Query) negates(k Kind) bool {
	for _, g := range q.Not {
		if g.Kind == k {
			return true
		}
	}
	return false
}

func (q *Query) without(k Kind) []Group {
	var out []Group
	for _, g := range q.Not {
		if g.Kind != k {
			out = append(out, g)
		}
	}
	return out
}
