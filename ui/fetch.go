package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// Feed is what the reader needs from the sources: a listing for a period
// and the full record of one paper. *feed.Client implements it; tests use
// fakes.
type Feed interface {
	Load(ctx context.Context, req feed.Request) (feed.Result, error)
	Paper(ctx context.Context, id string) (model.Paper, error)
}

// CachedFeed is a Feed that can also say what its cache holds for a
// request, at any age (*feed.Client does), so the screen shows that while
// the fresh copy loads.
type CachedFeed interface {
	Cached(req feed.Request) (feed.Result, bool)
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

// loadCmd loads a listing and builds its filter index, both off the UI
// goroutine.
func loadCmd(f Feed, ctx context.Context, gen int, req loadReq) tea.Cmd {
	return func() tea.Msg {
		res, err := f.Load(ctx, req.Request)
		var nd *feed.NoDataError
		if errors.As(err, &nd) && nd.StandIn != nil {
			// Shown, labelled, only if nothing else is on screen.
			return listingMsg{gen: gen, req: req, err: err, res: *nd.StandIn, index: filter.New(nd.StandIn.Listing.Papers)}
		}
		if err != nil {
			return listingMsg{gen: gen, req: req, err: err}
		}
		return listingMsg{gen: gen, req: req, res: res, index: filter.New(res.Listing.Papers)}
	}
}

// cachedCmd reads the cache's copy of a listing (disk I/O, so in a
// command); an empty or missing copy says nothing.
func cachedCmd(f CachedFeed, gen int, req loadReq) tea.Cmd {
	return func() tea.Msg {
		res, ok := f.Cached(req.Request)
		if !ok || res.Listing.Empty() {
			return nil
		}
		return listingMsg{gen: gen, req: req, res: res, index: filter.New(res.Listing.Papers), provisional: true}
	}
}

// detailsCmd fetches the full record of one paper (code link, stars, AI
// summary) for the detail pane.
// TitleResolver finds the arXiv id of a paper that has none (copied page
// text) by its title; *feed.Client does.
type TitleResolver interface {
	ResolveID(ctx context.Context, p model.Paper) (model.Paper, bool, error)
}

//lint:ignore ST1005 the message starts with a name, Hugging Face
var errNoMatch = errors.New("Hugging Face knows no paper of this title")

// resolveCmd looks the paper's arXiv id up by its title; the answer comes
// as the paper's details, re-keyed.
func resolveCmd(r TitleResolver, ctx context.Context, gen int, p model.Paper) tea.Cmd {
	return func() tea.Msg {
		got, ok, err := r.ResolveID(ctx, p)
		if !ok && err == nil {
			err = errNoMatch
		}
		return detailsMsg{gen: gen, id: p.ID, paper: got, err: err, resolved: ok}
	}
}

func detailsCmd(f Feed, ctx context.Context, gen int, id string) tea.Cmd {
	return func() tea.Msg {
		p, err := f.Paper(ctx, id)
		return detailsMsg{gen: gen, id: id, paper: p, err: err}
	}
}
