package store

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// The bookmark exports: each format of export.go and bibtex.go with what
// the reader added to a paper, its tags, note and time added.

// bookmarkRecord is a bookmark as the JSON export writes it: the paper
// record of `paperdeck list --json` with "added", "tags" and "note", so
// that anything reading paper records reads it, and import keeps all.
type bookmarkRecord struct {
	model.Paper
	Added time.Time `json:"added"`
	Tags  []string  `json:"tags,omitempty"`
	Note  string    `json:"note,omitempty"`
}

// WriteBookmarksJSON writes the bookmarks as one JSON array of paper
// records, each with its "added" time, "tags" and "note".
func WriteBookmarksJSON(w io.Writer, list []Bookmark) error {
	out := make([]bookmarkRecord, len(list))
	for i, bm := range list {
		out[i] = bookmarkRecord{Paper: bm.Paper, Added: bm.Added, Tags: bm.Tags, Note: bm.Note}
	}
	data, err := encodeJSON(out)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// ParseBookmarkRecords reads what WriteBookmarksJSON writes. A record with
// no id is an error; records are as written: sanitise them when they come
// from someone else.
func ParseBookmarkRecords(data []byte) ([]Bookmark, error) {
	var in []bookmarkRecord
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, describeJSONError(data, err)
	}
	out := make([]Bookmark, len(in))
	for i, r := range in {
		if strings.TrimSpace(r.ID) == "" {
			return nil, fmt.Errorf("record %d has no paper id", i+1)
		}
		out[i] = Bookmark{Paper: r.Paper, Added: r.Added, Tags: r.Tags, Note: r.Note}
	}
	return out, nil
}

// WriteBookmarksMarkdown writes the Markdown digest of the bookmarks with
// each paper's tags and note under its meta line.
func WriteBookmarksMarkdown(w io.Writer, title string, list []Bookmark) error {
	return writeMarkdownDigest(w, title, bookmarkPapers(list), func(i int) string {
		var under strings.Builder
		if tags := cleanTags(list[i].Tags); len(tags) > 0 {
			fmt.Fprintf(&under, "**Tags:** %s\n\n", markdownEscape(strings.Join(tags, ", ")))
		}
		if note := oneLine(list[i].Note); note != "" {
			fmt.Fprintf(&under, "**Note:** %s\n\n", markdownEscape(note))
		}
		return under.String()
	})
}

// bookmarkPapers is the papers of list, in its order.
func bookmarkPapers(list []Bookmark) []model.Paper {
	papers := make([]model.Paper, len(list))
	for i, bm := range list {
		papers[i] = bm.Paper
	}
	return papers
}

// WriteBookmarksBibTeX writes the bookmarks' @misc entries with the tags as
// `keywords` and the note as `note`.
func WriteBookmarksBibTeX(w io.Writer, list []Bookmark) error {
	return writeBibTeX(w, bookmarkPapers(list), func(i int) []bibField {
		var out []bibField
		if tags := cleanTags(list[i].Tags); len(tags) > 0 {
			kw := make([]string, len(tags))
			for j, t := range tags {
				kw[j] = texEscape(t)
				if strings.Contains(kw[j], ",") {
					kw[j] = "{" + kw[j] + "}" // one keyword, not two
				}
			}
			out = append(out, bibField{"keywords", strings.Join(kw, ", ")})
		}
		if note := texEscape(list[i].Note); note != "" {
			out = append(out, bibField{"note", note})
		}
		return out
	})
}

// oneLine joins a note's lines: a line of its own could start a Markdown
// heading or list.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
