//go:build linux || darwin

package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// weekServer serves the hand-made week page for any week, and says which
// paths were asked for.
func weekServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "handmade_hf_week_2025-W02.html"))
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		if strings.HasPrefix(r.URL.Path, "/papers/week/") {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), paths...)
	}
}

// recordingBrowser is a $BROWSER that writes down what it was asked to open.
func recordingBrowser(t *testing.T) (cmd string, opened func() string) {
	t.Helper()
	dir := t.TempDir()
	log := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho \"$@\" >> '"+log+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, func() string { b, _ := os.ReadFile(log); return string(b) }
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Issue 8's check: a config that remaps o to O, sets the light theme and
// opens on the weekly view is honoured by the real program in a terminal.
func TestReaderHonoursTheConfig(t *testing.T) {
	srv, paths := weekServer(t)
	browser, opened := recordingBrowser(t)
	cfg := writeConfig(t, "view = \"hf:week\"\ntheme = \"light\"\n\n[keys]\nopen_page = [\"O\"]\n")
	s := startPTY(t, []string{"PAPERDECK_HF_URL=" + srv.URL, "BROWSER=" + browser, "COLORTERM=truecolor"}, "--config", cfg)
	s.waitFor("rStar-Math", "week 2025-W02")

	s.typeKeys("o")
	time.Sleep(500 * time.Millisecond)
	if got := opened(); got != "" {
		t.Fatalf("o opened %q though the config moved it to O", got)
	}
	s.typeKeys("O")
	deadline := time.Now().Add(10 * time.Second)
	for opened() == "" && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if got := strings.TrimSpace(opened()); got != "https://huggingface.co/papers/2501.04519" {
		t.Fatalf("O opened %q, want the first paper's page", got)
	}
	s.typeKeys("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	s.checkSane()

	week := regexp.MustCompile(`^/papers/week/\d{4}-W\d{2}$`)
	if p := paths(); len(p) == 0 || !week.MatchString(p[0]) {
		t.Errorf("the first request was %v, want this week's list", p)
	}
	// The light theme's status bar (#e6e6ea), never the dark one (#26262c),
	// though the terminal never said it is light.
	screen, stderr := s.output()
	if !strings.Contains(screen, "48;2;230;230;234") || strings.Contains(screen, "48;2;38;38;44") {
		t.Errorf("the screen is not drawn with the light theme")
	}
	if stderr != "" {
		t.Errorf("stderr: %q", stderr)
	}
}

// A config with a syntax error: paperdeck starts with the defaults (not
// the week the file asks for), names the line on screen and on stderr.
func TestReaderWithABrokenConfig(t *testing.T) {
	srv, paths := weekServer(t)
	cfg := writeConfig(t, "view = \"hf:week\"\ntheme = \"light\"\n\n[keys]\nopen_page = [\"O\"\n")
	s := startPTYSized(t, 300, 30, []string{"PAPERDECK_HF_URL=" + srv.URL}, "--config", cfg)
	s.waitFor("The config file has problems", "config.toml:5:", "keys.open_page: syntax error")
	s.typeKeys("\x1b")
	time.Sleep(300 * time.Millisecond)
	s.typeKeys("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, p := range paths() {
		if strings.HasPrefix(p, "/papers/week/") {
			t.Errorf("a broken config's view was used: %s", p)
		}
	}
	_, stderr := s.output()
	want := "paperdeck: " + cfg + ":5: keys.open_page: syntax error"
	if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("stderr %q, want one line starting %q", stderr, want)
	}
}

// With NO_COLOR the program writes no colour to the terminal at all, on
// any screen; with --ascii not one byte outside ASCII.
func TestReaderNoColorAndASCII(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		bad  func(string) string
	}{
		{"NO_COLOR", []string{"NO_COLOR=1", "COLORTERM=truecolor"}, []string{"--demo"}, colourIn},
		{"--no-color", []string{"COLORTERM=truecolor"}, []string{"--demo", "--no-color"}, colourIn},
		{"--ascii", nil, []string{"--demo", "--ascii"}, nonASCIIIn},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startPTY(t, tc.env, tc.args...)
			s.waitFor("Llama")
			for _, k := range []string{"j", "\r", "/", "model", "\x1b", "\x1b", "?", "?", "L", "\x1b", "/", "gan", "\x1b", "B"} {
				s.typeKeys(k)
				pause := 60 * time.Millisecond
				if k == "\x1b" {
					// A lone ESC read together with the next key is Alt+key:
					// give the reader time to take it alone, as the other
					// pty tests do.
					pause = 300 * time.Millisecond
				}
				time.Sleep(pause)
			}
			s.typeKeys("q")
			if code := s.wait(); code != 0 {
				t.Fatalf("exit %d", code)
			}
			screen, _ := s.output()
			if what := tc.bad(screen); what != "" {
				t.Errorf("%s: %s", tc.name, what)
			}
		})
	}
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colourIn names the first colour SGR sequence of a terminal's stream.
func colourIn(s string) string {
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n := 0
			for _, c := range p {
				n = n*10 + int(c-'0')
			}
			if n >= 30 && n <= 49 || n >= 90 && n <= 107 {
				return "colour sequence " + strings.ReplaceAll(m[0], "\x1b", "ESC")
			}
		}
	}
	return ""
}

func nonASCIIIn(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return "non-ASCII output: " + strings.ToValidUTF8(s[max(0, i-40):min(len(s), i+10)], "?")
		}
	}
	return ""
}
