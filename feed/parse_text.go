package feed

import (
	"bufio"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// The text a person gets by selecting all on huggingface.co/papers and
// copying it (DESIGN.md, "Text snapshot").
var (
	snapshotHeaderDate = regexp.MustCompile(`^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})$`)
	snapshotDateLine   = regexp.MustCompile(`^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$`)
	snapshotAuthors    = regexp.MustCompile(`^•\s*(\d+)\s+authors?$`)
)

// ParseTextSnapshot reads copied page text. now resolves dates written
// without a year: the latest such date not after now.
func ParseTextSnapshot(r io.Reader, now time.Time) (model.Listing, error) {
	var lines []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxInput)
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(termsafe.Line(sc.Text()), " "))
	}
	if err := sc.Err(); err != nil {
		return model.Listing{}, err
	}
	notText := &FormatError{What: "text that is not a copied huggingface.co/papers page (no date line such as \"Jan 9\")", Expected: anyFormat}
	start := -1
	for i, line := range lines {
		if snapshotHeaderDate.MatchString(strings.TrimSpace(line)) {
			start = i
			break
		}
	}
	if start < 0 {
		return model.Listing{}, notText
	}
	l := model.Listing{Source: model.SourceHF}
	if d, ok := snapshotDate(strings.TrimSpace(lines[start]), now); ok {
		l.Period = model.DayPeriod(d)
	}

	next := func(i int) int { // the next non-blank line at or after i
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
		return i
	}
	for i := next(start + 1); i < len(lines); i = next(i) {
		p := model.Paper{Title: lines[i]}
		i = next(i + 1)
		if i < len(lines) && !isMetaStart(lines, i) {
			p.Summary = lines[i]
			i = next(i + 1)
		}
		if isMetaStart(lines, i) {
			readSnapshotMeta(&p, strings.TrimSpace(lines[i]), strings.TrimSpace(lineAt(lines, i+2)), now)
			i += 3
		}
		p.Links = FindLinks(p.Summary)
		if p = finish(p, model.SourceHF); p.Title != "" {
			p.URL = "" // no id in copied text: no page to point to
			l.Papers = append(l.Papers, p)
		}
	}
	if len(l.Papers) == 0 {
		return model.Listing{}, notText
	}
	return l, nil
}

func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// isMetaStart reports whether line i opens a meta block: an authors or
// organisation line followed by a line holding only "·".
func isMetaStart(lines []string, i int) bool {
	return i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "·"
}

func readSnapshotMeta(p *model.Paper, who, date string, now time.Time) {
	if m := snapshotAuthors.FindStringSubmatch(who); m != nil {
		p.AuthorCount, _ = strconv.Atoi(m[1])
	} else if handle, name, ok := strings.Cut(who, " "); ok {
		p.Organization = name
	} else {
		p.Organization = handle
	}
	m := snapshotDateLine.FindStringSubmatch(date)
	if m == nil {
		return
	}
	if d, ok := snapshotDate(m[1]+" "+m[2]+optional(", ", m[3]), now); ok {
		p.Published = d.Format(time.DateOnly)
	}
	if m[4] != "" {
		p.Upvotes, _ = strconv.Atoi(m[4])
	}
}

func optional(prefix, s string) string {
	if s == "" {
		return ""
	}
	return prefix + s
}

// snapshotDate reads "Mar 4" or "Feb 27, 2025"; a date without a year is
// the latest such date not after now.
func snapshotDate(s string, now time.Time) (time.Time, bool) {
	if t, err := time.Parse("Jan 2, 2006", s); err == nil {
		return t, true
	}
	t, err := time.Parse("Jan 2", s)
	if err != nil {
		return time.Time{}, false
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	d := time.Date(now.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if d.After(today) {
		d = d.AddDate(-1, 0, 0)
	}
	return d, true
}
