package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/fulltext/fulltexttest"
	"github.com/paperdeck/paperdeck/internal/outputcheck"
)

func TestReadFile(t *testing.T) {
	out, errOut, code := runPaperdeck(t, nil, "read", testdata("fulltext/latexmlc_0.8.7_1707.08043.html"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"FINITELLY\nGENERATED ℚ-ALGEBRAS", "1 Preliminary facts\n===", "2 Main Result", "References\n==", "[10] "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	md, _, code := runPaperdeck(t, nil, "read", "--format", "markdown", testdata("fulltext/latexmlc_0.8.7_1707.08043.html"))
	if code != 0 || !strings.HasPrefix(md, "# ON POSITIVE") || !strings.Contains(md, "\n## 1 Preliminary facts\n") {
		t.Errorf("markdown: exit %d, %.200q", code, md)
	}
}

// --format markdown writes a file that reads as normal Markdown: the
// text as it is, escaped only where Markdown would take it for markup,
// not glamour's escapes ("damaged&#58;", "V\. Peiris").
func TestReadMarkdownReadsAsTheText(t *testing.T) {
	md, errOut, code := runPaperdeck(t, nil, "read", "--format", "markdown", testdata("fulltext/arxiv-view-as-html_sample_paper_angular-momentum.html"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"\nCorentin Cadiou, Andrew Pontzen, Hiranya V. Peiris\n",
		"*This page is damaged: ",
		"particle mass of 9×10⁸ M_⊙.", // a subscript's _ opens no emphasis there
		"\n[30] Roth N., Pontzen A., Peiris H. V., 2016, [MNRAS](<http://dx.doi.org/10/gf5bvg>), 455, 974\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	for _, escape := range []string{"&#", `\.`, `\[`} {
		if strings.Contains(md, escape) {
			i := strings.Index(md, escape)
			t.Errorf("markdown holds %q, as written for glamour: %q", escape, md[max(0, i-40):min(len(md), i+40)])
		}
	}
	if err := outputcheck.Bytes([]byte(md)); err != nil {
		t.Error(err)
	}
}

// arxivHTMLServer serves the arXiv excerpt at /html/2609.01222v2, with
// arXiv's redirect from the unversioned id, and 404 for anything else.
func arxivHTMLServer(t *testing.T) *fulltexttest.Server {
	return fulltexttest.ArxivHTML(t, "2609.01222", "v2")
}

// A paper read once reads again from the cache, with the server gone.
func TestReadFromArxivThenOffline(t *testing.T) {
	srv := arxivHTMLServer(t)
	cacheHome := filepath.Join(t.TempDir(), "cache")
	env := []string{"PAPERDECK_ARXIV_URL=" + srv.URL, "XDG_CACHE_HOME=" + cacheHome}

	first, errOut, code := runPaperdeck(t, env, "read", "https://arxiv.org/abs/2609.01222")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"What’s in Your Agent’s Context?", "Zichuan Li, Jian Cui", "I Introduction\n====", "indirect prompt\ninjection [2, 3, 4, 5]"} {
		if !strings.Contains(first, want) {
			t.Errorf("output lacks %q:\n%s", want, first)
		}
	}
	for _, furniture := range []string{"Report Issue", "Why HTML", "Back to Abstract", "gratefully acknowledge", "License: CC BY"} {
		if strings.Contains(first, furniture) {
			t.Errorf("arXiv's page furniture %q is in the text", furniture)
		}
	}

	srv.Close()
	offline := []string{"PAPERDECK_ARXIV_URL=http://127.0.0.1:1", "XDG_CACHE_HOME=" + cacheHome}
	again, errOut, code := runPaperdeck(t, offline, "read", "2609.01222")
	if code != 0 || again != first {
		t.Errorf("re-read from the cache: exit %d, %s, same text: %v", code, errOut, again == first)
	}
	again, _, code = runPaperdeck(t, offline, "read", "--offline", "2609.01222v2")
	if code != 0 || again != first {
		t.Errorf("--offline re-read: exit %d, same text: %v", code, again == first)
	}

	list, _, code := runPaperdeck(t, offline, "cache")
	if code != 0 || !strings.Contains(list, "full texts: 1 paper,") || !strings.Contains(list, "2609.01222v2") || !strings.Contains(list, "of at most 512 MB") {
		t.Errorf("cache: exit %d:\n%s", code, list)
	}
	// The page is a few dozen kilobytes: its size reads as such, not "0.0 MB".
	if strings.Contains(list, "0.0 MB") || !regexp.MustCompile(`2609\.01222v2 +\d+ KB`).MatchString(list) {
		t.Errorf("cache: a small page's size is not shown in KB:\n%s", list)
	}
}

func TestReadNoHTMLVersion(t *testing.T) {
	srv := arxivHTMLServer(t)
	out, errOut, code := runPaperdeck(t, []string{"PAPERDECK_ARXIV_URL=" + srv.URL}, "read", "2401.00001")
	if code != 3 || out != "" {
		t.Errorf("exit %d, stdout %q; want 3 and nothing", code, out)
	}
	if !strings.Contains(errOut, "no HTML version") || !strings.Contains(errOut, "https://arxiv.org/pdf/2401.00001") {
		t.Errorf("stderr %q: want the reason and the PDF", errOut)
	}
}

func TestReadRefusesWhatIsNoPaper(t *testing.T) {
	page := filepath.Join(t.TempDir(), "blog.html")
	if err := os.WriteFile(page, []byte("<html><body><p>A blog post.</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		arg  string
		code int
		want string
	}{
		{page, 1, "not a LaTeXML paper"},
		{"a title of a paper", 2, "neither a file nor an arXiv id"},
	} {
		out, errOut, code := runPaperdeck(t, nil, "read", tc.arg)
		if code != tc.code || out != "" || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("read %q: exit %d, stdout %q, stderr %q; want %d and one line saying %q", tc.arg, code, out, errOut, tc.code, tc.want)
		}
	}
}
