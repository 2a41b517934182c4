//go:build linux || darwin

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/internal/outputcheck"
)

// The reader's exit warnings about a hostile config file reach stderr
// cleaned, with the keys spelled out.
func TestReaderExitWarningsAreClean(t *testing.T) {
	s := startPTYSized(t, 200, 30, nil, "--demo", "--config", hostileFile("config_keys.toml"))
	s.waitFor("The config file has problems", `"keys.quit\u009b31m"`)
	s.typeKeys("\x1b")
	time.Sleep(300 * time.Millisecond)
	s.typeKeys("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	_, stderr := s.output()
	if err := outputcheck.Bytes([]byte(stderr)); err != nil {
		t.Errorf("stderr: %v\n%q", err, stderr)
	}
	if !strings.Contains(stderr, `"keys.quit\u009b31m": unknown action`) {
		t.Errorf("stderr should spell out the hostile key: %q", stderr)
	}
}
