//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fifoOf is a named pipe in a temporary folder that a writer fills with
// the file at src once paperdeck opens it, as `<(cat src)` would.
func fifoOf(t *testing.T, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "snapshot-pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		_, _ = w.Write(data) // a reader that stops early ends it (EPIPE)
	}()
	return fifo
}

func TestListOfASnapshotOnAPipeGoesThroughTheCatalog(t *testing.T) {
	cache := t.TempDir()
	env := []string{"XDG_CACHE_HOME=" + cache}
	for _, name := range []string{"arxiv_metadata_snapshot_head.jsonl", "arxiv_metadata_snapshot_head.jsonl.gz"} {
		for _, args := range [][]string{nil, {"--json"}, {"--sort", "date", "--format", "markdown"}} {
			want, _, code := runPaperdeck(t, nil, append([]string{"list", testdata(name)}, args...)...)
			if code != 0 {
				t.Fatalf("%s %v: exit %d", name, args, code)
			}
			fifo := fifoOf(t, testdata(name))
			out, errOut, code := runPaperdeck(t, env, append([]string{"list", fifo}, args...)...)
			out = strings.ReplaceAll(out, fifo, testdata(name)) // markdown's heading names it
			if code != 0 || errOut != "" {
				t.Fatalf("%s %v on a pipe: exit %d: %s", name, args, code, errOut)
			}
			if out != want {
				t.Errorf("%s %v on a pipe printed %d bytes, want the %d the file prints", name, args, len(out), len(want))
			}
		}
	}
	// Its copy in the cache goes when the list is done.
	if left, _ := filepath.Glob(filepath.Join(cache, "*", "catalog", "*")); len(left) != 0 {
		t.Errorf("the cache keeps %q after listing pipes", left)
	}
	// What the catalog refuses for a snapshot file, it refuses on a pipe.
	_, errOut, code := runPaperdeck(t, env, "list", fifoOf(t, testdata("arxiv_metadata_snapshot_head.jsonl")), "--sort", "upvotes")
	if code == 0 || !strings.Contains(errOut, "no upvotes") {
		t.Errorf("--sort upvotes of a snapshot on a pipe: exit %d, %q", code, errOut)
	}

	// Any other listing on a pipe is read as before.
	want, _, _ := runPaperdeck(t, nil, "list", testdata(sortListing))
	out, errOut, code := runPaperdeck(t, nil, "list", fifoOf(t, testdata(sortListing)))
	if code != 0 || out != want || errOut != "" {
		t.Errorf("a listing on a pipe: exit %d, %d bytes (want %d), stderr %q", code, len(out), len(want), errOut)
	}
}
