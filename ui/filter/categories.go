package filter

import (
	"fmt"
	"slices"

	"github.com/paperdeck/paperdeck/query"
)

// categorySets are the categories cat: and -cat: mean in a listing.
type categorySets struct {
	want map[string]bool            // nil: no cat:
	shun map[string]map[string]bool // per negated name
}

// categorySets resolves q's categories against those the listing's papers
// have, and says so in q.Hint when a name means none.
func (ix *Index) categorySets(q *query.Query) categorySets {
	var out categorySets
	if len(q.Cats) == 0 && !slices.ContainsFunc(q.Not, func(g query.Group) bool { return g.Kind == query.CatGroup }) {
		return out
	}
	var known []string
	for _, s := range ix.segs {
		for _, c := range s.categories {
			if !slices.Contains(known, c) {
				known = append(known, c)
			}
		}
	}
	chosen := func(names []string) map[string]bool {
		set, missing := query.ResolveCategories(names, known)
		if missing != "" {
			q.Hint = fmt.Sprintf("cat:%s — no paper here has that category", missing)
			return map[string]bool{}
		}
		return namesIn(set, known)
	}
	if len(q.Cats) > 0 {
		out.want = chosen(q.Cats)
	}
	for _, g := range q.Not {
		if g.Kind == query.CatGroup {
			if out.shun == nil {
				out.shun = map[string]map[string]bool{}
			}
			set, _ := query.ResolveCategories(g.Words, known)
			out.shun[g.Words[0]] = namesIn(set, known)
		}
	}
	return out
}

func namesIn(set []bool, known []string) map[string]bool {
	m := map[string]bool{}
	for k, in := range set {
		if in {
			m[known[k]] = true
		}
	}
	return m
}

// categoryHits are the papers among cand (nil: all) with a category in set.
func (s *segment) categoryHits(set map[string]bool, cand bitset) bitset {
	hit := newBitset(s.n)
	for d := range s.papers {
		if (cand == nil || cand.has(uint32(d))) && slices.ContainsFunc(s.papers[d].Categories, func(c string) bool { return set[c] }) {
			hit.set(uint32(d))
		}
	}
	return hit
}
