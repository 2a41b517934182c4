package rank_test

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
	"github.com/paperdeck/paperdeck/rank/rankeval"
)

// sklearnFixture is what scikit-learn computes with arxiv-sanity-lite's
// parameters on the first 200 labelled papers (scripts/rank-fixtures.py).
type sklearnFixture struct {
	Papers    int      `json:"papers"`
	Positives []string `json:"positives"`
	Terms     []string `json:"terms"`
	IDF       []float64
	Rows      []struct {
		ID    string             `json:"id"`
		Terms map[string]float64 `json:"terms"`
	} `json:"rows"`
	Coef      []float64 `json:"coef"`
	Intercept float64   `json:"intercept"`
	Decision  []float64 `json:"decision"`
}

// loadFixture reads the fixture and builds the features of its papers with
// compute.py's options.
func loadFixture(t *testing.T) (sklearnFixture, []model.Paper, *rank.Features) {
	t.Helper()
	data, err := os.ReadFile("testdata/sklearn_linearsvc.json")
	if err != nil {
		t.Fatal(err)
	}
	var fx sklearnFixture
	if err := json.Unmarshal(data, &fx); err != nil {
		t.Fatal(err)
	}
	all, err := rankeval.LoadLabelled("../testdata/arxiv_labelled_papers.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	papers := make([]model.Paper, fx.Papers)
	for i := range papers {
		papers[i] = all[i].Paper
	}
	f, err := rank.BuildFeatures(context.Background(), papers, rank.RecipeFeatureOptions())
	if err != nil {
		t.Fatal(err)
	}
	return fx, papers, f
}

// The features are scikit-learn's: the same vocabulary, idf and tf-idf
// values (float32, as compute.py stores them).
func TestFeaturesMatchScikitLearn(t *testing.T) {
	fx, _, f := loadFixture(t)
	col := map[string]int{}
	for j, term := range f.Terms {
		col[term] = j
	}
	if got, want := sorted(f.Terms), fx.Terms; !slices.Equal(got, want) {
		t.Fatalf("%d terms, scikit-learn %d; only ours: %v; only theirs: %v",
			len(got), len(want), missing(got, want), missing(want, got))
	}
	for k, term := range fx.Terms {
		if got := float64(f.IDF[col[term]]); math.Abs(got-fx.IDF[k]) > 1e-5 {
			t.Errorf("idf(%q) = %v, scikit-learn %v", term, got, fx.IDF[k])
		}
	}
	for _, want := range fx.Rows {
		i, ok := f.Row(want.ID)
		if !ok {
			t.Fatalf("no row for %s", want.ID)
		}
		got := map[string]float64{}
		r := f.Rows.Row(i)
		for k, j := range r.Cols {
			got[f.Terms[j]] = float64(r.Vals[k])
		}
		if len(got) != len(want.Terms) {
			t.Errorf("%s: %d terms, scikit-learn %d", want.ID, len(got), len(want.Terms))
		}
		for term, v := range want.Terms {
			if math.Abs(got[term]-v) > 1e-6 {
				t.Errorf("%s: %q = %v, scikit-learn %v", want.ID, term, got[term], v)
			}
		}
	}
}

// The model is LinearSVC's (serve.py's parameters) on the same features: the
// same weights, intercept and scores, to the solver's tolerance.
func TestModelMatchesScikitLearnLinearSVC(t *testing.T) {
	fx, papers, f := loadFixture(t)
	m, err := rank.Train(context.Background(), f, fx.Positives, "math.QA", rank.RecipeSVMOptions())
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for j, term := range f.Terms {
		col[term] = j
	}
	const tol = 1e-4
	worst := 0.0
	for k, term := range fx.Terms {
		worst = max(worst, math.Abs(m.W[col[term]]-fx.Coef[k]))
	}
	t.Logf("largest weight difference from scikit-learn: %.2g", worst)
	if worst > tol {
		t.Errorf("weights differ from scikit-learn's by up to %.2g (tolerance %g)", worst, tol)
	}
	if math.Abs(m.B-fx.Intercept) > tol {
		t.Errorf("intercept %v, scikit-learn %v", m.B, fx.Intercept)
	}
	for i, p := range papers {
		if got := m.Score(p); math.Abs(got-fx.Decision[i]) > tol {
			t.Errorf("%s scores %v, scikit-learn %v", p.ID, got, fx.Decision[i])
		}
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// missing lists what a holds and b does not, at most 10.
func missing(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) && len(out) < 10 {
			out = append(out, s)
		}
	}
	return out
}
