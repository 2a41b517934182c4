package catalog

import (
	"bytes"
	"context"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Query is a filter text taken apart: words each of which must start a
// word of the paper's id, title or author line ("neur net" finds "Neural
// Networks"), and cat:NAME qualifiers (cat:cs.LG, primary or cross-list;
// cat:cs, every cs category; cat:cs.L, cs.LG and cs.LO while typing).
type Query struct {
	words []string // case-folded
	cats  []string
}

// ParseQuery reads a filter text.
func ParseQuery(s string) Query {
	var q Query
	for _, f := range strings.Fields(s) {
		if name, ok := strings.CutPrefix(strings.ToLower(f), "cat:"); ok {
			if name != "" {
				q.cats = append(q.cats, f[len("cat:"):])
			}
			continue
		}
		q.words = append(q.words, strings.FieldsFunc(fold(f), func(r rune) bool { return !isWordRune(r) })...)
	}
	// The longest word is the rarest, likely: checked first.
	slices.SortStableFunc(q.words, func(a, b string) int { return len(b) - len(a) })
	return q
}

// Empty reports whether the query asks for nothing (every paper matches).
func (q Query) Empty() bool { return len(q.words) == 0 && len(q.cats) == 0 }

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0x80
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// Filter lists the positions of the papers matching q, in file order, on
// every core. It stops early (returning nil) when ctx is cancelled: a newer
// keystroke wants the cores.
func (c *Catalog) Filter(ctx context.Context, q Query) []uint32 {
	cats, ok := c.categorySet(q.cats)
	if !ok {
		return []uint32{}
	}
	results := make([][]uint32, len(c.chunks))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				j := int(next.Add(1) - 1)
				if j >= len(c.chunks) || ctx.Err() != nil {
					return
				}
				results[j] = c.filterChunk(c.chunks[j], q.words, cats)
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil
	}
	n := 0
	for _, r := range results {
		n += len(r)
	}
	out := make([]uint32, 0, n)
	for _, r := range results {
		out = append(out, r...)
	}
	return out
}

// categorySet is the numbers of the categories the cat: qualifiers name,
// nil for no qualifier; ok is false when a qualifier names none.
func (c *Catalog) categorySet(names []string) (set []bool, ok bool) {
	if len(names) == 0 {
		return nil, true
	}
	set = make([]bool, len(c.catNames))
	for _, name := range names {
		found := false
		// An archive names its categories; a name no category has
		// exactly is one being typed.
		for pass := 0; pass < 2 && !found; pass++ {
			for k, have := range c.catNames {
				if strings.EqualFold(have, name) ||
					pass == 0 && !strings.Contains(name, ".") && hasPrefixFold(have, name+".") ||
					pass == 1 && hasPrefixFold(have, name) {
					set[k], found = true, true
				}
			}
		}
		if !found {
			return nil, false
		}
	}
	return set, true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (c *Catalog) filterChunk(k *chunk, words []string, cats []bool) []uint32 {
	m := c.matcher(words, cats)
	var out []uint32
	for j := range k.len() {
		if m.match(k, j) {
			out = append(out, uint32(k.first+j))
		}
	}
	return out
}

// matcher checks papers against one query.
type matcher struct {
	c     *Catalog
	need  signature
	check [][]byte // words the signature cannot decide alone
	cats  []bool
}

func (c *Catalog) matcher(words []string, cats []bool) matcher {
	m := matcher{c: c, cats: cats}
	for _, w := range words {
		mask, exact := wordMask(w)
		m.need[0], m.need[1] = m.need[0]|mask[0], m.need[1]|mask[1]
		if !exact {
			m.check = append(m.check, []byte(w))
		}
	}
	return m
}

// match reports whether paper j of chunk k matches.
func (m matcher) match(k *chunk, j int) bool {
	i := k.first + j
	if !m.c.sig[i].has(m.need) {
		return false
	}
	if m.cats != nil && !m.c.inCategories(i, m.cats) {
		return false
	}
	region := k.fold[k.off[j]:k.off[j+1]]
	for _, w := range m.check {
		if !hasWordPrefix(region, w) {
			return false
		}
	}
	return true
}

// Narrows reports whether every paper matching q matches prev too (q is
// prev with more typed), so that q can be answered from prev's matches.
func (q Query) Narrows(prev Query) bool {
	if !slices.Equal(q.cats, prev.cats) {
		return false
	}
	for _, w := range prev.words {
		if !slices.ContainsFunc(q.words, func(x string) bool { return strings.HasPrefix(x, w) }) {
			return false
		}
	}
	return true
}

// FilterWithin is Filter over the papers at positions within (ascending),
// e.g. the last keystroke's matches when q.Narrows(its query): a key
// typed costs its matches, not the whole catalog.
func (c *Catalog) FilterWithin(ctx context.Context, q Query, within []uint32) []uint32 {
	cats, ok := c.categorySet(q.cats)
	if !ok {
		return []uint32{}
	}
	m := c.matcher(q.words, cats)
	workers := runtime.GOMAXPROCS(0)
	results := make([][]uint32, workers)
	var wg sync.WaitGroup
	for w := range workers {
		part := within[len(within)*w/workers : len(within)*(w+1)/workers]
		wg.Go(func() {
			var out []uint32
			ck := 0
			for n, i := range part {
				if n%4096 == 0 && ctx.Err() != nil {
					return
				}
				for ck+1 < len(c.chunks) && c.chunks[ck+1].first <= int(i) {
					ck++
				}
				if k := c.chunks[ck]; int(i) < k.first+k.len() && m.match(k, int(i)-k.first) {
					out = append(out, i)
				}
			}
			results[w] = out
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil
	}
	return slices.Concat(results...)
}

// hasWordPrefix reports whether some word of text starts with w.
func hasWordPrefix(text, w []byte) bool {
	for pos := 0; ; {
		at := bytes.Index(text[pos:], w)
		if at < 0 {
			return false
		}
		at += pos
		if at == 0 || !isWordByte(text[at-1]) {
			return true
		}
		pos = at + 1
	}
}

func (c *Catalog) inCategories(i int, set []bool) bool {
	for _, k := range c.cats[c.catOff[i]:c.catOff[i+1]] {
		if set[k] {
			return true
		}
	}
	return false
}

// InOrder lists the positions of matches in the order of order (e.g.
// ByDate): one pass over a bitmap, not a sort.
func InOrder(matches, order []uint32) []uint32 {
	if len(order) == 0 {
		return matches
	}
	marked := make([]uint64, (len(order)+63)/64)
	for _, m := range matches {
		if int(m) < len(order) {
			marked[m/64] |= 1 << (m % 64)
		}
	}
	out := make([]uint32, 0, len(matches))
	for _, i := range order {
		if marked[i/64]&(1<<(i%64)) != 0 {
			out = append(out, i)
		}
	}
	return out
}
