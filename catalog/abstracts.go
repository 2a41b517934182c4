package catalog

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/internal/fold"
	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/query"
)

// Abstracts stay on disk. An abstract search (ctrl+a) reads them from the
// file: only for the papers that pass the rest of the query and whose own
// text (or bookmark) does not already hold every query word, in long
// sequential reads, on every core. It reads every author too, for an
// author: the first three (all the catalog holds) do not answer. No index is kept: it would cost about
// as much memory as the catalog itself.

// FirstAuthorsHint says why an author: outside abstract mode may miss a
// paper.
const FirstAuthorsHint = "author: sees a snapshot's first 3 authors; ctrl+a reads them all"

// readSpan bounds one read: lines closer than this are read together.
const readSpan = 4 << 20

// FilterAbstracts is Filter in abstract mode over the papers at positions
// cand (ascending): a query word may also start a word of the paper's
// abstract. It returns ctx.Err() when cancelled, and an error when the
// file cannot be read or changed since it was indexed.
func (c *Catalog) FilterAbstracts(ctx context.Context, q *query.Query, marks *Marked, cand []uint32) ([]uint32, error) {
	m, ok := c.matcher(q, marks)
	if !ok || len(cand) == 0 {
		return []uint32{}, nil
	}
	m.abstracts = true
	m.need = signature{} // words may be in the abstract, author: words in the authors left out
	if c.Changed() {
		return nil, fmt.Errorf("%s changed since it was read: reload it", c.source.Path)
	}
	f, err := c.openData()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	parts := coreParts()
	results := make([][]uint32, parts)
	errs := make([]error, parts)
	onEveryCore(ctx, parts, func(w int) { results[w], errs[w] = c.scanAbstracts(ctx, f, m, nthPart(cand, w, parts)) })
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("reading abstracts from %s: %w", c.source.Path, err)
	}
	return slices.Concat(results...), nil
}

// scanAbstracts answers for the papers of part (ascending), reading the
// lines of those only their abstract can settle, a span at a time.
func (c *Catalog) scanAbstracts(ctx context.Context, f *os.File, m *matcher, part []uint32) ([]uint32, error) {
	var out, pending []uint32 // pending: papers only their abstract can settle
	var buf, folded []byte
	settle := func() error {
		if len(pending) == 0 {
			return nil
		}
		first, last := pending[0], pending[len(pending)-1]
		base := c.lineOff[first]
		buf = slices.Grow(buf[:0], int(c.lineOff[last]-base)+int(c.lineLen[last]))[:int(c.lineOff[last]-base)+int(c.lineLen[last])]
		if _, err := f.ReadAt(buf, base); err != nil {
			return err
		}
		for _, i := range pending {
			line := buf[c.lineOff[i]-base:][:c.lineLen[i]]
			var holds bool
			if holds, folded = m.lineHolds(int(i), line, folded); holds {
				out = append(out, i)
			}
		}
		pending = pending[:0]
		return nil
	}
	ck := 0
	for n, i := range part {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for ck+1 < len(c.chunks) && c.chunks[ck+1].first <= int(i) {
			ck++
		}
		k := c.chunks[ck]
		if int(i) >= k.first+k.len() {
			continue
		}
		switch m.verdict(k, int(i)-k.first) {
		case yes:
			if err := settle(); err != nil { // keep file order
				return nil, err
			}
			out = append(out, i)
		case unsure:
			if len(pending) > 0 && c.lineOff[i]+int64(c.lineLen[i])-c.lineOff[pending[0]] > readSpan {
				if err := settle(); err != nil {
					return nil, err
				}
			}
			pending = append(pending, i)
		}
	}
	return out, settle()
}

// lineHolds reports whether paper i matches once its line is read: every
// query word starts a word of its text, its bookmark or its abstract, and
// every author: word a word of one of its authors (the catalog holds only
// the first three). scratch is reused for the folded text.
func (m *matcher) lineHolds(i int, line, scratch []byte) (bool, []byte) {
	k := m.c.chunkOf(i)
	j := i - k.first
	region := k.fold[k.off[j]:k.off[j+1]]
	var shelf *query.Shelf
	if m.shelf {
		shelf = m.marks.shelf(i)
	}
	abstract := scratch[:0]
	var raw []byte
	folded := false
	for _, w := range m.terms {
		if hasWordPrefix(region, w) || shelf != nil && shelf.HasWord(string(w)) {
			continue
		}
		if raw == nil {
			raw = stringField(line, abstractKey)
		}
		if ruledOut(raw, w) {
			return false, abstract
		}
		if !folded {
			abstract, folded = foldJSONString(abstract, raw), true
		}
		if !hasWordPrefix(abstract, w) {
			return false, abstract
		}
	}
	authors := authorsOf(region)
	var every []byte
	for _, w := range m.author {
		if hasWordPrefix(authors, w) {
			continue
		}
		if every == nil {
			every = everyAuthor(line)
		}
		if !hasWordPrefix(every, w) {
			return false, abstract
		}
	}
	return true, abstract
}

