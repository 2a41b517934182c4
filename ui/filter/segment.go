package filter

import (
	"slices"
	"sort"
	"sync"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
)

// Which field a word came from, kept beside every (word, paper) pair.
const (
	inTitle uint32 = 1 << iota
	inAuthors
	inOrg
	inKeywords
	inInitials // an organisation's initials: only org: looks at them

	maskBits  = 5
	fieldMask = 1<<maskBits - 1
	anyField  = inTitle | inAuthors | inOrg | inKeywords // what a plain word matches
)

// segment indexes a run of consecutive papers of the listing. Segments are
// immutable once built (but for the abstract index, built on demand), so
// an extended index shares them and a query may run on any goroutine.
//
// Words get numbers in sorted order, so "every word starting with flo" is
// one range of numbers [lo, hi): found by binary search in dict, checked
// per paper by binary search in its sorted word list.
type segment struct {
	base int // listing position of document 0
	n    int

	dict    []string // sorted distinct words
	postOff []uint32 // postings of word w: post[postOff[w]:postOff[w+1]]
	post    []uint32 // doc<<maskBits | fields, docs ascending
	fwdOff  []uint32 // words of doc d: fwd[fwdOff[d]:fwdOff[d+1]]
	fwd     []uint32 // word<<maskBits | fields, words ascending

	upvotes    []int32
	code       bitset
	ids        []string
	categories []string      // every category of its papers, once
	has        query.Has     // what its papers know: qualifiers on the rest are explained
	papers     []model.Paper // kept for the abstract index

	absMu sync.Mutex
	abs   *wordIndex // guarded by absMu until set, then read-only

	shelfMu   sync.Mutex
	shelfLib  *Library   // guarded by shelfMu: the library shelfDocs is of
	shelfDocs []shelfDoc // never modified once set
}

// wordIndex is the abstract index of a segment: words to documents only.
type wordIndex struct {
	dict    []string
	postOff []uint32
	post    []uint32 // docs ascending
}

// interner numbers distinct words in the order they are first seen.
type interner struct {
	ids   map[string]uint32
	words []string
}

func newInterner(hint int) *interner {
	return &interner{ids: make(map[string]uint32, hint)}
}

func (in *interner) id(w []byte) uint32 {
	if id, ok := in.ids[string(w)]; ok { // no allocation: the compiler sees the lookup
		return id
	}
	s := string(w)
	id := uint32(len(in.words))
	in.ids[s] = id
	in.words = append(in.words, s)
	return id
}

// sortedRanks sorts the interned words and returns them with, for each
// first-seen number, its place in sorted order.
func (in *interner) sortedRanks() (dict []string, rank []uint32) {
	order := make([]uint32, len(in.words))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		switch x, y := in.words[a], in.words[b]; {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	dict = make([]string, len(order))
	rank = make([]uint32, len(order))
	for r, id := range order {
		dict[r] = in.words[id]
		rank[id] = uint32(r)
	}
	return dict, rank
}

// segBuilder collects the words of one paper after another.
type segBuilder struct {
	in    *interner
	fwd   []uint32
	doc   int32
	field uint32
	// lastDoc/slot let a word met twice in one paper merge its fields in
	// O(1) instead of a per-paper map or sort.
	lastDoc, slot []int32
}

func (b *segBuilder) addWord(w []byte) {
	id := b.in.id(w)
	if int(id) >= len(b.lastDoc) {
		b.lastDoc = append(b.lastDoc, -1)
		b.slot = append(b.slot, 0)
	}
	if b.lastDoc[id] == b.doc {
		b.fwd[b.slot[id]] |= b.field
		return
	}
	b.lastDoc[id], b.slot[id] = b.doc, int32(len(b.fwd))
	b.fwd = append(b.fwd, id<<maskBits|b.field)
}

func buildSegment(base int, papers []model.Paper) *segment {
	s := &segment{
		base:    base,
		n:       len(papers),
		upvotes: make([]int32, len(papers)),
		code:    newBitset(len(papers)),
		ids:     make([]string, len(papers)),
		papers:  papers,
		fwdOff:  make([]uint32, len(papers)+1),
	}
	b := &segBuilder{in: newInterner(len(papers) * 4), fwd: make([]uint32, 0, len(papers)*40)}
	add := b.addWord
	var buf, scratch []byte
	initials := map[string][]string{}
	for d := range papers {
		p := &papers[d]
		s.upvotes[d] = int32(min(p.Upvotes, 1<<31-1))
		s.ids[d] = p.ID
		if p.HasCode() {
			s.code.set(uint32(d))
		}
		s.has |= paperHas(p)
		for _, c := range p.Categories {
			if !slices.Contains(s.categories, c) {
				s.categories = append(s.categories, c)
			}
		}
		b.doc = int32(d)
		b.field = inTitle
		buf = query.ForEachWord(p.Title, buf, add)
		b.field = inAuthors
		for _, a := range p.Authors {
			buf = query.ForEachWord(a, buf, add)
		}
		b.field = inOrg
		buf = query.ForEachWord(p.Organization, buf, add)
		b.field = inInitials
		ins, ok := initials[p.Organization] // few organisations, many papers
		if !ok {
			ins = orgInitials(p.Organization)
			initials[p.Organization] = ins
		}
		for _, in := range ins {
			scratch = append(scratch[:0], in...)
			add(scratch)
		}
		b.field = inKeywords
		for _, k := range p.Keywords {
			buf = query.ForEachWord(k, buf, add)
		}
		s.fwdOff[d+1] = uint32(len(b.fwd))
	}
	fwd, in := b.fwd, b.in

	dict, rank := in.sortedRanks()
	s.dict = dict
	counts := make([]uint32, len(dict)+1)
	for d := 0; d < s.n; d++ {
		doc := fwd[s.fwdOff[d]:s.fwdOff[d+1]]
		for i, e := range doc {
			r := rank[e>>maskBits]
			doc[i] = r<<maskBits | e&fieldMask
			counts[r+1]++
		}
		slices.Sort(doc)
	}
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
	s.postOff = counts
	s.post = make([]uint32, len(fwd))
	next := slices.Clone(counts[:len(dict)])
	for d := 0; d < s.n; d++ {
		for _, e := range fwd[s.fwdOff[d]:s.fwdOff[d+1]] {
			w := e >> maskBits
			s.post[next[w]] = uint32(d)<<maskBits | e&fieldMask
			next[w]++
		}
	}
	s.fwd = slices.Clip(fwd)
	return s
}

// paperHas is what a paper knows for the qualifiers. Upvotes and code
// links count once any paper of the listing has them (a paper of a source
// that has upvotes may have none yet).
func paperHas(p *model.Paper) query.Has {
	var h query.Has
	if p.Upvotes > 0 || p.Source == model.SourceHF {
		h |= query.Upvotes
	}
	if p.HasCode() {
		h |= query.CodeLinks
	}
	if p.Organization != "" {
		h |= query.Organisations
	}
	if p.ArxivListing != "" {
		h |= query.ArxivListing
	}
	if len(p.Categories) > 0 {
		h |= query.Categories
	}
	return h
}

// wordRange is the range of word numbers [lo, hi) of the words in dict
// that start with prefix: they follow each other in sorted order.
func wordRange(dict []string, prefix string) (lo, hi uint32) {
	l, _ := slices.BinarySearch(dict, prefix)
	h := l + sort.Search(len(dict)-l, func(i int) bool { return !hasPrefix(dict[l+i], prefix) })
	return uint32(l), uint32(h)
}

func hasPrefix(s, prefix string) bool { return len(s) >= len(prefix) && s[:len(prefix)] == prefix }
