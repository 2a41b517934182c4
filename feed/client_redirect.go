package feed

import (
	"fmt"
	"net"
	"net/http"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// maxRedirects is more than any source needs (huggingface.co redirects a
// paper id once at most).
const maxRedirects = 5

// RedirectError is a redirect paperdeck refused to follow: from https to
// http (a mirror or a network in the middle downgrading the connection),
// or off the source's hosts.
type RedirectError struct {
	From, To string // the request's URL and where it was sent
	Why      string // "https to http", "off huggingface.co", …
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("redirected to %s: refused (%s)", e.To, e.Why)
}

// checkRedirect is the shared client's redirect policy: never from https
// to http, never to another host family than the one asked (huggingface.co
// may send to www.huggingface.co, never to example.com), at most
// maxRedirects hops.
func checkRedirect(req *http.Request, via []*http.Request) error {
	first, to := via[0].URL, req.URL
	refuse := func(why string) error {
		return &RedirectError{From: first.String(), To: to.String(), Why: why}
	}
	if len(via) >= maxRedirects {
		return refuse(fmt.Sprintf("more than %d redirects", maxRedirects))
	}
	if to.Scheme != "https" && to.Scheme != "http" {
		return refuse("not an http(s) address")
	}
	for _, v := range via {
		if v.URL.Scheme == "https" && to.Scheme != "https" {
			return refuse("https to http")
		}
	}
	if !sameHostFamily(first.Hostname(), to.Hostname()) {
		return refuse("off " + first.Hostname())
	}
	return nil
}

// sameHostFamily reports whether b is a, or shares a's registrable domain
// (huggingface.co and cdn.huggingface.co; arxiv.org and export.arxiv.org).
// An IP address or a single-label name (a local mirror) matches only
// itself.
func sameHostFamily(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSuffix(a, ".")), strings.ToLower(strings.TrimSuffix(b, "."))
	if a == b {
		return true
	}
	if net.ParseIP(a) != nil || net.ParseIP(b) != nil || !strings.Contains(a, ".") {
		return false
	}
	da, errA := publicsuffix.EffectiveTLDPlusOne(a)
	db, errB := publicsuffix.EffectiveTLDPlusOne(b)
	return errA == nil && errB == nil && da == db
}

// withRedirectPolicy returns a copy of hc that follows redirects by
// checkRedirect, so a client handed in (tests, proxies) obeys it too.
func withRedirectPolicy(hc *http.Client) *http.Client {
	c := *hc
	c.CheckRedirect = checkRedirect
	return &c
}
