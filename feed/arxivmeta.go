package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/paperdeck/paperdeck/internal/latex"
	"github.com/paperdeck/paperdeck/model"
)

// Cornell's arXiv metadata snapshot (arxiv-metadata-oai-snapshot.json, the
// Kaggle dataset) is one JSON object per line, millions of lines:
//
//	{"id":"0704.0001","submitter":…,"authors":"C. Bal\'azs, E. L. Berger",
//	 "title":…,"comments":"37 pages","journal-ref":…,"doi":…,"categories":"hep-ph",
//	 "abstract":…,"versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"}],
//	 "update_date":"2008-11-13","authors_parsed":[["Balázs","C.",""],…]}
//
// A line that cannot be read (not JSON, the wrong shape, cut short) is
// skipped and counted: one bad line never costs the other millions.

// arxivMeta holds the raw JSON values of the keys paperdeck uses.
type arxivMeta struct {
	id, title, authors, authorsParsed, categories, versions []byte
	updateDate, comments, doi, journalRef, abstract         []byte
	snapshotKeys                                            int // keys only the snapshot has
}

var errWrongShape = errors.New("a JSON object that is not an arXiv metadata record")

// splitArxivMeta takes one line apart without decoding it.
func splitArxivMeta(line []byte) (arxivMeta, error) {
	var m arxivMeta
	err := splitObject(line, func(key, val []byte) {
		switch string(key) {
		case "id":
			m.id = val
		case "title":
			m.title = val
		case "authors":
			m.authors = val
		case "authors_parsed":
			m.authorsParsed, m.snapshotKeys = val, m.snapshotKeys+1
		case "categories":
			m.categories, m.snapshotKeys = val, m.snapshotKeys+1
		case "versions":
			m.versions, m.snapshotKeys = val, m.snapshotKeys+1
		case "update_date":
			m.updateDate, m.snapshotKeys = val, m.snapshotKeys+1
		case "journal-ref":
			m.journalRef, m.snapshotKeys = val, m.snapshotKeys+1
		case "comments":
			m.comments = val
		case "doi":
			m.doi = val
		case "abstract":
			m.abstract = val
		}
	})
	if err != nil {
		return m, err
	}
	if m.id == nil || m.snapshotKeys == 0 {
		return m, errWrongShape
	}
	return m, nil
}

// isArxivMetaLine tells the snapshot's shape from the other JSON paperdeck
// reads: an object with an id and keys only the snapshot has.
func isArxivMetaLine(line []byte) bool {
	_, err := splitArxivMeta(line)
	return err == nil
}

// ArxivBrief is the part of a snapshot record that a listing of millions
// keeps in memory: what the list shows and the filter searches. Each field
// is what ParseArxivMetaLine gives for the same line.
type ArxivBrief struct {
	ID         string
	Title      string
	Authors    []string // the first few, as in model.Paper.Authors
	AuthorSum  int      // every author
	Published  string   // YYYY-MM-DD of the first version, or ""
	Categories []string // the primary one first
}

// briefAuthors is how many names a brief keeps.
const briefAuthors = 3

// BriefArxivMetaLine reads the brief of one snapshot line, decoding only
// its short fields.
func BriefArxivMetaLine(line []byte) (ArxivBrief, error) {
	m, err := splitArxivMeta(line)
	if err != nil {
		return ArxivBrief{}, err
	}
	var b ArxivBrief
	var id, title, cats string
	if !decodeString(m.id, &id) || !decodeString(m.title, &title) || !decodeString(m.categories, &cats) {
		return b, errWrongShape
	}
	authors, count, ok := m.authorList(briefAuthors)
	if !ok {
		return b, errWrongShape
	}
	published, ok := m.published()
	if !ok {
		return b, errWrongShape
	}
	b = ArxivBrief{ID: model.StripArxivVersion(cleanLine(id)), Title: cleanLine(title), Authors: authors, AuthorSum: count,
		Published: published, Categories: arxivCategories(cats)}
	if b.ID == "" && b.Title == "" {
		return b, errWrongShape
	}
	if b.ID == "" {
		b.ID = titleKey(b.Title)
	}
	return b, nil
}

// ParseArxivMetaLine reads one line of the snapshot into a whole record.
func ParseArxivMetaLine(line []byte) (model.Paper, error) {
	m, err := splitArxivMeta(line)
	if err != nil {
		return model.Paper{}, err
	}
	var p model.Paper
	var cats string
	for _, f := range []struct {
		raw []byte
		to  *string
	}{{m.id, &p.ID}, {m.title, &p.Title}, {m.categories, &cats}, {m.updateDate, &p.Updated},
		{m.comments, &p.ArxivComments}, {m.doi, &p.DOI}, {m.journalRef, &p.JournalRef}, {m.abstract, &p.Summary}} {
		if !decodeString(f.raw, f.to) {
			return model.Paper{}, errWrongShape
		}
	}
	var ok bool
	if p.Authors, p.AuthorCount, ok = m.authorList(-1); !ok {
		return model.Paper{}, errWrongShape
	}
	if p.Published, ok = m.published(); !ok {
		return model.Paper{}, errWrongShape
	}
	p.Categories = arxivCategories(cats)
	if len(p.Categories) > 0 {
		p.PrimaryCategory = p.Categories[0]
	}
	p.Updated = dateOnly(p.Updated)
	p.ArxivComments, p.DOI, p.JournalRef = cleanLine(p.ArxivComments), cleanLine(p.DOI), cleanLine(p.JournalRef)
	p = finish(p, model.SourceArxiv)
	if p.Title == "" && !model.IsArxivID(p.ID) {
		return model.Paper{}, errWrongShape
	}
	return p, nil
}

