package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestMain lets a test run the real command: with PAPERDECK_RUN_MAIN=1 the
// test binary is paperdeck itself (exit codes, stderr and all).
func TestMain(m *testing.M) {
	if os.Getenv("PAPERDECK_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runPaperdeck runs paperdeck with args in a fresh XDG environment (plus
// env) and returns its output and exit status.
func runPaperdeck(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	home := t.TempDir()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(paperdeckEnv(home), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// paperdeckEnv is the environment of paperdeck run by a test: this test
// binary as paperdeck, every XDG folder under home, no network.
func paperdeckEnv(home string) []string {
	return append(os.Environ(),
		"PAPERDECK_RUN_MAIN=1",
		// A -race binary otherwise sleeps a second on exit.
		"GORACE=atexit_sleep_ms=0",
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"),
		"XDG_STATE_HOME="+filepath.Join(home, "state"),
		// Nothing in a test may reach the internet.
		"PAPERDECK_HF_URL=http://127.0.0.1:1",
		"PAPERDECK_ARXIV_URL=http://127.0.0.1:1",
	)
}

func testdata(name string) string { return filepath.Join("..", "..", "testdata", name) }
