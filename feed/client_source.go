package feed

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// SourceRequest turns a SOURCE argument into a request: a
// huggingface.co/papers/… or arxiv.org/… URL, or else a local file path.
//
//	https://huggingface.co/papers                     latest
//	https://huggingface.co/papers/date/2025-01-09     that day (also ?date=2025-01-09)
//	https://huggingface.co/papers/week/2025-W02       that week
//	https://huggingface.co/papers/month/2025-01       that month
//	https://huggingface.co/papers/trending            trending
//	https://huggingface.co/papers?q=flow+matching     a search
//	https://huggingface.co/papers/2408.00118          that paper (a search for its id)
//	https://arxiv.org/list/cs.LG/new                  a category's new submissions
//	https://arxiv.org/abs/2408.00118                  that paper (also /pdf/…)
func SourceRequest(source string) (Request, error) {
	source = strings.TrimSpace(source)
	if source == "" {
		return Request{}, fmt.Errorf("an empty SOURCE: give a file or a huggingface.co/papers or arxiv.org URL")
	}
	lower := strings.ToLower(source)
	isURL := strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
	if !isURL && looksLikeHostPath(lower) {
		source, isURL = "https://"+source, true
	}
	if !isURL {
		return Request{Period: model.Period{Kind: model.File, Value: source}}, nil
	}
	u, err := url.Parse(source)
	if err != nil || u.Host == "" {
		return Request{}, fmt.Errorf("%q is not a URL paperdeck can read", source)
	}
	var p model.Period
	switch strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") {
	case "huggingface.co", "hf.co":
		p, err = hfURLPeriod(u)
	case "arxiv.org", "export.arxiv.org":
		p, err = arxivURLPeriod(u)
	default:
		return Request{}, fmt.Errorf("%s: paperdeck reads huggingface.co/papers and arxiv.org URLs only", u.Host)
	}
	if err != nil {
		return Request{}, err
	}
	if p, err = checkPeriod(p); err != nil {
		return Request{}, fmt.Errorf("%s: %w", source, err)
	}
	return Request{Period: p}, nil
}

// looksLikeHostPath: "huggingface.co/papers/…" typed without a scheme.
func looksLikeHostPath(s string) bool {
	for _, h := range []string{"huggingface.co/", "www.huggingface.co/", "hf.co/", "arxiv.org/", "www.arxiv.org/"} {
		if strings.HasPrefix(s, h) {
			return true
		}
	}
	return s == "huggingface.co" || s == "arxiv.org"
}

func hfURLPeriod(u *url.URL) (model.Period, error) {
	parts := pathParts(u.Path)
	if len(parts) == 0 || parts[0] != "papers" {
		return model.Period{}, fmt.Errorf("%s is not a huggingface.co/papers page", u.Redacted())
	}
	q := u.Query()
	switch {
	case len(parts) == 1 && q.Get("q") != "":
		return model.Period{Kind: model.Search, Value: q.Get("q")}, nil
	case len(parts) == 1 && q.Get("date") != "":
		return model.Period{Kind: model.Day, Value: q.Get("date")}, nil
	case len(parts) == 1:
		return model.Period{Kind: model.Latest}, nil
	case len(parts) == 2 && parts[1] == "trending":
		return model.Period{Kind: model.Trending}, nil
	case len(parts) == 2 && model.IsArxivID(parts[1]):
		return model.Period{Kind: model.Search, Value: model.StripArxivVersion(parts[1])}, nil
	case len(parts) == 3:
		kinds := map[string]model.PeriodKind{"date": model.Day, "week": model.Week, "month": model.Month}
		if k, ok := kinds[parts[1]]; ok {
			return model.Period{Kind: k, Value: parts[2]}, nil
		}
	}
	return model.Period{}, fmt.Errorf("%s is not a huggingface.co/papers listing paperdeck knows", u.Redacted())
}

func arxivURLPeriod(u *url.URL) (model.Period, error) {
	parts := pathParts(u.Path)
	switch {
	case len(parts) >= 2 && parts[0] == "list":
		// /list/cs.LG/new, /list/cs.LG/recent, /list/cs.LG: paperdeck reads "new".
		return model.Period{Kind: model.Arxiv, Value: parts[1]}, nil
	case arxivPageID(parts) != "":
		return model.Period{Kind: model.Arxiv, Value: model.StripArxivVersion(arxivPageID(parts))}, nil
	}
	return model.Period{}, fmt.Errorf("%s is not an arxiv.org/list/CATEGORY or arxiv.org/abs/ID page", u.Redacted())
}

func pathParts(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
