package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func TestListJSON(t *testing.T) {
	out, errOut, code := runPaperdeck(t, nil, "list", testdata("hf_daily_papers_2024-08-01.html"), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var papers []model.Paper
	if err := json.Unmarshal([]byte(out), &papers); err != nil {
		t.Fatalf("--json is not one JSON array: %v", err)
	}
	if len(papers) != 13 {
		t.Fatalf("%d papers, want 13", len(papers))
	}
	p := papers[0]
	if p.ID != "2407.21783" || p.Title != "The Llama 3 Herd of Models" || p.Upvotes != 94 || p.Comments != 5 || p.AuthorCount != 533 {
		t.Errorf("first paper: %s %q %d %d %d", p.ID, p.Title, p.Upvotes, p.Comments, p.AuthorCount)
	}
}

func TestListFormats(t *testing.T) {
	out, _, code := runPaperdeck(t, nil, "list", testdata("hf_api_daily_papers_2026-06-12.json"), "--format", "text")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 30 {
		t.Fatalf("text: exit %d, %d lines, want 30", code, len(lines))
	}
	if !strings.Contains(out, "2606.00467") {
		t.Error("text output lacks the first id")
	}
	out, _, code = runPaperdeck(t, nil, "list", testdata("hf_papers_page_copied_text_sample.txt"), "--format", "markdown")
	for _, want := range []string{"## Sparse Routers Learn Faster", "Acme Research", "<https://github.com/example-lab/sparse-routers>", "12 upvotes"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q (exit %d)", want, code)
		}
	}
}

// A saved --json listing opens again with the same records.
func TestListJSONRoundTrip(t *testing.T) {
	first, _, _ := runPaperdeck(t, nil, "list", testdata("hf_daily_papers_2024-08-01.html"), "--json")
	saved := filepath.Join(t.TempDir(), "saved")
	if err := os.WriteFile(saved, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	second, errOut, code := runPaperdeck(t, nil, "list", saved, "--json")
	if code != 0 || second != first {
		t.Fatalf("reopened listing differs (exit %d, %s)", code, errOut)
	}
}

func TestListBadInput(t *testing.T) {
	dir := t.TempDir()
	page, _ := os.ReadFile(testdata("hf_api_daily_papers_2026-06-12.json"))
	files := map[string][]byte{
		"empty.html":     nil,
		"binary.json":    {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0xff},
		"truncated.json": page[:len(page)/3],
		"wrong.json":     []byte(`{"hello": "world"}`),
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runPaperdeck(t, nil, "list", path, "--json")
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code == 0 || out != "" || len(lines) != 1 || !strings.Contains(errOut, name) || !strings.Contains(errOut, "expected") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want one line naming the file and what was expected", name, code, out, errOut)
		}
		if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
			t.Errorf("%s: stack trace on stderr", name)
		}
	}
	_, errOut, code := runPaperdeck(t, nil, "list", filepath.Join(dir, "nope.html"))
	if code == 0 || !strings.Contains(errOut, "nope.html") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
	_, errOut, code = runPaperdeck(t, nil, "list", testdata("hf_daily_papers_2024-08-01.html"), "--format", "yaml")
	if code == 0 || !strings.Contains(errOut, "yaml") {
		t.Errorf("unknown format: exit %d, %q", code, errOut)
	}
}

// One malformed paper costs that paper: the others are printed and a
// notice on stderr says which was skipped and why.
func TestListSkipsAMalformedPaper(t *testing.T) {
	out, errOut, code := runPaperdeck(t, nil, "list", testdata("hostile/bad_item.json"), "--format", "text")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 {
		t.Errorf("%d papers printed, want the 2 good ones:\n%s", len(lines), out)
	}
	if want := "paperdeck: 1 paper skipped: item 2: paper.title is a JSON number, not a string\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}
