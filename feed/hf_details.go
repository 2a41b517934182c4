package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// Paper returns one paper with the details of /api/papers/ID (GitHub repo
// and stars, project page, AI summary, keywords, linked models, datasets
// and spaces) merged into the record of the listing it was loaded from.
// Details are cached like listings: fresh for FreshFor, then revalidated;
// when the network fails the cached details are used. On an error the
// listed record (if the paper was listed) comes back with it.
func (c *Client) Paper(ctx context.Context, id string) (model.Paper, error) {
	id = strings.TrimSpace(id)
	if !model.IsArxivID(id) {
		return model.Paper{}, fmt.Errorf("%q is not an arXiv id: Hugging Face has no details for it", id)
	}
	id = model.StripArxivVersion(id)
	c.mu.Lock()
	listed, wasListed := c.seen[id]
	c.mu.Unlock()
	merge := func(details model.Paper) model.Paper {
		if !wasListed {
			return details
		}
		return MergePaper(listed, details)
	}

	cached, haveCache := c.cache.paper(id)
	if c.cfg.Offline || c.cfg.Demo {
		if haveCache {
			return merge(cached.Paper), nil
		}
		return listed, fmt.Errorf("offline: no details of %s cached", id)
	}
	now := c.cfg.Now()
	if haveCache {
		if age := now.Sub(cached.Fetched); age >= 0 && age < c.cfg.FreshFor {
			return merge(cached.Paper), nil
		}
	}

	var details model.Paper
	// Both sources within one bound, as a Load's page and fallback are.
	err := c.withinBound(ctx, "reading the details of "+id, func(ctx context.Context) (err error) {
		details, err = c.hfPaper(ctx, id)
		var se *StatusError
		if errors.As(err, &se) && se.Code == http.StatusNotFound {
			// Hugging Face lists only some papers: arXiv has them all.
			c.logf("%v; asking arXiv", err)
			var aerr error
			if details, aerr = c.arxivPaper(ctx, id); aerr != nil {
				return fmt.Errorf("%w; %w", err, aerr)
			}
			return nil
		}
		return err
	})
	if err == nil {
		c.cache.putPaper(details, now)
		return merge(details), nil
	}
	if ctx.Err() != nil {
		return model.Paper{}, ctx.Err()
	}
	if haveCache {
		c.logf("%v; using the cached details from %s", err, stamp(cached.Fetched))
		return merge(cached.Paper), nil
	}
	return listed, err
}

// hfPaper reads /api/papers/ID.
func (c *Client) hfPaper(ctx context.Context, id string) (model.Paper, error) {
	u := c.cfg.HFBase + "/api/papers/" + id
	what := "the details of " + id
	f, err := c.fetch(ctx, fetchSpec{url: u, what: what, kind: kindJSON})
	if err != nil {
		return model.Paper{}, err
	}
	details, err := ParsePaperJSON(bytes.NewReader(f.body))
	if err != nil {
		return model.Paper{}, fmt.Errorf("cannot parse %s from %s: %w", what, hostOf(u), err)
	}
	f.commit()
	return details, nil
}

// MergePaper lays the details of /api/papers/ID over a listed record: the
// details win where they say something, the listing keeps what only it
// knows (comment count and organisation sit on the listing item, and the
// record's source and page stay those of the listing).
func MergePaper(listed, details model.Paper) model.Paper {
	out := listed
	str := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	str(&out.Title, details.Title)
	str(&out.Summary, details.Summary)
	str(&out.AISummary, details.AISummary)
	str(&out.Organization, details.Organization)
	str(&out.Published, details.Published)
	str(&out.GitHub, details.GitHub)
	str(&out.ProjectPage, details.ProjectPage)
	str(&out.PrimaryCategory, details.PrimaryCategory)
	str(&out.ArxivComments, details.ArxivComments)
	str(&out.ArxivURL, details.ArxivURL)
	str(&out.PDFURL, details.PDFURL)
	if out.URL == "" {
		out.URL = details.URL
	}
	if len(details.Authors) > 0 {
		out.Authors = details.Authors
	}
	out.AuthorCount = max(out.AuthorCount, details.AuthorCount, len(out.Authors))
	if len(details.Keywords) > 0 {
		out.Keywords = details.Keywords
	}
	if details.Upvotes > 0 {
		out.Upvotes = details.Upvotes
	}
	if details.Comments > 0 {
		out.Comments = details.Comments
	}
	if details.GitHubStars > 0 {
		out.GitHubStars = details.GitHubStars
	}
	if details.LinkedModels != nil {
		out.LinkedModels = details.LinkedModels
	}
	if details.LinkedDatasets != nil {
		out.LinkedDatasets = details.LinkedDatasets
	}
	if details.LinkedSpaces != nil {
		out.LinkedSpaces = details.LinkedSpaces
	}
	out.Links = dedupe(append(append([]string{}, out.Links...), details.Links...))
	out.Hub = hubRepos(out) // by name, from the linked repos just merged
	if out.Source == "" {
		out.Source = details.Source
	}
	return out
}
