package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

const sortListing = "hf_api_daily_papers_2026-06-12.json"

// sortEnv is a paperdeck home whose bookmarks are the listing's papers of
// these ids, each with its tags; it returns the environment to run in.
func sortEnv(t *testing.T, tags map[string][]string) []string {
	t.Helper()
	home := t.TempDir()
	out, _, code := runPaperdeck(t, nil, "list", testdata(sortListing), "--json")
	var papers []model.Paper
	if code != 0 || json.Unmarshal([]byte(out), &papers) != nil {
		t.Fatalf("cannot read the listing (exit %d)", code)
	}
	b := store.OpenBookmarks(filepath.Join(home, "data", "paperdeck", "bookmarks.json"))
	for _, p := range papers {
		if tt, ok := tags[p.ID]; ok {
			if _, err := b.AddTagged([]model.Paper{p}, tt, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	return []string{
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
	}
}

func listSorted(t *testing.T, env []string, args ...string) []scoredPaper {
	t.Helper()
	out, errOut, code := runPaperdeck(t, env, append([]string{"list", testdata(sortListing), "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	var papers []scoredPaper
	if err := json.Unmarshal([]byte(out), &papers); err != nil {
		t.Fatalf("%v: not a JSON array: %v", args, err)
	}
	if len(papers) != 30 {
		t.Fatalf("%v: %d papers, want the listing's 30", args, len(papers))
	}
	return papers
}

func TestListSortByUpvotesAndDate(t *testing.T) {
	byUpvotes := listSorted(t, nil, "--sort", "upvotes")
	if byUpvotes[0].Upvotes != 118 || byUpvotes[1].Upvotes != 103 {
		t.Errorf("most upvoted first: %d, %d; want 118, 103", byUpvotes[0].Upvotes, byUpvotes[1].Upvotes)
	}
	if !slices.IsSortedFunc(byUpvotes, func(a, b scoredPaper) int { return b.Upvotes - a.Upvotes }) {
		t.Error("--sort upvotes is not most upvoted first")
	}
	byDate := listSorted(t, nil, "--sort", "date")
	if byDate[0].Published != "2026-06-11" || byDate[29].Published != "2026-05-30" {
		t.Errorf("newest first: %s … %s", byDate[0].Published, byDate[29].Published)
	}
	if !slices.IsSortedFunc(byDate, func(a, b scoredPaper) int { return strings.Compare(b.Published, a.Published) }) {
		t.Error("--sort date is not newest first")
	}
	out, _, _ := runPaperdeck(t, nil, "list", testdata(sortListing), "--json", "--sort", "date")
	if strings.Contains(out, `"score"`) {
		t.Error("a score without --sort foryou")
	}
}

// --sort date and the reader's S order by the same date: a paper arXiv
// lists without a publication date sorts by its listing's date.
func TestListSortDateFallsBackToTheListingDate(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mixed.json")
	mixed := []model.Paper{
		{ID: "2401.00001", Title: "Published in January", Published: "2024-01-10"},
		{ID: "2404.03001", Title: "Listed in April, no date", Listed: "2024-04-05"},
		{ID: "2402.00002", Title: "Undated"},
		{ID: "2403.00001", Title: "Published in March", Published: "2024-03-02"},
	}
	data, _ := json.Marshal(mixed)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runPaperdeck(t, nil, "list", file, "--sort", "date")
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		ids = append(ids, strings.Fields(line)[0])
	}
	if want := []string{"2404.03001", "2403.00001", "2401.00001", "2402.00002"}; code != 0 || !slices.Equal(ids, want) {
		t.Errorf("--sort date: exit %d (%s), order %v, want %v", code, errOut, ids, want)
	}
}

// Bookmarking three papers about LLM agents ranks the listing for them: the
// bookmarks first, then the other agent papers, every record with a score,
// best first.
func TestListSortForYouRanksByTheBookmarks(t *testing.T) {
	agents := []string{"2606.10423", "2606.07867", "2606.13120"} // web agent, agent safety, search agents
	env := sortEnv(t, map[string][]string{agents[0]: nil, agents[1]: nil, agents[2]: {"agents"}})
	papers := listSorted(t, env, "--sort", "foryou")
	var top []string
	for _, p := range papers[:3] {
		top = append(top, p.ID)
	}
	slices.Sort(top)
	want := slices.Clone(agents)
	slices.Sort(want)
	if !slices.Equal(top, want) {
		t.Errorf("first three %v, want the bookmarks %v", top, want)
	}
	for i := 1; i < len(papers); i++ {
		if papers[i].Score > papers[i-1].Score {
			t.Fatalf("scores not best first at %d: %v then %v", i, papers[i-1].Score, papers[i].Score)
		}
	}
	if papers[0].Score <= 0 || papers[29].Score >= 0 {
		t.Errorf("scores %v … %v: bookmarks should score above 0, unrelated papers below", papers[0].Score, papers[29].Score)
	}
	// The unbookmarked paper most like them is about LLM agents too.
	next := papers[3]
	if !strings.Contains(strings.ToLower(next.Title+next.Summary), "agent") {
		t.Errorf("best unbookmarked paper %q is not about agents", next.Title)
	}
	// Features and the model are cached, and a second run gives the same ranking.
	again := listSorted(t, env, "--sort", "foryou")
	for i := range papers {
		if again[i].ID != papers[i].ID || again[i].Score != papers[i].Score {
			t.Fatalf("second run differs at %d", i)
		}
	}
	cached, _ := filepath.Glob(filepath.Join(strings.TrimPrefix(env[1], "XDG_CACHE_HOME="), "paperdeck", "rank", "*.bin"))
	if len(cached) != 2 {
		t.Errorf("rank cache holds %d files, want features and a model", len(cached))
	}
}

func TestListSortForYouNeedsBookmarks(t *testing.T) {
	env := sortEnv(t, map[string][]string{"2606.10423": {"agents"}, "2606.07867": {"agents", "safety"}, "2606.13120": nil})
	out, errOut, code := runPaperdeck(t, env, "list", testdata(sortListing), "--sort", "foryou", "--tag", "agents")
	if code != exitFailed || out != "" {
		t.Errorf("2 tagged papers: exit %d, stdout %d bytes; want status 1 and nothing printed", code, len(out))
	}
	if !strings.Contains(errOut, `tag "agents" needs at least 3`) || !strings.Contains(errOut, "bookmarks tag") ||
		strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("stderr %q: want one line saying the tag needs 3 papers and how to tag", errOut)
	}
	_, errOut, code = runPaperdeck(t, nil, "list", testdata(sortListing), "--sort", "foryou")
	if code != exitFailed || !strings.Contains(errOut, "needs at least 3 bookmarks to learn from (you have 0)") {
		t.Errorf("no bookmarks: exit %d, %q", code, errOut)
	}
}

// --tag learns from that tag's papers only: tagging two other papers as
// well changes the ranking.
func TestListSortForYouByTag(t *testing.T) {
	env := sortEnv(t, map[string][]string{
		"2606.10423": {"agents"}, "2606.07867": {"agents"}, "2606.13120": {"agents"},
		"2606.12575": {"images"}, "2606.08788": {"images"}, "2606.12303": {"images"},
	})
	agents := listSorted(t, env, "--sort", "foryou", "--tag", "agents")
	images := listSorted(t, env, "--sort", "foryou", "--tag", "images")
	for _, tc := range []struct {
		tag    string
		papers []scoredPaper
		want   []string
	}{
		{"agents", agents, []string{"2606.10423", "2606.07867", "2606.13120"}},
		{"images", images, []string{"2606.12575", "2606.08788", "2606.12303"}},
	} {
		for _, p := range tc.papers[:3] {
			if !slices.Contains(tc.want, p.ID) {
				t.Errorf("tag %s: %s %q in the first three", tc.tag, p.ID, p.Title)
			}
		}
	}
}

func TestListSortBadValues(t *testing.T) {
	for _, args := range [][]string{
		{"--sort", "stars"},
		{"--tag", "agents"},
		{"--sort", "upvotes", "--tag", "agents"},
	} {
		out, errOut, code := runPaperdeck(t, nil, append([]string{"list", testdata(sortListing)}, args...)...)
		if code != exitUsage || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want status 2 and one line", args, code, out, errOut)
		}
	}
	_, errOut, _ := runPaperdeck(t, nil, "list", "--sort", "stars")
	if !strings.Contains(errOut, "upvotes, date or foryou") {
		t.Errorf("unknown sort: %q does not list the sorts", errOut)
	}
}