// everyAuthor is the folded words of every author of a snapshot line, TeX
// accents read as the catalog reads the first three's (Bal\'azs → balazs).
func everyAuthor(line []byte) []byte {
	var names string
	if raw := stringField(line, authorsKey); raw == nil || json.Unmarshal(raw, &names) != nil {
		return []byte{}
	}
	out := []byte{}
	query.ForEachWord(latex.Text(names), nil, func(w []byte) { out = append(append(out, w...), ' ') })
	return out
}

// moreAuthors reports whether a folded author line leaves authors out
// ("A, B, C +4 more").
func moreAuthors(authors []byte) bool {
	return bytes.HasSuffix(bytes.TrimRight(authors, "\n"), []byte(" more"))
}

// Keys stringField looks for.
var (
	abstractKey = []byte(`"abstract":`)
	authorsKey  = []byte(`"authors":`)
)

// stringField is the raw JSON string (quotes included) of a snapshot
// line's key (abstractKey, authorsKey), nil when it has none or another
// kind of value. Inside a JSON string every quote is escaped, so the key's
// pattern cannot occur in a value.
func stringField(line, key []byte) []byte {
	at := bytes.Index(line, key)
	if at < 0 {
		return nil
	}
	v := bytes.TrimLeft(line[at+len(key):], " \t")
	if len(v) == 0 || v[0] != '"' {
		return nil
	}
	for from := 1; ; {
		q := bytes.IndexByte(v[from:], '"')
		if q < 0 {
			return nil
		}
		q += from
		backslashes := 0
		for backslashes < q-1 && v[q-1-backslashes] == '\\' {
			backslashes++
		}
		if backslashes%2 == 0 {
			return v[:q+1]
		}
		from = q + 1
	}
}

// foldJSONString appends the words of a raw JSON string (quotes included)
// folded as query.ForEachWord folds them, separated by spaces, without
// decoding it first: an abstract search folds thousands of them a key.
func foldJSONString(dst, raw []byte) []byte {
	if len(raw) < 2 {
		return dst
	}
	raw = raw[1 : len(raw)-1]
	word := false // the last byte written is a word's
	put := func(r rune) {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			dst, word = append(dst, byte(r)), true
		case 'A' <= r && r <= 'Z':
			dst, word = append(dst, byte(r)+'a'-'A'), true
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			var tmp [utf8.UTFMax]byte
			dst, word = append(dst, fold.Bytes(utf8.AppendRune(tmp[:0], unicode.ToLower(r)))...), true // as query.ForEachWord: lower, then fold
		case r >= utf8.RuneSelf && word && unicode.Is(unicode.Mn, r):
		default:
			if word {
				dst, word = append(dst, ' '), false
			}
		}
	}
	dst = slices.Grow(dst, len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c < utf8.RuneSelf && c != '\\': // the common case, without a call
			if f := asciiFold[c]; f != 0 {
				dst, word = append(dst, f), true
			} else if word {
				dst, word = append(dst, ' '), false
			}
			i++
		case c == '\\' && i+1 < len(raw) && raw[i+1] == 'u':
			r, n := unicodeEscape(raw[i:])
			put(r)
			i += n
		case c == '\\':
			put(' ') // \n, \t, \", \\, \/: none is part of a word
			i += 2
		default:
			r, size := utf8.DecodeRune(raw[i:])
			put(r)
			i += size
		}
	}
	return dst
}

// ruledOut reports whether a raw JSON string surely holds no word
// starting with w (folded): it is plain ASCII, so its words are its own
// letters and digits lower-cased, and none of them spells w. Most
// abstracts are, and this costs a fraction of folding them.
func ruledOut(raw, w []byte) bool {
	if !plainASCII(raw) || bytes.Contains(raw, []byte(`\u`)) {
		return false
	}
	return !containsFoldASCII(raw, w)
}

