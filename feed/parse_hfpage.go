package feed

import (
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/paperdeck/paperdeck/model"
)

// dailyPapersProps is the hydration JSON of a listing page
// (data-target="DailyPapers"). Search pages carry searchResults instead
// of dailyPapers; newer pages add periodType and dateString.
type dailyPapersProps struct {
	DailyPapers   *[]hfItem `json:"dailyPapers"`
	SearchResults *[]hfItem `json:"searchResults"`
	Date          string    `json:"date"`
	DateString    string    `json:"dateString"`
	PeriodType    string    `json:"periodType"`
	PrevDate      string    `json:"prevDate"`
	NextDate      string    `json:"nextDate"`
	Query         string    `json:"query"`
}

// ParseDailyPapersPage reads a huggingface.co/papers listing page (day,
// week, month, trending or search): the hydration JSON when present, else
// the server-rendered <article> cards. A page with neither is
// ErrUnknownLayout.
func ParseDailyPapersPage(r io.Reader) (model.Listing, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return model.Listing{}, err
	}
	if props, ok := doc.Find(`[data-target="DailyPapers"]`).First().Attr("data-props"); ok {
		if l, err := parseDailyPapersProps([]byte(props)); err == nil {
			return l, nil
		}
	}
	cards := doc.Find("article")
	if cards.Length() == 0 {
		return model.Listing{}, ErrUnknownLayout
	}
	l := model.Listing{Source: model.SourceHF}
	cards.Each(func(_ int, card *goquery.Selection) {
		if p, ok := parseCard(card); ok {
			l.Papers = append(l.Papers, p)
		}
	})
	if len(l.Papers) == 0 {
		return model.Listing{}, ErrUnknownLayout
	}
	return l, nil
}

func parseDailyPapersProps(data []byte) (model.Listing, error) {
	var props dailyPapersProps
	var skips skipped
	err := json.Unmarshal(data, &props)
	if isTypeError(err) {
		// A paper that does not fit: read the lists again item by item.
		var lenient struct {
			DailyPapers   *lenientList[hfItem] `json:"dailyPapers"`
			SearchResults *lenientList[hfItem] `json:"searchResults"`
		}
		if err = json.Unmarshal(data, &lenient); err == nil {
			props.DailyPapers, props.SearchResults = lenientItems(lenient.DailyPapers, &skips), lenientItems(lenient.SearchResults, &skips)
		}
	}
	if err != nil {
		return model.Listing{}, jsonError("Hugging Face page data", err)
	}
	items := props.DailyPapers
	if items == nil {
		items = props.SearchResults
	}
	if items == nil {
		return model.Listing{}, ErrUnknownLayout
	}
	l := model.Listing{Source: model.SourceHF, Papers: itemsToPapers(*items)}
	skips.into(&l)
	l.Period, l.Prev, l.Next = propsPeriods(props)
	return l, nil
}

// lenientItems is what a lenient list kept, nil when it was absent.
func lenientItems(l *lenientList[hfItem], skips *skipped) *[]hfItem {
	if l == nil {
		return nil
	}
	skips.merge(l.skipped)
	return &l.items
}

// propsPeriods names the page's period and its neighbours from the props.
func propsPeriods(p dailyPapersProps) (cur, prev, next model.Period) {
	if p.SearchResults != nil && p.DailyPapers == nil {
		return model.Period{Kind: model.Search, Value: cleanLine(p.Query)}, model.Period{}, model.Period{}
	}
	kind := model.Day
	switch p.PeriodType {
	case "week":
		kind = model.Week
	case "month":
		kind = model.Month
	case "trending":
		return model.Period{Kind: model.Trending}, model.Period{}, model.Period{}
	}
	value := cleanLine(p.DateString)
	if kind == model.Day || value == "" {
		if d := dateOnly(p.Date); d != "" {
			value = d
			if kind != model.Day {
				value = model.Period{Kind: model.Day, Value: d}.As(kind, time.Time{}).Value
			}
		}
	}
	if value == "" {
		return model.Period{}, model.Period{}, model.Period{}
	}
	cur = model.Period{Kind: kind, Value: value}
	neighbour := func(v string) model.Period {
		v = cleanLine(v)
		if n, err := model.ParsePeriod(kind, v); err == nil {
			return n
		}
		if d := dateOnly(v); d != "" {
			return model.Period{Kind: model.Day, Value: d}.As(kind, time.Time{})
		}
		return model.Period{}
	}
	return cur, neighbour(p.PrevDate), neighbour(p.NextDate)
}

