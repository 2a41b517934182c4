package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// contentKind is what an endpoint must answer with.
type contentKind int

const (
	kindHTML contentKind = iota
	kindJSON
	kindAtom
)

func (k contentKind) String() string {
	return [...]string{"an HTML page", "JSON", "an Atom feed"}[k]
}

func (k contentKind) accept() string {
	return [...]string{"text/html,application/xhtml+xml", "application/json", "application/atom+xml,application/xml;q=0.9,*/*;q=0.8"}[k]
}

// accepts checks the Content-Type, so that a login portal's HTML on a JSON
// endpoint or an image is refused before parsing. No Content-Type at all is
// let through to the parser.
func (k contentKind) accepts(contentType string) bool {
	if contentType == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch k {
	case kindHTML:
		return mt == "text/html" || mt == "application/xhtml+xml"
	case kindJSON:
		return mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json")
	case kindAtom:
		return mt == "application/atom+xml" || mt == "application/xml" || mt == "text/xml"
	}
	return false
}

// fetchSpec is one GET.
type fetchSpec struct {
	url   string
	what  string // what is fetched, for messages: "Thursday 2024-08-01"
	kind  contentKind
	paced bool // arXiv: through the pacer
	// maxBody replaces Config.MaxBody for this request (full texts are
	// larger than listings); 0 keeps it.
	maxBody int64
}

// fetched is a usable body. commit stores its validators; the caller calls
// it once the body parsed, so a broken page is never revalidated as good.
type fetched struct {
	body        []byte
	url         string // where the body came from, after redirects
	notModified bool
	commit      func()
}

// StatusError is an HTTP answer paperdeck cannot use.
type StatusError struct {
	Code   int
	Status string // "503 Service Unavailable"
}

func (e *StatusError) Error() string {
	if e.Code == http.StatusNotFound {
		return "not found (404)"
	}
	return e.Status
}

// unreachable marks a failure of the source rather than of its content:
// the network, a timeout, a server error or rate limit that outlasted the
// retries. Only these fall back to the bundled snapshot. offline: no
// answer at all because the network is down (a server that accepted the
// connection and then said nothing is unavailable, not offline).
type unreachable struct {
	err     error
	offline bool
}

func (u unreachable) Error() string { return u.err.Error() }
func (u unreachable) Unwrap() error { return u.err }

func isUnreachable(err error) bool {
	var u unreachable
	return errors.As(err, &u)
}

func isOffline(err error) bool {
	var u unreachable
	return errors.As(err, &u) && u.offline
}

// outcome of one attempt.
type outcome struct {
	got   fetched
	err   error
	retry bool
	wait  time.Duration // asked for by the server; 0: our backoff
	asked bool
}

// fetch GETs a URL with conditional headers, retries and the body cap.
// Errors read "fetching <what> from <host>: <why>".
func (c *Client) fetch(parent context.Context, s fetchSpec) (fetched, error) {
	host := hostOf(s.url)
	total := c.cfg.Timeouts.Total
	overTime := &TimeBoundError{Bound: total}
	ctx, cancel := context.WithTimeoutCause(parent, total, overTime)
	defer cancel()
	wrap := func(err error) error {
		if bound, ok := outOfTime(ctx); ok {
			// The bound (this fetch's or its whole request's), not the
			// user, ended it: a failure of the source.
			err = unreachable{err: bound}
		} else if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			return err
		}
		return fmt.Errorf("fetching %s from %s: %w", s.what, host, err)
	}
	stored, haveStored := c.cache.httpEntry(s.url)
	var waited time.Duration
	for n := 0; ; n++ {
		o := c.attempt(ctx, s, stored, haveStored)
		if o.err == nil {
			return o.got, nil
		}
		if !o.retry || ctx.Err() != nil {
			return fetched{}, wrap(o.err)
		}
		if n >= c.cfg.Retry.Max {
			return fetched{}, wrap(fmt.Errorf("%w (gave up after %d attempts)", o.err, n+1))
		}
		wait := o.wait
		if !o.asked {
			wait = c.cfg.Retry.backoff(n)
		}
		if waited+wait > c.cfg.Retry.MaxWait {
			return fetched{}, wrap(fmt.Errorf("%w (asked to wait %s: not retrying)", o.err, wait.Round(time.Second)))
		}
		if deadline, _ := ctx.Deadline(); time.Until(deadline) < wait {
			return fetched{}, wrap(fmt.Errorf("%w (a retry in %s would pass the %s bound)", o.err, wait.Round(time.Second), total))
		}
		c.logf("%s: %v, retrying in %s", s.url, o.err, wait.Round(10*time.Millisecond))
		if err := c.cfg.Sleep(ctx, wait); err != nil {
			return fetched{}, wrap(err)
		}
		waited += wait
	}
}

// TimeBoundError: a fetch, or a whole request (a Load's page and its
// fallback), retries and waits included, did not finish within the
// client's bound (Timeouts.Total).
type TimeBoundError struct{ Bound time.Duration }

// outOfTime reports the bound that ended ctx, if one did (rather than the
// caller moving on).
func outOfTime(ctx context.Context) (*TimeBoundError, bool) {
	var bound *TimeBoundError
	if ctx.Err() == nil || !errors.As(context.Cause(ctx), &bound) {
		return nil, false
	}
	return bound, true
}

