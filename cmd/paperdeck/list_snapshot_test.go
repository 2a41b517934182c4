package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
)

// generatedSnapshot writes n generated papers in the snapshot's shape:
// more than one block of the catalog's indexing, so printed as it goes.
func generatedSnapshot(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "arxiv-metadata-oai-snapshot.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := corpus.Each(n, 1, func(i int, p model.Paper) error { return corpus.WriteArxivMetadataLine(w, i, 1, p) }); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// wholeListing is the snapshot read as any listing is, every record held:
// what `list` printed before it read snapshots through package catalog.
func wholeListing(t *testing.T, path, sortBy string) model.Listing {
	t.Helper()
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	ctx := context.Background()
	client := feed.NewClient(feed.Config{Offline: true})
	res, err := client.Load(ctx, feed.Request{Period: model.Period{Kind: model.File, Value: path}})
	if err != nil {
		t.Fatal(err)
	}
	papers, _, err := listSort{by: sortBy}.apply(ctx, client, res.Listing)
	if err != nil {
		t.Fatal(err)
	}
	res.Listing.Papers = papers
	return res.Listing
}

func written(t *testing.T, format string, l model.Listing) string {
	t.Helper()
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	if err := listWriters[format](w, l); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestListPrintsASnapshotAsTheWholeListingWould(t *testing.T) {
	files := []string{
		testdata("arxiv_metadata_snapshot_head.jsonl"),
		testdata("arxiv_metadata_snapshot_head.jsonl.gz"),
		testdata("arxiv_metadata_abs_files.jsonl"),
		testdata("arxiv_metadata_daily_math_rt.jsonl"),
		generatedSnapshot(t, 3000),
	}
	for _, path := range files {
		for _, sortBy := range []string{"", "date"} {
			want := wholeListing(t, path, sortBy)
			for _, format := range []string{"text", "json", "markdown"} {
				args := []string{"list", path, "--format", format}
				if sortBy != "" {
					args = append(args, "--sort", sortBy)
				}
				out, errOut, code := runPaperdeck(t, nil, args...)
				if code != 0 || errOut != "" {
					t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
				}
				if w := written(t, format, want); out != w {
					t.Errorf("%v prints %d bytes, the whole listing %d:\n%.600s\nwant\n%.600s", args, len(out), len(w), out, w)
				}
			}
		}
	}
}

func TestListFiltersASnapshotWithTheReadersQuery(t *testing.T) {
	path := generatedSnapshot(t, 3000)
	all := wholeListing(t, path, "date")
	cat := all.Papers[len(all.Papers)/2].PrimaryCategory
	var want []model.Paper
	for _, p := range all.Papers {
		if slices.Contains(p.Categories, cat) {
			want = append(want, p)
		}
	}
	if len(want) == 0 || len(want) == len(all.Papers) {
		t.Fatalf("cat:%s keeps %d of %d papers: not a test", cat, len(want), len(all.Papers))
	}
	cache := "XDG_CACHE_HOME=" + t.TempDir()
	for _, run := range []string{"first (indexing)", "second (side index)"} {
		out, errOut, code := runPaperdeck(t, []string{cache}, "list", path, "--filter", "cat:"+cat, "--sort", "date", "--json", "--limit", "25")
		if code != 0 {
			t.Fatalf("%s run: exit %d: %s", run, code, errOut)
		}
		var got []model.Paper
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s run: --json is not a JSON array: %v", run, err)
		}
		if len(got) != 25 || !slices.EqualFunc(got, want[:25], func(a, b model.Paper) bool { return a.ID == b.ID && a.Summary == b.Summary }) {
			t.Errorf("%s run: cat:%s by date, 25: got %d papers, not the 25 newest of %d in %s", run, cat, len(got), len(want), cat)
		}
	}

	// Words: prefixes of words of the title, in file order.
	out, errOut, code := runPaperdeck(t, nil, "list", testdata("arxiv_metadata_abs_files.jsonl"), "--filter", "string junct")
	if code != 0 || strings.TrimSpace(out) != "hep-th/9901001     0  String Junctions and Their Duals in Heterotic String Theory" {
		t.Errorf("--filter 'string junct': exit %d, %q, %s", code, out, errOut)
	}
	out, errOut, code = runPaperdeck(t, nil, "list", testdata("arxiv_metadata_abs_files.jsonl"), "--filter", "cat:nosuch.XX", "--json")
	if code != 0 || out != "[]\n" || !strings.Contains(errOut, "no papers match the filter") {
		t.Errorf("a filter nothing matches: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestListLimitsASnapshotInFileOrder(t *testing.T) {
	path := generatedSnapshot(t, 3000)
	want := strings.SplitAfter(written(t, "text", wholeListing(t, path, "")), "\n")[:7]
	out, errOut, code := runPaperdeck(t, nil, "list", path, "--limit", "7")
	if code != 0 || out != strings.Join(want, "") {
		t.Errorf("--limit 7: exit %d, stderr %q\n%s\nwant\n%s", code, errOut, out, strings.Join(want, ""))
	}
}

func TestListRefusesWhatASnapshotHasNot(t *testing.T) {
	snap := testdata("arxiv_metadata_snapshot_head.jsonl")
	for _, args := range [][]string{
		{"list", snap, "--sort", "upvotes"},
		{"list", snap, "--sort", "foryou"},
		{"list", snap, "--limit", "-1"},
	} {
		out, errOut, code := runPaperdeck(t, nil, args...)
		if code != exitUsage || out != "" || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want a usage error", args, code, out, errOut)
		}
	}
	out, errOut, code := runPaperdeck(t, nil, "list", filepath.Join(t.TempDir(), "gone.json"))
	if code != 1 || out != "" || !strings.Contains(errOut, "gone.json") {
		t.Errorf("a missing file: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

func TestListFiltersASnapshotByTheBookmarks(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	path, err := store.BookmarksPath()
	if err != nil {
		t.Fatal(err)
	}
	marked := model.Paper{ID: "hep-th/9901001", Title: "String Junctions and Their Duals in Heterotic String Theory"}
	if _, err := store.OpenBookmarks(path).AddTagged([]model.Paper{marked}, []string{"strings"}, "read for the seminar"); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_DATA_HOME=" + data}
	snap := testdata("arxiv_metadata_abs_files.jsonl")
	for _, q := range []string{"tag:strings", "#strings", "is:bookmarked", "seminar"} {
		out, errOut, code := runPaperdeck(t, env, "list", snap, "--filter", q)
		if code != 0 || !strings.HasPrefix(out, "hep-th/9901001 ") || strings.Count(out, "\n") != 1 {
			t.Errorf("--filter %q: exit %d, %q, %s", q, code, out, errOut)
		}
	}
	out, _, _ := runPaperdeck(t, env, "list", snap, "--filter", "-is:bookmarked")
	if strings.Count(out, "\n") != 7 || strings.Contains(out, "hep-th/9901001") {
		t.Errorf("--filter -is:bookmarked keeps:\n%s", out)
	}
	// What a snapshot cannot answer is said, not guessed.
	out, errOut, code := runPaperdeck(t, env, "list", snap, "--filter", "up:10")
	if code != 0 || strings.Count(out, "\n") != 8 || !strings.Contains(errOut, "--filter: ") {
		t.Errorf("--filter up:10 on a snapshot: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errOut)
	}
}

func TestListSaysASnapshotItCouldNotReadToTheEnd(t *testing.T) {
	gz, err := os.ReadFile(testdata("arxiv_metadata_snapshot_head.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	// Damage the compressed stream past its first lines.
	for i := len(gz) / 2; i < len(gz)/2+64; i++ {
		gz[i] ^= 0x5a
	}
	path := filepath.Join(t.TempDir(), "damaged.json.gz")
	if err := os.WriteFile(path, gz, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		_, errOut, code := runPaperdeck(t, nil, "list", path, "--format", format)
		if code != 1 || !strings.Contains(errOut, "damaged.json.gz") {
			t.Errorf("%s of a damaged .gz snapshot: exit %d, stderr %q; want status 1 naming the file", format, code, errOut)
		}
	}
}

func TestListFiltersASnapshotsAbstractsWithAbstracts(t *testing.T) {
	snap := testdata("arxiv_metadata_abs_files.jsonl")
	out, _, code := runPaperdeck(t, nil, "list", snap, "--filter", "heterotic compactified")
	if code != 0 || out != "" {
		t.Fatalf("without --abstracts, words of an abstract match: exit %d, %q", code, out)
	}
	for _, args := range [][]string{
		{"list", snap, "--filter", "heterotic compactified", "--abstracts"},
		{"list", snap, "--filter", "heterotic compactified", "--abstracts", "--sort", "date", "--format", "markdown"},
	} {
		out, errOut, code := runPaperdeck(t, nil, args...)
		if code != 0 || !strings.Contains(out, "String Junctions") || strings.Count(out, "Heterotic") != 1 {
			t.Errorf("%v: exit %d, stderr %q\n%s", args, code, errOut, out)
		}
	}
	// A .gz snapshot read the first time: its abstracts are in the copy
	// being written, searched once it is there.
	out, errOut, code := runPaperdeck(t, nil, "list", testdata("arxiv_metadata_snapshot_head.jsonl.gz"), "--filter", "chromodynamics", "--abstracts")
	if code != 0 || !strings.HasPrefix(out, "0704.0001 ") || strings.Count(out, "\n") != 1 {
		t.Errorf(".gz --abstracts: exit %d, stderr %q\n%s", code, errOut, out)
	}
	_, _, code = runPaperdeck(t, nil, "list", snap, "--abstracts")
	if code != exitUsage {
		t.Errorf("--abstracts without --filter: exit %d, want %d", code, exitUsage)
	}
}
