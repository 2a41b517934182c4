package feed

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/paperdeck/paperdeck/model"
)

// seedAll adds every testdata file as a seed, so each fuzz target starts
// from real pages of every format.
func seedAll(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && !strings.HasSuffix(name, ".md") {
			f.Add(shrinkSeed(b))
		}
	}
	f.Add([]byte("Mar 4\n\nT\n\nA\n\n  • 2 authors\n·\nMar 2 3\n"))
	f.Add([]byte("\x1b]52;c;aGk=\x07[{\"paper\":{\"id\":\"1\"}}]"))
}

// shrinkSeed keeps a large real page small enough for the fuzzer to
// mutate quickly: its first paper (hydration and card) or first items.
func shrinkSeed(b []byte) []byte {
	const limit = 16 << 10
	if len(b) <= limit {
		return b
	}
	if l, err := Parse(bytes.NewReader(b)); err == nil && len(l.Papers) > 0 {
		// The hand-made pages seed the hydration path; this seeds the cards.
		if card := articlePattern.Find(b); card != nil {
			return append(append([]byte("<html><body>"), card...), "</body></html>"...)
		}
		if body, err := json.Marshal(l.Papers[:min(2, len(l.Papers))]); err == nil && b[0] == '[' {
			return body
		}
	}
	return b[:limit]
}

var articlePattern = regexp.MustCompile(`(?s)<article.*?</article>`)

// checkListing asserts what every parser promises, whatever the input:
// no control characters in any text field and only http(s) links.
func checkListing(t *testing.T, papers []model.Paper) {
	t.Helper()
	for _, p := range papers {
		checkPaper(t, p)
	}
}

func checkPaper(t *testing.T, p model.Paper) {
	t.Helper()
	fields := append([]string{p.ID, p.Title, p.Summary, p.AISummary, p.Organization, p.Published}, p.Authors...)
	fields = append(fields, p.Keywords...)
	for _, s := range fields {
		for _, r := range s {
			if r == '\n' || r == '\t' {
				continue
			}
			if unicode.IsControl(r) || invisible(r) {
				t.Fatalf("control character %U survived in %q", r, s)
			}
		}
	}
	links := append([]string{p.GitHub, p.ProjectPage, p.URL, p.ArxivURL, p.PDFURL}, p.Links...)
	for _, l := range links {
		if l != "" && !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") {
			t.Fatalf("unsafe link %q", l)
		}
	}
}

func FuzzParse(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(bytes.NewReader(data))
		if err == nil {
			checkListing(t, l.Papers)
		}
	})
}

func FuzzParseDailyPapersPage(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := ParseDailyPapersPage(bytes.NewReader(data)); err == nil {
			checkListing(t, l.Papers)
		}
	})
}

func FuzzParseDailyPapersJSON(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := ParseDailyPapersJSON(bytes.NewReader(data)); err == nil {
			checkListing(t, l.Papers)
		}
	})
}

func FuzzParsePaperJSON(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if p, err := ParsePaperJSON(bytes.NewReader(data)); err == nil {
			checkPaper(t, p)
		}
	})
}

func FuzzParsePaperPage(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if p, err := ParsePaperPage(bytes.NewReader(data)); err == nil {
			checkPaper(t, p)
		}
	})
}

func FuzzParseArxivAtom(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := ParseArxivAtom(bytes.NewReader(data)); err == nil {
			checkListing(t, l.Papers)
		}
	})
}

func FuzzParseArxivList(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := ParseArxivList(bytes.NewReader(data)); err == nil {
			checkListing(t, l.Papers)
		}
	})
}

func FuzzParseArxivAbs(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if p, err := ParseArxivAbs(bytes.NewReader(data)); err == nil {
			checkPaper(t, p)
		}
	})
}

func FuzzParseTextSnapshot(f *testing.F) {
	seedAll(f)
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := ParseTextSnapshot(bytes.NewReader(data), now); err == nil {
			checkListing(t, l.Papers)
		}
	})
}

func FuzzParseListingJSON(f *testing.F) {
	seedAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := ParseListingJSON(bytes.NewReader(data)); err == nil {
			checkListing(t, l.Papers)
		}
	})
}

// FuzzCleanFields: a record's one-line and multi-paragraph fields keep no
// control or invisible format character whatever the feed sends, and
// cleaning them again changes nothing. The rules themselves are fuzzed in
// internal/termsafe.
func FuzzCleanFields(f *testing.F) {
	f.Add("plain")
	f.Add("\x1b[31mred\x1b[0m \x1b]8;;https://x\x1b\\l\x1b]8;;\x1b\\ \u009b2J \u202e")
	f.Add("\x1b")
	f.Add("\x1b]52;c;")
	f.Fuzz(func(t *testing.T, s string) {
		line, text := cleanLine(s), cleanText(s)
		for _, out := range []string{line, text} {
			for _, r := range out {
				if r != '\n' && (unicode.IsControl(r) || invisible(r)) {
					t.Fatalf("cleaning %q kept %U", s, r)
				}
			}
		}
		if strings.Contains(line, "\n") {
			t.Fatalf("cleanLine(%q) = %q holds a line break", s, line)
		}
		if cleanLine(line) != line || cleanText(text) != text {
			t.Fatalf("cleaning %q twice changes it", s)
		}
	})
}

// invisible reports the format characters (bidi controls, zero-width
// spaces, soft hyphens…) that no field may keep; ZWJ and ZWNJ stay.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) && r != '\u200d' && r != '\u200c'
}
