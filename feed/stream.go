package feed

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// firstBatch is the size of the first batch Stream emits, whatever the
// batch size: about a screen of titles, so the first frame never waits
// for more than that.
const firstBatch = 64

// maxItem caps one element of a streamed JSON list (a real paper is a few
// kilobytes): the decoder holds an element whole, so this bounds memory
// the way maxInput does for Parse.
const maxItem = 16 << 20

// StreamFile is ParseFile for files of any size: see Stream. The listing
// it returns has the file's period and no papers (they went to emit).
func StreamFile(ctx context.Context, path string, batch int, emit func([]model.Paper)) (model.Listing, error) {
	f, err := OpenFile(path)
	if err != nil {
		return model.Listing{}, err
	}
	defer f.Close()
	return StreamNamed(ctx, f, path, batch, emit)
}

// OpenFile opens the listing file at path for StreamNamed; its error says
// why it cannot be read, as StreamFile's does.
func OpenFile(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("cannot read %s: %v", termsafe.Name(path), err)
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%s is a directory, not a file", termsafe.Name(path))
	}
	return f, nil
}

// StreamNamed is Stream for the input of the file at path, opened (and
// maybe sniffed: SniffArxivMetadata) already: its errors and its listing's
// period name the file, as StreamFile's do.
func StreamNamed(ctx context.Context, r io.Reader, path string, batch int, emit func([]model.Paper)) (model.Listing, error) {
	l, err := Stream(ctx, r, batch, emit)
	if err != nil {
		return l, fmt.Errorf("%s: %w", termsafe.Name(path), err)
	}
	if l.Period.IsZero() {
		l.Period = model.Period{Kind: model.File, Value: path}
	}
	return l, nil
}

// Stream parses r as Parse does, handing the papers to emit in listing
// order as they are decoded, so that a screen can show the first ones
// while the rest is read. A JSON list (paperdeck --json output, an
// /api/daily_papers or /api/papers/search response) is decoded element by
// element, with no size limit: the first batch holds at most 64 papers,
// the others batch (1000 when batch <= 0). Any other format is parsed
// whole by Parse and emitted at once.
//
// emit runs on Stream's goroutine and owns each slice it is given. The
// returned listing has the source and period but no papers. On an error
// part-way (a broken or truncated file, ctx cancelled), the papers before
// it have been emitted and the error says after how many.
func Stream(ctx context.Context, r io.Reader, batch int, emit func([]model.Paper)) (model.Listing, error) {
	if batch <= 0 {
		batch = 1000
	}
	br, snapshot, err := sniff(r)
	if err != nil {
		return model.Listing{}, err
	}
	// Parse's first look, on the same first 8 KB: binary is refused before
	// any paper is emitted, whatever the first byte.
	if head, _ := br.Peek(binaryWindow); isBinary(head) {
		return model.Listing{}, &FormatError{What: "binary data", Expected: anyFormat}
	}
	if snapshot {
		return streamArxivMeta(ctx, br, batch, emit)
	}
	if b, err := br.Peek(1); err != nil || b[0] != '[' {
		l, err := Parse(br)
		if err != nil {
			return model.Listing{}, err
		}
		if len(l.Papers) > 0 {
			emit(l.Papers)
		}
		l.Papers = nil
		return l, nil
	}
	return streamList(ctx, br, batch, emit)
}

// SniffArxivMetadata tells whether r, input that can be read only once (a
// pipe), holds the arXiv metadata snapshot, from its first lines as Stream
// tells it. rest reads what Stream would: r from its start, decompressed
// when gzip-compressed; read rest, not r, afterwards.
func SniffArxivMetadata(r io.Reader) (rest io.Reader, snapshot bool, err error) {
	return sniff(r)
}