// decodeString decodes a JSON string (null is ""), failing on any other
// kind of value; an absent value (nil) leaves *to as it is.
func decodeString(raw []byte, to *string) bool {
	switch {
	case raw == nil:
		return true
	case len(raw) >= 2 && raw[0] == '"' && bytes.IndexByte(raw, '\\') < 0:
		*to = string(raw[1 : len(raw)-1])
		return true
	case raw[0] == '"':
		return json.Unmarshal(raw, to) == nil
	case string(raw) == "null":
		*to = ""
		return true
	}
	return false
}

// authorList is the names of the authors, at most limit of them (all when
// limit < 0), and how many there are: from authors_parsed (["Last",
// "First", "Jr"]) when it is there, else from the authors line.
func (m arxivMeta) authorList(limit int) (names []string, count int, ok bool) {
	if m.authorsParsed != nil && string(m.authorsParsed) != "null" {
		// Only the names asked for are decoded: a collaboration's
		// thousands of authors are counted, not read, for a brief.
		var parsed [][]string
		bad := false
		err := eachElement(m.authorsParsed, func(elem []byte) {
			count++
			if limit >= 0 && len(parsed) >= limit {
				return
			}
			var a []string
			if json.Unmarshal(elem, &a) != nil {
				bad = true
			}
			parsed = append(parsed, a)
		})
		if err != nil || bad {
			return nil, 0, false
		}
		for _, a := range parsed {
			var parts []string
			if len(a) > 1 {
				parts = append(parts, a[1])
			}
			if len(a) > 0 {
				parts = append(parts, a[0])
			}
			if len(a) > 2 {
				parts = append(parts, a[2])
			}
			if name := texName(strings.Join(parts, " ")); name != "" {
				names = append(names, name)
			}
		}
		// A name that cleans to nothing is not an author.
		count -= len(parsed) - len(names)
		return names, count, true
	}
	var line string
	if !decodeString(m.authors, &line) {
		return nil, 0, false
	}
	for _, name := range splitAuthorLine(line) {
		if name = texName(name); name != "" {
			names = append(names, name)
		}
	}
	count = len(names)
	if limit >= 0 && len(names) > limit {
		names = names[:limit]
	}
	return names, count, true
}

// texName is a cleaned author name with its TeX accents made letters
// (arXiv's author lines write "Bal\'azs", "Fr{\'e}d{\'e}rique"), so
// that it reads and is found as "Balázs".
func texName(s string) string {
	if strings.ContainsAny(s, `\{`) {
		s = strings.NewReplacer("{", "", "}", "").Replace(latex.Text(s))
	}
	return cleanLine(s)
}

