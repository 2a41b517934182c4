package fulltext

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A fixture is a real LaTeXML page (testdata/README.md says where each
// came from) and what a reader must find in it.
type fixture struct {
	file     string
	title    string
	authors  int
	headings []string // in order; every numbered one the page has
	labels   []string // figure and table tags
	problems bool     // a damaged page says so
}

var fixtures = []fixture{
	{
		file:    "arxiv-view-as-html_sample_paper_angular-momentum.html",
		title:   "Angular momentum evolution can be predicted from cosmological initial conditions",
		authors: 3,
		headings: []string{"1 Introduction", "2 Methods", "3 Results", "4 Discussion", "Acknowledgements",
			"Data availability", "Appendix A Genetic modifications of the angular momentum",
			"Appendix B Details of tidal torque theory"},
		labels:   []string{"Table 1:", "Figure 1:", "Figure 2:", "Figure 3:", "Figure 4:", "Figure 5:"},
		problems: true, // the conversion service lost eight numbered formulas
	},
	{
		file:     "latexmlc_0.8.7_1707.08043.html",
		title:    "ON POSITIVE-CHARACTERISTIC SEMI-PARAMETRIC LOCAL REDUCTIONS OF FINITELLY GENERATED ℚ-ALGEBRAS",
		authors:  3,
		headings: []string{"Introduction", "1 Preliminary facts", "2 Main Result", "acknowledgements"},
	},
	{
		file:    "engrafo_1708.00137.html",
		title:   "Causation does not explain contextuality",
		authors: 2,
		headings: []string{"Introduction", "1 An introduction to ontological models and retrocausal approaches.",
			"2 Operational primitives", "3 Operational equivalences", "3.1 Events", "3.2 Instruments", "3.3 Process",
			"4 Ontological model", "5 Examples", "5.1 Deterministic, classical models", "5.1.1 Causally-ordered models",
			"5.1.2 Time-travelling classical systems", "5.1.3 All-at-once stochastic models", "6 Quantum models",
			"7 A quantum contradiction", "8 Process-contextual extensions of quantum theory", "9 Discussion",
			"Appendix A Wharton’s retrocausal toy model", "Classical systems on an arbitrary geometry", "No control.",
			"Local control.", "Processes for the thermal state"},
		labels: []string{"Figure 1:", "(a)", "(b)", "Figure 2:", "Figure 3:"},
	},
	{
		file:    "ar5iv_1904.07818_onemax.html",
		title:   "Maximizing Drift is Not Optimal for Solving OneMax",
		authors: 2,
		headings: []string{"1 Introduction", "2 The OneMax Problem", "3 Elitist (1+1) Unbiased Algorithms",
			"4 Maximizing Drift is Not Optimal", "4.1 RLSₒₚₜ≠RLS_drift for n=3"},
		labels:   []string{"Algorithm 1"},
		problems: true,
	},
	{
		file:     "arxiv_html_2609.01222v2_excerpt.html",
		title:    "What’s in Your Agent’s Context? Context Privilege Escalation Attacks against AI Agent Harness",
		authors:  5,
		headings: []string{"I Introduction"},
		problems: true, // the excerpt ends before the bibliography its citations point to
	},
}

func readFixture(t testing.TB, name string) (string, *Document) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "testdata", "fulltext", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(strings.NewReader(string(raw)), "https://arxiv.org/html/0000.00000v1")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(raw), d
}

