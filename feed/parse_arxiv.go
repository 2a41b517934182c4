package feed

import (
	"encoding/xml"
	"html"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/paperdeck/paperdeck/model"
)

// atomFeed is the part of an arXiv API response paperdeck uses.
type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	Entries []atomEntry `xml:"entry"`
}

type atomEntry struct {
	ID        string `xml:"id"`
	Title     string `xml:"title"`
	Summary   string `xml:"summary"`
	Published string `xml:"published"`
	Authors   []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Href  string `xml:"href,attr"`
		Rel   string `xml:"rel,attr"`
		Title string `xml:"title,attr"`
	} `xml:"link"`
	PrimaryCategory struct {
		Term string `xml:"term,attr"`
	} `xml:"http://arxiv.org/schemas/atom primary_category"`
	Comment string `xml:"http://arxiv.org/schemas/atom comment"`
}

// ParseArxivAtom reads an arXiv API (Atom) response.
func ParseArxivAtom(r io.Reader) (model.Listing, error) {
	var f atomFeed
	dec := xml.NewDecoder(r)
	dec.Strict = true
	if err := dec.Decode(&f); err != nil {
		if err == io.EOF {
			return model.Listing{}, &FormatError{What: "empty XML", Expected: "an arXiv Atom feed"}
		}
		return model.Listing{}, &FormatError{What: "XML that is not a complete Atom feed (" + err.Error() + ")", Expected: "an arXiv API response"}
	}
	l := model.Listing{Source: model.SourceArxiv, Period: model.Period{Kind: model.Arxiv}}
	for _, e := range f.Entries {
		p := model.Paper{
			ID:              arxivIDFromURL(e.ID),
			Title:           e.Title,
			Summary:         e.Summary,
			Published:       dateOnly(e.Published),
			PrimaryCategory: e.PrimaryCategory.Term,
		}
		for _, a := range e.Authors {
			p.Authors = append(p.Authors, a.Name)
		}
		for _, link := range e.Links {
			if link.Title == "pdf" {
				p.PDFURL = link.Href
			}
		}
		// Authors often put the code link in the comment field.
		p.ArxivComments = e.Comment
		if p = finish(p, model.SourceArxiv); p.Title != "" {
			l.Papers = append(l.Papers, p)
		}
	}
	return l, nil
}

// arxivIDFromURL turns http://arxiv.org/abs/2606.13677v1 into 2606.13677,
// reading it as PaperID reads what a user pastes; what is no arXiv id
// stays as written.
func arxivIDFromURL(s string) string {
	if id, ok := PaperID(s); ok {
		return id
	}
	return strings.TrimSpace(s)
}

// ParseArxivList reads an arxiv.org/list/CAT/new page in either layout
// in use since 2023:
//
//   - since 2024: "Showing new listings for Friday, 5 April 2024", then one
//     dl#articles per section, its h3 first ("New submissions (showing …)",
//     "Cross submissions …", "Replacement submissions …");
//   - until 2024: an h3 before each section's dl ("New submissions for
//     Thu, 7 Dec 23", "Cross-lists for …", "Replacements for …").
//
// Each dt holds the id link, its dd the title, authors, comments, subjects
// and abstract. Every paper carries the listing's date and how it is
// listed (new, cross-list, replacement); one listed twice is kept once.
func ParseArxivList(r io.Reader) (model.Listing, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return model.Listing{}, err
	}
	l := model.Listing{Source: model.SourceArxiv, Period: model.Period{Kind: model.Arxiv}}
	if doc.Find("dl#articles, #dlpage").Length() == 0 {
		return model.Listing{}, &FormatError{What: "an HTML page without an arXiv article list", Expected: "an arxiv.org/list/CATEGORY/new page"}
	}
	listed := arxivListingDate(doc)
	seen := map[string]bool{}
	doc.Find("dl").Each(func(_ int, dl *goquery.Selection) {
		section := listingSection(dl)
		dl.ChildrenFiltered("dt").Each(func(_ int, dt *goquery.Selection) {
			href, ok := dt.Find(`a[title="Abstract"]`).First().Attr("href")
			if !ok {
				return
			}
			dd := dt.NextFiltered("dd")
			p := model.Paper{
				ID:            arxivIDFromURL(strings.TrimPrefix(href, "/abs/")),
				Title:         withoutDescriptor(dd.Find(".list-title").First()),
				Summary:       textWithLinks(dd.Find("p.mathjax").First()),
				ArxivComments: textWithLinks(dd.Find(".list-comments").First()),
				ArxivListing:  itemSection(dt, section),
				Listed:        listed,
			}
			dd.Find(".list-authors a").Each(func(_ int, a *goquery.Selection) {
				p.Authors = append(p.Authors, a.Text())
			})
			subjects := dd.Find(".list-subjects").First()
			if primary := subjects.Find(".primary-subject").First(); primary.Length() > 0 {
				p.PrimaryCategory = primaryCategory(primary.Text())
			} else {
				p.PrimaryCategory = primaryCategory(withoutDescriptor(subjects))
			}
			if p = finish(p, model.SourceArxiv); p.Title != "" && !seen[p.ID] {
				seen[p.ID] = true
				l.Papers = append(l.Papers, p)
			}
		})
	})
	return l, nil
}

