package store

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestHelperProcess is not a test: the tests below run the test binary
// again as a second paperdeck that adds papers to the same file.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv("PAPERDECK_STORE_HELPER")
	if path == "" {
		return
	}
	first, _ := strconv.Atoi(os.Getenv("HELPER_FIRST"))
	n, _ := strconv.Atoi(os.Getenv("HELPER_N"))
	batch, _ := strconv.Atoi(os.Getenv("HELPER_BATCH"))
	b := OpenBookmarks(path)
	if tag := os.Getenv("HELPER_TAG"); tag != "" {
		// Tag papers first..first+n-1 one change at a time.
		for _, p := range papers(first, n) {
			if _, err := b.Retag([]string{p.ID}, []string{tag}, nil); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		os.Exit(0)
	}
	for i := 0; i < n; i += batch {
		ps := papers(first+i, min(batch, n-i))
		if _, err := b.Add(ps...); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		// Said only once Add returned: from here on the papers must stay.
		for _, p := range ps {
			fmt.Println("saved", p.ID)
		}
	}
	os.Exit(0)
}

func helper(path string, first, n, batch int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	// GORACE: a race-enabled binary otherwise sleeps a second at exit.
	cmd.Env = append(os.Environ(), "GORACE=atexit_sleep_ms=0", "PAPERDECK_STORE_HELPER="+path,
		fmt.Sprint("HELPER_FIRST=", first), fmt.Sprint("HELPER_N=", n), fmt.Sprint("HELPER_BATCH=", batch))
	return cmd
}

func TestTwoProcessesAddingAtOnceLoseNothing(t *testing.T) {
	path := tempBookmarks(t).Path()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, first := range []int{1, 1001} {
		wg.Go(func() {
			// Batches of 20 so that the two processes' writes interleave.
			out, err := helper(path, first, 200, 20).CombinedOutput()
			if err != nil {
				errs[i] = fmt.Errorf("%v: %s", err, out)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	list := mustLoad(t, OpenBookmarks(path))
	seen := map[string]bool{}
	for _, bm := range list {
		seen[bm.Paper.ID] = true
	}
	if len(list) != 400 || len(seen) != 400 {
		t.Fatalf("%d bookmarks (%d distinct), want 400", len(list), len(seen))
	}
}

func TestTwoProcessesTaggingAtOnceLoseNoTag(t *testing.T) {
	b := tempBookmarks(t)
	if _, err := b.Add(papers(1, 60)...); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, tag := range []string{"alpha", "beta"} {
		wg.Go(func() {
			cmd := helper(b.Path(), 1, 60, 1)
			cmd.Env = append(cmd.Env, "HELPER_TAG="+tag)
			if out, err := cmd.CombinedOutput(); err != nil {
				errs[i] = fmt.Errorf("%v: %s", err, out)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	for _, bm := range mustLoad(t, b) {
		if !bm.HasTag("alpha") || !bm.HasTag("beta") {
			t.Fatalf("%s has tags %q, want both alpha and beta", bm.Paper.ID, bm.Tags)
		}
	}
}

func TestKilledWritersNeverDamageOrLoseBookmarks(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 25 processes")
	}
	path := tempBookmarks(t).Path()
	// Time one unhurried run: a write takes about a tenth of it.
	start := time.Now()
	if out, err := helper(path, 100_000, 10, 1).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	span := time.Since(start)
	perWrite := max(span/10, time.Millisecond)
	saved := map[string]bool{} // every id a finished Add reported
	killedMidway := 0
	for round := range 25 {
		cmd := helper(path, 1+round*100, 10, 1)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Killed after its k-th acknowledged write, somewhere in the next
		// one: counting acks rather than guessing a delay keeps the kills
		// between the first and the last write on a fast machine or a
		// loaded one.
		k := 1 + rand.N(8)
		acked := 0
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			id, ok := strings.CutPrefix(sc.Text(), "saved ")
			if !ok {
				continue
			}
			saved[id] = true
			acked++
			if acked == k {
				time.Sleep(rand.N(perWrite))
				cmd.Process.Signal(syscall.SIGKILL)
			}
		}
		err := cmd.Wait()
		if err != nil && acked > 0 && acked < 10 {
			killedMidway++
		}

		list, err := OpenBookmarks(path).Load()
		if err != nil {
			t.Fatalf("round %d: after a kill the file does not load: %v", round, err)
		}
		have := map[string]bool{}
		for _, bm := range list {
			have[bm.Paper.ID] = true
		}
		for id := range saved {
			if !have[id] {
				t.Fatalf("round %d: %s was saved by a finished Add and is gone", round, id)
			}
		}
	}
	// The test is worthless if the kills all came after the last write.
	if killedMidway < 3 {
		t.Fatalf("only %d of 25 processes were killed between writes", killedMidway)
	}
	t.Logf("%d bookmarks, %d of 25 processes killed between writes; a run takes %v", len(saved), killedMidway, span)
}
