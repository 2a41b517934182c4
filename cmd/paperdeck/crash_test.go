package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/internal/outputcheck"
)

// A panic outside the reader prints one line naming a crash log that
// holds the panic and its stack.
func TestReportPanic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state", "paperdeck")
	var stderr bytes.Buffer
	code := reportPanic("a bug in list", []byte("goroutine 1 [running]:\nmain.main()"), dir, &stderr)
	if code == 0 {
		t.Errorf("exit status 0 after a panic")
	}
	line := strings.TrimSuffix(stderr.String(), "\n")
	logs, _ := filepath.Glob(filepath.Join(dir, "crash-*.log"))
	if strings.Contains(line, "\n") || len(logs) != 1 || !strings.HasSuffix(line, logs[0]) {
		t.Fatalf("stderr %q, logs %v", stderr.String(), logs)
	}
	body, _ := os.ReadFile(logs[0])
	if !strings.Contains(string(body), "a bug in list") || !strings.Contains(string(body), "goroutine 1") {
		t.Errorf("log:\n%s", body)
	}
}

// The crash line goes to stderr past the output cleaner: a state folder
// with escapes in its name is spelled out, not sent to the terminal.
func TestReportPanicSpellsOutTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state\x1b]0;owned\x07", "paperdeck")
	var stderr bytes.Buffer
	reportPanic("a bug", nil, dir, &stderr)
	if err := outputcheck.Bytes(stderr.Bytes()); err != nil || !strings.Contains(stderr.String(), `state\x1b]0;owned\a`) {
		t.Errorf("stderr %q (%v): want the folder spelled out", stderr.String(), err)
	}
}
