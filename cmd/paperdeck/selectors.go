package main

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/spf13/cobra"
)

// selectors are the flags that pick a listing; the TUI and `list` share them.
type selectors struct {
	date, week, month, search, arxiv string
	trending, offline, demo, verbose bool
}

func (s *selectors) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&s.date, "date", "", "the Hugging Face daily list of a day (YYYY-MM-DD)")
	f.StringVar(&s.week, "week", "", "the Hugging Face list of an ISO week (YYYY-Www)")
	f.StringVar(&s.month, "month", "", "the Hugging Face list of a month (YYYY-MM)")
	f.BoolVar(&s.trending, "trending", false, "the Hugging Face trending papers")
	f.StringVar(&s.search, "search", "", "search Hugging Face papers")
	f.StringVar(&s.arxiv, "arxiv", "", "an arXiv category's new submissions (e.g. cs.LG)")
	f.BoolVar(&s.offline, "offline", false, "read only the cache and the bundled snapshot")
	f.BoolVar(&s.demo, "demo", false, "open the bundled snapshot")
	f.BoolVar(&s.verbose, "verbose", false, "say where each listing came from")
}

// request is the listing the selectors or SOURCE name; with none, the
// latest Hugging Face daily list. Two at once is an error, not a guess.
func (s selectors) request(args []string) (feed.Request, error) {
	var (
		chosen []string
		req    = feed.Request{Period: model.Period{Kind: model.Latest}}
		errs   []error
	)
	dated := func(flag string, kind model.PeriodKind, v string) {
		if v == "" {
			return
		}
		chosen = append(chosen, "--"+flag)
		p, err := model.ParsePeriod(kind, strings.TrimSpace(v))
		if err != nil {
			errs = append(errs, fmt.Errorf("--%s: %w", flag, err))
		}
		req.Period = p
	}
	dated("date", model.Day, s.date)
	dated("week", model.Week, s.week)
	dated("month", model.Month, s.month)
	if s.trending {
		chosen = append(chosen, "--trending")
		req.Period = model.Period{Kind: model.Trending}
	}
	if s.search != "" {
		chosen = append(chosen, "--search")
		req.Period = model.Period{Kind: model.Search, Value: s.search}
	}
	if s.arxiv != "" {
		chosen = append(chosen, "--arxiv")
		req.Period = model.Period{Kind: model.Arxiv, Value: strings.TrimSpace(s.arxiv)}
	}
	if len(args) > 0 {
		chosen = append(chosen, "SOURCE "+args[0])
		r, err := feed.SourceRequest(args[0])
		if err != nil {
			errs = append(errs, err)
		}
		req = r
	}
	if len(chosen) > 1 {
		return feed.Request{}, fmt.Errorf("choose one listing: got %s", strings.Join(chosen, " and "))
	}
	if len(errs) > 0 {
		return feed.Request{}, errs[0]
	}
	return req, nil
}

// newClient builds the one feed client of the process from the flags and
// the environment (PAPERDECK_HF_URL, PAPERDECK_ARXIV_URL, XDG_CACHE_HOME).
// log receives --verbose's account of where each listing came from.
func (s selectors) newClient(log io.Writer) (*feed.Client, error) {
	hf, err := baseURL("PAPERDECK_HF_URL")
	if err != nil {
		return nil, err
	}
	arxiv, err := baseURL("PAPERDECK_ARXIV_URL")
	if err != nil {
		return nil, err
	}
	cfg := feed.Config{
		HFBase:    hf,
		ArxivBase: arxiv,
		Version:   readBuildVersion().Version,
		Offline:   s.offline,
		Demo:      s.demo,
	}
	if s.verbose {
		cfg.Log = log
	}
	return feed.NewClient(cfg), nil
}

// baseURL reads a base-URL override; "" means the public site.
func baseURL(env string) (string, error) {
	v := strings.TrimSpace(os.Getenv(env))
	if v == "" {
		return "", nil
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%s=%q is not an http(s) URL", env, v)
	}
	return strings.TrimRight(v, "/"), nil
}

// emptyNote explains an empty listing: a weekend, a search without results.
func emptyNote(l model.Listing) string {
	switch {
	case l.Period.Kind == model.Search:
		return fmt.Sprintf("no papers found for %s", l.Period)
	case l.Period.Kind == model.Day && !l.Prev.IsZero():
		return fmt.Sprintf("no papers on %s (a weekend or holiday?); the previous list is %s", l.Period, l.Prev)
	case l.Period.Kind == model.Day:
		return fmt.Sprintf("no papers on %s (a weekend or holiday?)", l.Period)
	case l.Period.IsZero():
		return "no papers"
	}
	return fmt.Sprintf("no papers in %s", l.Period)
}

var errInterrupted = errors.New("interrupted")
