package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

// bookmarks runs `paperdeck bookmarks args…` with its data in dataHome, so
// that several runs share one bookmarks file.
func bookmarks(t *testing.T, dataHome string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	// GORACE: a race-enabled binary otherwise sleeps a second at exit.
	env = append([]string{"XDG_DATA_HOME=" + dataHome, "GORACE=atexit_sleep_ms=0"}, env...)
	return runPaperdeck(t, env, append([]string{"bookmarks"}, args...)...)
}

func bookmarksFile(dataHome string) string {
	return filepath.Join(dataHome, "paperdeck", "bookmarks.json")
}

func loadBookmarks(t *testing.T, dataHome string) []store.Bookmark {
	t.Helper()
	list, err := store.OpenBookmarks(bookmarksFile(dataHome)).Load()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func bookmarkIDs(list []store.Bookmark) []string {
	var out []string
	for _, b := range list {
		out = append(out, b.Paper.ID)
	}
	return out
}

// papersFile writes n made-up papers, ids from first on, as `paperdeck
// list --json` prints them.
func papersFile(t *testing.T, dir string, first, n int) string {
	t.Helper()
	ps := make([]model.Paper, n)
	for i := range ps {
		id := fmt.Sprintf("2402.%05d", first+i)
		ps[i] = model.Paper{
			ID: id, Title: fmt.Sprintf("Paper %d", first+i), Authors: []string{"Ada Lovelace"},
			Summary: strings.Repeat("A sentence of an abstract. ", 8),
			URL:     "https://huggingface.co/papers/" + id, Source: model.SourceHF,
		}
	}
	var buf bytes.Buffer
	if err := store.WriteJSON(&buf, ps); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("papers-%d.json", first))
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBookmarksImportListAndRemove(t *testing.T) {
	data := t.TempDir()
	out, errOut, code := bookmarks(t, data, nil, "list")
	if code != 0 || out != "" || !strings.Contains(errOut, "no bookmarks yet") {
		t.Fatalf("empty list: exit %d, %q, %q", code, out, errOut)
	}
	page := testdata("hf_daily_papers_2024-08-01.html")
	out, errOut, code = bookmarks(t, data, nil, "import", page)
	if code != 0 || !strings.Contains(out, "imported 13 papers") || !strings.Contains(out, "13 new") {
		t.Fatalf("import: exit %d, %q, %q", code, out, errOut)
	}
	out, _, _ = bookmarks(t, data, nil, "import", page)
	if !strings.Contains(out, "0 new (13 already bookmarked)") {
		t.Fatalf("second import: %q", out)
	}

	out, _, code = bookmarks(t, data, nil, "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 13 || !strings.Contains(lines[0], "2407.21783") || !strings.Contains(lines[0], "The Llama 3 Herd of Models") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}

	out, errOut, code = bookmarks(t, data, nil, "remove", "2407.21783", "https://arxiv.org/abs/2407.21705v2", "2401.99999")
	if code == 0 || !strings.Contains(out, "removed 2 bookmarks") || strings.TrimSpace(errOut) != "paperdeck: not bookmarked: 2401.99999" {
		t.Fatalf("remove: exit %d, %q, %q", code, out, errOut)
	}
	if got := loadBookmarks(t, data); len(got) != 11 || slices.Contains(bookmarkIDs(got), "2407.21783") {
		t.Fatalf("after remove: %v", bookmarkIDs(got))
	}
}

func TestBookmarksListJSONShowsTimeAdded(t *testing.T) {
	data := t.TempDir()
	bookmarks(t, data, nil, "import", testdata("hf_daily_papers_2024-08-01.html"))
	out, _, code := bookmarks(t, data, nil, "list", "--json")
	var doc struct {
		Version   int
		Bookmarks []store.Bookmark
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 {
		t.Fatalf("list --json: exit %d, %v", code, err)
	}
	if doc.Version != 1 || len(doc.Bookmarks) != 13 || doc.Bookmarks[0].Added.IsZero() || doc.Bookmarks[0].Paper.Title == "" {
		t.Fatalf("list --json: %+v", doc.Bookmarks[0])
	}
	if !strings.Contains(out, `"added": "`) {
		t.Fatal("the time added is not shown")
	}
}

func TestBookmarksCorruptFileIsLeftAsItWas(t *testing.T) {
	data := t.TempDir()
	bookmarks(t, data, nil, "import", testdata("hf_daily_papers_2024-08-01.html"))
	bookmarks(t, data, nil, "import", testdata("hf_api_daily_papers_2026-08-03.json")) // makes a .bak
	path := bookmarksFile(data)
	good, _ := os.ReadFile(path)
	damaged := good[:len(good)/2]
	os.WriteFile(path, damaged, 0o644)

	for _, args := range [][]string{
		{"list"}, {"list", "--json"}, {"export", "--format", "bibtex"},
		{"import", testdata("hf_api_daily_papers_2026-06-12.json")}, {"remove", "2407.21783"}, {"add", "2407.21783"},
		{"tag", "2407.21783", "--add", "rl"}, {"list", "--tag", "rl"}, {"export", "--tag", "rl"},
	} {
		out, errOut, code := bookmarks(t, data, nil, args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code == 0 || out != "" || len(lines) != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a failure and one line", args, code, out, errOut)
			continue
		}
		for _, want := range []string{"bookmarks file", path, "is damaged", "line ", "left as it was", "a backup is at " + path + ".bak"} {
			if !strings.Contains(errOut, want) {
				t.Errorf("%v: %q does not say %q", args, errOut, want)
			}
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, damaged) {
		t.Fatal("the damaged bookmarks file was changed")
	}
}

// TestBookmarksExportBibTeXIsAcceptedByBibTool needs bibtool
// (apt-get install -y bibtool).
func TestBookmarksExportBibTeXIsAcceptedByBibTool(t *testing.T) {
	bibtool, err := exec.LookPath("bibtool")
	if err != nil {
		t.Skip("bibtool is not installed (apt-get install -y bibtool); skipping the BibTeX parser check")
	}
	data := t.TempDir()
	bookmarks(t, data, nil, "import", testdata("hf_daily_papers_2024-08-01.html"))
	out, errOut, code := bookmarks(t, data, nil, "export", "--format", "bibtex")
	if code != 0 {
		t.Fatalf("export: exit %d, %s", code, errOut)
	}
	if !strings.Contains(out, "@misc{dubey2024llama,") || !strings.Contains(out, "archivePrefix = {arXiv}") {
		t.Fatalf("unexpected BibTeX:\n%.600s", out)
	}
	bib := filepath.Join(t.TempDir(), "bookmarks.bib")
	os.WriteFile(bib, []byte(out), 0o644)
	res, err := exec.Command(bibtool, "-#", "-d", bib, "-o", os.DevNull).CombinedOutput()
	if err != nil || bytes.Contains(res, []byte("ERROR")) || bytes.Contains(res, []byte("WARNING")) {
		t.Fatalf("bibtool: %v\n%s", err, res)
	}
	if !regexp.MustCompile(`Misc\s+13 read\s+13 written`).Match(res) {
		t.Fatalf("bibtool did not read 13 entries:\n%s", res)
	}
}

func TestBookmarksJSONExportImportsBackTheSame(t *testing.T) {
	first := t.TempDir()
	bookmarks(t, first, nil, "import", testdata("hf_daily_papers_2024-08-01.html"))
	bookmarks(t, first, nil, "import", testdata("hf_api_daily_papers_2026-08-03.json"))
	exported, _, code := bookmarks(t, first, nil, "export", "--format", "json")
	file := filepath.Join(t.TempDir(), "bookmarks-export.json")
	os.WriteFile(file, []byte(exported), 0o644)

	second := t.TempDir()
	out, errOut, code2 := bookmarks(t, second, nil, "import", file)
	if code != 0 || code2 != 0 || !strings.Contains(out, "imported 16 papers") {
		t.Fatalf("export/import: exit %d/%d, %q, %q", code, code2, out, errOut)
	}
	a, b := loadBookmarks(t, first), loadBookmarks(t, second)
	if len(a) != 16 || len(b) != len(a) {
		t.Fatalf("%d bookmarks restored, want %d", len(b), len(a))
	}
	for i := range a {
		pa, _ := json.Marshal(a[i].Paper)
		pb, _ := json.Marshal(b[i].Paper)
		if !bytes.Equal(pa, pb) {
			t.Fatalf("bookmark %d differs:\n%s\n%s", i, pa, pb)
		}
	}
	if again, _, _ := bookmarks(t, second, nil, "export", "--format", "json"); again != exported {
		t.Fatal("exporting the restored bookmarks gives a different file")
	}
}

func TestBookmarksListJSONImportsBackWhole(t *testing.T) {
	first := t.TempDir()
	bookmarks(t, first, nil, "import", testdata("hf_api_daily_papers_2026-08-03.json"))
	b := store.OpenBookmarks(bookmarksFile(first))
	list := loadBookmarks(t, first)
	b.SetTags(list[1].Paper.ID, []string{"agents", "to read"})
	b.SetNote(list[2].Paper.ID, "cite in chapter 2")
	saved, _, _ := bookmarks(t, first, nil, "list", "--json")
	file := filepath.Join(t.TempDir(), "colleague.json")
	os.WriteFile(file, []byte(saved), 0o644)

	second := t.TempDir()
	if out, errOut, code := bookmarks(t, second, nil, "import", file); code != 0 || !strings.Contains(out, "3 new") {
		t.Fatalf("import: exit %d, %q, %q", code, out, errOut)
	}
	want, got := loadBookmarks(t, first), loadBookmarks(t, second)
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if !bytes.Equal(wj, gj) {
		t.Fatalf("restored bookmarks differ:\n%s\n%s", wj, gj)
	}
}

func TestBookmarksAddFetchesTheRecord(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/papers/2407.21783" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		// Hand-made, in the shape of /api/papers/ID.
		fmt.Fprint(w, `{"id": "2407.21783", "title": "The Llama 3 Herd of Models",
			"authors": [{"name": "Abhimanyu Dubey"}, {"name": "Abhinav Jauhri"}],
			"publishedAt": "2024-07-31T17:54:27.000Z", "summary": "Modern AI systems are powered by foundation models.",
			"upvotes": 94, "githubRepo": "https://github.com/meta-llama/llama3"}`)
	}))
	defer srv.Close()
	env := []string{"PAPERDECK_HF_URL=" + srv.URL}
	data := t.TempDir()

	out, errOut, code := bookmarks(t, data, env, "add", "arXiv:2407.21783v1")
	if code != 0 || strings.TrimSpace(out) != "bookmarked 1 new paper" {
		t.Fatalf("add: exit %d, %q, %q", code, out, errOut)
	}
	got := loadBookmarks(t, data)
	if len(got) != 1 || got[0].Paper.Title != "The Llama 3 Herd of Models" || got[0].Paper.GitHub != "https://github.com/meta-llama/llama3" || len(got[0].Paper.Authors) != 2 {
		t.Fatalf("bookmarked %+v", got)
	}

	_, errOut, code = bookmarks(t, data, env, "add", "2401.00404", "not-an-id")
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	if code == 0 || len(lines) != 1 || !strings.Contains(errOut, "cannot bookmark 2401.00404") || !strings.Contains(errOut, `"not-an-id" is not an arXiv id`) {
		t.Fatalf("add of unknown ids: exit %d, %q", code, errOut)
	}
	if got := loadBookmarks(t, data); len(got) != 1 {
		t.Fatalf("a failed add changed the bookmarks: %v", bookmarkIDs(got))
	}
}

func TestBookmarksBadInput(t *testing.T) {
	data := t.TempDir()
	for _, args := range [][]string{
		{"import"}, {"import", filepath.Join(data, "missing.json")}, {"import", data},
		{"export", "--format", "csv"}, {"add"}, {"remove"}, {"frobnicate"},
		{"tag"}, {"tag", "2401.00001"}, {"tag", "2401.00001", "--add", "rl"}, {"list", "--tag", "rl"}, {"export", "--tag", "rl"},
	} {
		out, errOut, code := bookmarks(t, data, nil, args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code == 0 || out != "" || len(lines) != 1 || !strings.HasPrefix(errOut, "paperdeck: ") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want one error line", args, code, out, errOut)
		}
	}
	if _, err := os.Stat(bookmarksFile(data)); !os.IsNotExist(err) {
		t.Fatal("bad input created a bookmarks file")
	}
}

// paperServer answers /api/papers/ID for the ids it knows, with hand-made
// records in the shape of that endpoint.
func paperServer(t *testing.T) []string {
	t.Helper()
	known := map[string]string{
		"2407.21783": "The Llama 3 Herd of Models",
		"2501.12948": "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning",
		"2412.06769": "Training Large Language Models to Reason in a Continuous Latent Space",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := strings.CutPrefix(r.URL.Path, "/api/papers/")
		title, ok := known[id]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"id": %q, "title": %q, "authors": [{"name": "Ada Lovelace"}],
			"publishedAt": "2025-01-22T00:00:00.000Z", "summary": "An abstract.", "upvotes": 3}`, id, title)
	}))
	t.Cleanup(srv.Close)
	return []string{"PAPERDECK_HF_URL=" + srv.URL}
}

func tagsOf(t *testing.T, data string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, bm := range loadBookmarks(t, data) {
		out[bm.Paper.ID] = bm.Tags
	}
	return out
}

func TestBookmarksAddWithTagsAndNote(t *testing.T) {
	env := paperServer(t)
	data := t.TempDir()
	out, errOut, code := bookmarks(t, data, env, "add", "2501.12948", "https://arxiv.org/abs/2412.06769v2",
		"--tag", "reasoning", "--tag", "rl,to read", "--note", "compare the two")
	if code != 0 || strings.TrimSpace(out) != "bookmarked 2 new papers, tagged reasoning, rl, to read, with a note" {
		t.Fatalf("add: exit %d, %q, %q", code, out, errOut)
	}
	list := loadBookmarks(t, data)
	if len(list) != 2 {
		t.Fatalf("bookmarks: %v", bookmarkIDs(list))
	}
	for _, bm := range list {
		if !slices.Equal(bm.Tags, []string{"reasoning", "rl", "to read"}) || bm.Note != "compare the two" || bm.Paper.Title == "" {
			t.Errorf("%s: tags %q, note %q, title %q", bm.Paper.ID, bm.Tags, bm.Note, bm.Paper.Title)
		}
	}
	// Adding again with another tag and note: tags join, the note is replaced.
	out, _, code = bookmarks(t, data, env, "add", "2501.12948", "--tag", "RL", "--tag", "deepseek", "--note", "read section 2")
	if code != 0 || strings.TrimSpace(out) != "bookmarked 0 new papers (1 already bookmarked), tagged RL, deepseek, with a note" {
		t.Fatalf("re-add: exit %d, %q", code, out)
	}
	for _, bm := range loadBookmarks(t, data) {
		if bm.Paper.ID == "2501.12948" && (!slices.Equal(bm.Tags, []string{"reasoning", "rl", "to read", "deepseek"}) || bm.Note != "read section 2") {
			t.Errorf("after re-add: tags %q, note %q", bm.Tags, bm.Note)
		}
	}
}

func TestBookmarksTagAddsAndRemoves(t *testing.T) {
	env := paperServer(t)
	data := t.TempDir()
	bookmarks(t, data, env, "add", "2407.21783", "2501.12948", "--tag", "llm")
	out, errOut, code := bookmarks(t, data, nil, "tag", "2407.21783", "arXiv:2501.12948", "--add", "rl,survey", "--remove", "LLM")
	if code != 0 || strings.TrimSpace(out) != "retagged 2 bookmarks" {
		t.Fatalf("tag: exit %d, %q, %q", code, out, errOut)
	}
	want := map[string][]string{"2407.21783": {"rl", "survey"}, "2501.12948": {"rl", "survey"}}
	if got := tagsOf(t, data); !maps.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("tags %v, want %v", got, want)
	}

	// An id that is not bookmarked is named and the others still change.
	out, errOut, code = bookmarks(t, data, nil, "tag", "2407.21783", "2401.00001", "--remove", "survey")
	if code == 0 || strings.TrimSpace(out) != "retagged 1 bookmark" || strings.TrimSpace(errOut) != "paperdeck: not bookmarked: 2401.00001" {
		t.Fatalf("tag with a stranger: exit %d, %q, %q", code, out, errOut)
	}
	if got := tagsOf(t, data)["2407.21783"]; !slices.Equal(got, []string{"rl"}) {
		t.Fatalf("after removing survey: %q", got)
	}

	// Removing a tag the bookmark does not carry says so and fails; the
	// tag that was there still goes.
	bookmarks(t, data, nil, "tag", "2501.12948", "--add", "survey")
	out, errOut, code = bookmarks(t, data, nil, "tag", "2407.21783", "2501.12948", "--remove", "Survey,nosuch")
	if code != 1 || strings.TrimSpace(out) != "retagged 1 bookmark" ||
		strings.TrimSpace(errOut) != `paperdeck: 2407.21783 has no tag "Survey"; 2407.21783 has no tag "nosuch"; 2501.12948 has no tag "nosuch"` {
		t.Fatalf("removing a tag a bookmark lacks: exit %d, %q, %q", code, out, errOut)
	}
	if got := tagsOf(t, data)["2501.12948"]; !slices.Equal(got, []string{"rl"}) {
		t.Fatalf("after removing survey from 2501.12948: %q", got)
	}

	_, errOut, code = bookmarks(t, data, nil, "tag", "2407.21783")
	if code == 0 || !strings.Contains(errOut, "give --add TAG or --remove TAG") {
		t.Fatalf("tag without --add/--remove: exit %d, %q", code, errOut)
	}
}

func TestBookmarksImportWithTag(t *testing.T) {
	data := t.TempDir()
	out, errOut, code := bookmarks(t, data, nil, "import", testdata("hf_api_daily_papers_2026-08-03.json"), "--tag", "august")
	if code != 0 || !strings.Contains(out, "3 new, tagged august") {
		t.Fatalf("import --tag: exit %d, %q, %q", code, out, errOut)
	}
	for id, tags := range tagsOf(t, data) {
		if !slices.Equal(tags, []string{"august"}) {
			t.Errorf("%s: tags %q", id, tags)
		}
	}
}

func TestBookmarksListAndExportByTag(t *testing.T) {
	env := paperServer(t)
	data := t.TempDir()
	bookmarks(t, data, env, "add", "2407.21783", "--tag", "llm")
	bookmarks(t, data, env, "add", "2501.12948", "2412.06769", "--tag", "reasoning")
	bookmarks(t, data, env, "tag", "2501.12948", "--add", "RL")

	out, errOut, code := bookmarks(t, data, nil, "list", "--tag", "Reasoning")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(out, "2501.12948") || !strings.Contains(out, "2412.06769") || strings.Contains(out, "2407.21783") {
		t.Fatalf("list --tag: exit %d, %q, %q", code, out, errOut)
	}
	if !strings.Contains(out, "[reasoning, RL]") {
		t.Errorf("list does not show the tags:\n%s", out)
	}
	if bare, _, _ := bookmarks(t, data, nil, "--tag", "reasoning"); bare != out {
		t.Errorf("bookmarks --tag differs from bookmarks list --tag:\n%s", bare)
	}
	out, _, code = bookmarks(t, data, nil, "list", "--tag", "rl", "--json")
	if code != 0 || !strings.Contains(out, `"2501.12948"`) || strings.Contains(out, `"2412.06769"`) {
		t.Fatalf("list --tag --json: exit %d\n%s", code, out)
	}

	for _, format := range []string{"bibtex", "markdown", "json"} {
		out, errOut, code := bookmarks(t, data, nil, "export", "--format", format, "--tag", "llm")
		if code != 0 || !strings.Contains(out, "Llama 3") || strings.Contains(out, "DeepSeek") || strings.Contains(out, "Continuous Latent") {
			t.Errorf("export --format %s --tag llm: exit %d, %q\n%s", format, code, errOut, out)
		}
	}

	// A tag nobody carries says which tags there are.
	for _, args := range [][]string{{"list", "--tag", "vision"}, {"export", "--tag", "vision"}} {
		out, errOut, code := bookmarks(t, data, nil, args...)
		if code == 0 || out != "" || strings.TrimSpace(errOut) != `paperdeck: no bookmark is tagged "vision"; the tags are: reasoning, llm, RL` {
			t.Errorf("%v: exit %d, %q, %q", args, code, out, errOut)
		}
	}
}

func TestBookmarksExportKeepsTagsAndNotes(t *testing.T) {
	env := paperServer(t)
	first := t.TempDir()
	bookmarks(t, first, env, "add", "2501.12948", "--tag", "rl,reasoning", "--note", "GRPO: 50% cheaper & {simpler}")
	bookmarks(t, first, env, "add", "2407.21783", "--tag", "llm")

	md, _, code := bookmarks(t, first, nil, "export", "--format", "markdown")
	if code != 0 || !strings.Contains(md, "**Tags:** rl, reasoning") || !strings.Contains(md, `**Note:** GRPO: 50% cheaper & {simpler}`) || !strings.Contains(md, "**Tags:** llm") {
		t.Errorf("markdown export:\n%s", md)
	}
	bib, _, code2 := bookmarks(t, first, nil, "export")
	if code2 != 0 || !strings.Contains(bib, "keywords      = {rl, reasoning}") || !strings.Contains(bib, `note          = {GRPO: 50\% cheaper \& \textbraceleft{}simpler\textbraceright{}}`) {
		t.Errorf("bibtex export:\n%s", bib)
	}

	// The JSON export carries tags, note and time added into another home.
	exported, _, code3 := bookmarks(t, first, nil, "export", "--format", "json")
	file := filepath.Join(t.TempDir(), "export.json")
	os.WriteFile(file, []byte(exported), 0o644)
	second := t.TempDir()
	out, errOut, code4 := bookmarks(t, second, nil, "import", file)
	if code != 0 || code3 != 0 || code4 != 0 || !strings.Contains(out, "2 new") {
		t.Fatalf("export/import: exit %d/%d/%d, %q, %q", code, code3, code4, out, errOut)
	}
	want, got := loadBookmarks(t, first), loadBookmarks(t, second)
	wj, _ := json.Marshal(want)
	gj, _ := json.Marshal(got)
	if !bytes.Equal(wj, gj) {
		t.Fatalf("imported bookmarks differ:\n%s\n%s", wj, gj)
	}
}

func TestBookmarkTagsComplete(t *testing.T) {
	env := paperServer(t)
	data := t.TempDir()
	bookmarks(t, data, env, "add", "2407.21783", "--tag", "llm,rl")
	bookmarks(t, data, env, "add", "2501.12948", "--tag", "rl")
	for _, args := range [][]string{
		{"__complete", "bookmarks", "list", "--tag", ""},
		{"__complete", "bookmarks", "export", "--tag", ""},
		{"__complete", "bookmarks", "tag", "2407.21783", "--remove", ""},
	} {
		out, _, code := runPaperdeck(t, []string{"XDG_DATA_HOME=" + data}, args...)
		if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 3 || lines[0] != "rl" || lines[1] != "llm" {
			t.Errorf("%v: exit %d, %q; want rl and llm, then cobra's directive", args, code, out)
		}
	}
}
