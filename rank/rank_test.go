package rank_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
	"github.com/paperdeck/paperdeck/rank/rankeval"
)

// labelled returns the committed labelled papers and their categories.
func labelled(t testing.TB) ([]model.Paper, map[string]string) {
	t.Helper()
	all, err := rankeval.LoadLabelled("../testdata/arxiv_labelled_papers.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	papers := make([]model.Paper, len(all))
	cat := map[string]string{}
	for i, l := range all {
		papers[i] = l.Paper
		cat[l.Paper.ID] = l.Category
	}
	return papers, cat
}

func idsOf(papers []model.Paper, cat map[string]string, c string, n int) []string {
	var ids []string
	for _, p := range papers {
		if cat[p.ID] == c && len(ids) < n {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

func features(t testing.TB, papers []model.Paper) *rank.Features {
	t.Helper()
	f, err := rank.BuildFeatures(context.Background(), papers, rank.DefaultFeatureOptions(len(papers)))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Bookmarking astrophysics papers ranks astrophysics first, and the reasons
// given for the best paper are astrophysics' words.
func TestRankPutsTheBookmarkedFieldFirstAndSaysWhy(t *testing.T) {
	papers, cat := labelled(t)
	f := features(t, papers)
	m, err := rank.Train(context.Background(), f, idsOf(papers, cat, "astro-ph", 20), "", rank.DefaultSVMOptions())
	if err != nil {
		t.Fatal(err)
	}
	ranked := m.Rank(papers)
	top := 0
	for _, s := range ranked[:40] {
		if cat[papers[s.Index].ID] == "astro-ph" {
			top++
		}
	}
	if top < 35 {
		t.Errorf("%d of the 40 best-ranked papers are astro-ph, want at least 35", top)
	}
	if ranked[0].Score < ranked[len(ranked)-1].Score {
		t.Error("the ranking is not best first")
	}
	// A paper not bookmarked: its reasons are terms it holds, weighing most first.
	var best model.Paper
	for _, s := range ranked {
		if p := papers[s.Index]; cat[p.ID] == "astro-ph" && !slices.Contains(idsOf(papers, cat, "astro-ph", 20), p.ID) {
			best = p
			break
		}
	}
	why := m.Why(best, 5)
	if len(why) == 0 {
		t.Fatalf("no reason given for %q", best.Title)
	}
	text := strings.ToLower(rank.Text(best))
	for i, term := range why {
		for _, w := range strings.Fields(term.Text) {
			if !strings.Contains(text, w) {
				t.Errorf("reason %q is not in the paper %q", term.Text, best.Title)
			}
		}
		if term.Weight <= 0 || i > 0 && term.Weight > why[i-1].Weight {
			t.Errorf("reasons not positive and largest first: %+v", why)
		}
	}
}

func TestTrainNeedsThreeBookmarks(t *testing.T) {
	papers, cat := labelled(t)
	f := features(t, papers[:300])
	ids := idsOf(papers[:300], cat, "math.QA", 2)
	ids = append(ids, "not-a-known-paper")
	_, err := rank.Train(context.Background(), f, ids, "", rank.DefaultSVMOptions())
	var need *rank.NeedBookmarksError
	if !errors.As(err, &need) || need.Have != 2 {
		t.Fatalf("err = %v, want a NeedBookmarksError with 2 bookmarks", err)
	}
	if !strings.Contains(err.Error(), "needs at least 3 bookmarks to learn from (you have 2)") {
		t.Errorf("message %q", err)
	}
	_, err = rank.Train(context.Background(), f, ids[:1], "rl", rank.DefaultSVMOptions())
	if err == nil || !strings.Contains(err.Error(), `tag "rl"`) {
		t.Errorf("a tag's message %q does not name the tag", err)
	}
}

// The papers most like an astrophysics paper are astrophysics papers, and
// the paper itself is not among them.
func TestSimilarFindsPapersOfTheSameField(t *testing.T) {
	papers, cat := labelled(t)
	f := features(t, papers)
	var p model.Paper
	for _, q := range papers {
		if cat[q.ID] == "astro-ph" {
			p = q
			break
		}
	}
	similar := f.Similar(p, 10)
	if len(similar) != 10 {
		t.Fatalf("%d similar papers, want 10", len(similar))
	}
	same := 0
	for i, m := range similar {
		if m.ID == p.ID {
			t.Error("a paper is listed as similar to itself")
		}
		if i > 0 && m.Cosine > similar[i-1].Cosine {
			t.Error("similar papers are not most similar first")
		}
		if cat[m.ID] == "astro-ph" {
			same++
		}
	}
	if same < 7 {
		t.Errorf("%d of 10 papers like %q are astro-ph, want at least 7", same, p.Title)
	}
	other := papers[slices.IndexFunc(papers, func(q model.Paper) bool { return q.ID == similar[0].ID })]
	if shared := f.SharedTerms(p, other, 3); len(shared) == 0 {
		t.Error("no shared terms with the most similar paper")
	}
}

// A paper the features have not seen (a new listing) is vectorised over the
// same vocabulary, so it scores as it would inside the collection.
func TestVectorOfANewPaperMatchesItsRow(t *testing.T) {
	papers, _ := labelled(t)
	f := features(t, papers)
	p := papers[7]
	inside := f.Vector(p)
	p.ID = "new-" + p.ID
	outside := f.Vector(p)
	if !slices.Equal(inside.Cols, outside.Cols) || !slices.Equal(inside.Vals, outside.Vals) {
		t.Error("an unseen copy of a paper gets other features than its row")
	}
}

func TestTextFoldsAccentsAndCaseLikeScikitLearn(t *testing.T) {
	papers := make([]model.Paper, 0, 8)
	for i := range 4 {
		papers = append(papers,
			model.Paper{ID: "a" + string(rune('0'+i)), Title: "Schrödinger NAÏVE operators", Summary: "x"},
			model.Paper{ID: "b" + string(rune('0'+i)), Title: "schrodinger naive straße 3d x2 _under", Summary: "y"})
	}
	f, err := rank.BuildFeatures(context.Background(), papers, rank.FeatureOptions{MaxFeatures: 100, MinDF: 1, MaxDF: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"schrodinger", "naive", "schrodinger naive", "x2", "_under"} {
		if !slices.Contains(f.Terms, want) {
			t.Errorf("no term %q in %q", want, f.Terms)
		}
	}
	for _, unwanted := range []string{"straße", "stra", "3d", "d", "x"} {
		if slices.Contains(f.Terms, unwanted) {
			t.Errorf("term %q should not be made (scikit-learn's token pattern)", unwanted)
		}
	}
}

func TestBuildFeaturesStopsWhenCancelled(t *testing.T) {
	papers, _ := labelled(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := rank.BuildFeatures(ctx, papers, rank.DefaultFeatureOptions(len(papers))); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

// The disk cache gives back the same features and model, and a changed
// paper gives new ones.
func TestCacheKeepsFeaturesAndModelsByTheirInputs(t *testing.T) {
	papers, cat := labelled(t)
	papers = papers[:400]
	dir := t.TempDir()
	c := rank.NewCache(dir)
	ctx := context.Background()
	opt := rank.DefaultFeatureOptions(len(papers))
	f1, err := c.Features(ctx, papers, opt)
	if err != nil {
		t.Fatal(err)
	}
	pos := idsOf(papers, cat, "math.AG", 10)
	m1, err := c.Train(ctx, f1, pos, "", rank.DefaultSVMOptions())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.bin"))
	if len(files) != 2 {
		t.Fatalf("cache holds %v, want a features and a model file", files)
	}
	f2, err := rank.NewCache(dir).Features(ctx, papers, opt)
	if err != nil {
		t.Fatal(err)
	}
	if f2.Key != f1.Key || !slices.Equal(f2.Terms, f1.Terms) || !slices.Equal(f2.Rows.Vals, f1.Rows.Vals) {
		t.Fatal("features read back differ")
	}
	m2, _ := rank.NewCache(dir).Train(ctx, f2, pos, "", rank.DefaultSVMOptions())
	p := papers[123]
	if m1.Score(p) != m2.Score(p) || !slices.Equal(m1.Why(p, 3), m2.Why(p, 3)) {
		t.Error("a model read back scores differently")
	}
	// Vectorising a new paper works on features read back (the term lookup is rebuilt).
	q := p
	q.ID = "unseen"
	if m2.Score(q) != m2.Score(p) {
		t.Error("features read back vectorise a new paper differently")
	}
	changed := slices.Clone(papers)
	changed[5].Summary += " a revised abstract"
	f3, _ := c.Features(ctx, changed, opt)
	if f3.Key == f1.Key {
		t.Error("a changed abstract gives the same features key")
	}
	// A damaged file is computed again, not an error.
	for _, file := range files {
		os.WriteFile(file, []byte("garbage"), 0o644)
	}
	if _, err := rank.NewCache(dir).Features(ctx, papers, opt); err != nil {
		t.Errorf("a damaged cache file: %v", err)
	}
}

// Cache.Rank is the reader's and the command line's one call: it ranks a
// listing by bookmarks it has never seen, and keeps what explains it.
func TestCacheRankRanksAListingByBookmarks(t *testing.T) {
	papers, cat := labelled(t)
	var bookmarks, listing, known []model.Paper
	for i, p := range papers {
		switch {
		case cat[p.ID] == "math.CO" && len(bookmarks) < 10:
			bookmarks = append(bookmarks, p)
		case i%5 == 0:
			listing = append(listing, p)
		default:
			known = append(known, p)
		}
	}
	c := rank.NewCache(t.TempDir())
	req := rank.ForYou{Listing: listing, Known: known, Bookmarks: bookmarks[:2]}
	var need *rank.NeedBookmarksError
	if _, err := c.Rank(context.Background(), req); !errors.As(err, &need) || need.Have != 2 {
		t.Fatalf("2 bookmarks: err = %v, want NeedBookmarksError", err)
	}
	req.Bookmarks = bookmarks
	r, err := c.Rank(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Order) != len(listing) {
		t.Fatalf("%d ranked, listing has %d", len(r.Order), len(listing))
	}
	best := listing[r.Order[0].Index]
	if cat[best.ID] != "math.CO" {
		t.Errorf("best of the listing is %s %q, want a math.CO paper", cat[best.ID], best.Title)
	}
	if len(r.Model.Why(best, 3)) == 0 || len(r.Features.Similar(best, 3)) != 3 {
		t.Error("no reasons or no similar papers for the best paper")
	}
}
