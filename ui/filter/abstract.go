package filter

import (
	"context"
	"runtime"
	"slices"

	"github.com/paperdeck/paperdeck/internal/safego"
	"github.com/paperdeck/paperdeck/query"
)

// PrepareAbstracts builds the abstract index ahead of the first abstract
// search (ctrl+a), e.g. in a tea.Cmd as soon as the key is pressed. Work
// already done is kept when ctx is cancelled half-way.
func (ix *Index) PrepareAbstracts(ctx context.Context) error {
	next := make(chan *segment)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	// A worker's panic stops the feeding (wctx) and comes back out of
	// Wait, in the caller's command, which reports it.
	wg, wctx := safego.WithContext(ctx)
	for range cap(errs) {
		wg.Go(func() {
			for s := range next {
				if _, err := s.abstracts(ctx); err != nil {
					errs <- err
					return
				}
			}
		})
	}
feed:
	for _, s := range ix.segs {
		select {
		case next <- s:
		case <-wctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return ctx.Err()
	}
}

// abstracts returns the segment's abstract index, building it the first
// time. A cancelled build leaves nothing behind; the next call starts over.
func (s *segment) abstracts(ctx context.Context) (*wordIndex, error) {
	s.absMu.Lock()
	defer s.absMu.Unlock()
	if s.abs != nil {
		return s.abs, nil
	}
	in := newInterner(4096)
	var lastDoc []int32
	pairs := make([]uint64, 0, len(s.papers)*120) // word << 32 | doc, docs ascending
	var buf []byte
	doc := int32(0)
	add := func(w []byte) {
		id := in.id(w)
		if int(id) >= len(lastDoc) {
			lastDoc = append(lastDoc, -1)
		}
		if lastDoc[id] != doc {
			lastDoc[id] = doc
			pairs = append(pairs, uint64(id)<<32|uint64(doc))
		}
	}
	for d := range s.papers {
		if d%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		doc = int32(d)
		buf = query.ForEachWord(s.papers[d].Summary, buf, add)
		buf = query.ForEachWord(s.papers[d].AISummary, buf, add)
	}
	dict, rank := in.sortedRanks()
	ix := &wordIndex{dict: dict, postOff: make([]uint32, len(dict)+1), post: make([]uint32, len(pairs))}
	for _, p := range pairs {
		ix.postOff[rank[p>>32]+1]++
	}
	for i := 1; i < len(ix.postOff); i++ {
		ix.postOff[i] += ix.postOff[i-1]
	}
	next := slices.Clone(ix.postOff[:len(dict)])
	for _, p := range pairs { // in doc order, so each posting list is sorted
		w := rank[p>>32]
		ix.post[next[w]] = uint32(p)
		next[w]++
	}
	s.abs = ix
	return ix, nil
}

// eval finds the papers (among cand, if not nil) whose abstract has a word
// starting with word.
func (a *wordIndex) eval(ctx context.Context, word string, cand bitset, n int) (bitset, error) {
	hit := newBitset(n)
	lo, hi := wordRange(a.dict, word)
	post := a.post[a.postOff[lo]:a.postOff[hi]]
	for len(post) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		chunk := post[:min(len(post), 1<<16)]
		post = post[len(chunk):]
		for _, d := range chunk {
			if cand == nil || cand.has(d) {
				hit.set(d)
			}
		}
	}
	return hit, nil
}
