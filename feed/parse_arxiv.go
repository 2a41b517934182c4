package feed

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"

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
		p.Links = FindLinks(e.Comment)
		if p = finish(p, model.SourceArxiv); p.Title != "" {
			l.Papers = append(l.Papers, p)
		}
	}
	return l, nil
}

var arxivURLPattern = regexp.MustCompile(`arxiv\.org/(?:abs|pdf)/(.+?)(?:\.pdf)?$`)

// arxivIDFromURL turns http://arxiv.org/abs/2606.13677v1 into 2606.13677.
func arxivIDFromURL(s string) string {
	s = strings.TrimSpace(s)
	if m := arxivURLPattern.FindStringSubmatch(s); m != nil {
		return stripVersion(m[1])
	}
	return stripVersion(strings.TrimPrefix(s, "arXiv:"))
}

// ParseArxivList reads an arxiv.org/list/CAT/new page: dl#articles holds a
// dt (the id link) and a dd (title, authors, subjects, abstract) per paper.
func ParseArxivList(r io.Reader) (model.Listing, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return model.Listing{}, err
	}
	l := model.Listing{Source: model.SourceArxiv, Period: model.Period{Kind: model.Arxiv}}
	articles := doc.Find("dl#articles")
	if articles.Length() == 0 {
		return model.Listing{}, &FormatError{What: "an HTML page without an arXiv article list", Expected: "an arxiv.org/list/CATEGORY/new page"}
	}
	seen := map[string]bool{}
	articles.Find("dt").Each(func(_ int, dt *goquery.Selection) {
		dd := dt.NextFiltered("dd")
		href, _ := dt.Find(`a[title="Abstract"]`).First().Attr("href")
		p := model.Paper{
			ID:      arxivIDFromURL(strings.TrimPrefix(href, "/abs/")),
			Title:   withoutDescriptor(dd.Find(".list-title").First()),
			Summary: dd.Find("p.mathjax").First().Text(),
		}
		dd.Find(".list-authors a").Each(func(_ int, a *goquery.Selection) {
			p.Authors = append(p.Authors, a.Text())
		})
		p.PrimaryCategory = primaryCategory(withoutDescriptor(dd.Find(".list-subjects").First()))
		// New submissions are listed once, cross-lists and replacements again.
		if p = finish(p, model.SourceArxiv); p.Title != "" && !seen[p.ID] {
			seen[p.ID] = true
			l.Papers = append(l.Papers, p)
		}
	})
	return l, nil
}

// withoutDescriptor is an element's text without arXiv's "Title:" or
// "Subjects:" label.
func withoutDescriptor(s *goquery.Selection) string {
	s = s.Clone()
	s.Find(".descriptor").Remove()
	return s.Text()
}

var categoryPattern = regexp.MustCompile(`\(([a-z\-]+(?:\.[A-Za-z\-]+)?)\)`)

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
	p.Links = FindLinks(doc.Find("td.comments").First().Text())
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
