package feed

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/paperdeck/paperdeck/model"
)

// parseAnyJSON tells apart the JSON paperdeck reads: the HF API arrays
// (items with a "paper"), bare HF paper objects, paperdeck's own --json
// records, and a bookmarks file.
func parseAnyJSON(body []byte) (model.Listing, error) {
	if body[0] == '{' {
		var probe map[string]json.RawMessage
		if err := json.Unmarshal(body, &probe); err != nil {
			return model.Listing{}, jsonError("JSON listing", err)
		}
		switch {
		case probe["bookmarks"] != nil:
			return parseBookmarksFile(body)
		case probe["dailyPapers"] != nil || probe["searchResults"] != nil:
			return parseDailyPapersProps(body)
		case probe["paper"] != nil:
			it, err := decodeItems(append(append([]byte{'['}, body...), ']'))
			if err != nil {
				return model.Listing{}, err
			}
			return model.Listing{Source: model.SourceHF, Papers: itemsToPapers(it)}, nil
		case probe["id"] != nil || probe["title"] != nil:
			p, err := ParsePaperJSON(bytes.NewReader(body))
			if err != nil {
				return model.Listing{}, err
			}
			return model.Listing{Source: p.Source, Papers: []model.Paper{p}}, nil
		}
		return model.Listing{}, &FormatError{What: "a JSON object without papers", Expected: anyFormat}
	}

	first, empty, err := firstElement(body)
	if err != nil {
		return model.Listing{}, jsonError("JSON list of papers", err)
	}
	if empty {
		if err := json.Unmarshal(body, &[]any{}); err != nil {
			return model.Listing{}, jsonError("JSON list of papers", err)
		}
		return model.Listing{}, nil
	}
	switch {
	case first["paper"] != nil:
		return ParseDailyPapersJSON(bytes.NewReader(body))
	case first["arxiv_url"] != nil || first["author_count"] != nil:
		return ParseListingJSON(bytes.NewReader(body))
	case first["id"] != nil && first["title"] != nil:
		// /api/papers/search sometimes returns bare paper objects.
		papers, skips, err := decodeList[hfPaper](body)
		if err != nil {
			return model.Listing{}, jsonError("list of Hugging Face papers", err)
		}
		items := make([]hfItem, len(papers))
		for i := range papers {
			items[i].Paper = &papers[i]
		}
		l := model.Listing{Source: model.SourceHF, Papers: itemsToPapers(items)}
		skips.into(&l)
		return l, nil
	}
	return model.Listing{}, &FormatError{What: "a JSON list whose items are not papers", Expected: anyFormat}
}

// firstElement decodes only the first object of a JSON array: enough to
// tell the formats apart without decoding a large file twice.
func firstElement(body []byte) (first map[string]json.RawMessage, empty bool, err error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if _, err := dec.Token(); err != nil { // the '['
		return nil, false, err
	}
	if !dec.More() {
		return nil, true, nil
	}
	err = dec.Decode(&first)
	return first, false, err
}

func decodeItems(body []byte) ([]hfItem, error) {
	var items []hfItem
	if err := json.Unmarshal(body, &items); err != nil {
		return nil, jsonError("Hugging Face item", err)
	}
	return items, nil
}

// ParseListingJSON reads paperdeck's own --json output, so a saved
// listing can be reopened. Records are sanitised again: the file may have
// been edited by hand.
func ParseListingJSON(r io.Reader) (model.Listing, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return model.Listing{}, err
	}
	papers, skips, err := decodeList[model.Paper](data)
	if err != nil {
		return model.Listing{}, jsonError("paperdeck --json output", err)
	}
	l := model.Listing{Source: model.SourceFile, Papers: finishAll(papers)}
	skips.into(&l)
	return l, nil
}

// parseBookmarksFile reads the papers of a bookmarks file (store's format:
// {"version": 1, "bookmarks": [{"paper": {...}}]}), e.g. a colleague's.
func parseBookmarksFile(body []byte) (model.Listing, error) {
	var f struct {
		Bookmarks json.RawMessage `json:"bookmarks"`
	}
	if err := json.Unmarshal(body, &f); err != nil {
		return model.Listing{}, jsonError("paperdeck bookmarks file", err)
	}
	bookmarks, skips, err := decodeList[struct {
		Paper model.Paper `json:"paper"`
	}](f.Bookmarks)
	if err != nil {
		return model.Listing{}, jsonError("paperdeck bookmarks file", err)
	}
	papers := make([]model.Paper, 0, len(bookmarks))
	for _, b := range bookmarks {
		papers = append(papers, b.Paper)
	}
	l := model.Listing{Source: model.SourceFile, Papers: finishAll(papers)}
	skips.into(&l)
	return l, nil
}

func finishAll(papers []model.Paper) []model.Paper {
	out := papers[:0]
	for _, p := range papers {
		if p = CleanPaper(p); p.Title != "" || model.IsArxivID(p.ID) {
			out = append(out, p)
		}
	}
	return out
}
