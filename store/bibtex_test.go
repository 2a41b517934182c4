package store

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
)

func TestBibTeXKeys(t *testing.T) {
	cases := []struct {
		p    model.Paper
		want string
	}{
		{model.Paper{ID: "2407.21783", Title: "The Llama 3 Herd of Models", Authors: []string{"Abhimanyu Dubey"}, Published: "2024-07-31"}, "dubey2024llama"},
		{model.Paper{ID: "2407.21530", Title: "Towards Achieving Human Parity", Authors: []string{"Onur Çelebi"}}, "celebi2024achieving"},
		{model.Paper{Title: "Über Flüsse", Authors: []string{"Müller, Hans"}, Published: "2023-02-01"}, "muller2023uber"},
		{model.Paper{Title: "On the Dream of a Ray", Authors: []string{"Martin Luther King Jr."}, Published: "1999-01-01"}, "king1999dream"},
		{model.Paper{Title: "Ørsted and Łódź: a Study", Authors: []string{"Søren Kierkegaard Ødegård"}, Published: "2020-01-01"}, "odegard2020orsted"},
		{model.Paper{ID: "hep-th/9901001", Title: "A 3D Theory", Authors: []string{"李明"}}, "anon19993d"},
		{model.Paper{ID: "2501.00001", Title: "2025: What Is New?"}, "anon2025new"},
	}
	for _, c := range cases {
		if got := bibtexKey(c.p); got != c.want {
			t.Errorf("key of %q by %q = %q, want %q", c.p.Title, c.p.Authors, got, c.want)
		}
	}
}

func TestBibTeXKeysAreUniqueInAFile(t *testing.T) {
	p := model.Paper{Title: "Llama again", Authors: []string{"A. Dubey"}, Published: "2024-01-01"}
	var ps []model.Paper
	for i := range 29 {
		p.ID = fmt.Sprintf("2401.%05d", i)
		ps = append(ps, p)
	}
	ps = append(ps, ps[0]) // the same paper twice is written once
	var buf bytes.Buffer
	if err := WriteBibTeX(&buf, ps); err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`@misc\{([^,]+),`).FindAllStringSubmatch(buf.String(), -1)
	if len(keys) != 29 {
		t.Fatalf("%d entries, want 29", len(keys))
	}
	want := map[int]string{0: "dubey2024llama", 1: "dubey2024llamaa", 2: "dubey2024llamab", 26: "dubey2024llamaz", 27: "dubey2024llamaaa"}
	for i, k := range want {
		if keys[i][1] != k {
			t.Errorf("key %d = %s, want %s", i, keys[i][1], k)
		}
	}
}

func TestBibTeXEntryFields(t *testing.T) {
	p := model.Paper{
		ID: "2407.21783", Title: "The Llama 3 Herd\nof  Models: LLM & More",
		Authors:     []string{"Abhimanyu Dubey", "Hugo Touvron", "Ben Jones, Jr.", "Research and Development Team"},
		AuthorCount: 500, Published: "2024-07-31", PrimaryCategory: "cs.AI",
		URL: "https://huggingface.co/papers/2407.21783", ArxivURL: "https://arxiv.org/abs/2407.21783",
	}
	got := BibTeXEntry(p)
	want := `@misc{dubey2024llama,
  title         = {The Llama 3 Herd of Models: {LLM} \& More},
  author        = {Abhimanyu Dubey and Hugo Touvron and {Ben Jones, Jr.} and {Research and Development Team} and others},
  year          = {2024},
  eprint        = {2407.21783},
  archivePrefix = {arXiv},
  primaryClass  = {cs.AI},
  doi           = {10.48550/arXiv.2407.21783},
  url           = {https://arxiv.org/abs/2407.21783}
}
`
	if got != want {
		t.Fatalf("entry:\n%s\nwant:\n%s", got, want)
	}
	// A paper known only by a title key has no arXiv fields.
	q := BibTeXEntry(model.Paper{ID: "flow-matching-for-all", Title: "Flow", URL: "https://example.org/p"})
	if strings.Contains(q, "eprint") || strings.Contains(q, "arXiv") || !strings.Contains(q, "url           = {https://example.org/p}") {
		t.Fatalf("non-arXiv entry:\n%s", q)
	}
}

func TestBibTeXEscapesEverySpecialCharacter(t *testing.T) {
	got := texEscape(`50% of $x_1$ & #2 {set} ~a^b \cmd`)
	want := `50\% of \$x\_1\$ \& \#2 \textbraceleft{}set\textbraceright{} \textasciitilde{}a\textasciicircum{}b \textbackslash{}cmd`
	if got != want {
		t.Fatalf("texEscape:\n got %s\nwant %s", got, want)
	}
	// Whatever a title or a name holds, the entry's braces balance.
	for _, s := range []string{"}", "{", "}{", "\\", "\\}", "a}b{c", "@misc{x,", "\"", "}}}}", "\\{\\", "x\x00\x1b[31m"} {
		e := BibTeXEntry(model.Paper{ID: "2401.00001", Title: s, Authors: []string{s, "A " + s}, URL: "https://e.org/" + s})
		if !balanced(e) {
			t.Errorf("unbalanced entry for %q:\n%s", s, e)
		}
		if strings.ContainsAny(e, "\x00\x1b") {
			t.Errorf("control characters kept for %q", s)
		}
	}
}

