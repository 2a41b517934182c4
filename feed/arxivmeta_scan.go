package feed

import (
	"bytes"
	"errors"
)

// The arXiv metadata snapshot is gigabytes of JSON lines, and a reader
// that indexes it needs a few short fields of each line while most bytes
// are abstracts. splitObject walks one object's top level and hands over
// each value's raw JSON without decoding it: the long values are skipped
// at memchr speed, and only the wanted ones are decoded.

var errNotJSONObject = errors.New("not a JSON object")

// splitObject calls visit with every top-level key (raw, without quotes)
// and value (raw JSON) of the object b, and fails on anything that is not
// one complete object: a truncated line, text, an array.
func splitObject(b []byte, visit func(key, val []byte)) error {
	return eachItem(b, '{', '}', func(i int) (int, bool) {
		if i >= len(b) || b[i] != '"' {
			return 0, false
		}
		end, ok := skipString(b, i)
		if !ok {
			return 0, false
		}
		key := b[i+1 : end-1]
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return 0, false
		}
		i = skipSpace(b, i+1)
		vend, ok := skipValue(b, i)
		if ok {
			visit(key, b[i:vend])
		}
		return vend, ok
	})
}

// eachItem walks the members of the object or elements of the array b
// (open and closing are its brackets): item reads the one starting at i
// and says where it ends.
func eachItem(b []byte, open, closing byte, item func(i int) (end int, ok bool)) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != open {
		return errNotJSONObject
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == closing {
		return onlySpaceAfter(b, i+1)
	}
	for {
		end, ok := item(i)
		if !ok {
			return errNotJSONObject
		}
		next, done, err := afterItem(b, end, closing)
		if done || err != nil {
			return err
		}
		i = next
	}
}

// afterItem moves past what follows a member or element ending at i: a
// comma (next is where the next one starts) or the closing bracket (done).
func afterItem(b []byte, i int, closing byte) (next int, done bool, err error) {
	i = skipSpace(b, i)
	switch {
	case i >= len(b):
		return 0, false, errNotJSONObject
	case b[i] == ',':
		return skipSpace(b, i+1), false, nil
	case b[i] == closing:
		return 0, true, onlySpaceAfter(b, i+1)
	}
	return 0, false, errNotJSONObject
}

func onlySpaceAfter(b []byte, i int) error {
	if skipSpace(b, i) != len(b) {
		return errNotJSONObject
	}
	return nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index just after the string starting at b[i]
// (a quote): the next quote not escaped by an odd run of backslashes.
func skipString(b []byte, i int) (int, bool) {
	j := i + 1
	for {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return 0, false
		}
		q := j + k
		slashes := 0
		for p := q - 1; p > i && b[p] == '\\'; p-- {
			slashes++
		}
		if slashes%2 == 0 {
			return q + 1, true
		}
		j = q + 1
	}
}

// skipValue returns the index just after the value starting at b[i].
// Nested arrays and objects are only balanced here, not checked: the
// values a caller uses are decoded, and so checked, by encoding/json.
func skipValue(b []byte, i int) (int, bool) {
	if i >= len(b) {
		return 0, false
	}
	switch c := b[i]; {
	case c == '"':
		return skipString(b, i)
	case c == '{' || c == '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end, ok := skipString(b, j)
				if !ok {
					return 0, false
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, true
				}
			}
		}
		return 0, false
	case c == 'n':
		return literal(b, i, "null")
	case c == 't':
		return literal(b, i, "true")
	case c == 'f':
		return literal(b, i, "false")
	case c == '-' || c >= '0' && c <= '9':
		j := i + 1
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == '.' || b[j] == 'e' || b[j] == 'E' || b[j] == '+' || b[j] == '-') {
			j++
		}
		return j, true
	}
	return 0, false
}

func literal(b []byte, i int, word string) (int, bool) {
	if bytes.HasPrefix(b[i:], []byte(word)) {
		return i + len(word), true
	}
	return 0, false
}

// eachElement calls fn with each element (raw JSON) of the array b.
func eachElement(b []byte, fn func(elem []byte)) error {
	return eachItem(b, '[', ']', func(i int) (int, bool) {
		end, ok := skipValue(b, i)
		if ok {
			fn(b[i:end])
		}
		return end, ok
	})
}
