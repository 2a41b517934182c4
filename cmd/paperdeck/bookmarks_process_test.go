package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/store"
)

// TestBookmarksImportUnderStress runs the real paperdeck binary, built for
// the test, as several processes sharing one bookmarks file.
func TestBookmarksImportUnderStress(t *testing.T) {
	if testing.Short() {
		t.Skip("builds paperdeck and runs 100 processes")
	}
	bin := filepath.Join(t.TempDir(), "paperdeck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	importCmd := func(data, file string) *exec.Cmd {
		cmd := exec.Command(bin, "bookmarks", "import", file)
		cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+data, "HOME="+data)
		return cmd
	}

	t.Run("two imports at once keep all 400", func(t *testing.T) {
		data, files := t.TempDir(), t.TempDir()
		sets := []string{papersFile(t, files, 1, 200), papersFile(t, files, 1001, 200)}
		var wg sync.WaitGroup
		errs := make([]error, len(sets))
		for i, file := range sets {
			wg.Go(func() {
				if out, err := importCmd(data, file).CombinedOutput(); err != nil {
					errs[i] = fmt.Errorf("import %s: %v: %s", file, err, out)
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		list := loadBookmarks(t, data)
		seen := map[string]bool{}
		for _, b := range list {
			seen[b.Paper.ID] = true
		}
		if len(list) != 400 || len(seen) != 400 {
			t.Fatalf("%d bookmarks (%d distinct), want 400", len(list), len(seen))
		}
	})

	t.Run("imports killed at random moments lose nothing", func(t *testing.T) {
		data, files := t.TempDir(), t.TempDir()
		// Time one import so that the kills land anywhere in a run, on a
		// fast machine or a loaded one.
		start := time.Now()
		if out, err := importCmd(data, papersFile(t, files, 90_000, 5)).CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		span := time.Since(start)

		finished := map[string]bool{} // ids of imports that exited 0
		for i := range 5 {
			finished[fmt.Sprintf("2402.%05d", 90_000+i)] = true
		}
		var killed, completed, midWrite int
		for round := range 100 {
			first := 1 + round*10
			cmd := importCmd(data, papersFile(t, files, first, 5))
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			var err error
			// The kills aim at the end of a run, where the file is written:
			// span shrinks after a finished run and grows after a kill, so
			// that about half the runs finish, whatever the machine's pace.
			select {
			case err = <-done:
				span = span * 9 / 10
			case <-time.After(span/2 + rand.N(span/2)):
				cmd.Process.Signal(syscall.SIGKILL)
				err = <-done
				span = span * 11 / 10
			}
			if temps, _ := filepath.Glob(filepath.Join(data, "paperdeck", ".bookmarks.json*")); len(temps) > 0 {
				midWrite++ // killed while writing; the next write would clean up
				for _, f := range temps {
					os.Remove(f)
				}
			}
			if err == nil {
				completed++
				for i := range 5 {
					finished[fmt.Sprintf("2402.%05d", first+i)] = true
				}
			} else {
				killed++
			}

			list, err := store.OpenBookmarks(bookmarksFile(data)).Load()
			if err != nil {
				t.Fatalf("round %d: the bookmarks file does not load after a kill: %v", round, err)
			}
			have := map[string]bool{}
			for _, b := range list {
				have[b.Paper.ID] = true
			}
			for id := range finished {
				if !have[id] {
					t.Fatalf("round %d: %s, saved by a finished import, is gone", round, id)
				}
			}
		}
		if killed < 10 || completed < 10 {
			t.Fatalf("%d imports killed, %d completed: the kills should land both ways; check the timing", killed, completed)
		}
		t.Logf("100 imports of ~%v: %d killed (%d while writing), %d completed", span, killed, midWrite, completed)
	})
}