// sniff is SniffArxivMetadata for Stream, which goes on with the reader.
// A gzip.Reader holds nothing to close.
func sniff(r io.Reader) (rest *bufio.Reader, snapshot bool, err error) {
	br := bufio.NewReaderSize(r, streamBuffer)
	if gzipped(br) {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, false, damagedGzip(err)
		}
		br = bufio.NewReaderSize(gz, streamBuffer)
	}
	if err := skipSpaceAndBOM(br); err != nil {
		return nil, false, err
	}
	return br, isArxivMetaStream(br), nil
}

// streamBuffer holds the first lines of an arXiv metadata snapshot, which
// tell its shape.
const streamBuffer = 256 << 10

// isArxivMetaStream tells the snapshot by its first lines, waiting for no
// more input than it needs to decide (a pipe may be slow to fill).
func isArxivMetaStream(br *bufio.Reader) bool {
	head, err := br.Peek(1)
	if err != nil || head[0] != '{' {
		return false
	}
	for n := br.Buffered(); ; n = min(2*n, streamBuffer) {
		head, err := br.Peek(n)
		atEnd := err != nil
		verdict, sure := arxivMetaVerdict(head, atEnd)
		if sure || atEnd || n == streamBuffer {
			return verdict
		}
	}
}

// gzipped reports whether the input starts with gzip's magic bytes.
func gzipped(br *bufio.Reader) bool {
	b, _ := br.Peek(2)
	return IsGzip(b)
}

// IsGzip reports whether head starts with gzip's magic bytes.
func IsGzip(head []byte) bool { return len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b }

// damagedGzip is the error for a .gz input gzip cannot read.
func damagedGzip(err error) error {
	return &FormatError{What: "a damaged gzip file (" + err.Error() + ")", Expected: "a complete .gz file"}
}

func skipSpaceAndBOM(br *bufio.Reader) error {
	if b, err := br.Peek(3); err == nil && string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	for {
		b, err := br.Peek(1)
		if err == io.EOF {
			return nil // Parse says "empty input"
		}
		if err != nil {
			return err
		}
		switch b[0] {
		case ' ', '\t', '\n', '\r':
			br.Discard(1)
		default:
			return nil
		}
	}
}

// listKind is what the elements of a JSON list are.
type listKind int

const (
	hfItems  listKind = iota // /api/daily_papers: {"paper": {...}, ...}
	records                  // paperdeck --json
	hfPapers                 // /api/papers/search: bare paper objects
)

func (k listKind) what() string {
	return [...]string{"Hugging Face API response", "paperdeck --json output", "list of Hugging Face papers"}[k]
}

func (k listKind) source() model.Source {
	if k == records {
		return model.SourceFile
	}
	return model.SourceHF
}

// kindOf tells the list apart by its first element, as parseAnyJSON does.
func kindOf(first json.RawMessage) (listKind, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(first, &probe); err != nil {
		return 0, &FormatError{What: "a JSON list whose items are not papers", Expected: anyFormat}
	}
	switch {
	case probe["paper"] != nil:
		return hfItems, nil
	case probe["arxiv_url"] != nil || probe["author_count"] != nil:
		return records, nil
	case probe["id"] != nil && probe["title"] != nil:
		return hfPapers, nil
	}
	return 0, &FormatError{What: "a JSON list whose items are not papers", Expected: anyFormat}
}

// decodeOne reads one element of a list of kind k with the lead parsers'
// own conversions, so a streamed paper equals a parsed one; ok is false
// for an element with nothing to show (Parse drops it too).
func decodeOne(k listKind, decode func(any) error) (p model.Paper, ok bool, err error) {
	switch k {
	case hfItems:
		var it hfItem
		if err := decode(&it); err != nil {
			return p, false, err
		}
		p, ok = it.paper()
	case hfPapers:
		var hp hfPaper
		if err := decode(&hp); err != nil {
			return p, false, err
		}
		p, ok = hfItem{Paper: &hp}.paper()
	case records:
		var rec model.Paper
		if err := decode(&rec); err != nil {
			return p, false, err
		}
		if kept := finishAll([]model.Paper{rec}); len(kept) == 1 {
			p, ok = kept[0], true
		}
	}
	return p, ok, nil
}

