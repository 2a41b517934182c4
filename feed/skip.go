package feed

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/paperdeck/paperdeck/model"
)

// skipped counts the items of a listing that could not be read, and why
// the first one could not: one malformed paper ("title": 123) costs that
// paper, never the listing.
type skipped struct {
	n        int
	first    string
	firstErr error
}

func (s *skipped) add(item int, err error) {
	s.n++
	if s.n == 1 {
		s.first = fmt.Sprintf("item %d: %s", item, itemProblem(err))
		s.firstErr = err
	}
}

// addLine counts a line of a line-per-record input that could not be read.
func (s *skipped) addLine(line int, why string) {
	s.n++
	if s.n == 1 {
		s.first = LineSkipReason(line, why)
	}
}

// LineSkipReason is how a skipped line of a snapshot is told, the same
// whether feed or package catalog read it: "line 7: not JSON, or cut short".
func LineSkipReason(line int, why string) string { return fmt.Sprintf("line %d: %s", line, why) }

func (s *skipped) merge(o skipped) {
	if s.n == 0 {
		s.first, s.firstErr = o.first, o.firstErr
	}
	s.n += o.n
}

// all returns the first item's error when no item could be read: then the
// input is not a listing at all, and says so as an error.
func (s skipped) all(read int) error {
	if read == 0 && s.n > 0 {
		return s.firstErr
	}
	return nil
}

// into records the count on the listing, for the notice a user sees.
func (s skipped) into(l *model.Listing) {
	l.Skipped += s.n
	if l.SkipReason == "" {
		l.SkipReason = s.first
	}
}

// itemProblem says in a user's words what does not fit in an item.
func itemProblem(err error) string {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		field := typ.Field
		if field == "" {
			return fmt.Sprintf("a JSON %s where a paper was expected", typ.Value)
		}
		return fmt.Sprintf("%s is a JSON %s, not a %s", cleanLine(field), typ.Value, typ.Type)
	}
	return cleanLine(err.Error())
}

// decodeList decodes a JSON array of T. A sound list is decoded once, as
// strictly as ever; only when an element does not fit is the list read
// again element by element, that element skipped and counted.
func decodeList[T any](data []byte) ([]T, skipped, error) {
	var all []T
	err := json.Unmarshal(data, &all)
	if !isTypeError(err) {
		return all, skipped{}, err
	}
	var l lenientList[T]
	err = json.Unmarshal(data, &l)
	return l.items, l.skipped, err
}

func isTypeError(err error) bool {
	var typ *json.UnmarshalTypeError
	return errors.As(err, &typ)
}

// lenientList is a JSON array read element by element: an element that
// does not fit T is skipped and counted, the others kept. An array that is
// not valid JSON at all is still an error, and so is one with no element
// that fits.
type lenientList[T any] struct {
	items   []T
	skipped skipped
}

func (l *lenientList[T]) UnmarshalJSON(b []byte) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(b, &raws); err != nil {
		return err
	}
	l.items = make([]T, 0, len(raws))
	for i, raw := range raws {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			l.skipped.add(i+1, err)
			continue
		}
		l.items = append(l.items, v)
	}
	return l.skipped.all(len(l.items))
}
