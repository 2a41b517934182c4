// Package model holds paperdeck's plain data types: the paper record, the
// listing around it and the period a listing covers. It imports only the
// standard library so every other package can share it.
package model

// Source says where a paper record came from.
type Source string

const (
	SourceHF    Source = "hf"
	SourceArxiv Source = "arxiv"
	SourceFile  Source = "file"
)

// Paper is the record paperdeck shows, bookmarks and prints with --json.
// Every field is optional in the wild; the parsers fill what the source
// gives and derive the links from the id when it does not.
type Paper struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Authors      []string `json:"authors"`
	AuthorCount  int      `json:"author_count"`
	Organization string   `json:"organization"`
	Published    string   `json:"published"` // YYYY-MM-DD or ""
	Upvotes      int      `json:"upvotes"`
	Comments     int      `json:"comments"`
	Summary      string   `json:"summary"`
	AISummary    string   `json:"ai_summary"`
	Keywords     []string `json:"keywords"`
	GitHub       string   `json:"github"`
	GitHubStars  int      `json:"github_stars"`
	ProjectPage  string   `json:"project_page"`
	Links        []string `json:"links"`
	URL          string   `json:"url"`
	ArxivURL     string   `json:"arxiv_url"`
	PDFURL       string   `json:"pdf_url"`
	Source       Source   `json:"source"`

	// Known only from some sources (arXiv, /api/papers/ID).
	PrimaryCategory string `json:"primary_category,omitempty"`
	// ArxivComments is arXiv's "Comments:" field (pages, venue, often the
	// code or project link).
	ArxivComments string `json:"arxiv_comments,omitempty"`
	// ArxivListing says how a paper is on an arXiv new-submissions page:
	// ListedNew, ListedCross or ListedReplacement; "" elsewhere.
	ArxivListing string `json:"arxiv_listing,omitempty"`
	// Listed is the date (YYYY-MM-DD) of the listing the paper was read
	// from, when the listing names one (arXiv's "new listings for …").
	Listed string `json:"listed,omitempty"`
	// Categories are every arXiv category, the primary one first, when the
	// source lists them (the arXiv metadata snapshot).
	Categories []string `json:"categories,omitempty"`
	// From the arXiv metadata snapshot: the last update (YYYY-MM-DD), the
	// DOI and the journal reference.
	Updated        string   `json:"updated,omitempty"`
	DOI            string   `json:"doi,omitempty"`
	JournalRef     string   `json:"journal_ref,omitempty"`
	LinkedModels   []string `json:"linked_models,omitempty"`
	LinkedDatasets []string `json:"linked_datasets,omitempty"`
	LinkedSpaces   []string `json:"linked_spaces,omitempty"`
	// Hub is the same models, datasets and spaces with their pages, for
	// listing and opening them.
	Hub []HubRepo `json:"hub,omitempty"`
}

// How a paper appears on an arXiv category's new-submissions page.
const (
	ListedNew         = "new"         // submitted to this category
	ListedCross       = "cross"       // submitted elsewhere, cross-listed here
	ListedReplacement = "replacement" // a new version of an earlier paper
)

// HubRepo is a model, dataset or space on the Hugging Face Hub linked to a
// paper.
type HubRepo struct {
	Kind string `json:"kind"` // HubModel, HubDataset or HubSpace
	Name string `json:"name"` // "microsoft/rStar-Math-7B"
	URL  string `json:"url"`  // "https://huggingface.co/microsoft/rStar-Math-7B"
}

const (
	HubModel   = "model"
	HubDataset = "dataset"
	HubSpace   = "space"
)

// HasCode reports whether the paper has a code link.
func (p Paper) HasCode() bool { return p.GitHub != "" }

// Link is one labelled link of a paper, as the detail pane and the link
// picker show it.
type Link struct {
	Label string
	URL   string
}

// AllLinks lists every link of the paper once, the well-known ones first:
// page, PDF, arXiv, code, project page, then the links of the abstract,
// then the paper's models, datasets and spaces on the Hub.
func (p Paper) AllLinks() []Link {
	var out []Link
	seen := map[string]bool{}
	add := func(label, url string) {
		if url == "" || seen[url] {
			return
		}
		seen[url] = true
		out = append(out, Link{Label: label, URL: url})
	}
	add("page", p.URL)
	add("pdf", p.PDFURL)
	add("arxiv", p.ArxivURL)
	add("code", p.GitHub)
	add("project", p.ProjectPage)
	for _, l := range p.Links {
		add("link", l)
	}
	for _, r := range p.Hub {
		add(r.Kind+" "+r.Name, r.URL)
	}
	return out
}

// SortDate is the date a paper is ordered by, newest first, wherever
// paperdeck sorts by date: its publication date, else the date of the
// listing it was read from (arXiv's new-submissions pages give only that).
// YYYY-MM-DD sorts as text; "" (no date at all) sorts last.
func (p Paper) SortDate() string {
	if p.Published != "" {
		return p.Published
	}
	return p.Listed
}
