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
// falls back to the cached copy (for "latest", the newest cached daily
// list), saying why in Result.Fallback. The bundled snapshot answers only
// --demo and the day it lists. With nothing to show for the request the
// error is a *NoDataError.
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
		return snapshotResult(Fallback{Reason: ReasonDemo, Request: p})
	}

	cached, haveCache := c.cache.listing(p)
	if c.cfg.Offline {
		return c.fallBack(p, cached, haveCache, ReasonOfflineMode, nil)
	}
	now := c.cfg.Now()
	if haveCache && !req.Refresh && c.current(p) {
		if age := now.Sub(cached.Fetched); age >= 0 && age < c.cfg.FreshFor {
			c.logf("cache: %s fetched %s ago, fresh enough", describe(p), age.Round(time.Second))
			c.remember(cached.Listing)
			return Result{Listing: cached.Listing}, nil
		}
	}

	var l model.Listing
	err = c.withinBound(ctx, action(p), func(ctx context.Context) (err error) {
		l, err = c.loadSource(ctx, p)
		return err
	})
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
	return c.fallBack(p, cached, haveCache, reasonOf(err), err)
}

// fallBack answers a request the source could not: the cached copy, for
// "latest" the newest cached daily list, for the snapshot's own day the
// snapshot; else a *NoDataError.
func (c *Client) fallBack(p model.Period, cached cachedListing, haveCache bool, why Reason, err error) (Result, error) {
	f := Fallback{Reason: why, Request: p, Err: err}
	if !haveCache && p.Kind == model.Latest {
		if day, ok := c.cache.newestDay(); ok {
			cached, haveCache = day, true
			f.Shown = fmt.Sprintf("newest cached daily list, %s, from %s", day.Listing.Period, stamp(day.Fetched))
		}
	}
	if haveCache {
		if f.Shown == "" {
			f.Shown = fmt.Sprintf("cached copy of %s from %s", describe(p), stamp(cached.Fetched))
		}
		c.remember(cached.Listing)
		return Result{Listing: cached.Listing, Notice: f.notice(), Fallback: &f}, nil
	}
	if p == SnapshotPeriod() && why != ReasonUnusable {
		return snapshotResult(f)
	}
	nd := &NoDataError{Request: p, Reason: why, Err: err}
	if why != ReasonUnusable {
		if standIn, err := snapshotResult(f); err == nil {
			standIn.Notice = nd.Why() + "; showing the " + standIn.Fallback.Shown
			nd.StandIn = &standIn
		}
	}
	return Result{}, nd
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
