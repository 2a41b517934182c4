package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// Feed is what the reader needs from the sources: a listing for a period
// and the full record of one paper. *feed.Client implements it; tests use
// fakes.
type Feed interface {
	Load(ctx context.Context, req feed.Request) (feed.Result, error)
	Paper(ctx context.Context, id string) (model.Paper, error)
}

// guard is one kind of request in flight. Begin cancels the previous one
// and hands out a new generation; Finish accepts only the newest, so a
// slow old answer never replaces a newer one.
type guard struct {
	gen    int
	cancel context.CancelFunc
}

func (g *guard) Begin(parent context.Context) (context.Context, int) {
	g.Stop()
	ctx, cancel := context.WithCancel(parent)
	g.gen++
	g.cancel = cancel
	return ctx, g.gen
}

// Finish reports whether gen is the request still wanted, and ends it.
func (g *guard) Finish(gen int) bool {
	if gen != g.gen || g.cancel == nil {
		return false
	}
	g.cancel()
	g.cancel = nil
	return true
}

// Stop cancels the request in flight, if any.
func (g *guard) Stop() {
	if g.cancel != nil {
		g.cancel()
		g.cancel = nil
	}
}

func (g *guard) Busy() bool { return g.cancel != nil }

// loadReq is a listing request and why it was made.
type loadReq struct {
	feed.Request
	Step    int  // -1 or +1 for [ and ]: an empty answer moves on
	Skipped int  // empty periods already skipped on this step
	Push    bool // keep the current listing one esc away (search)
	KeepID  string
}

type listingMsg struct {
	gen   int
	req   loadReq
	res   feed.Result
	index filterIndex
	err   error
}

// loadCmd loads a listing and builds its filter index, both off the UI
// goroutine.
func loadCmd(f Feed, ctx context.Context, gen int, req loadReq) tea.Cmd {
	return func() tea.Msg {
		res, err := f.Load(ctx, req.Request)
		if err != nil {
			return listingMsg{gen: gen, req: req, err: err}
		}
		return listingMsg{gen: gen, req: req, res: res, index: newFilterIndex(res.Listing.Papers)}
	}
}

type detailsMsg struct {
	gen   int
	id    string
	paper model.Paper
	err   error
}

// detailsCmd fetches the full record of one paper (code link, stars, AI
// summary) for the detail pane.
func detailsCmd(f Feed, ctx context.Context, gen int, id string) tea.Cmd {
	return func() tea.Msg {
		p, err := f.Paper(ctx, id)
		return detailsMsg{gen: gen, id: id, paper: p, err: err}
	}
}

// mergeDetails lays the fields a detail record knows over the listing's
// record, keeping what the listing had where the detail is silent.
func mergeDetails(p, d model.Paper) model.Paper {
	str := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	str(&p.Title, d.Title)
	str(&p.Organization, d.Organization)
	str(&p.Published, d.Published)
	str(&p.Summary, d.Summary)
	str(&p.AISummary, d.AISummary)
	str(&p.GitHub, d.GitHub)
	str(&p.ProjectPage, d.ProjectPage)
	str(&p.URL, d.URL)
	str(&p.ArxivURL, d.ArxivURL)
	str(&p.PDFURL, d.PDFURL)
	str(&p.PrimaryCategory, d.PrimaryCategory)
	if len(d.Authors) > len(p.Authors) {
		p.Authors = d.Authors
	}
	p.AuthorCount = max(p.AuthorCount, d.AuthorCount)
	p.Upvotes = max(p.Upvotes, d.Upvotes)
	p.Comments = max(p.Comments, d.Comments)
	p.GitHubStars = max(p.GitHubStars, d.GitHubStars)
	if len(d.Keywords) > 0 {
		p.Keywords = d.Keywords
	}
	if len(d.Links) > len(p.Links) {
		p.Links = d.Links
	}
	if len(d.LinkedModels) > 0 {
		p.LinkedModels = d.LinkedModels
	}
	if len(d.LinkedDatasets) > 0 {
		p.LinkedDatasets = d.LinkedDatasets
	}
	if len(d.LinkedSpaces) > 0 {
		p.LinkedSpaces = d.LinkedSpaces
	}
	return p
}
