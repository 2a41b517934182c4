//go:build linux || darwin

package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/creack/pty"
)

// runWithTerminalStderr runs paperdeck with its stderr on a terminal and
// its stdout in a file, as `paperdeck list SNAPSHOT --sort date > out`
// typed at a shell: what the terminal showed and what stdout got.
func runWithTerminalStderr(t *testing.T, home string, args ...string) (terminal, stdout string) {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(paperdeckEnv(home), "TERM=xterm-256color")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, tty
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close() // the child has its own: reads of ptmx end when it exits
	screen := make(chan string)
	go func() {
		b, _ := io.ReadAll(ptmx)
		screen <- string(b)
	}()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return <-screen, out.String()
}

func TestListOfASnapshotSaysItIsIndexingOnATerminal(t *testing.T) {
	path := generatedSnapshot(t, 20_000)
	args := []string{"list", path, "--sort", "date"}
	want, quiet, code := runPaperdeck(t, nil, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, quiet)
	}
	if strings.Contains(quiet, "indexing") {
		t.Errorf("stderr not a terminal (a script): %q, want no progress", quiet)
	}

	home := t.TempDir()
	terminal, stdout := runWithTerminalStderr(t, home, args...)
	if stdout != want {
		t.Errorf("stdout with stderr on a terminal differs from without: %d bytes, want %d", len(stdout), len(want))
	}
	at := strings.LastIndex(terminal, "indexing arxiv-metadata-oai-snapshot.json: ")
	if at < 0 {
		t.Fatalf("the terminal showed %q while the first open indexed, want what it is doing", terminal)
	}
	line := terminal[at:]
	if !strings.Contains(line, " papers, ") || !strings.Contains(line, "%") {
		t.Errorf("progress %q: want papers counted and a percentage", line)
	}
	if !strings.HasSuffix(terminal, "\r\x1b[K") {
		t.Errorf("the terminal ends with %q: the progress line is not cleared", tail(terminal, 80))
	}

	// A second open reads the side index: nothing to wait for, nothing shown.
	terminal, _ = runWithTerminalStderr(t, home, args...)
	if strings.Contains(terminal, "indexing") {
		t.Errorf("second open showed %q, want nothing", terminal)
	}
}
