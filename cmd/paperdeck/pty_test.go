//go:build linux || darwin

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// ptySession is paperdeck running on a pseudo-terminal, as in a terminal
// emulator: its stdin and stdout are the terminal, its stderr is kept
// apart so a test can read exactly what it printed there.
type ptySession struct {
	t      *testing.T
	cmd    *exec.Cmd
	ptmx   *os.File // the terminal's side: what the user types and sees
	tty    *os.File // paperdeck's side, kept open to read its modes afterwards
	home   string
	mu     sync.Mutex
	screen bytes.Buffer // every byte paperdeck wrote to the terminal
	stderr bytes.Buffer
	done   chan struct{} // closed once Wait has returned and ProcessState is set
}

func startPTY(t *testing.T, env []string, args ...string) *ptySession {
	t.Helper()
	return startPTYSized(t, 80, 24, env, args...)
}

// startPTYSized is startPTY in a terminal of cols×rows: wide enough, a
// line that names a temporary path is not wrapped mid-word.
func startPTYSized(t *testing.T, cols, rows uint16, env []string, args ...string) *ptySession {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: rows, Cols: cols}); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	s := &ptySession{t: t, ptmx: ptmx, tty: tty, home: home, done: make(chan struct{})}
	s.cmd = exec.Command(os.Args[0], args...)
	s.cmd.Env = append(append(paperdeckEnv(home), "TERM=xterm-256color", "BROWSER="), env...)
	s.cmd.Stdin, s.cmd.Stdout = tty, tty
	s.cmd.Stderr = &lockedWriter{mu: &s.mu, b: &s.stderr}
	// Its own session with the pty as controlling terminal, like a shell's job.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if !s.modes()["echo"] || !s.modes()["icanon"] {
		t.Fatalf("a fresh pty should echo and be canonical: %v", s.modes())
	}
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			s.mu.Lock()
			s.screen.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() { _ = s.cmd.Wait(); close(s.done) }()
	t.Cleanup(func() {
		if !s.exited() {
			_ = s.cmd.Process.Kill()
			<-s.done
		}
		tty.Close()
		ptmx.Close()
	})
	return s
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *bytes.Buffer
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (s *ptySession) output() (screen, stderr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.screen.String(), s.stderr.String()
}

// waitFor waits until the terminal has shown all of words.
func (s *ptySession) waitFor(words ...string) {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		screen, _ := s.output()
		all := true
		for _, w := range words {
			all = all && strings.Contains(screen, w)
		}
		if all {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	screen, stderr := s.output()
	s.t.Fatalf("the terminal never showed %q; it got %q (stderr %q)", words, tail(screen, 2000), stderr)
}

func (s *ptySession) typeKeys(keys string) {
	s.t.Helper()
	if _, err := s.ptmx.Write([]byte(keys)); err != nil {
		s.t.Fatal(err)
	}
}

// exited tells whether paperdeck has ended, without racing the goroutine
// that waits for it (ProcessState is written by Wait).
func (s *ptySession) exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// wait waits for paperdeck to exit and returns its exit status.
func (s *ptySession) wait() int {
	s.t.Helper()
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		screen, stderr := s.output()
		s.t.Fatalf("paperdeck did not exit; screen %q, stderr %q", tail(screen, 2000), stderr)
	}
	time.Sleep(50 * time.Millisecond) // the reader catches up with the last bytes
	return s.cmd.ProcessState.ExitCode()
}

// modes reads the terminal's flags the way a user would, with stty -a on
// the terminal paperdeck used: "echo" true, "icanon" false and so on.
func (s *ptySession) modes() map[string]bool {
	s.t.Helper()
	stty := exec.Command("stty", "-a")
	stty.Stdin = s.tty
	out, err := stty.Output()
	if err != nil {
		s.t.Skipf("stty -a: %v", err)
	}
	modes := map[string]bool{}
	for _, f := range strings.FieldsFunc(string(out), func(r rune) bool { return r == ' ' || r == '\n' || r == ';' }) {
		if name, off := strings.CutPrefix(f, "-"); off {
			modes[name] = false
		} else {
			modes[f] = true
		}
	}
	return modes
}