func streamList(ctx context.Context, br *bufio.Reader, batch int, emit func([]model.Paper)) (model.Listing, error) {
	guard := &boundedReader{r: br, limit: maxItem}
	dec := json.NewDecoder(guard)
	if _, err := dec.Token(); err != nil { // the '['
		return model.Listing{}, jsonError("JSON list of papers", err)
	}
	if !dec.More() {
		if err := endOfList(dec); err != nil {
			return model.Listing{}, err
		}
		return model.Listing{}, nil // an empty list: an empty listing, as Parse says
	}

	var first json.RawMessage
	if err := dec.Decode(&first); err != nil {
		return model.Listing{}, jsonError("JSON list of papers", err)
	}
	kind, err := kindOf(first)
	if err != nil {
		return model.Listing{}, err
	}
	listing := model.Listing{Source: kind.source()}

	emitted := 0
	pending := make([]model.Paper, 0, min(batch, firstBatch))
	flush := func() {
		if len(pending) > 0 {
			emitted += len(pending)
			emit(pending)
			pending = make([]model.Paper, 0, batch)
		}
	}
	fail := func(err error) (model.Listing, error) {
		flush()
		if emitted > 0 {
			err = fmt.Errorf("after %d papers: %w", emitted, err)
		}
		return listing, err
	}
	add := func(p model.Paper, ok bool) {
		if ok {
			pending = append(pending, p)
		}
		if len(pending) == cap(pending) {
			flush()
		}
	}

	// An element that is valid JSON but not a paper ("title": 123) is
	// skipped and counted; the decoder has read past it whole.
	var skips skipped
	item := 1
	p, ok, err := decodeOne(kind, func(v any) error { return json.Unmarshal(first, v) })
	if err := skipOrFail(&skips, item, err); err != nil {
		return fail(decodeError(kind, err))
	}
	add(p, ok && err == nil)
	for dec.More() {
		if err := ctx.Err(); err != nil {
			return fail(err)
		}
		item++
		guard.limit = dec.InputOffset() + maxItem
		p, ok, err := decodeOne(kind, dec.Decode)
		if err := skipOrFail(&skips, item, err); err != nil {
			return fail(decodeError(kind, err))
		}
		add(p, ok && err == nil)
	}
	skips.into(&listing)
	if err := skips.all(item - skips.n); err != nil {
		return fail(decodeError(kind, err))
	}
	if err := endOfList(dec); err != nil {
		return fail(err)
	}
	flush()
	return listing, nil
}

// skipOrFail counts an element that does not fit a paper and returns
// any other error, which ends the list.
func skipOrFail(s *skipped, item int, err error) error {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		s.add(item, err)
		return nil
	}
	return err
}

// endOfList reads the closing ']' and makes sure nothing follows it.
func endOfList(dec *json.Decoder) error {
	if _, err := dec.Token(); err != nil {
		return jsonError("JSON list of papers", err)
	}
	if _, err := dec.Token(); errors.Is(err, errHugeItem) {
		return errHugeItem
	} else if err != io.EOF {
		return &FormatError{What: "more data after the JSON list", Expected: "one JSON list of papers"}
	}
	return nil
}

var errHugeItem = &FormatError{What: "a list element of more than 16 MB", Expected: "paper records of a few kilobytes"}

// decodeError says what went wrong with an element in a user's words.
func decodeError(k listKind, err error) error {
	if errors.Is(err, errHugeItem) {
		return errHugeItem
	}
	return jsonError(k.what(), err)
}

// boundedReader fails once the reader runs more than maxItem ahead of the
// last element boundary: one absurd element cannot eat the memory.
type boundedReader struct {
	r     io.Reader
	n     int64
	limit int64
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.n >= b.limit {
		return 0, errHugeItem
	}
	n, err := b.r.Read(p[:min(int64(len(p)), b.limit-b.n)])
	b.n += int64(n)
	return n, err
}
