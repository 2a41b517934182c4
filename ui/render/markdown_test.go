package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

// paperFromFile returns the paper with id from a file in the project's testdata.
func paperFromFile(t testing.TB, file, id string) model.Paper {
	t.Helper()
	l, err := feed.ParseFile("../../testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range l.Papers {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("%s has no paper %s", file, id)
	return model.Paper{}
}

func TestMarkdownLlama3(t *testing.T) {
	p := paperFromFile(t, "hf_daily_papers_2024-08-01.html", "2407.21783")
	md := Markdown(p)
	for _, want := range []string{
		"# The Llama 3 Herd of Models\n",
		"Abhimanyu Dubey, Abhinav Jauhri, Abhinav Pandey, Abhishek Kadian, Ahmad Al\\-Dahle … \\+",
		"- Paper page: <https://huggingface.co/papers/2407.21783>\n",
		"- PDF: <https://arxiv.org/pdf/2407.21783>\n",
		"## Abstract\n\nModern artificial intelligence \\(AI\\) systems are powered by foundation models\\. This paper",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	more := len(p.Authors) - maxAuthors
	if want := " … \\+" + itoa(more) + " more\n"; !strings.Contains(md, want) {
		t.Errorf("Markdown lacks %q for %d authors:\n%s", want, len(p.Authors), md)
	}

	// What the reader sees.
	out, err := Paper(p, 80, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	screen := ansi.Strip(out)
	for _, want := range []string{
		"The Llama 3 Herd of Models",
		"+" + itoa(more) + " more",
		"Paper page: https://huggingface.co/papers/2407.21783",
		"PDF: https://arxiv.org/pdf/2407.21783",
		"Modern artificial intelligence (AI) systems are powered by foundation",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("rendered detail lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "Aiesha Letman") {
		t.Errorf("author list is not shortened:\n%s", screen)
	}
}

func TestMarkdownFields(t *testing.T) {
	p := model.Paper{
		ID:             "2501.04519",
		Title:          `rStar-Math: $\pi_0$ and \textbf{Deep} Thinking`,
		Authors:        []string{"Xinyu Guan", "Li Lyna Zhang"},
		Published:      "2025-01-08",
		Upvotes:        1234,
		Comments:       1,
		Organization:   "Microsoft",
		GitHub:         "https://github.com/microsoft/rStar",
		GitHubStars:    4321,
		ProjectPage:    "https://example.org/rstar",
		URL:            "https://huggingface.co/papers/2501.04519",
		Links:          []string{"https://example.org/data", "javascript:alert(1)", "file:///etc/passwd"},
		AISummary:      "Small models reach $90\\%$ accuracy.",
		Keywords:       []string{"MCTS", "self-evolution"},
		LinkedModels:   []string{"a", "b"},
		LinkedDatasets: []string{"c"},
		Summary:        "First paragraph\nwrapped here.\n\nSecond paragraph.",
	}
	md := Markdown(p)
	want := "# rStar\\-Math&#58; π₀ and **Deep** Thinking\n\n" +
		"Xinyu Guan, Li Lyna Zhang\n\n" +
		"2025\\-01\\-08 · ▲ 1,234 · 1 comment · Microsoft · 4,321 GitHub stars\n\n" +
		"## Links\n\n" +
		"- Paper page: <https://huggingface.co/papers/2501.04519>\n" +
		"- Code: <https://github.com/microsoft/rStar>\n" +
		"- Project page: <https://example.org/rstar>\n" +
		"- Link: <https://example.org/data>\n\n" +
		"## AI summary\n\nSmall models reach 90% accuracy\\.\n\n" +
		"**Keywords:** MCTS · self\\-evolution\n\n" +
		"**Linked on the Hub:** 2 models · 1 dataset\n\n" +
		"## Abstract\n\nFirst paragraph wrapped here\\.\n\nSecond paragraph\\.\n"
	if md != want {
		t.Errorf("Markdown =\n%s\nwant\n%s", md, want)
	}
}

func TestMarkdownUnknownFieldsLeftOut(t *testing.T) {
	md := Markdown(model.Paper{Title: "Only a title", AuthorCount: 12})
	if want := "# Only a title\n\n12 authors\n"; md != want {
		t.Errorf("Markdown = %q, want %q", md, want)
	}
	md = Markdown(model.Paper{})
	if want := "# Untitled\n"; md != want {
		t.Errorf("Markdown of an empty record = %q, want %q", md, want)
	}
	// Names known for some authors only: the count says how many more.
	md = Markdown(model.Paper{Title: "T", Authors: []string{"A", "B"}, AuthorCount: 40})
	if !strings.Contains(md, "A, B … \\+38 more") {
		t.Errorf("partial author list: %q", md)
	}
	// A long list without a count still says how many.
	many := make([]string, 500)
	for i := range many {
		many[i] = "Author " + itoa(i)
	}
	md = Markdown(model.Paper{Title: "T", Authors: many})
	if !strings.Contains(md, "Author 4 … \\+495 more") {
		t.Errorf("500 authors: %q", md)
	}
	// Up to six names are all shown.
	md = Markdown(model.Paper{Title: "T", Authors: []string{"A", "B", "C", "D", "E", "F"}})
	if !strings.Contains(md, "A, B, C, D, E, F\n") {
		t.Errorf("six authors: %q", md)
	}
}

// A record far larger than any paper is cut, with a mark, not rendered
// at length.
func TestMarkdownCapsHugeFields(t *testing.T) {
	huge := strings.Repeat("word ", 100000)
	md := Markdown(model.Paper{Title: huge, Summary: huge})
	if len(md) > 2*maxAbstract+2*maxTitle {
		t.Errorf("Markdown of a 500 KB record is %d bytes", len(md))
	}
	if !strings.Contains(md, "…") {
		t.Error("the cut is not marked")
	}
}

func TestSafeURL(t *testing.T) {
	good := map[string]string{
		"https://arxiv.org/abs/2407.21783":  "https://arxiv.org/abs/2407.21783",
		" http://example.com/a%20b ":        "http://example.com/a%20b",
		"https://example.com/?q=1&r=2#frag": "https://example.com/?q=1&r=2#frag",
		"https://e.com/<x>":                 "https://e.com/%3Cx%3E",
	}
	for in, want := range good {
		if got, ok := safeURL(in); !ok || got != want {
			t.Errorf("safeURL(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{
		"javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "-a", "//example.com/x",
		"https://user:pass@example.com/", "https:///nohost", "https://example.com/\x1b]52",
		"https://example.com/" + strings.Repeat("a", 3000), "mailto:me@example.com", "",
		"https://example.com/a b", "https://example.com/\u009b2J", "https://example.com/\u202egnp.exe",
	} {
		if got, ok := safeURL(bad); ok {
			t.Errorf("safeURL(%q) accepted as %q", bad, got)
		}
	}
}

func itoa(n int) string { return thousands(n) }

// One star is "1 GitHub star", as one comment is "1 comment".
func TestMarkdownOneGitHubStar(t *testing.T) {
	md := Markdown(model.Paper{Title: "T", Comments: 1, GitHubStars: 1})
	if !strings.Contains(md, "1 comment · 1 GitHub star\n") {
		t.Errorf("meta line: %q", md)
	}
}

// An arXiv record is TeX: its -- reads as the en dash TeX prints, in the
// title and in the abstract. A Hugging Face record's -- is as written.
func TestMarkdownTeXDashesOfArxivRecords(t *testing.T) {
	md := Markdown(paperFromFile(t, "arxiv_metadata_grothendieck_teichmuller.jsonl", "2511.05911"))
	for _, want := range []string{
		"# Grothendieck–Teichmüller Symmetries of Cyclic Operads and Tangles\n",
		"the profinite Grothendieck–Teichmüller group",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in:\n%s", want, md)
		}
	}
	if strings.Contains(md, `\-\-`) {
		t.Errorf("a -- is left in:\n%s", md)
	}
	md = Markdown(paperFromFile(t, "arxiv_metadata_daily_math_rt.jsonl", "2511.04836"))
	if !strings.Contains(md, "homomorphisms between Artin–Tits groups\\.") {
		t.Errorf("Artin--Tits is not Artin–Tits in:\n%s", md)
	}
	md = Markdown(paperFromFile(t, "hf_api_daily_papers_2026-06-12.json", "2606.13120"))
	if !strings.Contains(md, `Search Agents \-\- large language models`) {
		t.Errorf("the Hub's -- changed in:\n%s", md)
	}
}

// A cross-listed paper says where else it is listed: a cat:cs.CG filter
// finds this math.CO paper, and its detail says why.
func TestMarkdownNamesCrossLists(t *testing.T) {
	md := Markdown(paperFromFile(t, "arxiv_metadata_snapshot_head.jsonl", "0704.0002"))
	if !strings.Contains(md, `math\.CO (also cs\.CG)`) {
		t.Errorf("no cross-list in:\n%s", md)
	}
	md = Markdown(paperFromFile(t, "arxiv_metadata_snapshot_head.jsonl", "0704.0001"))
	if strings.Contains(md, "(also") {
		t.Errorf("a paper in one category names others:\n%s", md)
	}
}
