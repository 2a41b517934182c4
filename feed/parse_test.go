package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

const (
	page2024   = "hf_daily_papers_2024-08-01.html"
	api2026    = "hf_api_daily_papers_2026-06-12.json"
	textSample = "hf_papers_page_copied_text_sample.txt"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseTestdata(t *testing.T, name string) model.Listing {
	t.Helper()
	l, err := Parse(bytes.NewReader(readTestdata(t, name)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return l
}

func TestDailyPapersPage2024(t *testing.T) {
	l := parseTestdata(t, page2024)
	if len(l.Papers) != 13 {
		t.Fatalf("got %d papers, want 13", len(l.Papers))
	}
	p := l.Papers[0]
	if p.ID != "2407.21783" || p.Title != "The Llama 3 Herd of Models" || p.Upvotes != 94 || p.Comments != 5 || p.AuthorCount != 533 {
		t.Errorf("first paper = %s %q %d upvotes %d comments %d authors", p.ID, p.Title, p.Upvotes, p.Comments, p.AuthorCount)
	}
	if p.URL != "https://huggingface.co/papers/2407.21783" || p.ArxivURL != "https://arxiv.org/abs/2407.21783" || p.PDFURL != "https://arxiv.org/pdf/2407.21783" {
		t.Errorf("derived links: %s %s %s", p.URL, p.ArxivURL, p.PDFURL)
	}
	if strings.Contains(p.Summary, "\n") || !strings.HasPrefix(p.Summary, "Modern artificial intelligence (AI) systems are powered by foundation models. This paper") {
		t.Errorf("hard line breaks not joined: %q", p.Summary[:120])
	}
	if p.Published != "2024-07-31" {
		t.Errorf("published %q", p.Published)
	}
	want := model.Period{Kind: model.Day, Value: "2024-08-01"}
	if l.Period != want || l.Prev.Value != "2024-07-31" || l.Next.Value != "2024-08-02" {
		t.Errorf("periods %v prev %v next %v", l.Period, l.Prev, l.Next)
	}
}

// Without the hydration div, the server-rendered cards still give every
// title, id and upvote count.
func TestDailyPapersPageCardsOnly(t *testing.T) {
	page := readTestdata(t, page2024)
	cut := regexp.MustCompile(`(?s)<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="[^"]*">`).ReplaceAll(page, []byte("<div>"))
	if bytes.Equal(cut, page) || bytes.Contains(cut, []byte(`data-target="DailyPapers"`)) {
		t.Fatal("the hydration div was not cut out")
	}
	full := parseTestdata(t, page2024)
	cards, err := ParseDailyPapersPage(bytes.NewReader(cut))
	if err != nil {
		t.Fatal(err)
	}
	if len(cards.Papers) != 13 {
		t.Fatalf("cards gave %d papers, want 13", len(cards.Papers))
	}
	for i, c := range cards.Papers {
		f := full.Papers[i]
		if c.ID != f.ID || c.Title != f.Title || c.Upvotes != f.Upvotes || c.Comments != f.Comments {
			t.Errorf("card %d = %s %q %d %d, hydration %s %q %d %d", i, c.ID, c.Title, c.Upvotes, c.Comments, f.ID, f.Title, f.Upvotes, f.Comments)
		}
	}
	if cards.Papers[0].AuthorCount != 533 {
		t.Errorf("author count from the card: %d", cards.Papers[0].AuthorCount)
	}
}

func TestDailyPapersAPI(t *testing.T) {
	l := parseTestdata(t, api2026)
	if len(l.Papers) != 30 {
		t.Fatalf("got %d papers, want 30", len(l.Papers))
	}
	var raw []struct {
		NumComments int `json:"numComments"`
		Paper       struct {
			ID          string   `json:"id"`
			GithubRepo  *string  `json:"githubRepo"`
			GithubStars int      `json:"githubStars"`
			AISummary   string   `json:"ai_summary"`
			AIKeywords  []string `json:"ai_keywords"`
			ProjectPage string   `json:"projectPage"`
		} `json:"paper"`
	}
	if err := json.Unmarshal(readTestdata(t, api2026), &raw); err != nil {
		t.Fatal(err)
	}
	withRepo := 0
	for i, r := range raw {
		p := l.Papers[i]
		if p.ID != r.Paper.ID {
			t.Fatalf("paper %d: id %s, want %s (order kept)", i, p.ID, r.Paper.ID)
		}
		if r.Paper.GithubRepo != nil && *r.Paper.GithubRepo != "" {
			withRepo++
			if p.GitHub != *r.Paper.GithubRepo || p.GitHubStars != r.Paper.GithubStars {
				t.Errorf("%s: github %q %d, want %q %d", p.ID, p.GitHub, p.GitHubStars, *r.Paper.GithubRepo, r.Paper.GithubStars)
			}
		}
		if p.AISummary != strings.Join(strings.Fields(r.Paper.AISummary), " ") {
			t.Errorf("%s: ai summary %q", p.ID, p.AISummary)
		}
		if len(p.Keywords) != len(r.Paper.AIKeywords) {
			t.Errorf("%s: %d keywords, want %d", p.ID, len(p.Keywords), len(r.Paper.AIKeywords))
		}
		if p.Comments != r.NumComments {
			t.Errorf("%s: %d comments, want %d", p.ID, p.Comments, r.NumComments)
		}
		if r.Paper.ProjectPage != "" && p.ProjectPage != r.Paper.ProjectPage {
			t.Errorf("%s: project page %q", p.ID, p.ProjectPage)
		}
	}
	if withRepo == 0 {
		t.Fatal("the fixture should have papers with a GitHub repo")
	}
}

func TestTextSnapshot(t *testing.T) {
	now := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	l, err := ParseTextSnapshot(bytes.NewReader(readTestdata(t, textSample)), now)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		title, org, published string
		upvotes, authors      int
		links                 []string
		github                string
	}
	wants := []want{
		{"Sparse Routers Learn Faster Than Dense Ones: A Study of Token Choice", "", "2025-02-27", 4, 6,
			[]string{"https://github.com/example-lab/sparse-routers"}, "https://github.com/example-lab/sparse-routers"},
		{"Tiny Recurrent Memories for Long-Horizon Web Agents", "Acme Research", "2026-03-02", 12, 0,
			[]string{"https://tiny-memories.example.org/"}, ""},
		{"Calibrated Uncertainty for Diffusion Policies", "", "2023-11-03", 0, 1, nil, ""},
		{"A Survey of Flow Matching Objectives", "", "", 0, 0,
			[]string{"https://github.com/example-lab/fm-survey", "http://notes.example.org/fm"}, "https://github.com/example-lab/fm-survey"},
		{"Graph Transformers Without Positional Encodings", "", "2024-01-18", 2, 9, nil, ""},
	}
	if len(l.Papers) != len(wants) {
		t.Fatalf("got %d papers, want %d", len(l.Papers), len(wants))
	}
	for i, w := range wants {
		p := l.Papers[i]
		if p.Title != w.title || p.Organization != w.org || p.Published != w.published || p.Upvotes != w.upvotes || p.AuthorCount != w.authors || p.GitHub != w.github {
			t.Errorf("paper %d = %q org %q date %q up %d authors %d code %q", i, p.Title, p.Organization, p.Published, p.Upvotes, p.AuthorCount, p.GitHub)
		}
		if strings.Join(p.Links, " ") != strings.Join(w.links, " ") {
			t.Errorf("paper %d links %q, want %q", i, p.Links, w.links)
		}
		if p.Summary == "" || p.ID == "" {
			t.Errorf("paper %d: empty summary or id", i)
		}
	}
	if l.Period != (model.Period{Kind: model.Day, Value: "2026-03-04"}) {
		t.Errorf("page date %v", l.Period)
	}
	// A date without a year is the latest such date not after today.
	early := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	l, _ = ParseTextSnapshot(bytes.NewReader(readTestdata(t, textSample)), early)
	if l.Papers[1].Published != "2025-03-02" {
		t.Errorf("Mar 2 seen on 2026-03-01 is %s, want 2025-03-02", l.Papers[1].Published)
	}
}

func TestHandmadeFormats(t *testing.T) {
	tests := []struct {
		file            string
		n               int
		period          model.Period
		firstID, github string
	}{
		{"handmade_hf_week_2025-W02.html", 2, model.Period{Kind: model.Week, Value: "2025-W02"}, "2501.04519", "https://github.com/microsoft/rStar"},
		{"handmade_hf_search_flow-matching.html", 2, model.Period{Kind: model.Search, Value: "flow matching"}, "2210.02747", ""},
		{"handmade_hf_empty_day_2025-01-11.html", 0, model.Period{Kind: model.Day, Value: "2025-01-11"}, "", ""},
		{"handmade_hf_api_papers_search.json", 2, model.Period{}, "2501.04519", "https://github.com/microsoft/rStar"},
		{"handmade_hf_paper_page_2501.04519.html", 1, model.Period{}, "2501.04519", "https://github.com/microsoft/rStar"},
		{"handmade_hf_api_paper_2501.04519.json", 1, model.Period{}, "2501.04519", "https://github.com/microsoft/rStar"},
		{"handmade_arxiv_list_cs.LG_new.html", 2, model.Period{Kind: model.Arxiv}, "2411.01234", "https://github.com/doe/sae-scaling"},
		{"handmade_arxiv_abs_2407.21783.html", 1, model.Period{}, "2407.21783", ""},
		{"arxiv_api_query_transformer_cs.LG_2026-06-14.xml", 5, model.Period{Kind: model.Arxiv}, "2606.13677", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			l := parseTestdata(t, tt.file)
			if len(l.Papers) != tt.n || l.Period != tt.period {
				t.Fatalf("%d papers, period %v; want %d, %v", len(l.Papers), l.Period, tt.n, tt.period)
			}
			if tt.n > 0 && (l.Papers[0].ID != tt.firstID || l.Papers[0].GitHub != tt.github) {
				t.Errorf("first paper %s code %q; want %s %q", l.Papers[0].ID, l.Papers[0].GitHub, tt.firstID, tt.github)
			}
		})
	}
}

func TestHandmadeDetails(t *testing.T) {
	p := parseTestdata(t, "handmade_hf_api_paper_2501.04519.json").Papers[0]
	if p.GitHubStars != 1200 || p.ProjectPage != "https://rstar.example.org" || len(p.LinkedModels) != 1 || len(p.LinkedDatasets) != 2 || p.Comments != 11 {
		t.Errorf("details: %+v", p)
	}
	page := parseTestdata(t, "handmade_hf_paper_page_2501.04519.html").Papers[0]
	if page.Title != p.Title || page.Comments != 11 {
		t.Errorf("paper page: %q, %d comments", page.Title, page.Comments)
	}
	week := parseTestdata(t, "handmade_hf_week_2025-W02.html")
	if week.Prev.Value != "2025-W01" || week.Next.Value != "2025-W03" || week.Papers[0].Organization != "Microsoft" {
		t.Errorf("week page: prev %v next %v org %q", week.Prev, week.Next, week.Papers[0].Organization)
	}
	list := parseTestdata(t, "handmade_arxiv_list_cs.LG_new.html")
	a := list.Papers[0]
	if a.Title != "Scaling Laws for Sparse Autoencoders" || a.PrimaryCategory != "cs.LG" || len(a.Authors) != 2 || !strings.Contains(a.Summary, "& more") || a.URL != "https://arxiv.org/abs/2411.01234" {
		t.Errorf("arXiv list entry: %+v", a)
	}
	abs := parseTestdata(t, "handmade_arxiv_abs_2407.21783.html").Papers[0]
	if abs.Authors[0] != "Abhimanyu Dubey" || abs.Published != "2024-07-31" || abs.PrimaryCategory != "cs.AI" {
		t.Errorf("arXiv abs page: %+v", abs)
	}
	atom := parseTestdata(t, "arxiv_api_query_transformer_cs.LG_2026-06-14.xml").Papers[0]
	if atom.PrimaryCategory != "cs.RO" || len(atom.Authors) != 4 || atom.Published != "2026-06-11" || atom.PDFURL == "" {
		t.Errorf("atom entry: %+v", atom)
	}
}

func TestBadInputs(t *testing.T) {
	page := readTestdata(t, page2024)
	api := readTestdata(t, api2026)
	tests := map[string][]byte{
		"empty":           nil,
		"whitespace":      []byte("  \n\t "),
		"binary":          {0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0xff, 0xfe, 0},
		"truncated json":  api[:len(api)/2],
		"truncated page":  page[:4000],
		"wrong json":      []byte(`{"models": [1, 2, 3]}`),
		"json scalars":    []byte(`[1, 2, 3]`),
		"plain prose":     []byte("Dear diary,\nnothing here is a paper.\n"),
		"html no papers":  []byte("<html><body><p>hello</p></body></html>"),
		"truncated atom":  readTestdata(t, "arxiv_api_query_transformer_cs.LG_2026-06-14.xml")[:3000],
		"json wrong type": []byte(`[{"paper": "not an object"}]`),
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			l, err := Parse(bytes.NewReader(in))
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("got %d papers, err %v; want a FormatError", len(l.Papers), err)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "expected") {
				t.Errorf("message %q should be one line saying what was expected", msg)
			}
		})
	}
}