// Counted on the page itself, independently of the parser.
var (
	bibItemRE    = regexp.MustCompile(`<li\b[^>]*\bltx_bibitem\b`)
	eqnRowRE     = regexp.MustCompile(`(?s)<tr\b[^>]*\bltx_eqn_row\b[^>]*>(.*?)</tr>`)
	sectionTagRE = regexp.MustCompile(`ltx_tag_(?:section|subsection|subsubsection|appendix)\b[^>]*>([^<]*)<`)
	figcaptionRE = regexp.MustCompile(`<figcaption\b`)
	markupRE     = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*[\s>/]|ltx_|&(?:amp|lt|gt|quot|nbsp|#[0-9]+);|start_POST|end_POST`)
	texLeftRE    = regexp.MustCompile(`\\[a-zA-Z]{2,}`)
)

func TestFixtures(t *testing.T) {
	for _, fx := range fixtures {
		t.Run(fx.file, func(t *testing.T) {
			raw, d := readFixture(t, fx.file)
			if d.Title != fx.title {
				t.Errorf("title %q, want %q", d.Title, fx.title)
			}
			if len(d.Authors) != fx.authors {
				t.Errorf("authors %q, want %d of them", d.Authors, fx.authors)
			}
			if len(d.Abstract) == 0 {
				t.Error("no abstract")
			}

			var headings, numbers []string
			for _, s := range d.Sections {
				if s.Heading() != "" {
					headings = append(headings, s.Heading())
				}
				if s.Number != "" {
					numbers = append(numbers, s.Number)
				}
			}
			if !slices.Equal(headings, fx.headings) {
				t.Errorf("headings\n got %q\nwant %q", headings, fx.headings)
			}
			var pageNumbers []string
			for _, m := range sectionTagRE.FindAllStringSubmatch(raw, -1) {
				pageNumbers = append(pageNumbers, strings.TrimSuffix(strings.TrimSpace(m[1]), "."))
			}
			if !slices.Equal(numbers, pageNumbers) {
				t.Errorf("section numbers\n got %q\npage %q", numbers, pageNumbers)
			}

			// Display equations: every row of an equation table that holds a
			// formula, and a mark for a numbered one whose formula is lost.
			wantEq, wantLost := 0, 0
			for _, m := range eqnRowRE.FindAllStringSubmatch(raw, -1) {
				switch {
				case strings.Contains(m[1], "alttext=") || strings.Contains(m[1], "aria-label="):
					wantEq++
				case strings.Contains(m[1], "ltx_tag_equation"):
					wantLost++
				}
			}
			gotEq, gotLost := 0, 0
			var labels []string
			captions := 0
			eachBlock(d, func(b Block) {
				switch b.Kind {
				case Equation:
					if b.Text.String() == missingEquation {
						gotLost++
					} else {
						gotEq++
					}
				case Figure, Table:
					if b.Label != "" {
						labels = append(labels, b.Label)
					}
					if b.Label != "" || len(b.Text) > 0 {
						captions++
					}
				}
			})
			if gotEq != wantEq || gotLost != wantLost {
				t.Errorf("display equations %d (+%d lost), page has %d (+%d lost)", gotEq, gotLost, wantEq, wantLost)
			}
			if wantEq > 0 && gotEq == 0 {
				t.Error("no equation read")
			}
			if want := len(figcaptionRE.FindAllString(raw, -1)); captions != want {
				t.Errorf("%d figure and table captions, page has %d", captions, want)
			}
			if !slices.Equal(labels, fx.labels) {
				t.Errorf("figure labels\n got %q\nwant %q", labels, fx.labels)
			}
			if want := len(bibItemRE.FindAllString(raw, -1)); len(d.References) != want {
				t.Errorf("%d references, page has %d", len(d.References), want)
			}
			if (len(d.Problems) > 0) != fx.problems {
				t.Errorf("problems %q, want some: %v", d.Problems, fx.problems)
			}

			text := Text(d, 80)
			md := Markdown(d, 100)
			for name, out := range map[string]string{"text": text, "markdown": md} {
				if strings.Contains(out, "mathbb") || strings.Contains(out, "mathcal") || strings.Contains(out, "frac{") {
					t.Errorf("%s output keeps LaTeX: %q", name, around(out, "math"))
				}
				if strings.ContainsAny(out, "\x1b\x07\u202e") {
					t.Errorf("%s output holds control characters", name)
				}
			}
			if m := texLeftRE.FindString(text); m != "" {
				t.Errorf("text output keeps the command %s: %q", m, around(text, m))
			}
			if m := markupRE.FindString(text); m != "" {
				t.Errorf("text output keeps markup %q: %q", m, around(text, m))
			}
			for _, h := range fx.headings {
				if !strings.Contains(text, h+"\n") {
					t.Errorf("text output lacks the heading %q", h)
				}
			}
			for _, line := range strings.Split(text, "\n") {
				if w := displayWidth(line); w > 80 && strings.Contains(strings.TrimSpace(line), " ") {
					t.Errorf("text line %d wide: %q", w, line)
					break
				}
			}
		})
	}
}

func eachBlock(d *Document, f func(Block)) {
	for _, b := range d.Abstract {
		f(b)
	}
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			f(b)
		}
	}
}

func around(s, sub string) string {
	i := strings.Index(s, sub)
	if i < 0 {
		return ""
	}
	return s[max(0, i-60):min(len(s), i+60)]
}
