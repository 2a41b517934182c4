package catalog

import (
	"context"
	"hash/maphash"
	"slices"

	"github.com/paperdeck/paperdeck/query"
)

// Marks are the reader's marks on papers, by id: what is:, tag:, note:
// and plain words (a bookmark's tags and note) ask about. The sets are
// read from the filter's goroutine: give copies, never live maps.
type Marks struct {
	Read, Bookmarked, New map[string]bool
	Library               *query.Library // the bookmarks' tags and notes; nil: none
	// Gen changes whenever the sets or the library do: a Marked of another
	// generation is resolved again.
	Gen uint64
}

// Marked is Marks resolved to positions in a catalog, so that a query
// checks a byte per paper instead of looking its id up. Once made it never
// changes; resolving again for a longer catalog of the same load costs
// only the papers added.
type Marked struct {
	marks   Marks
	flags   []uint8 // per position < len(flags): markRead | …
	shelves map[uint32]*query.Shelf
	lists   [4][]uint32 // per mark, its positions ascending: a query asking for one reads only those
	hasAny  uint8
}

// A paper's marks, one bit each; lists[b] holds the papers with bit b.
const (
	markRead uint8 = 1 << iota
	markBookmarked
	markNew
	markShelved

	shelvedList = 3 // markShelved's bit
)

// Mark resolves marks in c, reusing prev (nil, or an earlier answer for
// the same marks and a shorter or equal catalog of the same load). It
// returns nil when ctx is cancelled.
func (c *Catalog) Mark(ctx context.Context, marks Marks, prev *Marked) *Marked {
	if prev != nil && prev.marks.Gen == marks.Gen && prev.marks.Library == marks.Library && len(prev.flags) == c.Len() {
		return prev
	}
	byID := map[string]uint8{}
	for _, set := range []struct {
		ids  map[string]bool
		flag uint8
	}{{marks.Read, markRead}, {marks.Bookmarked, markBookmarked}, {marks.New, markNew}} {
		for id, on := range set.ids {
			if on {
				byID[id] |= set.flag
			}
		}
	}
	marks.Library.Each(func(id string, _ *query.Shelf) { byID[id] |= markShelved })
	from := 0
	out := &Marked{marks: marks, flags: make([]uint8, c.Len()), shelves: map[uint32]*query.Shelf{}}
	if prev != nil && prev.marks.Gen == marks.Gen && prev.marks.Library == marks.Library && len(prev.flags) <= c.Len() {
		from = copy(out.flags, prev.flags)
	}
	if len(byID) > 0 {
		maybe := newIDFilter(byID)
		if !c.resolve(ctx, out.flags, from, func(id []byte) uint8 {
			if !maybe.has(id) {
				return 0
			}
			return byID[string(id)] // no allocation: a map look-up
		}) {
			return nil
		}
	}
	for i, f := range out.flags {
		if f == 0 {
			continue
		}
		out.hasAny |= f
		for b := range out.lists {
			if f&(1<<b) != 0 {
				out.lists[b] = append(out.lists[b], uint32(i))
			}
		}
		if f&markShelved != 0 {
			id, _, _ := c.fields(i)
			out.shelves[uint32(i)] = marks.Library.Shelf(id)
		}
	}
	return out
}

// idFilter is a Bloom filter of the marked ids: a paper's id is hashed
// once and nearly every unmarked paper is told apart by two bits instead
// of a map look-up (at 100,000 papers, 5,500 marks: about 3-8 ms a pass
// instead of 8-10 on this shared machine).
type idFilter struct {
	seed maphash.Seed
	bits []uint64
}

func newIDFilter[V any](ids map[string]V) idFilter {
	f := idFilter{seed: maphash.MakeSeed(), bits: make([]uint64, max(64, nextPow2(len(ids)*16/64)))}
	for id := range ids {
		h := maphash.String(f.seed, id)
		f.set(h)
		f.set(h >> 32)
	}
	return f
}

func (f idFilter) set(h uint64) {
	b := h & uint64(len(f.bits)*64-1)
	f.bits[b/64] |= 1 << (b % 64)
}

func (f idFilter) bit(h uint64) bool {
	b := h & uint64(len(f.bits)*64-1)
	return f.bits[b/64]&(1<<(b%64)) != 0
}

// has reports whether id may be one of the ids (never false for one).
func (f idFilter) has(id []byte) bool {
	h := maphash.Bytes(f.seed, id)
	return f.bit(h) && f.bit(h>>32)
}

func nextPow2(n int) int {
	p := 1
	for p < n {
		p *= 2
	}
	return p
}

// resolve sets flags[i] = of(id of paper i) for i ≥ from, on every core;
// false when ctx was cancelled.
func (c *Catalog) resolve(ctx context.Context, flags []uint8, from int, of func(id []byte) uint8) bool {
	onEveryCore(ctx, len(c.chunks), func(j int) {
		k := c.chunks[j]
		for p := max(0, from-k.first); p < k.len() && k.first+p < len(flags); p++ {
			i := k.first + p
			start := k.off[p]
			flags[i] = of(k.text[start : start+uint32(c.idLen[i])])
		}
	})
	return ctx.Err() == nil
}

// NeedsMarks reports whether q asks about the reader's marks: Filter
// wants them resolved (Mark) then.
func NeedsMarks(q *query.Query, marks Marks) bool {
	return q.UsesMarks() || marks.Library.Len() > 0 && q.UsesLibrary()
}

func (m *Marked) shelved() bool { return m != nil && m.hasAny&markShelved != 0 }

// shelf is what the bookmarks say of paper i, nil for nothing.
func (m *Marked) shelf(i int) *query.Shelf {
	if i >= len(m.flags) || m.flags[i]&markShelved == 0 {
		return nil
	}
	return m.shelves[uint32(i)]
}

var flagMarks = [...]struct {
	flag query.Flag
	mark uint8
}{{query.IsRead, markRead}, {query.IsBookmarked, markBookmarked}, {query.IsNew, markNew}}

// keep applies q's is: qualifiers to paper i.
func (m *Marked) keep(i int, q *query.Query) bool {
	if !q.UsesMarks() {
		return true
	}
	var f uint8
	if m != nil && i < len(m.flags) {
		f = m.flags[i]
	}
	for _, fm := range flagMarks {
		has := f&fm.mark != 0
		if q.Need&fm.flag != 0 && !has || q.Shun&fm.flag != 0 && has {
			return false
		}
	}
	return true
}

// fewest is the shortest list of positions every match of q is among
// (is:read: the read papers; tag:: the bookmarked ones), nil when q asks
// for no mark: the filter then reads only those.
func (m *Marked) fewest(q *query.Query) []uint32 {
	var best []uint32
	found := false
	consider := func(list []uint32) {
		if !found || len(list) < len(best) {
			best, found = list, true
		}
	}
	if len(q.Tags) > 0 || len(q.Note) > 0 {
		if m == nil {
			return []uint32{}
		}
		consider(m.lists[shelvedList])
	}
	for b, fm := range flagMarks {
		if q.Need&fm.flag != 0 {
			if m == nil {
				return []uint32{}
			}
			consider(m.lists[b])
		}
	}
	if found && best == nil {
		return []uint32{}
	}
	return slices.Clip(best)
}
