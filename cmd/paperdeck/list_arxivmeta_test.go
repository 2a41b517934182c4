package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func TestListReadsTheArxivMetadataSnapshot(t *testing.T) {
	out, errOut, code := runPaperdeck(t, nil, "list", testdata("arxiv_metadata_abs_files.jsonl"), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var papers []model.Paper
	if err := json.Unmarshal([]byte(out), &papers); err != nil {
		t.Fatalf("--json is not one JSON array: %v", err)
	}
	var old *model.Paper
	for i := range papers {
		if papers[i].ID == "hep-th/9901001" {
			old = &papers[i]
		}
	}
	if len(papers) != 8 || old == nil {
		t.Fatalf("%d papers, hep-th/9901001 found: %v", len(papers), old != nil)
	}
	if old.PDFURL != "https://arxiv.org/pdf/hep-th/9901001" || old.JournalRef == "" || old.DOI == "" ||
		old.ArxivComments == "" || old.PrimaryCategory != "hep-th" || old.Published != "1999-01-01" {
		t.Errorf("--json lacks snapshot fields: %+v", *old)
	}
	if strings.Contains(errOut, "skipped") {
		t.Errorf("nothing to skip, stderr says %q", errOut)
	}
}

func TestListSaysHowManySnapshotLinesItSkipped(t *testing.T) {
	head, err := os.ReadFile(testdata("arxiv_metadata_snapshot_head.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(head), "\n")
	bad := lines[0] + "<html>not json</html>\n" + lines[1] + `{"id": 7, "categories": "cs.LG"}` + "\n" + lines[2][:100]
	path := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runPaperdeck(t, nil, "list", path)
	if code != 0 || len(strings.Split(strings.TrimSpace(out), "\n")) != 2 {
		t.Fatalf("exit %d, output %q, stderr %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "3 papers skipped (the first, line 2: not JSON") {
		t.Errorf("stderr %q does not say 3 lines were skipped, nor why the first", errOut)
	}
	out, _, code = runPaperdeck(t, nil, "list", testdata("arxiv_metadata_snapshot_head.jsonl.gz"))
	if code != 0 || !strings.Contains(out, "0704.0012") {
		t.Errorf("the .gz snapshot: exit %d, %q", code, out)
	}
}
