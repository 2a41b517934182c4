package feed

import (
	"bytes"
	"context"
	"fmt"
	"net/url"

	"github.com/paperdeck/paperdeck/model"
)

// validArxivValue: a category for /list/CAT/new, or one paper's id.
func validArxivValue(v string) bool { return model.IsArxivCategory(v) || model.IsArxivID(v) }

// loadArxiv reads a category's new submissions, or one paper when the
// value is an arXiv id. Every request goes through the arXiv pacer.
func (c *Client) loadArxiv(ctx context.Context, p model.Period) (model.Listing, error) {
	what := describe(p)
	if model.IsArxivID(p.Value) {
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

// arxivPaper reads one paper from the arXiv API (`/api/query?id_list=`),
// through the arXiv pacer: the record of a paper Hugging Face does not know.
func (c *Client) arxivPaper(ctx context.Context, id string) (model.Paper, error) {
	u := c.cfg.ArxivBase + "/api/query?" + url.Values{"id_list": {id}}.Encode()
	what := "arXiv's record of " + id
	f, err := c.fetch(ctx, fetchSpec{url: u, what: what, kind: kindAtom, paced: true})
	if err != nil {
		return model.Paper{}, err
	}
	l, err := ParseArxivAtom(bytes.NewReader(f.body))
	if err != nil {
		return model.Paper{}, fmt.Errorf("cannot parse %s from %s: %w", what, hostOf(u), err)
	}
	for _, p := range l.Papers {
		if p.ID == id {
			f.commit()
			return p, nil
		}
	}
	return model.Paper{}, fmt.Errorf("arXiv has no paper %s", id)
}
