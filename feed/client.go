package feed

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/paperdeck/paperdeck/internal/paths"
	"github.com/paperdeck/paperdeck/model"
)

// Public base URLs. A mirror (PAPERDECK_HF_URL, PAPERDECK_ARXIV_URL) changes
// where paperdeck fetches, never the links it shows.
const (
	DefaultHFBase    = "https://huggingface.co"
	DefaultArxivBase = "https://arxiv.org"
)

// Config builds a Client. Zero values mean the defaults, so tests set only
// what they fake.
type Config struct {
	HFBase    string // default DefaultHFBase
	ArxivBase string // default DefaultArxivBase
	// CacheDir holds validators, response bodies, parsed listings and paper
	// details; "" means paths.Cache(), NoCache disables it.
	CacheDir string
	NoCache  bool
	Version  string // for the User-Agent
	Now      func() time.Time
	// HTTP replaces the client built from Timeouts (tests, proxies).
	HTTP     *http.Client
	Timeouts Timeouts
	Retry    RetryPolicy
	// Sleep waits for a retry or for the arXiv pacing; tests inject a fake
	// clock here so nothing really waits.
	Sleep func(ctx context.Context, d time.Duration) error
	// ArxivInterval is the gap between two arXiv requests (default 3 s,
	// arXiv's published limit).
	ArxivInterval time.Duration
	MaxBody       int64         // default 8 MB
	FreshFor      time.Duration // a current listing is not refetched within this (default 15 min)
	Offline       bool          // read only the cache (then the bundled snapshot)
	Demo          bool          // always the bundled snapshot
	Log           io.Writer     // verbose: where each listing came from; nil is quiet
}

// Timeouts bound every stage of a request so nothing hangs.
type Timeouts struct {
	Dial    time.Duration // default 10 s
	TLS     time.Duration // default 10 s
	Header  time.Duration // default 20 s: the server accepted but does not answer
	Overall time.Duration // default 60 s: one attempt, body included
	// Total bounds a whole fetch: every attempt, the waits between them and
	// the arXiv pacing (default 60 s); and a whole Load, the page and the
	// API fallback together. Past it the request fails saying so.
	Total time.Duration
}

// RetryPolicy says how hard to try a flaky source.
type RetryPolicy struct {
	Max  int           // retries after the first attempt, default 3
	Base time.Duration // first backoff, default 1 s, doubled each time
	// MaxWait bounds the total time spent waiting between attempts
	// (default 20 s); a server asking for more gets no retry.
	MaxWait time.Duration
}

// Client fetches listings and paper details politely and keeps what it read
// for offline use. Build one per process: the arXiv pacing is per Client.
// Its methods are safe for concurrent use.
type Client struct {
	cfg       Config
	http      *http.Client
	userAgent string
	cache     cache
	arxiv     *pacer

	mu   sync.Mutex
	seen map[string]model.Paper // papers of loaded listings, for merging details

	known knownPapers // CachedPapers' decoded files

	logMu sync.Mutex // Log may be a plain buffer shared by goroutines
}

// NewClient fills in the defaults. It never fails: without a usable cache
// directory the client simply does not cache.
func NewClient(cfg Config) *Client {
	if cfg.HFBase == "" {
		cfg.HFBase = DefaultHFBase
	}
	if cfg.ArxivBase == "" {
		cfg.ArxivBase = DefaultArxivBase
	}
	cfg.HFBase = strings.TrimRight(cfg.HFBase, "/")
	cfg.ArxivBase = strings.TrimRight(cfg.ArxivBase, "/")
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepContext
	}
	if cfg.ArxivInterval == 0 {
		cfg.ArxivInterval = 3 * time.Second
	}
	if cfg.MaxBody == 0 {
		cfg.MaxBody = 8 << 20
	}
	if cfg.FreshFor == 0 {
		cfg.FreshFor = 15 * time.Minute
	}
	cfg.Timeouts = cfg.Timeouts.withDefaults()
	cfg.Retry = cfg.Retry.withDefaults()
	if cfg.CacheDir == "" && !cfg.NoCache {
		cfg.CacheDir, _ = paths.Cache() // none known: nothing is cached
	}
	c := &Client{
		cfg:       cfg,
		http:      cfg.HTTP,
		userAgent: fmt.Sprintf("paperdeck/%s (+https://github.com/paperdeck/paperdeck)", cfg.Version),
		arxiv:     newPacer(cfg.ArxivInterval),
		seen:      map[string]model.Paper{},
	}
	if c.http == nil {
		c.http = newHTTPClient(cfg.Timeouts)
	}
	c.http = withRedirectPolicy(c.http)
	if !cfg.NoCache && cfg.CacheDir != "" {
		c.cache = cache{dir: cfg.CacheDir, logf: c.logf}
	}
	return c
}

func (t Timeouts) withDefaults() Timeouts {
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&t.Dial, 10*time.Second)
	def(&t.TLS, 10*time.Second)
	def(&t.Header, 20*time.Second)
	def(&t.Overall, 60*time.Second)
	def(&t.Total, 60*time.Second)
	return t
}

func (r RetryPolicy) withDefaults() RetryPolicy {
	if r.Max <= 0 {
		r.Max = 3
	}
	if r.Base <= 0 {
		r.Base = time.Second
	}
	if r.MaxWait <= 0 {
		r.MaxWait = 20 * time.Second
	}
	return r
}

// newHTTPClient is the one shared client: every stage has a deadline.
func newHTTPClient(t Timeouts) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Timeout: t.Dial, KeepAlive: 30 * time.Second}).DialContext
	tr.TLSHandshakeTimeout = t.TLS
	tr.ResponseHeaderTimeout = t.Header
	tr.MaxIdleConnsPerHost = 4
	return &http.Client{Transport: tr, Timeout: t.Overall}
}

func (c *Client) logf(format string, args ...any) {
	if c.cfg.Log == nil {
		return
	}
	c.logMu.Lock()
	defer c.logMu.Unlock()
	fmt.Fprintf(c.cfg.Log, format+"\n", args...)
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
