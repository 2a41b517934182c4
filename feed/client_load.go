package feed

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// Load returns the listing a request names. It serves a current listing
// from the cache when it is younger than FreshFor (unless req.Refresh),
// revalidates older ones with a conditional GET, and when the source fails
// falls back to the cached copy, else the bundled snapshot, saying so in
// Result.Notice. An error means there was nothing sensible to show.
func (c *Client) Load(ctx context.Context, req Request) (Result, error) {
	p, err := checkPeriod(req.Period)
	if err != nil {
		return Result{}, err
	}
	if p.Kind == model.File {
		l, err := ParseFile(p.Value)
		if err != nil {
			return Result{}, err
		}
		c.remember(l)
		return Result{Listing: l}, nil
	}
	if c.cfg.Demo {
		return snapshotResult("demo: showing the bundled snapshot of " + SnapshotPeriod().String())
	}

	cached, haveCache := c.cache.listing(p)
	if c.cfg.Offline {
		if haveCache {
			c.remember(cached.Listing)
			return Result{Listing: cached.Listing, Notice: fmt.Sprintf("offline: showing the cached copy of %s from %s", describe(p), stamp(cached.Fetched))}, nil
		}
		return snapshotResult(fmt.Sprintf("offline: no cached copy of %s; showing the bundled snapshot of %s", describe(p), SnapshotPeriod()))
	}
	now := c.cfg.Now()
	if haveCache && !req.Refresh && c.current(p) {
		if age := now.Sub(cached.Fetched); age >= 0 && age < c.cfg.FreshFor {
			c.logf("cache: %s fetched %s ago, fresh enough", describe(p), age.Round(time.Second))
			c.remember(cached.Listing)
			return Result{Listing: cached.Listing}, nil
		}
	}

	l, err := c.loadSource(ctx, p)
	if err == nil {
		l = normalise(l, p)
		c.cache.putListing(p, l, now)
		if p.Kind == model.Latest && l.Period.Kind == model.Day {
			// Reading today's list also makes `--date <today>` work offline.
			c.cache.putListing(l.Period, l, now)
		}
		c.remember(l)
		return Result{Listing: l}, nil
	}
	if ctx.Err() != nil {
		return Result{}, ctx.Err()
	}
	if haveCache {
		c.remember(cached.Listing)
		return Result{Listing: cached.Listing, Notice: fmt.Sprintf("offline: showing the cached copy of %s from %s (%v)", describe(p), stamp(cached.Fetched), err)}, nil
	}
	if isUnreachable(err) {
		return snapshotResult(fmt.Sprintf("offline: no cached copy of %s; showing the bundled snapshot of %s (%v)", describe(p), SnapshotPeriod(), err))
	}
	return Result{}, err
}

// Cached is what the cache holds for a request, at any age, so a screen can
// show it while Load runs. ok is false when there is none.
func (c *Client) Cached(req Request) (res Result, ok bool) {
	p, err := checkPeriod(req.Period)
	if err != nil || p.Kind == model.File {
		return Result{}, false
	}
	cached, ok := c.cache.listing(p)
	if !ok {
		return Result{}, false
	}
	return Result{Listing: cached.Listing, Notice: fmt.Sprintf("cached copy from %s", stamp(cached.Fetched))}, true
}

func (c *Client) loadSource(ctx context.Context, p model.Period) (model.Listing, error) {
	if p.Kind == model.Arxiv {
		return c.loadArxiv(ctx, p)
	}
	return c.loadHF(ctx, p)
}

// checkPeriod validates a request before anything is fetched, so bad input
// is one clear line rather than a 404 from the server.
func checkPeriod(p model.Period) (model.Period, error) {
	p.Value = strings.TrimSpace(p.Value)
	switch p.Kind {
	case "", model.Latest:
		return model.Period{Kind: model.Latest}, nil
	case model.Trending:
		return model.Period{Kind: model.Trending}, nil
	case model.Day, model.Week, model.Month:
		if _, err := p.Start(); err != nil {
			return model.Period{}, err
		}
	case model.Search:
		if p.Value == "" {
			return model.Period{}, errors.New("an empty search: say what to search for")
		}
		if len(p.Value) > 500 {
			return model.Period{}, errors.New("a search of more than 500 characters")
		}
	case model.Arxiv:
		if !validArxivValue(p.Value) {
			return model.Period{}, fmt.Errorf("%q is not an arXiv category (e.g. cs.LG) or paper id", p.Value)
		}
	case model.File:
		if p.Value == "" {
			return model.Period{}, errors.New("no file given")
		}
	default:
		return model.Period{}, fmt.Errorf("unknown listing kind %q", p.Kind)
	}
	return p, nil
}

// normalise fills in what the parser could not know from the body alone.
func normalise(l model.Listing, p model.Period) model.Listing {
	if l.Source == "" {
		l.Source = model.SourceHF
		if p.Kind == model.Arxiv {
			l.Source = model.SourceArxiv
		}
	}
	if l.Period.IsZero() || l.Period.Value == "" && p.Value != "" && l.Period.Kind == p.Kind {
		l.Period = p
	}
	if l.Papers == nil {
		l.Papers = []model.Paper{}
	}
	return l
}

// current reports whether a period may still change: anything undated, and
// a day, week or month that has not ended yet (today by UTC or local time).
func (c *Client) current(p model.Period) bool {
	start, err := p.Start()
	if err != nil {
		return true
	}
	var end time.Time
	switch p.Kind {
	case model.Day:
		end = start.AddDate(0, 0, 1)
	case model.Week:
		end = start.AddDate(0, 0, 7)
	default:
		end = start.AddDate(0, 1, 0)
	}
	now := c.cfg.Now()
	today := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
	earliest := today(now.UTC())
	if local := today(now.Local()); local.Before(earliest) {
		earliest = local
	}
	return end.After(earliest)
}

// remember keeps the papers of a listing so Paper can merge details into
// the record the user sees.
func (c *Client) remember(l model.Listing) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.seen) > 5000 {
		clear(c.seen)
	}
	for _, p := range l.Papers {
		c.seen[p.ID] = p
	}
}

// describe names a period in messages: "Thursday 2024-08-01", "the latest
// papers", `search "flow matching"`.
func describe(p model.Period) string {
	switch p.Kind {
	case model.Latest, "":
		return "the latest papers"
	case model.Trending:
		return "the trending papers"
	}
	return p.String()
}

func stamp(t time.Time) string { return t.Local().Format("2006-01-02 15:04") }
