package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/fulltext/fulltexttest"
)

// BenchmarkReadCachedBesideW3m: `paperdeck read` of a cached long paper
// (≥ 1 MB of HTML) beside `w3m -dump` of the same page, in the same run.
// The target: paperdeck no slower than twice w3m, with the structure and
// the readable math w3m lacks.
func BenchmarkReadCachedBesideW3m(b *testing.B) {
	w3m, err := exec.LookPath("w3m")
	if err != nil {
		b.Skip("w3m is not installed (Debian: apt-get install w3m): no baseline to compare with")
	}
	dir := b.TempDir()
	bin := filepath.Join(dir, "paperdeck")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	page := fulltexttest.LongPage(b, 1<<20)
	file := filepath.Join(dir, "page.html")
	cacheHome := filepath.Join(dir, "cache")
	cached := filepath.Join(cacheHome, "paperdeck", "fulltext", "2401.00001v1.html")
	for _, p := range []string{file, cached} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	run := func(b *testing.B, name string, args []string, env []string) {
		var cpu time.Duration
		for b.Loop() {
			cmd := exec.Command(name, args...)
			cmd.Env = append(os.Environ(), env...)
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%s: %v\n%.300s", name, err, out)
			}
			cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		}
		// The CPU the program used: on a shared machine the wall clock
		// also counts the wait for a core, which a many-threaded Go
		// program feels more than w3m.
		b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
	}
	b.Run("w3m-dump", func(b *testing.B) {
		run(b, w3m, []string{"-dump", "-T", "text/html", "-cols", "80", file}, nil)
	})
	b.Run("paperdeck-read", func(b *testing.B) {
		run(b, bin, []string{"read", "--offline", "2401.00001v1"},
			[]string{"XDG_CACHE_HOME=" + cacheHome, "PAPERDECK_ARXIV_URL=http://127.0.0.1:1"})
	})
}