// splitAuthorLine splits "A. One, B. Two (Somewhere, Else) and C. Three"
// into names: commas and "and" outside parentheses separate names, and
// the parenthesised affiliations go.
func splitAuthorLine(s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	var names []string
	var cur strings.Builder
	depth := 0
	flush := func() {
		if name := strings.TrimSpace(cur.String()); name != "" {
			names = append(names, name)
		}
		cur.Reset()
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth = max(depth-1, 0)
		case depth > 0:
		case c == ',':
			flush()
		case c == ' ' && strings.HasPrefix(s[i:], " and "):
			flush()
			i += len(" and ") - 1
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return names
}

// published is the date of the first version, "Mon, 2 Apr 2007 19:18:42
// GMT" → "2007-04-02"; "" when the line has no versions.
func (m arxivMeta) published() (string, bool) {
	if m.versions == nil || string(m.versions) == "null" {
		return "", true
	}
	var versions []struct {
		Created string `json:"created"`
	}
	if json.Unmarshal(m.versions, &versions) != nil {
		return "", false
	}
	if len(versions) == 0 {
		return "", true
	}
	return rfc1123Date(versions[0].Created), true
}

var monthNumbers = map[string]string{"Jan": "01", "Feb": "02", "Mar": "03", "Apr": "04", "May": "05", "Jun": "06",
	"Jul": "07", "Aug": "08", "Sep": "09", "Oct": "10", "Nov": "11", "Dec": "12"}

// rfc1123Date reads the day of "Mon, 2 Apr 2007 19:18:42 GMT" by hand:
// time.Parse is the slowest part of a line otherwise.
func rfc1123Date(s string) string {
	f := strings.Fields(s)
	if len(f) < 4 {
		return ""
	}
	day, month, year := f[1], monthNumbers[f[2]], f[3]
	if len(day) == 1 {
		day = "0" + day
	}
	d := year + "-" + month + "-" + day
	if month == "" || !datePattern.MatchString(d) {
		return ""
	}
	return d
}

// arxivCategories keeps the category names of a categories field: the
// snapshot sometimes has MSC or ACM classes there too ("math.RT 16S37
// (Primary)").
func arxivCategories(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if model.IsArxivCategory(f) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// streamArxivMeta reads the snapshot line by line, emitting papers in
// batches (a screenful first) and counting the lines it skipped.
func streamArxivMeta(ctx context.Context, br *bufio.Reader, batch int, emit func([]model.Paper)) (model.Listing, error) {
	listing := model.Listing{Source: model.SourceArxiv}
	pending := make([]model.Paper, 0, min(batch, firstBatch))
	flush := func() {
		if len(pending) > 0 {
			emit(pending)
			pending = make([]model.Paper, 0, batch)
		}
	}
	lineNo := 0
	var skips skipped
	skip := func(why string) { skips.addLine(lineNo, why) }
	err := eachLine(br, func(line []byte) error {
		lineNo++
		if err := ctx.Err(); err != nil {
			return err
		}
		if line == nil {
			skip(SkipReasonTooLong)
			return nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			return nil
		}
		p, err := ParseArxivMetaLine(line)
		if err != nil {
			skip(ArxivMetaSkipReason(err))
			return nil
		}
		pending = append(pending, p)
		if len(pending) == cap(pending) {
			flush()
		}
		return nil
	})
	flush()
	skips.into(&listing)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) { // a cut .gz: its last line was skipped
		return listing, err
	}
	return listing, nil
}

// MaxLine is the longest snapshot line read: a longer one is skipped, for
// SkipReasonTooLong.
const MaxLine = maxItem

// SkipReasonTooLong is why a line longer than MaxLine was skipped.
const SkipReasonTooLong = "longer than 16 MB"

// ArxivMetaSkipReason says why a line was skipped, for an error of
// ParseArxivMetaLine or BriefArxivMetaLine.
func ArxivMetaSkipReason(err error) string {
	if errors.Is(err, errWrongShape) {
		return "not an arXiv metadata record"
	}
	return "not JSON, or cut short"
}

// parseArxivMeta is streamArxivMeta over a whole input in memory.
func parseArxivMeta(body []byte) (model.Listing, error) {
	var papers []model.Paper
	l, err := streamArxivMeta(context.Background(), bufio.NewReader(bytes.NewReader(body)), 1000,
		func(b []model.Paper) { papers = append(papers, b...) })
	l.Papers = papers
	return l, err
}

// eachLine calls fn with every line of r (without its newline; the last
// one also when it has none). A line longer than maxItem is given as nil,
// its bytes skipped: one runaway line cannot eat the memory. fn's slice
// is valid only during the call. The first error of fn or of r stops it.
func eachLine(br *bufio.Reader, fn func(line []byte) error) error {
	var long []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			if !tooLong {
				long = append(long, chunk...)
				if len(long) > maxItem {
					long, tooLong = nil, true
				}
			}
			continue
		}
		line := chunk
		if len(long) > 0 {
			line = append(long, chunk...)
			long = long[:0]
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		if tooLong {
			line, tooLong = nil, false
		}
		if len(chunk) > 0 || line == nil {
			if ferr := fn(line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading: %w", err)
		}
	}
}

// looksLikeArxivMeta tells the snapshot by its first lines: one of the
// first few holds a snapshot record (the others may be broken).
func looksLikeArxivMeta(body []byte) bool {
	verdict, _ := arxivMetaVerdict(body, true)
	return verdict
}

// arxivMetaVerdict looks at the start of an input: sure is false when it
// has too few whole lines to tell (its last line counts only when atEnd).
func arxivMetaVerdict(window []byte, atEnd bool) (verdict, sure bool) {
	for tries := 0; tries < 8 && len(window) > 0; {
		line, rest, found := bytes.Cut(window, []byte("\n"))
		if !found && !atEnd {
			return false, false
		}
		window = rest
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if isArxivMetaLine(line) {
			return true, true
		}
		tries++
	}
	return false, atEnd || len(window) > 0
}

// IsArxivMetadataFile reports whether the file at path (plain or gzip) is
// in the arXiv metadata snapshot's shape: a reader of millions of papers
// opens it through package catalog instead of streaming whole records.
func IsArxivMetadataFile(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, streamBuffer)
	if gzipped(br) {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return false, nil
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, streamBuffer)
	}
	if err := skipSpaceAndBOM(br); err != nil {
		return false, err
	}
	return isArxivMetaStream(br), nil
}
