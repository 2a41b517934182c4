package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/paperdeck/paperdeck/model"
)

// bookmarksVersion is the format of bookmarks.json this paperdeck writes.
const bookmarksVersion = 1

// errNewerVersion marks a file from a newer paperdeck: intact, but not ours
// to rewrite.
var errNewerVersion = errors.New("written by a newer paperdeck")

type bookmarksDoc struct {
	Version   *int       `json:"version"`
	Bookmarks []Bookmark `json:"bookmarks"`
}

// decodeBookmarks reads bookmarks.json; nil or blank data is no bookmarks.
// Anything else that is not a version-1 bookmarks document is an error, so
// that a wrong file in its place is never replaced.
func decodeBookmarks(data []byte) ([]Bookmark, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil
	}
	var doc bookmarksDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, describeJSONError(data, err)
	}
	if err := checkVersion(doc.Version, bookmarksVersion); err != nil {
		return nil, err
	}
	for i, bm := range doc.Bookmarks {
		if bm.Paper.ID == "" {
			return nil, fmt.Errorf("bookmark %d has no paper id", i+1)
		}
	}
	list := dedupe(doc.Bookmarks)
	sortNewestFirst(list)
	return list, nil
}

// ParseBookmarks reads a bookmarks document: a bookmarks.json, or what
// `paperdeck bookmarks list --json` prints (the same format), or the JSON
// export (paper records with "added", "tags" and "note"), e.g. to import a
// colleague's bookmarks with their times, tags and notes. The records are
// as they were saved; sanitise them when they come from someone else.
func ParseBookmarks(data []byte) ([]Bookmark, error) {
	data = bytes.TrimSpace(data)
	switch {
	case len(data) == 0:
		return nil, errors.New("empty input: not a bookmarks file")
	case data[0] == '[':
		return ParseBookmarkRecords(data)
	}
	return decodeBookmarks(data)
}

// EncodeBookmarks writes bookmarks in the format of bookmarks.json.
func EncodeBookmarks(list []Bookmark) ([]byte, error) { return encodeBookmarks(list) }

func checkVersion(v *int, want int) error {
	switch {
	case v == nil:
		return errors.New(`no "version" field: not a paperdeck file`)
	case *v > want:
		return fmt.Errorf("%w: format version %d, this one reads %d", errNewerVersion, *v, want)
	case *v < 1:
		return fmt.Errorf("unknown format version %d", *v)
	}
	return nil
}

func encodeBookmarks(list []Bookmark) ([]byte, error) {
	if list == nil {
		list = []Bookmark{}
	}
	v := bookmarksVersion
	return encodeJSON(bookmarksDoc{Version: &v, Bookmarks: list})
}

// encodeJSON writes indented JSON that a person can read and edit: no
// \u0026 for "&" in titles.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// refreshPaper takes every field the newer record knows and keeps the
// older one's where the newer is empty: a paper bookmarked from a rich
// source and re-added from a poor one keeps its authors and links.
func refreshPaper(old, newer model.Paper) model.Paper {
	out := newer
	o, n := reflect.ValueOf(old), reflect.ValueOf(&out).Elem()
	for i := range n.NumField() {
		if n.Field(i).IsZero() {
			n.Field(i).Set(o.Field(i))
		}
	}
	return out
}