// listingSection is what a dl of a list page holds, from its heading: the
// h3 inside it (2024 layout), else the nearest h3 before it.
func listingSection(dl *goquery.Selection) string {
	heading := dl.ChildrenFiltered("h3").First()
	if heading.Length() == 0 {
		heading = dl.PrevAllFiltered("h3").First()
	}
	h := strings.ToLower(heading.Text())
	switch {
	case strings.HasPrefix(h, "cross"):
		return model.ListedCross
	case strings.HasPrefix(h, "replace"):
		return model.ListedReplacement
	}
	return model.ListedNew
}

// itemSection: a dt may say itself what it is ("(cross-list from cs.AI)",
// "(replaced)"), which wins over its section.
func itemSection(dt *goquery.Selection, section string) string {
	t := dt.Text()
	switch {
	case strings.Contains(t, "(cross-list from"):
		return model.ListedCross
	case strings.Contains(t, "(replaced)"):
		return model.ListedReplacement
	}
	return section
}

// arxivListingDate reads the day a list page announces: "Showing new
// listings for Friday, 5 April 2024" (2024 layout) or "New submissions for
// Thu, 7 Dec 23" (before); "" when the page names none.
func arxivListingDate(doc *goquery.Document) string {
	var date string
	doc.Find("h3").EachWithBreak(func(_ int, h *goquery.Selection) bool {
		text := strings.Join(strings.Fields(h.Text()), " ")
		for _, prefix := range []string{"Showing new listings for ", "New submissions for "} {
			if rest, ok := strings.CutPrefix(text, prefix); ok {
				for _, layout := range []string{"Monday, 2 January 2006", "Mon, 2 Jan 06", "Mon, 2 Jan 2006"} {
					if t, err := time.Parse(layout, rest); err == nil {
						date = t.Format(time.DateOnly)
						return false
					}
				}
			}
		}
		return true
	})
	return date
}

// textWithLinks is an element's text without its descriptor, each link
// written as its address: arXiv shows long links as "this https URL".
func textWithLinks(s *goquery.Selection) string {
	s = s.Clone()
	s.Find(".descriptor").Remove()
	s.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		if l := strings.ToLower(href); strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
			a.ReplaceWithHtml(html.EscapeString(href))
		}
	})
	return s.Text()
}

// withoutDescriptor is an element's text without arXiv's "Title:" or
// "Subjects:" label.
func withoutDescriptor(s *goquery.Selection) string {
	s = s.Clone()
	s.Find(".descriptor").Remove()
	return s.Text()
}

var categoryPattern = regexp.MustCompile(`\((` + model.ArxivCategoryExpr + `)\)`)

// primaryCategory reads "Machine Learning (cs.LG); Artificial
// Intelligence (cs.AI)" as cs.LG.
func primaryCategory(subjects string) string {
	if m := categoryPattern.FindStringSubmatch(subjects); m != nil {
		return m[1]
	}
	return ""
}

// ParseArxivAbs reads an arxiv.org/abs/ID page from its citation meta
// tags (stable across redesigns), falling back to the visible heading and
// abstract.
func ParseArxivAbs(r io.Reader) (model.Paper, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return model.Paper{}, err
	}
	meta := func(name string) string {
		v, _ := doc.Find(`meta[name="` + name + `"]`).First().Attr("content")
		return v
	}
	p := model.Paper{
		ID:      meta("citation_arxiv_id"),
		Title:   meta("citation_title"),
		Summary: meta("citation_abstract"),
		PDFURL:  meta("citation_pdf_url"),
	}
	if p.Title == "" {
		p.Title = withoutDescriptor(doc.Find("h1.title").First())
	}
	if p.Summary == "" {
		p.Summary = withoutDescriptor(doc.Find("blockquote.abstract").First())
	}
	if d := strings.ReplaceAll(meta("citation_date"), "/", "-"); d != "" {
		p.Published = dateOnly(d)
	}
	doc.Find(`meta[name="citation_author"]`).Each(func(_ int, m *goquery.Selection) {
		name, _ := m.Attr("content")
		p.Authors = append(p.Authors, flipName(name))
	})
	p.PrimaryCategory = primaryCategory(doc.Find("td.subjects").First().Text())
	p.ArxivComments = textWithLinks(doc.Find("td.comments").First())
	if p.ID == "" && p.Title == "" {
		return model.Paper{}, &FormatError{What: "an HTML page without an arXiv paper", Expected: "an arxiv.org/abs/ID page"}
	}
	return finish(p, model.SourceArxiv), nil
}

// flipName turns the citation format "Dubey, Abhimanyu" into "Abhimanyu Dubey".
func flipName(s string) string {
	if last, first, ok := strings.Cut(s, ","); ok {
		return strings.TrimSpace(first) + " " + strings.TrimSpace(last)
	}
	return s
}