// plainASCII reports whether s has no byte outside ASCII, 8 at a time.
func plainASCII(s []byte) bool {
	for len(s) >= 8 {
		if binary.LittleEndian.Uint64(s)&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for _, c := range s {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFoldASCII reports whether s holds w (lower-case) in any case.
func containsFoldASCII(s, w []byte) bool {
	if len(w) == 0 {
		return true
	}
	lo, up := w[0], w[0]
	if 'a' <= lo && lo <= 'z' {
		up = lo + 'A' - 'a'
	}
	nextLo, nextUp := -1, -1 // where each spelling of w[0] next occurs at or after from; -2: nowhere
	for from := 0; from+len(w) <= len(s); {
		if nextLo != -2 && nextLo < from {
			if nextLo = bytes.IndexByte(s[from:], lo); nextLo >= 0 {
				nextLo += from
			} else {
				nextLo = -2
			}
		}
		if nextUp != -2 && nextUp < from {
			if nextUp = bytes.IndexByte(s[from:], up); nextUp >= 0 {
				nextUp += from
			} else {
				nextUp = -2
			}
		}
		at := nextLo
		if at == -2 || nextUp != -2 && nextUp < at {
			at = nextUp
		}
		if at == -2 || at+len(w) > len(s) {
			return false
		}
		if bytes.EqualFold(s[at:at+len(w)], w) {
			return true
		}
		from = at + 1
	}
	return false
}

// asciiFold is an ASCII letter or digit lower-cased, 0 for the rest.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			t[c] = byte(c)
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		}
	}
	return t
}()

// unicodeEscape reads \uXXXX (or a surrogate pair of them) at the start
// of s: the character and the bytes it took.
func unicodeEscape(s []byte) (rune, int) {
	r, ok := hex4(s)
	if !ok {
		return utf8.RuneError, min(2, len(s))
	}
	if utf16.IsSurrogate(r) {
		if len(s) < 12 || s[6] != '\\' || s[7] != 'u' {
			return utf8.RuneError, 6
		}
		if r2, ok := hex4(s[6:]); ok {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return d, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

// hex4 reads the four hex digits of \uXXXX at the start of s.
func hex4(s []byte) (rune, bool) {
	if len(s) < 6 {
		return 0, false
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// AbstractSearch is FilterAbstracts in steps, so that the reader shows
// the matches found so far and the progress between them: each Next reads
// about a step's worth of the file. Use it from one goroutine at a time.
type AbstractSearch struct {
	c      *Catalog
	q      *query.Query
	marks  *Marked
	within []uint32 // nil: every paper
	next   int      // the position (or index into within) the next step starts at
	found  []uint32
}

// SearchAbstracts starts an abstract search over the papers at positions
// within (ascending; nil for every paper).
func (c *Catalog) SearchAbstracts(q *query.Query, marks *Marked, within []uint32) *AbstractSearch {
	return &AbstractSearch{c: c, q: q, marks: marks, within: within}
}

// Next searches about step bytes more of the file; done reports whether
// every paper has been searched.
func (s *AbstractSearch) Next(ctx context.Context, step int64) (done bool, err error) {
	total := s.total()
	if s.next >= total {
		return true, nil
	}
	pos := func(n int) int {
		if s.within != nil {
			return int(s.within[n])
		}
		return n
	}
	limit := s.c.lineOff[pos(s.next)] + step
	to := s.next + sort.Search(total-s.next, func(n int) bool { return s.c.lineOff[pos(s.next+n)] >= limit })
	to = max(to, s.next+1)
	var cand []uint32
	if s.within != nil {
		cand = s.within[s.next:to]
	} else {
		cand = make([]uint32, to-s.next)
		for n := range cand {
			cand[n] = uint32(s.next + n)
		}
	}
	got, err := s.c.FilterAbstracts(ctx, s.q, s.marks, cand)
	if err != nil {
		return false, err
	}
	s.found = append(s.found, got...)
	s.next = to
	return s.next >= total, nil
}

func (s *AbstractSearch) total() int {
	if s.within != nil {
		return len(s.within)
	}
	return s.c.Len()
}

// Found is the matches so far, in file order. The caller may keep it:
// later steps only append.
func (s *AbstractSearch) Found() []uint32 { return slices.Clip(s.found) }

// Progress is the share of the papers searched, 0 to 1.
func (s *AbstractSearch) Progress() float64 {
	if s.total() == 0 {
		return 1
	}
	return float64(s.next) / float64(s.total())
}
