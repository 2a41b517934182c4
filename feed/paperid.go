package feed

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// PaperID reads the arXiv id out of any form a user may paste, and says
// whether it found one:
//
//	2406.08472  2406.08472v2  arXiv:2406.08472  hep-th/9901001
//	https://arxiv.org/abs/2406.08472v2   arxiv.org/pdf/2406.08472v2(.pdf)   arxiv.org/html/2406.08472v2
//	https://huggingface.co/papers/2406.08472   hf.co/papers/2406.08472
//
// The id is the paper's: a version in ref is dropped.
func PaperID(ref string) (string, bool) {
	id, ok := FullTextID(ref)
	return model.StripArxivVersion(id), ok
}

// FullTextID reads the arXiv id out of the same forms as PaperID, keeping
// a version asked for: the full text of 2401.01234v2 is that version's.
func FullTextID(ref string) (string, bool) {
	s := strings.TrimSpace(ref)
	if len(s) > 6 && strings.EqualFold(s[:6], "arxiv:") {
		s = strings.TrimSpace(s[6:])
	}
	if model.IsArxivID(s) {
		return s, true
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
	var id string
	parts := pathParts(u.Path)
	switch strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") {
	case "arxiv.org", "export.arxiv.org":
		id = arxivPageID(parts)
	case "huggingface.co", "hf.co":
		// A paper's page reads as a one-paper request; a listing's does not.
		if len(parts) == 2 && parts[0] == "papers" && model.IsArxivID(parts[1]) {
			id = parts[1]
		}
	}
	return id, id != ""
}

// arxivPageID is the id, version kept, of an arXiv paper's abs, pdf or
// html page from its path (/abs/2406.08472v2, /pdf/2406.08472v2.pdf,
// /html/2406.08472v2/, /abs/hep-th/9901001), or "" for another page.
func arxivPageID(parts []string) string {
	if len(parts) < 2 || parts[0] != "abs" && parts[0] != "pdf" && parts[0] != "html" {
		return ""
	}
	id := pdfSuffix.ReplaceAllString(strings.Join(parts[1:], "/"), "")
	if !model.IsArxivID(id) {
		return ""
	}
	return id
}

var pdfSuffix = regexp.MustCompile(`(?i)\.pdf$`)
