package feed

import (
	"net/url"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// PaperID reads the arXiv id out of any form a user may paste, and says
// whether it found one:
//
//	2406.08472  2406.08472v2  arXiv:2406.08472  hep-th/9901001
//	https://arxiv.org/abs/2406.08472v2   arxiv.org/pdf/2406.08472v2(.pdf)
//	https://huggingface.co/papers/2406.08472   hf.co/papers/2406.08472
func PaperID(ref string) (string, bool) {
	s := strings.TrimSpace(ref)
	if len(s) > 6 && strings.EqualFold(s[:6], "arxiv:") {
		s = strings.TrimSpace(s[6:])
	}
	if model.IsArxivID(s) {
		return model.StripArxivVersion(s), true
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		if !looksLikeHostPath(lower) {
			return "", false
		}
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", false
	}
	var (
		p    model.Period
		perr error
	)
	switch strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") {
	case "arxiv.org", "export.arxiv.org":
		p, perr = arxivURLPeriod(u)
	case "huggingface.co", "hf.co":
		p, perr = hfURLPeriod(u)
	default:
		return "", false
	}
	// A paper's URL reads as a one-paper request; a listing's does not.
	if perr != nil || !model.IsArxivID(p.Value) {
		return "", false
	}
	return model.StripArxivVersion(p.Value), true
}
