package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/internal/outputcheck"
)

// The hostile corpus (testdata/hostile, one file per sink) through every
// command and format, stdout and stderr captured as bytes: nothing that
// could drive a terminal gets out, whatever the output is (here a pipe,
// cleaned as a terminal would be), and Markdown shows as text.

// hostileRun is one paperdeck run in a prepared home.
type hostileRun struct {
	name     string
	args     []string
	env      []string
	markdown bool   // stdout is Markdown: parse it
	code     int    // the exit status it must have
	stdout   string // what stdout must hold, so the run did its job
	stderr   string // what stderr must hold
}

func hostileFile(name string) string { return testdata(filepath.Join("hostile", name)) }

// hostileHome is a home whose bookmarks and cached listing are the corpus's.
func hostileHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	copyTo := func(src, dst string) {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(dst), 0o755)
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyTo(hostileFile("bookmarks.json"), filepath.Join(home, "data", "paperdeck", "bookmarks.json"))
	copyTo(hostileFile("cached_listing.json"), filepath.Join(home, "cache", "paperdeck", "listings", "day-2024-08-01.json"))
	return home
}

func runHostile(t *testing.T, home string, r hostileRun) {
	t.Helper()
	cmd := exec.Command(os.Args[0], r.args...)
	cmd.Env = append(paperdeckEnv(home), r.env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != r.code {
		t.Errorf("%s: exit %d, want %d; stderr %q", r.name, code, r.code, errOut.String())
	}
	if err := outputcheck.Bytes(out.Bytes()); err != nil {
		t.Errorf("%s: stdout: %v", r.name, err)
	}
	if err := outputcheck.Bytes(errOut.Bytes()); err != nil {
		t.Errorf("%s: stderr: %v", r.name, err)
	}
	if js := bytes.TrimSpace(out.Bytes()); len(js) > 0 && (js[0] == '[' || js[0] == '{') {
		// JSON spells a control as \u001b: what a reader of the JSON gets
		// must be clean too.
		var doc any
		if err := json.Unmarshal(js, &doc); err != nil {
			t.Errorf("%s: stdout is not JSON: %v", r.name, err)
		} else if err := jsonStringsClean(doc); err != nil {
			t.Errorf("%s: a JSON string: %v", r.name, err)
		}
	}
	if r.markdown {
		o, err := outputcheck.Markdown(out.Bytes())
		if err != nil {
			t.Errorf("%s: Markdown: %v", r.name, err)
		}
		// A digest of papers makes headings, link lists and quotes; a rule,
		// code or a table could only come from the text it quotes. (A full
		// text has the paper's own.)
		if r.args[0] != "read" && (o.Rules > 0 || o.CodeBlocks > 0 || o.Tables > 0) {
			t.Errorf("%s: outside text made blocks: %+v", r.name, o)
		}
	}
	if !strings.Contains(out.String(), r.stdout) {
		t.Errorf("%s: stdout lacks %q:\n%.600s (stderr %q)", r.name, r.stdout, out.String(), errOut.String())
	}
	if !strings.Contains(errOut.String(), r.stderr) {
		t.Errorf("%s: stderr lacks %q: %q", r.name, r.stderr, errOut.String())
	}
}

func jsonStringsClean(v any) error {
	switch v := v.(type) {
	case string:
		return outputcheck.Bytes([]byte(v))
	case []any:
		for _, e := range v {
			if err := jsonStringsClean(e); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, e := range v {
			if err := outputcheck.Bytes([]byte(k)); err != nil {
				return err
			}
			if err := jsonStringsClean(e); err != nil {
				return err
			}
		}
	}
	return nil
}

func TestHostileCorpusThroughEveryCommand(t *testing.T) {
	home := hostileHome(t)
	// A file name is outside text too.
	evilName := filepath.Join(t.TempDir(), "list\x1b]0;owned\x07\u202e.json")
	data, _ := os.ReadFile(hostileFile("listing_api.json"))
	os.WriteFile(evilName, data, 0o644)

	var runs []hostileRun
	for _, src := range []string{"listing_api.json", "listing_text.txt"} {
		for _, format := range []string{"text", "markdown", "json"} {
			runs = append(runs, hostileRun{
				name: src + " as " + format, args: []string{"list", hostileFile(src), "--format", format},
				markdown: format == "markdown", stdout: "end",
			})
		}
	}
	for _, format := range []string{"text", "markdown", "json"} {
		runs = append(runs, hostileRun{
			name: "tampered cache as " + format, args: []string{"list", "--offline", "--date", "2024-08-01", "--format", format},
			markdown: format == "markdown", stdout: "2401.00001", stderr: "offline",
		})
	}
	runs = append(runs,
		hostileRun{name: "file name in the Markdown title", args: []string{"list", evilName, "--format", "markdown"},
			markdown: true, stdout: "# Papers from "},
		hostileRun{name: "file name in an error", args: []string{"list", evilName + ".missing"},
			code: 1, stderr: `list\x1b]0;owned\a\u202e.json.missing"`},
		hostileRun{name: "argument in an error", args: []string{"list", "--search", "\x1b[2J\x1b]52;c;aGk=\x07q", "--offline"},
			code: 3, stderr: "q"},
		hostileRun{name: "bookmarks list", args: []string{"bookmarks", "list"}, stdout: "Bookmarked"},
		hostileRun{name: "bookmarks list --json", args: []string{"bookmarks", "list", "--json"}, stdout: "Bookmarked"},
		hostileRun{name: "bookmarks import", args: []string{"bookmarks", "import", evilName}, stdout: `list\x1b]0;owned\a\u202e.json"`},
		// A key spelled out: "quit\x9b…" must not read as the known action quit.
		hostileRun{name: "config show, hostile keys", args: []string{"--config", hostileFile("config_keys.toml"), "config", "show"},
			code: 1, stdout: "theme", stderr: `config_keys.toml:10: "keys.quit\u009b31m": unknown action`},
		hostileRun{name: "config show, raw controls", args: []string{"--config", hostileFile("config_syntax.toml"), "config", "show"},
			code: 1, stdout: "theme", stderr: "config_syntax.toml"},
	)
	for _, format := range []string{"text", "markdown"} {
		runs = append(runs, hostileRun{
			name: "read as " + format, args: []string{"read", hostileFile("fulltext_page.html"), "--format", format},
			markdown: format == "markdown", stdout: "Hostile",
		})
	}
	for _, format := range []string{"bibtex", "markdown", "json"} {
		runs = append(runs, hostileRun{
			name: "bookmarks export " + format, args: []string{"bookmarks", "export", "--format", format},
			markdown: format == "markdown", stdout: "Bookmarked",
		})
	}
	for _, format := range []string{"text", "markdown", "json"} {
		runs = append(runs,
			hostileRun{name: "arXiv snapshot as " + format, args: []string{"list", hostileFile("arxiv_snapshot.jsonl"), "--format", format},
				markdown: format == "markdown", stdout: "Hostile snapshot", stderr: "1 paper skipped: line 3"},
			hostileRun{name: "a bad item as " + format, args: []string{"list", hostileFile("bad_item.json"), "--format", format},
				markdown: format == "markdown", stdout: "2606.", stderr: "1 paper skipped: item 2"})
	}
	runs = append(runs,
		// Completion prints the bookmarks' tags as the shell's candidates.
		hostileRun{name: "completion of --tag", args: []string{"__complete", "list", "--tag", ""}, stdout: "- t\n"},
		hostileRun{name: "list --sort foryou", args: []string{"list", hostileFile("listing_api.json"), "--sort", "foryou", "--format", "text"},
			stdout: "Hostile"},
		hostileRun{name: "list --sort foryou --tag, an argument in the hint", args: []string{"list", hostileFile("listing_api.json"),
			"--sort", "foryou", "--tag", "\x1b[2J\x1b]52;c;aGk=\x07z"}, code: 1, stderr: "needs at least 3"},
		hostileRun{name: "read, an argument in an error", args: []string{"read", "\x1b]52;c;aGk=\x07x"}, code: 2, stderr: "neither a file"},
		hostileRun{name: "cache, a folder name", args: []string{"cache"}, env: []string{"XDG_CACHE_HOME=" + filepath.Join(home, "cache\x1b]0;owned\x07")},
			stdout: "full texts: 0 papers"},
		// Last: it writes the hostile argument into the bookmarks.
		hostileRun{name: "bookmarks tag, an argument", args: []string{"bookmarks", "tag", "2401.00001", "--add", "\x1b]0;owned\x07t"},
			stdout: "retagged 1 bookmark"},
		hostileRun{name: "bookmarks list --tag, after", args: []string{"bookmarks", "list", "--tag", "\x1b]0;owned\x07t"}, stdout: "2401.00001"},
	)
	for _, r := range runs {
		runHostile(t, home, r)
	}
}

// rawServer answers every request with the bytes of a response file (a
// status line Go's server would never send), then body.
func rawServer(t *testing.T, head string, body []byte) string {
	t.Helper()
	resp, err := os.ReadFile(hostileFile(head))
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		resp = append(resp, fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))...)
		resp = append(resp, body...)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				if _, err := http.ReadRequest(bufio.NewReader(conn)); err == nil {
					conn.Write(resp)
				}
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// A server's reason phrase reaches stderr in errors, the fallback notice,
// --verbose (even on 200) and bookmarks add: cleaned every time.
func TestHostileReasonPhrases(t *testing.T) {
	failing := rawServer(t, "http_reason_503.txt", nil)
	page, err := os.ReadFile(testdata("hf_daily_papers_2024-08-01.html"))
	if err != nil {
		t.Fatal(err)
	}
	working := rawServer(t, "http_reason_200.txt", page)
	hf := func(url string) []string { return []string{"PAPERDECK_HF_URL=" + url, "PAPERDECK_ARXIV_URL=" + url} }

	for _, r := range []hostileRun{
		{name: "list, 503 and nothing cached", args: []string{"list", "--date", "2024-07-30"}, env: hf(failing),
			code: 3, stderr: "503"},
		{name: "list, 503 with a cached copy", args: []string{"list", "--date", "2024-08-01", "--verbose"}, env: hf(failing),
			stdout: "2401.00001", stderr: "503"},
		{name: "list --verbose, 200", args: []string{"list", "--date", "2024-07-31", "--verbose"}, env: hf(working),
			stdout: "Llama", stderr: "200 OK"},
		{name: "bookmarks add, 503", args: []string{"bookmarks", "add", "2407.21783"}, env: hf(failing),
			code: 1, stderr: "503"},
	} {
		runHostile(t, hostileHome(t), r)
	}
}

// A config.toml kept in a dotfiles folder through a symlink stays a
// symlink when `config init --force` rewrites it.
func TestConfigInitForceWritesThroughASymlink(t *testing.T) {
	home := t.TempDir()
	dotfiles := filepath.Join(home, "dotfiles", "paperdeck.toml")
	os.MkdirAll(filepath.Dir(dotfiles), 0o755)
	os.WriteFile(dotfiles, []byte("theme = \"light\"\n"), 0o644)
	link := filepath.Join(home, "paperdeck", "config.toml")
	os.MkdirAll(filepath.Dir(link), 0o755)
	if err := os.Symlink(dotfiles, link); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if _, errOut, code := runPaperdeck(t, []string{"XDG_CONFIG_HOME=" + home}, "config", "init", "--force"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("config.toml is no longer a symlink: %v", err)
	}
	if got, _ := os.ReadFile(dotfiles); !strings.Contains(string(got), "[keys]") {
		t.Errorf("the dotfiles copy was not rewritten: %q", got)
	}
}

// A hand-edited tag with escapes or a line break is not offered by --tag
// completion: cleaned, or cut in two, it would match no bookmark.
func TestTagCompletionOffersOnlyTagsThatMatch(t *testing.T) {
	home := hostileHome(t)
	cmd := exec.Command(os.Args[0], "__complete", "bookmarks", "list", "--tag", "")
	cmd.Env = paperdeckEnv(home)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if got := lines[:len(lines)-1]; len(got) != 1 || got[0] != "- t" {
		t.Errorf("candidates %q, want only the tag that can be typed back, \"- t\"", got)
	}
}
