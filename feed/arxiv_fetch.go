package feed

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"regexp"

	"github.com/paperdeck/paperdeck/model"
)

// arxivCategory matches archive names and categories: cs.LG, math.AP,
// hep-th, astro-ph.CO.
var arxivCategory = regexp.MustCompile(`^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$`)

// validArxivValue: a category for /list/CAT/new, or one paper's id.
func validArxivValue(v string) bool { return arxivCategory.MatchString(v) || IsArxivID(v) }

// loadArxiv reads a category's new submissions, or one paper when the
// value is an arXiv id. Every request goes through the arXiv pacer.
func (c *Client) loadArxiv(ctx context.Context, p model.Period) (model.Listing, error) {
	what := describe(p)
	if IsArxivID(p.Value) {
		u := c.cfg.ArxivBase + "/abs/" + p.Value
		f, err := c.fetch(ctx, fetchSpec{url: u, what: what, kind: kindHTML, paced: true})
		if err != nil {
			return model.Listing{}, err
		}
		paper, err := ParseArxivAbs(bytes.NewReader(f.body))
		if err != nil {
			return model.Listing{}, fmt.Errorf("cannot parse %s from %s: %w", what, hostOf(u), err)
		}
		f.commit()
		return model.Listing{Source: model.SourceArxiv, Papers: []model.Paper{paper}}, nil
	}
	u := c.cfg.ArxivBase + "/list/" + url.PathEscape(p.Value) + "/new"
	f, err := c.fetch(ctx, fetchSpec{url: u, what: what, kind: kindHTML, paced: true})
	if err != nil {
		return model.Listing{}, err
	}
	l, err := ParseArxivList(bytes.NewReader(f.body))
	if err != nil {
		return model.Listing{}, fmt.Errorf("cannot parse %s from %s: %w", what, hostOf(u), err)
	}
	f.commit()
	return l, nil
}