var (
	authorCountPattern = regexp.MustCompile(`(\d[\d,]*)\s+authors?\b`)
	paperHrefPattern   = regexp.MustCompile(`^/papers/([^/?#]+)$`)
)

// parseCard reads one server-rendered paper card: the title link, the
// upvote count, the comment link and the "· N authors" line.
func parseCard(card *goquery.Selection) (model.Paper, bool) {
	title := card.Find("h3 a").First()
	href, _ := title.Attr("href")
	p := model.Paper{Title: title.Text()}
	if m := paperHrefPattern.FindStringSubmatch(href); m != nil {
		p.ID = m[1]
	}
	// The "Submitted by" badge is a div.leading-none too: the count is the
	// one whose text is a number.
	card.Find("div.leading-none").EachWithBreak(func(_ int, d *goquery.Selection) bool {
		n, err := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(d.Text()), ",", ""))
		if err == nil {
			p.Upvotes = max(n, 0)
		}
		return err != nil
	})
	p.Comments = atoiLoose(card.Find(`a[href$="#community"]`).First().Text())
	if m := authorCountPattern.FindStringSubmatch(card.Text()); m != nil {
		p.AuthorCount = atoiLoose(m[1])
	}
	p = finish(p, model.SourceHF)
	return p, p.Title != ""
}

// atoiLoose reads a displayed count ("94", " 1,204 "); "" or "-" is zero.
func atoiLoose(s string) int {
	n, _ := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(s), ",", ""))
	return max(n, 0)
}

// ParsePaperPage reads a huggingface.co/papers/ID page: the PaperContent
// hydration props (paper, comments).
func ParsePaperPage(r io.Reader) (model.Paper, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return model.Paper{}, err
	}
	props, ok := doc.Find(`[data-target="PaperContent"]`).First().Attr("data-props")
	if !ok {
		return model.Paper{}, ErrUnknownLayout
	}
	var content struct {
		Paper    *hfPaper          `json:"paper"`
		Comments []json.RawMessage `json:"comments"`
	}
	if err := json.Unmarshal([]byte(props), &content); err != nil {
		return model.Paper{}, jsonError("Hugging Face paper page data", err)
	}
	if content.Paper == nil {
		return model.Paper{}, ErrUnknownLayout
	}
	rec := content.Paper.record()
	if rec.Comments == 0 {
		rec.Comments = len(content.Comments)
	}
	return finish(rec, model.SourceHF), nil
}

// parseAnyHTML tells apart the HTML pages paperdeck reads.
func parseAnyHTML(body []byte) (model.Listing, error) {
	switch {
	case bytes.Contains(body, []byte(`data-target="PaperContent"`)):
		p, err := ParsePaperPage(bytes.NewReader(body))
		if err != nil {
			return model.Listing{}, err
		}
		return model.Listing{Source: model.SourceHF, Papers: []model.Paper{p}}, nil
	case bytes.Contains(body, []byte(`id="articles"`)) || bytes.Contains(body, []byte(`id='articles'`)),
		bytes.Contains(body, []byte(`id="dlpage"`)) && bytes.Contains(body, []byte(`title="Abstract"`)): // the layout before 2024
		return ParseArxivList(bytes.NewReader(body))
	case bytes.Contains(body, []byte(`citation_arxiv_id`)):
		p, err := ParseArxivAbs(bytes.NewReader(body))
		if err != nil {
			return model.Listing{}, err
		}
		return model.Listing{Source: model.SourceArxiv, Papers: []model.Paper{p}}, nil
	}
	l, err := ParseDailyPapersPage(bytes.NewReader(body))
	if err == ErrUnknownLayout {
		return model.Listing{}, &FormatError{What: "an HTML page without papers", Expected: anyFormat}
	}
	return l, err
}