// balanced checks braces as BibTeX counts them: every brace counts, even
// after a backslash.
func balanced(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// TestBibTeXOfThe2024PageIsAcceptedByBibTool checks the 13 papers of the
// saved 2024-08-01 page, and hostile titles, with a real BibTeX parser.
// Install it with: apt-get install -y bibtool
func TestBibTeXOfThe2024PageIsAcceptedByBibTool(t *testing.T) {
	bibtool, err := exec.LookPath("bibtool")
	if err != nil {
		t.Skip("bibtool is not installed (apt-get install -y bibtool); skipping the BibTeX parser check")
	}
	l, err := feed.ParseFile(filepath.Join("..", "testdata", "hf_daily_papers_2024-08-01.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Papers) != 13 {
		t.Fatalf("the page has %d papers, want 13", len(l.Papers))
	}
	hostile := []model.Paper{
		{ID: "2401.00001", Title: `Unbalanced } brace and \textbf{bold} 100% of $x^2$ & #tags_`, Authors: []string{"O'Brien, Jr.", "{Weird} Name}"}},
		{ID: "2401.00002", Title: `{{{`, Authors: []string{"Research and Development", "Zoë Ørsted"}},
	}
	for name, ps := range map[string][]model.Paper{"2024 page": l.Papers, "hostile": hostile} {
		t.Run(name, func(t *testing.T) {
			bib := filepath.Join(t.TempDir(), "refs.bib")
			var buf bytes.Buffer
			if err := WriteBibTeX(&buf, ps); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(bib, buf.Bytes(), 0o644)
			out, err := exec.Command(bibtool, "-#", "-d", bib, "-o", os.DevNull).CombinedOutput()
			if err != nil {
				t.Fatalf("bibtool: %v\n%s", err, out)
			}
			if bytes.Contains(out, []byte("ERROR")) || bytes.Contains(out, []byte("WARNING")) {
				t.Fatalf("bibtool complains:\n%s", out)
			}
			stats := regexp.MustCompile(`Misc\s+(\d+) read\s+(\d+) written`).FindSubmatch(out)
			want := strconv.Itoa(len(ps))
			if stats == nil || string(stats[1]) != want || string(stats[2]) != want {
				t.Fatalf("bibtool should read and write %d entries:\n%s", len(ps), out)
			}
		})
	}
}

// TestBibTeXIsAcceptedByBibTeX runs BibTeX itself with the plain style,
// when the TeX Live that comes with bibtool is there.
func TestBibTeXIsAcceptedByBibTeX(t *testing.T) {
	bibtex, err := exec.LookPath("bibtex")
	if err != nil {
		t.Skip("bibtex is not installed; skipping")
	}
	l, err := feed.ParseFile(filepath.Join("..", "testdata", "hf_daily_papers_2024-08-01.html"))
	if err != nil {
		t.Fatal(err)
	}
	ps := append(l.Papers, model.Paper{ID: "2401.00001", Title: `Odd } title {x} 50% \cmd`, Authors: []string{"Ann and Bob", "C, D"}})
	dir := t.TempDir()
	var buf bytes.Buffer
	WriteBibTeX(&buf, ps)
	os.WriteFile(filepath.Join(dir, "refs.bib"), buf.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "t.aux"), []byte("\\citation{*}\n\\bibdata{refs}\n\\bibstyle{plain}\n"), 0o644)
	cmd := exec.Command(bibtex, "t")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || bytes.Contains(out, []byte("error message")) || bytes.Contains(out, []byte("Warning--")) {
		t.Fatalf("bibtex: %v\n%s", err, out)
	}
	bbl, _ := os.ReadFile(filepath.Join(dir, "t.bbl"))
	if n := bytes.Count(bbl, []byte(`\bibitem{`)); n != len(ps) {
		t.Fatalf("bibtex wrote %d items, want %d", n, len(ps))
	}
	if !bytes.Contains(bbl, []byte(`\bibitem{dubey2024llama}`)) {
		t.Fatal("dubey2024llama missing from the bibliography")
	}
}

// A paper of copied page text has no id, no names and no page: its entry
// still says how many authors it has and where its code is, and the
// count joins a bookmark's note rather than making a second note field.
func TestBibTeXOfAPaperWithoutAnID(t *testing.T) {
	l, err := feed.ParseFile(filepath.Join("..", "testdata", "hf_papers_page_copied_text_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p := l.Papers[0] // Sparse Routers…: 6 authors, a code link in the abstract
	got := BibTeXEntry(p)
	for _, want := range []string{"url           = {https://github.com/example-lab/sparse-routers}", "note          = {6 authors}"} {
		if !strings.Contains(got, want) {
			t.Errorf("entry lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "title-") {
		t.Errorf("the entry shows the internal key:\n%s", got)
	}
	var b bytes.Buffer
	if err := writeBibTeX(&b, []model.Paper{p}, func(int) []bibField { return []bibField{{"note", "compare with dense"}} }); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "note "); n != 1 || !strings.Contains(b.String(), "note          = {6 authors. compare with dense}") {
		t.Errorf("%d note fields, want one with the count and the bookmark's note:\n%s", n, b.String())
	}
}