// checkSane fails unless the terminal is as paperdeck found it: echo and
// canonical mode back on, and the alternate screen left last.
func (s *ptySession) checkSane() {
	s.t.Helper()
	m := s.modes()
	for _, flag := range []string{"echo", "icanon", "isig"} {
		if !m[flag] {
			s.t.Errorf("stty -a after paperdeck exited: %s is off", flag)
		}
	}
	screen, _ := s.output()
	enter, leave := strings.LastIndex(screen, "\x1b[?1049h"), strings.LastIndex(screen, "\x1b[?1049l")
	if enter < 0 || leave < enter {
		s.t.Errorf("the output should end by leaving the alternate screen (entered at %d, left at %d): %q", enter, leave, tail(screen, 300))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

const ptyListing = "../../testdata/hf_daily_papers_2024-08-01.html"

// A bug in Update, in a command or in a worker goroutine ends paperdeck
// with the terminal sane, one line on stderr pointing at a crash log
// under $XDG_STATE_HOME/paperdeck, and no stack trace on the screen.
func TestPanicLeavesTheTerminalSane(t *testing.T) {
	for _, where := range []string{"update", "command", "worker"} {
		t.Run(where, func(t *testing.T) {
			s := startPTY(t, []string{"PAPERDECK_TEST_PANIC=" + where}, ptyListing)
			s.waitFor("\x1b[?1049h", "Llama 3 Herd")
			if m := s.modes(); m["echo"] || m["icanon"] {
				t.Fatalf("while paperdeck runs the terminal should be raw: %v", m)
			}
			s.typeKeys("j")
			if code := s.wait(); code == 0 {
				t.Errorf("paperdeck exited 0 after a panic")
			}
			s.checkSane()

			screen, stderr := s.output()
			for _, trace := range []string{"goroutine ", "panic(", ".go:"} {
				if strings.Contains(screen, trace) || strings.Contains(stderr, trace) {
					t.Errorf("a stack trace (%q) reached the user:\nscreen %q\nstderr %q", trace, tail(screen, 1500), stderr)
				}
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != 1 || !strings.Contains(lines[0], "crash") {
				t.Fatalf("stderr should be one line pointing at the crash log, got %q", stderr)
			}
			dir := filepath.Join(s.home, "state", "paperdeck")
			logs, _ := filepath.Glob(filepath.Join(dir, "crash-*.log"))
			if len(logs) != 1 || !strings.Contains(lines[0], logs[0]) {
				t.Fatalf("the line should name the one log in %s; logs %v, line %q", dir, logs, lines[0])
			}
			body, err := os.ReadFile(logs[0])
			if err != nil || !strings.Contains(string(body), "PAPERDECK_TEST_PANIC="+where) || !strings.Contains(string(body), "goroutine ") {
				t.Errorf("the log should hold the panic and its stack: %v\n%s", err, body)
			}
			if where == "worker" && !strings.Contains(string(body), "in the worker goroutine") {
				t.Errorf("the log should hold the worker's own stack:\n%s", body)
			}
		})
	}
}

// Quitting normally leaves the terminal sane too (the baseline for the
// test above).
func TestQuitLeavesTheTerminalSane(t *testing.T) {
	s := startPTY(t, nil, ptyListing)
	s.waitFor("\x1b[?1049h", "Llama 3 Herd")
	s.typeKeys("q")
	if code := s.wait(); code != 0 {
		_, stderr := s.output()
		t.Errorf("q: exit %d, stderr %q", code, stderr)
	}
	s.checkSane()
}

// The browser named by $BROWSER gets the checked URL as its one argument
// and whatever it prints never reaches the screen.
func TestBrowserOutputStaysOffTheScreen(t *testing.T) {
	dir := t.TempDir()
	argv := filepath.Join(dir, "argv")
	script := filepath.Join(dir, "browser")
	body := "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > " + argv + ".tmp && mv " + argv + ".tmp " + argv +
		"\necho BROWSER-NOISE-OUT\necho BROWSER-NOISE-ERR >&2\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	s := startPTY(t, []string{"BROWSER=" + script}, ptyListing)
	s.waitFor("\x1b[?1049h", "Llama 3 Herd")
	s.typeKeys("o")
	// The renderer redraws only the cells that change, so wait for the
	// browser's record rather than for a whole sentence on the screen.
	var got []byte
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(argv); err == nil {
			got = b
			break
		}
	}
	time.Sleep(200 * time.Millisecond) // for anything the browser might print
	if want := "1\nhttps://huggingface.co/papers/2407.21783\n"; string(got) != want {
		t.Errorf("the browser got %q, want %q", got, want)
	}
	s.typeKeys("q")
	s.wait()
	s.checkSane()
	screen, stderr := s.output()
	if strings.Contains(screen+stderr, "BROWSER-NOISE") {
		t.Errorf("the browser's output reached the terminal")
	}
}
