package feed

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// cleanLine is a sanitised single-line field: every run of whitespace
// (hard line breaks in titles included) becomes one space.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(termsafe.Line(s)), " ")
}

// cleanText is a sanitised multi-paragraph field: hard-wrapped lines are
// joined, blank lines stay paragraph breaks.
func cleanText(s string) string {
	s = termsafe.Text(s)
	var paras []string
	for _, p := range paragraphSplit.Split(s, -1) {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

var paragraphSplit = regexp.MustCompile(`\n[ \t]*\n`)

var linkPattern = regexp.MustCompile(`https?://[^\s<>"'\x60\[\]{}|\\^]+`)

// FindLinks returns the http(s) links in text, in order, without the
// sentence punctuation that follows a link ("see https://x.org/a." → the
// link is https://x.org/a). An unbalanced closing parenthesis is trimmed.
func FindLinks(text string) []string {
	var out []string
	for _, m := range linkPattern.FindAllString(text, -1) {
		m = trimLinkTail(m)
		if u := SafeURL(m); u != "" {
			out = append(out, u)
		}
	}
	return out
}

func trimLinkTail(s string) string {
	for s != "" {
		last := s[len(s)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"*", last) >= 0:
			s = s[:len(s)-1]
		case last == ')' && strings.Count(s, "(") < strings.Count(s, ")"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// SafeURL keeps only absolute http(s) links with a host, rebuilt from
// their parsed form; anything else (javascript:, file:, relative) is "".
func SafeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 2048 {
		return ""
	}
	for _, r := range raw {
		if unicode.IsSpace(r) || !termsafe.Keeps(r) {
			return "" // what the opener refuses too
		}
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}
