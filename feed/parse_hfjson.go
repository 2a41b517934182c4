package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// The Hugging Face item schema, shared by the page props and the JSON API.
// Only the fields paperdeck uses; every one may be missing or null.
type hfItem struct {
	Paper        *hfPaper `json:"paper"`
	Title        string   `json:"title"`
	Summary      string   `json:"summary"`
	PublishedAt  string   `json:"publishedAt"`
	NumComments  flexInt  `json:"numComments"`
	Organization *hfOrg   `json:"organization"`
}

type hfPaper struct {
	ID             string     `json:"id"`
	Title          string     `json:"title"`
	Summary        string     `json:"summary"`
	Authors        []hfAuthor `json:"authors"`
	PublishedAt    string     `json:"publishedAt"`
	Upvotes        flexInt    `json:"upvotes"`
	NumComments    flexInt    `json:"numComments"`
	GithubRepo     string     `json:"githubRepo"`
	GithubStars    flexInt    `json:"githubStars"`
	ProjectPage    string     `json:"projectPage"`
	AISummary      string     `json:"ai_summary"`
	AIKeywords     []string   `json:"ai_keywords"`
	Organization   *hfOrg     `json:"organization"`
	LinkedModels   []hfRepo   `json:"linkedModels"`
	LinkedDatasets []hfRepo   `json:"linkedDatasets"`
	LinkedSpaces   []hfRepo   `json:"linkedSpaces"`
}

type hfAuthor struct {
	Name   string `json:"name"`
	Hidden bool   `json:"hidden"`
}

type hfOrg struct {
	Name     string `json:"name"`
	Fullname string `json:"fullname"`
}

type hfRepo struct {
	ID string `json:"id"`
}

func (o *hfOrg) display() string {
	if o == nil {
		return ""
	}
	if o.Fullname != "" {
		return o.Fullname
	}
	return o.Name
}

// flexInt reads a count that may come as a number, a numeric string or
// null; anything else counts as zero rather than failing the whole page.
type flexInt int

func (n *flexInt) UnmarshalJSON(b []byte) error {
	b = bytes.Trim(b, `"`)
	if f, err := strconv.ParseFloat(string(b), 64); err == nil && f >= 0 && f < 1e12 {
		*n = flexInt(f)
	}
	return nil
}

// paper converts one item to the record; ok is false for an item with
// neither a paper id nor a title (nothing to show).
func (it hfItem) paper() (model.Paper, bool) {
	p := it.Paper
	if p == nil {
		p = &hfPaper{}
	}
	rec := p.record()
	if rec.Title == "" {
		rec.Title = it.Title
	}
	if rec.Summary == "" {
		rec.Summary = it.Summary
	}
	if rec.Published == "" {
		rec.Published = dateOnly(it.PublishedAt)
	}
	if rec.Comments == 0 {
		rec.Comments = int(it.NumComments)
	}
	if rec.Organization == "" {
		rec.Organization = it.Organization.display()
	}
	rec = finish(rec, model.SourceHF)
	return rec, rec.Title != "" || model.IsArxivID(rec.ID)
}

func (p hfPaper) record() model.Paper {
	rec := model.Paper{
		ID:             p.ID,
		Title:          p.Title,
		Summary:        p.Summary,
		Published:      dateOnly(p.PublishedAt),
		Upvotes:        int(p.Upvotes),
		Comments:       int(p.NumComments),
		GitHub:         p.GithubRepo,
		GitHubStars:    int(p.GithubStars),
		ProjectPage:    p.ProjectPage,
		AISummary:      p.AISummary,
		Keywords:       p.AIKeywords,
		Organization:   p.Organization.display(),
		LinkedModels:   repoIDs(p.LinkedModels),
		LinkedDatasets: repoIDs(p.LinkedDatasets),
		LinkedSpaces:   repoIDs(p.LinkedSpaces),
		AuthorCount:    len(p.Authors),
	}
	for _, a := range p.Authors {
		rec.Authors = append(rec.Authors, a.Name)
	}
	return rec
}

func repoIDs(rs []hfRepo) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

func itemsToPapers(items []hfItem) []model.Paper {
	papers := make([]model.Paper, 0, len(items))
	for _, it := range items {
		if p, ok := it.paper(); ok {
			papers = append(papers, p)
		}
	}
	return papers
}

// ParseDailyPapersJSON reads the array of /api/daily_papers or
// /api/papers/search. An empty array is an empty listing.
func ParseDailyPapersJSON(r io.Reader) (model.Listing, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return model.Listing{}, err
	}
	items, skips, err := decodeList[hfItem](data)
	if err != nil {
		return model.Listing{}, jsonError("Hugging Face API response", err)
	}
	l := model.Listing{Source: model.SourceHF, Papers: itemsToPapers(items)}
	skips.into(&l)
	return l, nil
}

// ParsePaperJSON reads the object of /api/papers/ID: the bare paper with
// its details (repo, stars, project page, AI summary, linked repos).
func ParsePaperJSON(r io.Reader) (model.Paper, error) {
	var p hfPaper
	if err := json.NewDecoder(r).Decode(&p); err != nil {
		return model.Paper{}, jsonError("Hugging Face paper", err)
	}
	rec := finish(p.record(), model.SourceHF)
	if p.ID == "" && p.Title == "" {
		return model.Paper{}, &FormatError{What: "JSON without a paper id or title", Expected: "a Hugging Face /api/papers/ID object"}
	}
	return rec, nil
}

func jsonError(what string, err error) error {
	var syntax *json.SyntaxError
	if err == io.EOF || err == io.ErrUnexpectedEOF || errors.As(err, &syntax) && strings.Contains(err.Error(), "unexpected end") {
		return &FormatError{What: "truncated or empty JSON", Expected: "a complete " + what}
	}
	return &FormatError{What: fmt.Sprintf("JSON that does not fit (%v)", err), Expected: "a " + what}
}