func TestSanitizedFields(t *testing.T) {
	hostile := "Evil\x1b]52;c;aGVsbG8=\x07 \x1b[2J\u009b31m\u202etitle\u200b\x1b]8;;https://x.org\x1b\\link\x1b]8;;\x1b\\ \x07done"
	item := map[string]any{"paper": map[string]any{"id": "2401.00001", "title": hostile, "summary": hostile,
		"authors": []any{map[string]any{"name": hostile}}, "githubRepo": "javascript:alert(1)", "projectPage": "file:///etc/passwd"}}
	body, _ := json.Marshal([]any{item})
	l, err := Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	p := l.Papers[0]
	for _, s := range []string{p.Title, p.Summary, p.Authors[0]} {
		if s != "Evil titlelink done" {
			t.Errorf("sanitised to %q", s)
		}
	}
	if p.GitHub != "" || p.ProjectPage != "" || len(p.Links) != 0 {
		t.Errorf("unsafe links kept: %q %q %q", p.GitHub, p.ProjectPage, p.Links)
	}
}

func TestEntitiesDecodedOnce(t *testing.T) {
	// &amp;lt; in the page is "&lt;" in the data: it must stay "&lt;", not become "<".
	page := `<html><body><div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id&quot;:&quot;2401.00001&quot;,&quot;title&quot;:&quot;A &amp;lt;b&amp;gt; &amp;amp; B&quot;}}]}"></div></body></html>`
	l, err := Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Papers[0].Title; got != "A &lt;b&gt; &amp; B" {
		t.Errorf("title %q", got)
	}
}

func TestFindLinks(t *testing.T) {
	text := "Code: https://github.com/a/b. See (https://x.org/p) and https://en.wikipedia.org/wiki/Foo_(bar), or http://y.org/q?x=1; javascript:alert(1) ftp://z.org"
	got := FindLinks(text)
	want := []string{"https://github.com/a/b", "https://x.org/p", "https://en.wikipedia.org/wiki/Foo_(bar)", "http://y.org/q?x=1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestListingJSONRoundTrip(t *testing.T) {
	orig := parseTestdata(t, api2026)
	body, err := json.Marshal(orig.Papers)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(orig.Papers)
	b, _ := json.Marshal(back.Papers)
	if !bytes.Equal(a, b) {
		t.Error("reading paperdeck's own --json output changed the records")
	}
}

func TestParseFileErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := ParseFile(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ParseFile(dir); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("directory: %v", err)
	}
}