// withinBound runs a whole request under the client's bound, so one that
// reads a page and then falls back to the API, each retried, still ends
// within Timeouts.Total. An error for running out of time names the bound
// and counts as the source's failure (the cache may stand in).
func (c *Client) withinBound(ctx context.Context, what string, do func(context.Context) error) error {
	bound := &TimeBoundError{Bound: c.cfg.Timeouts.Total}
	inner, cancel := context.WithTimeoutCause(ctx, bound.Bound, bound)
	defer cancel()
	err := do(inner)
	if _, over := outOfTime(inner); err != nil && over && ctx.Err() == nil && !errors.As(err, new(*TimeBoundError)) {
		err = unreachable{err: fmt.Errorf("%s: %w", what, bound)}
	}
	return err
}

func (e *TimeBoundError) Error() string {
	return fmt.Sprintf("no complete answer within %s (retries and waits included)", e.Bound)
}

func (c *Client) attempt(ctx context.Context, s fetchSpec, stored httpEntry, haveStored bool) outcome {
	if s.paced {
		release, err := c.arxiv.acquire(ctx, c.cfg.Now, c.cfg.Sleep)
		if err != nil {
			return outcome{err: err}
		}
		defer release()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.url, nil)
	if err != nil {
		return outcome{err: fmt.Errorf("bad URL %q: %w", s.url, err)}
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", s.kind.accept())
	if haveStored {
		if stored.ETag != "" {
			req.Header.Set("If-None-Match", stored.ETag)
		}
		if stored.LastModified != "" {
			req.Header.Set("If-Modified-Since", stored.LastModified)
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		var refused *RedirectError
		if errors.As(err, &refused) {
			return outcome{err: refused}
		}
		if ctx.Err() != nil {
			return outcome{err: ctx.Err()}
		}
		return outcome{err: unreachable{err: errors.New(describeNetErr(err, c.cfg.Timeouts)), offline: !answerTimedOut(err)}, retry: transientNetErr(err)}
	}
	defer resp.Body.Close()

	switch code := resp.StatusCode; {
	case code == http.StatusNotModified:
		if !haveStored {
			return outcome{err: errors.New("304 Not Modified to a request without validators")}
		}
		entry := stored
		updateValidators(&entry, resp.Header, c.cfg.Now())
		c.logf("%s: 304 not modified, using the stored copy", finalURL(s.url, resp))
		return outcome{got: fetched{body: stored.Body, notModified: true, commit: func() { c.cache.putHTTP(entry) }}}
	case code == http.StatusOK:
		return c.readBody(ctx, s, resp)
	case retryableStatus(code):
		drain(resp.Body)
		wait, asked := serverWait(resp.Header, c.cfg.Now())
		return outcome{err: unreachable{err: &StatusError{code, resp.Status}}, retry: true, wait: wait, asked: asked}
	case code >= 500:
		drain(resp.Body)
		return outcome{err: unreachable{err: &StatusError{code, resp.Status}}}
	default:
		drain(resp.Body)
		return outcome{err: &StatusError{code, resp.Status}}
	}
}

func (c *Client) readBody(ctx context.Context, s fetchSpec, resp *http.Response) outcome {
	if ct := resp.Header.Get("Content-Type"); !s.kind.accepts(ct) {
		return outcome{err: fmt.Errorf("expected %s, got %q", s.kind, ct)}
	}
	limit := c.cfg.MaxBody
	if s.maxBody > 0 {
		limit = s.maxBody
	}
	tooLarge := fmt.Errorf("the answer is larger than %s: refused", SizeText(limit))
	if resp.ContentLength > limit {
		return outcome{err: tooLarge}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctx.Err() != nil {
			return outcome{err: ctx.Err()}
		}
		return outcome{err: unreachable{err: errors.New(describeNetErr(err, c.cfg.Timeouts))}, retry: transientNetErr(err)}
	}
	if int64(len(body)) > limit {
		return outcome{err: tooLarge}
	}
	c.logf("%s: %s, %s", finalURL(s.url, resp), resp.Status, SizeText(int64(len(body))))
	entry := httpEntry{URL: s.url, Body: body}
	updateValidators(&entry, resp.Header, c.cfg.Now())
	// Without validators the stored copy (if any) must go: a later 304
	// would otherwise bring back an older body.
	commit := func() { c.cache.dropHTTP(s.url) }
	if entry.ETag != "" || entry.LastModified != "" {
		commit = func() { c.cache.putHTTP(entry) }
	}
	return outcome{got: fetched{body: body, url: resp.Request.URL.String(), commit: commit}}
}

// updateValidators takes the validators of a 200 or 304; a 304 that omits
// one keeps the stored one.
func updateValidators(e *httpEntry, h http.Header, now time.Time) {
	if v := h.Get("ETag"); v != "" {
		e.ETag = v
	}
	if v := h.Get("Last-Modified"); v != "" {
		e.LastModified = v
	}
	e.Stored = now
}

// finalURL names where an answer came from for --verbose: the URL asked
// for, and where redirects led when they did.
func finalURL(asked string, resp *http.Response) string {
	if resp.Request != nil && resp.Request.URL != nil {
		if final := resp.Request.URL.String(); final != asked {
			return asked + " -> " + final
		}
	}
	return asked
}

// drain reads a little of an unused body so the connection can be reused.
func drain(r io.Reader) { _, _ = io.Copy(io.Discard, io.LimitReader(r, 64<<10)) }

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// SizeText says how big n bytes are in the unit a reader takes in at a
// glance: "512 MB", "1.4 MB", "37 KB", "512 bytes".
func SizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
