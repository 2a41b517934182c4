//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO where the rank cache keeps its features and model does not hang
// list --sort foryou: it is not read, the ranking is computed again, and
// it comes out as it did with the cache whole.
func TestListSortForYouIgnoresAFIFOInItsCache(t *testing.T) {
	env := sortEnv(t, map[string][]string{"2606.10423": nil, "2606.07867": nil, "2606.13120": nil})
	want := listSorted(t, env, "--sort", "foryou")
	cached, _ := filepath.Glob(filepath.Join(strings.TrimPrefix(env[1], "XDG_CACHE_HOME="), "paperdeck", "rank", "*.bin"))
	if len(cached) == 0 {
		t.Fatal("the first run cached nothing to replace")
	}
	for _, path := range cached {
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(path, 0o644); err != nil {
			t.Skipf("no FIFOs here: %v", err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "list", testdata(sortListing), "--json", "--sort", "foryou")
	cmd.Env = append(paperdeckEnv(t.TempDir()), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatal("list --sort foryou hung on a FIFO in the rank cache")
	}
	if err != nil {
		t.Fatalf("exit %v: %s", err, errOut.String())
	}
	again := listSorted(t, env, "--sort", "foryou")
	for i := range want {
		if again[i].ID != want[i].ID || again[i].Score != want[i].Score {
			t.Fatalf("with FIFOs in the cache the ranking differs at %d", i)
		}
	}
	if !strings.Contains(out.String(), want[0].ID) {
		t.Errorf("the run beside the FIFOs printed no ranking: %.200q", out.String())
	}
}
