//go:build unix

package main

import (
	"bufio"
	"errors"
	"io"
	"os"
	"os/exec"
	"syscall"
	"testing"
)

func TestListOfASnapshotStopsOnCtrlC(t *testing.T) {
	path := generatedSnapshot(t, 20_000)
	cmd := exec.Command(os.Args[0], "list", path, "--json")
	cmd.Env = paperdeckEnv(t.TempDir())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The first papers are out before the file is indexed: stop then.
	r := bufio.NewReader(out)
	if _, err := r.ReadString('}'); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	go func() { _, _ = io.Copy(io.Discard, r) }()
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitInterrupted {
		t.Errorf("Ctrl-C during list of a snapshot: %v, want exit status %d", err, exitInterrupted)
	}
}
