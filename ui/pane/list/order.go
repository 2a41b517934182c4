package list

import (
	"cmp"
	"slices"

	"github.com/paperdeck/paperdeck/catalog"
)

// order is the pane's sort: the papers' positions in the order shown (nil:
// the listing's own), and for "for you" each position's score. Papers a
// stream appends after the sort follow in the listing's order.
type order struct {
	by      []int     // positions, best first
	rank    []int     // position → its place in by
	scores  []float64 // by position; nil when the sort has no scores
	high    float64   // scores above this get the faint mark: the top tenth
	matches []int     // the filter's matches in this order
	catalog []uint32  // a catalog's order (by, as the catalog gave it)
}

// SetOrder shows the papers in the order of positions (nil: the listing's
// order), with their scores when the order is a ranking (nil otherwise,
// else one per position). Like the answer to a new filter, a new order
// starts at its first paper.
func (l *Model) SetOrder(positions []int, scores []float64) {
	l.order = order{by: positions, scores: scores}
	if positions != nil {
		l.order.rank = make([]int, len(positions))
		for i, p := range positions {
			l.order.rank[p] = i
		}
	}
	if len(scores) > 0 && len(positions) > 0 {
		l.order.high = scores[positions[min(len(positions)-1, len(positions)/10)]]
	}
	l.sortMatches()
	l.forget()
	l.cursor, l.offset, l.want = 0, 0, ""
	l.refresh()
}

// sortMatches puts the filter's matches in the pane's order.
func (l *Model) sortMatches() {
	l.order.matches = nil
	if l.filt.res == nil || l.order.by == nil {
		return
	}
	if l.order.catalog != nil && l.filt.catalog.of != nil {
		in := catalog.InOrder(l.filt.catalog.matches, l.order.catalog)
		l.order.matches = make([]int, len(in))
		for i, p := range in {
			l.order.matches[i] = int(p)
		}
		return
	}
	m := slices.Clone(l.filt.res.Matches)
	slices.SortStableFunc(m, func(a, b int) int { return cmp.Compare(l.placeOf(a), l.placeOf(b)) })
	l.order.matches = m
}

// placeOf is where the paper at pos comes in the order.
func (l *Model) placeOf(pos int) int {
	if pos < len(l.order.rank) {
		return l.order.rank[pos]
	}
	return pos
}

// scoreMark is the row's mark for a ranking: ● for a paper the model takes
// for one of yours (score above 0), ◦ for the rest of the best tenth.
func (l *Model) scoreMark(pos int) string {
	if pos >= len(l.order.scores) {
		return " "
	}
	switch s := l.order.scores[pos]; {
	case s > 0:
		return "●"
	case s >= l.order.high:
		return "◦"
	}
	return " "
}
