package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// Public addresses shown to users. A base-URL override changes where
// paperdeck fetches, never these.
const (
	hfPublic    = "https://huggingface.co"
	arxivPublic = "https://arxiv.org"
)

// titleKey is the stable id of a paper without an arXiv id.
func titleKey(title string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(strings.Fields(title), " "))))
	return "title-" + hex.EncodeToString(sum[:6])
}

// CleanPaper sanitises a record that did not come through a parser (a
// hand-edited bookmarks file) as the parsers do, keeping its source.
func CleanPaper(p model.Paper) model.Paper {
	src := p.Source
	if src != model.SourceHF && src != model.SourceArxiv {
		src = model.SourceFile
	}
	return finish(p, src)
}

// finish sanitises every field of a parsed record and derives what the
// source left out: id, links, code link, public URLs.
func finish(p model.Paper, src model.Source) model.Paper {
	p.Source = src
	p.Title = cleanLine(p.Title)
	p.Summary = cleanText(p.Summary)
	p.AISummary = cleanText(p.AISummary)
	p.Organization = cleanLine(p.Organization)
	p.Published = cleanLine(p.Published)
	p.PrimaryCategory = cleanLine(p.PrimaryCategory)
	p.ArxivComments = cleanText(p.ArxivComments)
	p.ArxivListing = cleanLine(p.ArxivListing)
	p.Listed = dateOnly(p.Listed)
	p.Authors = cleanList(p.Authors)
	p.Keywords = cleanList(p.Keywords)
	p.LinkedModels = cleanOptionalList(p.LinkedModels)
	p.LinkedDatasets = cleanOptionalList(p.LinkedDatasets)
	p.LinkedSpaces = cleanOptionalList(p.LinkedSpaces)
	p.Hub = hubRepos(p)
	if p.AuthorCount < len(p.Authors) {
		p.AuthorCount = len(p.Authors)
	}
	p.Upvotes = max(p.Upvotes, 0)
	p.Comments = max(p.Comments, 0)
	p.GitHubStars = max(p.GitHubStars, 0)

	p.ID = model.StripArxivVersion(cleanLine(p.ID))
	if p.ID == "" {
		p.ID = titleKey(p.Title)
	}

	// Links in arXiv's comments count as the abstract's: that is where
	// authors often put the code.
	abstractLinks := append(FindLinks(p.Summary), FindLinks(p.ArxivComments)...)
	p.GitHub = SafeURL(p.GitHub)
	if p.GitHub == "" {
		p.GitHub = firstGitHubLink(abstractLinks)
	}
	p.ProjectPage = SafeURL(p.ProjectPage)
	p.Links = dedupe(append(append(safeList(p.Links), p.GitHub, p.ProjectPage), abstractLinks...))

	p.URL, p.ArxivURL, p.PDFURL = SafeURL(p.URL), SafeURL(p.ArxivURL), SafeURL(p.PDFURL)
	if model.IsArxivID(p.ID) {
		if p.ArxivURL == "" {
			p.ArxivURL = arxivPublic + "/abs/" + p.ID
		}
		if p.PDFURL == "" {
			p.PDFURL = arxivPublic + "/pdf/" + p.ID
		}
		if p.URL == "" {
			if src == model.SourceArxiv {
				p.URL = p.ArxivURL
			} else {
				p.URL = hfPublic + "/papers/" + p.ID
			}
		}
	}
	return p
}

// hubRepoName is a Hub repo id: "name" or "owner/name".
var hubRepoName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?$`)

// hubRepos lists the linked models, datasets and spaces with their public
// pages; a name that is not a repo id is left out rather than linked.
func hubRepos(p model.Paper) []model.HubRepo {
	var out []model.HubRepo
	add := func(kind, prefix string, names []string) {
		for _, n := range names {
			if hubRepoName.MatchString(n) {
				out = append(out, model.HubRepo{Kind: kind, Name: n, URL: hfPublic + prefix + n})
			}
		}
	}
	add(model.HubModel, "/", p.LinkedModels)
	add(model.HubDataset, "/datasets/", p.LinkedDatasets)
	add(model.HubSpace, "/spaces/", p.LinkedSpaces)
	return out
}

func firstGitHubLink(links []string) string {
	for _, l := range links {
		if strings.HasPrefix(l, "https://github.com/") || strings.HasPrefix(l, "http://github.com/") {
			return l
		}
	}
	return ""
}

// cleanList sanitises names and drops empty ones; never nil, so the JSON
// output has [] rather than null.
func cleanList(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = cleanLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func cleanOptionalList(in []string) []string {
	if len(in) == 0 {
		return nil
	}
	return cleanList(in)
}

func safeList(in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		out = append(out, SafeURL(s))
	}
	return out
}

// dedupe keeps the first of each non-empty string, in order.
func dedupe(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// dateOnly turns "2024-07-31T17:54:27.000Z" into "2024-07-31"; anything
// that does not start with a date is "".
func dateOnly(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && datePattern.MatchString(s[:10]) {
		return s[:10]
	}
	return ""
}

var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
