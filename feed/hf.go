package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/paperdeck/paperdeck/model"
)

// hfPageURL is the huggingface.co/papers page of a period.
func (c *Client) hfPageURL(p model.Period) string {
	base := c.cfg.HFBase + "/papers"
	switch p.Kind {
	case model.Day:
		return base + "/date/" + p.Value
	case model.Week:
		return base + "/week/" + p.Value
	case model.Month:
		return base + "/month/" + p.Value
	case model.Trending:
		return base + "/trending"
	case model.Search:
		return base + "?q=" + url.QueryEscape(p.Value)
	}
	return base
}

// hfAPIURL is the JSON API for the same period: the fallback when a page
// has a layout paperdeck does not know.
func (c *Client) hfAPIURL(p model.Period) string {
	if p.Kind == model.Search {
		return c.cfg.HFBase + "/api/papers/search?q=" + url.QueryEscape(p.Value)
	}
	q := url.Values{"limit": {"100"}}
	switch p.Kind {
	case model.Day:
		q.Set("date", p.Value)
	case model.Week:
		q.Set("week", p.Value)
	case model.Month:
		q.Set("month", p.Value)
	case model.Trending:
		q.Set("sort", "trending")
	}
	return c.cfg.HFBase + "/api/daily_papers?" + q.Encode()
}

// loadHF reads a Hugging Face listing page; a page without the hydration
// data and without cards is read again from the JSON API. Search also
// turns to the API when the page is refused.
func (c *Client) loadHF(ctx context.Context, p model.Period) (model.Listing, error) {
	what := describe(p)
	pageURL := c.hfPageURL(p)
	f, err := c.fetch(ctx, fetchSpec{url: pageURL, what: what, kind: kindHTML})
	if err != nil {
		var se *StatusError
		if p.Kind == model.Search && errors.As(err, &se) {
			c.logf("%s: %v; searching through the API instead", pageURL, se)
			return c.loadHFAPI(ctx, p, err)
		}
		return model.Listing{}, err
	}
	l, err := ParseDailyPapersPage(bytes.NewReader(f.body))
	switch {
	case errors.Is(err, ErrUnknownLayout) && looksLikeHTML(f.body):
		c.logf("%s: a page layout paperdeck does not know; reading %s instead", pageURL, c.hfAPIURL(p))
		return c.loadHFAPI(ctx, p, fmt.Errorf("reading %s from %s: the page has a layout paperdeck does not know", what, hostOf(pageURL)))
	case errors.Is(err, ErrUnknownLayout):
		return model.Listing{}, fmt.Errorf("cannot parse %s from %s: the answer is not a Hugging Face papers page", what, hostOf(pageURL))
	case err != nil:
		return model.Listing{}, fmt.Errorf("cannot parse %s from %s: %w", what, hostOf(pageURL), err)
	}
	f.commit()
	return l, nil
}

// loadHFAPI reads the period from the JSON API; pageErr says why the page
// was not enough and is reported if the API fails too.
func (c *Client) loadHFAPI(ctx context.Context, p model.Period, pageErr error) (model.Listing, error) {
	apiURL := c.hfAPIURL(p)
	f, err := c.fetch(ctx, fetchSpec{url: apiURL, what: describe(p), kind: kindJSON})
	if err == nil {
		var l model.Listing
		if l, err = parseHFJSON(f.body); err == nil {
			f.commit()
			return l, nil
		}
		err = fmt.Errorf("cannot parse %s from %s: %w", describe(p), hostOf(apiURL), err)
	}
	if ctx.Err() != nil {
		return model.Listing{}, err
	}
	if isUnreachable(pageErr) && !isUnreachable(err) {
		// Keep the snapshot fallback when the page said "unreachable".
		return model.Listing{}, unreachable{err: fmt.Errorf("%w; the API fallback failed too: %v", pageErr, err), offline: isOffline(pageErr)}
	}
	return model.Listing{}, fmt.Errorf("%v; the API fallback failed too: %w", pageErr, err)
}

// parseHFJSON reads an API array (daily papers or search results, items or
// bare papers) through the lead parser's detection.
func parseHFJSON(body []byte) (model.Listing, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || (trimmed[0] != '[' && trimmed[0] != '{') {
		return model.Listing{}, &FormatError{What: "an answer that is not JSON", Expected: "the Hugging Face papers API"}
	}
	return Parse(bytes.NewReader(trimmed))
}

// looksLikeHTML tells an HTML page of a new layout (worth the API
// fallback) from garbage (a parse error).
func looksLikeHTML(body []byte) bool {
	head := bytes.ToLower(body[:min(len(body), 8192)])
	head = bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))
	if len(head) == 0 || head[0] != '<' || bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}
