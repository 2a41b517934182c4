package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"time"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/model"
)

// FormatError says what an input is and what was expected instead, in one
// line a user can act on.
type FormatError struct {
	What     string
	Expected string
}

func (e *FormatError) Error() string { return e.What + ": expected " + e.Expected }

// ErrUnknownLayout marks a Hugging Face page with neither the hydration
// data nor paper cards: a layout paperdeck does not know. The network
// client falls back to the JSON API for the same period.
var ErrUnknownLayout = errors.New("a Hugging Face page without paper data or paper cards (unknown layout)")

const anyFormat = "a Hugging Face papers page or API JSON, an arXiv page or Atom feed, paperdeck --json output, or text copied from huggingface.co/papers"

// maxInput caps what Parse reads: a real listing page is well under this.
const maxInput = 64 << 20

// ParseFile reads a local file in any format paperdeck knows, of any size
// (a JSON list is streamed; see StreamFile).
func ParseFile(path string) (model.Listing, error) {
	var papers []model.Paper
	l, err := StreamFile(context.Background(), path, 0, func(batch []model.Paper) {
		papers = append(papers, batch...)
	})
	if err != nil {
		return model.Listing{}, err
	}
	l.Papers = papers
	return l, nil
}

// Parse detects the format of r from its content, never from a name, and
// parses it.
func Parse(r io.Reader) (model.Listing, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return model.Listing{}, err
	}
	if IsGzip(data) {
		if data, err = gunzip(data); err != nil {
			return model.Listing{}, err
		}
	}
	if len(data) > maxInput {
		return model.Listing{}, &FormatError{What: "more than 64 MB of input", Expected: "a paper listing"}
	}
	body := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	switch {
	case len(body) == 0:
		return model.Listing{}, &FormatError{What: "empty input", Expected: anyFormat}
	case isBinary(body):
		return model.Listing{}, &FormatError{What: "binary data", Expected: anyFormat}
	case body[0] == '{' && looksLikeArxivMeta(body):
		return parseArxivMeta(body)
	case body[0] == '[' || body[0] == '{':
		return parseAnyJSON(body)
	case bytes.HasPrefix(body, []byte("<?xml")) || hasPrefixFold(body, "<feed"):
		return ParseArxivAtom(bytes.NewReader(body))
	case body[0] == '<':
		return parseAnyHTML(body)
	default:
		return ParseTextSnapshot(bytes.NewReader(body), time.Now())
	}
}

// gunzip decompresses a whole input, within the same limit.
func gunzip(data []byte) ([]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, damagedGzip(err)
	}
	out, err := io.ReadAll(io.LimitReader(gz, maxInput+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, damagedGzip(err)
	}
	if len(out) > maxInput {
		return nil, &FormatError{What: "more than 64 MB of input", Expected: "a paper listing"}
	}
	return out, nil
}

// binaryWindow is how much of the input's start isBinary looks at.
const binaryWindow = 8192

func isBinary(b []byte) bool {
	head := b[:min(len(b), binaryWindow)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	// A few invalid bytes may be a character cut by the window; more is binary.
	invalid := 0
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 {
			invalid++
		}
		head = head[size:]
	}
	return invalid > 8
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}
