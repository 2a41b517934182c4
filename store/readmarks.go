package store

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"time"
)

// Limits keep readmarks.json small after years of daily reading; the
// oldest entries go first.
const (
	maxReadMarks = 50000
	maxVisits    = 400
)

const readMarksVersion = 1

// ReadMarks records which papers were read and what each listing held at
// its last visit, so that a listing opened again shows what is new.
type ReadMarks struct {
	file               dataFile
	now                func() time.Time
	maxRead, maxVisits int // tests lower them
}

type readMarksDoc struct {
	Version *int                 `json:"version"`
	Read    map[string]time.Time `json:"read"`
	Visits  map[string]visit     `json:"visits"`
}

type visit struct {
	At  time.Time `json:"at"`
	IDs []string  `json:"ids"`
}

// OpenReadMarks names the file; it does no I/O.
func OpenReadMarks(path string) *ReadMarks {
	return &ReadMarks{
		file: dataFile{path: path, what: "read marks file"}, now: time.Now,
		maxRead: maxReadMarks, maxVisits: maxVisits,
	}
}

// Load returns the ids of the papers read. A missing file is none; a file
// that does not parse gives a *CorruptError.
func (r *ReadMarks) Load() (map[string]bool, error) {
	data, err := r.file.read()
	if err != nil {
		return nil, err
	}
	doc, err := decodeReadMarks(data)
	if err != nil {
		return nil, r.file.corrupt(err)
	}
	read := make(map[string]bool, len(doc.Read))
	for id := range doc.Read {
		read[id] = true
	}
	return read, nil
}

// MarkRead records that the papers were read.
func (r *ReadMarks) MarkRead(ids ...string) error {
	now := r.now()
	return r.change(func(doc *readMarksDoc) {
		for _, id := range ids {
			if _, ok := doc.Read[id]; !ok && id != "" {
				doc.Read[id] = now
			}
		}
	})
}

// Visit records that a listing was shown with these papers and returns the
// ones it did not hold at the previous visit; on the first visit of a
// listing nothing is new (an empty map).
func (r *ReadMarks) Visit(listingKey string, ids []string) (fresh map[string]bool, err error) {
	now := r.now()
	fresh = map[string]bool{}
	err = r.change(func(doc *readMarksDoc) {
		if prev, ok := doc.Visits[listingKey]; ok {
			seen := make(map[string]bool, len(prev.IDs))
			for _, id := range prev.IDs {
				seen[id] = true
			}
			for _, id := range ids {
				if !seen[id] {
					fresh[id] = true
				}
			}
		}
		doc.Visits[listingKey] = visit{At: now, IDs: slices.Clone(ids)}
	})
	if err != nil {
		return nil, err
	}
	return fresh, nil
}

func (r *ReadMarks) change(fn func(*readMarksDoc)) error {
	return r.file.update(func(old []byte) ([]byte, error) {
		doc, err := decodeReadMarks(old)
		if err != nil {
			return nil, r.file.corrupt(err)
		}
		fn(&doc)
		pruneOldest(doc.Read, r.maxRead, func(t time.Time) time.Time { return t })
		pruneOldest(doc.Visits, r.maxVisits, func(v visit) time.Time { return v.At })
		v := readMarksVersion
		doc.Version = &v
		return encodeJSON(doc)
	})
}

func decodeReadMarks(data []byte) (readMarksDoc, error) {
	var doc readMarksDoc
	if len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, &doc); err != nil {
			return doc, describeJSONError(data, err)
		}
		if err := checkVersion(doc.Version, readMarksVersion); err != nil {
			return doc, err
		}
	}
	if doc.Read == nil {
		doc.Read = map[string]time.Time{}
	}
	if doc.Visits == nil {
		doc.Visits = map[string]visit{}
	}
	return doc, nil
}

// pruneOldest drops the oldest entries beyond limit.
func pruneOldest[V any](m map[string]V, limit int, at func(V) time.Time) {
	if len(m) <= limit {
		return
	}
	keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int { return at(m[a]).Compare(at(m[b])) })
	for _, k := range keys[:len(keys)-limit] {
		delete(m, k)
	}
}
