package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/config"
	"github.com/spf13/cobra"
)

func TestVersionFlag(t *testing.T) {
	for _, flag := range []string{"--version", "-v"} {
		out, errOut, code := runPaperdeck(t, nil, flag)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || errOut != "" || len(lines) != 3 {
			t.Fatalf("%s: exit %d, stderr %q, stdout %q", flag, code, errOut, out)
		}
		// A test binary carries no VCS stamp: the commit is unknown.
		if !strings.HasPrefix(lines[0], "paperdeck ") || lines[1] != "commit unknown" ||
			!strings.HasPrefix(lines[2], "built with go1.") || !strings.Contains(lines[2], runtime.GOOS+"/"+runtime.GOARCH) {
			t.Errorf("%s:\n%s", flag, out)
		}
	}
}

func TestBuildVersionOf(t *testing.T) {
	stamped := &debug.BuildInfo{
		GoVersion: "go1.26.7",
		Main:      debug.Module{Path: "github.com/paperdeck/paperdeck", Version: "(devel)"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2025-01-09T10:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	installed := &debug.BuildInfo{GoVersion: "go1.26.7", Main: debug.Module{Version: "v1.4.0"}}
	for _, tc := range []struct {
		name            string
		info            *debug.BuildInfo
		version, commit string
		want            []string
	}{
		{"checkout", stamped, "", "", []string{"paperdeck dev", "commit 0123456789abcdef0123456789abcdef01234567 (2025-01-09T10:00:00Z), with uncommitted changes", "built with go1.26.7 "}},
		{"go install", installed, "", "", []string{"paperdeck v1.4.0", "commit unknown", "built with go1.26.7 "}},
		{"ldflags", stamped, "v2.0.0", "feedface", []string{"paperdeck v2.0.0", "commit feedface", "built with go1.26.7 "}},
		{"no build info", nil, "", "", []string{"paperdeck dev", "commit unknown", "built with " + runtime.Version()}},
	} {
		got := strings.Split(strings.TrimSpace(buildVersionOf(tc.info, tc.version, tc.commit).String()), "\n")
		if len(got) != 3 || got[0] != tc.want[0] || got[1] != tc.want[1] || !strings.HasPrefix(got[2], tc.want[2]) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// A real build in this checkout: the commit comes from the VCS stamp, the
// version from -ldflags -X.
func TestVersionOfARealBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("no git checkout:", err)
	}
	bin := filepath.Join(t.TempDir(), "paperdeck")
	build := exec.Command("go", "build", "-buildvcs=true", "-ldflags", "-X main.version=v9.9.9", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	if lines[0] != "paperdeck v9.9.9" || !strings.HasPrefix(lines[1], "commit "+strings.TrimSpace(string(head))) {
		t.Errorf("--version of a stamped build:\n%s", out)
	}
}

func TestConfigInit(t *testing.T) {
	home := t.TempDir()
	env := []string{"XDG_CONFIG_HOME=" + home}
	path := filepath.Join(home, "paperdeck", "config.toml")

	out, errOut, code := runPaperdeck(t, env, "config", "init")
	if code != 0 || strings.TrimSpace(out) != "wrote "+path {
		t.Fatalf("config init: exit %d, %q, %q", code, out, errOut)
	}
	written, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg, warns := config.Load(path); len(warns) != 0 || cfg.View != "hf:day" {
		t.Fatalf("the written file does not load cleanly: %v", warns)
	}
	for _, key := range []string{"view = ", "arxiv_categories = ", "theme = ", "browser = ", "date_format = ", "mouse = ", "[keys]", "open_page = [\"o\"]"} {
		if !strings.Contains(string(written), key) {
			t.Errorf("the written file lacks %q", key)
		}
	}

	// It never overwrites someone's settings unless told to.
	mine := []byte("theme = \"light\"\n")
	os.WriteFile(path, mine, 0o644)
	_, errOut, code = runPaperdeck(t, env, "config", "init")
	if got, _ := os.ReadFile(path); code == 0 || !bytes.Equal(got, mine) ||
		strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.Contains(errOut, "already exists") || !strings.Contains(errOut, "--force") {
		t.Fatalf("config init over a file: exit %d, stderr %q, file now %q", code, errOut, got)
	}
	if _, _, code = runPaperdeck(t, env, "config", "init", "--force"); code != 0 {
		t.Fatalf("config init --force: exit %d", code)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, written) {
		t.Fatal("--force did not write the defaults")
	}
}

func TestConfigPath(t *testing.T) {
	home := t.TempDir()
	out, _, code := runPaperdeck(t, []string{"XDG_CONFIG_HOME=" + home}, "config", "path")
	if want := filepath.Join(home, "paperdeck", "config.toml"); code != 0 || strings.TrimSpace(out) != want {
		t.Errorf("config path: %q, want %q", out, want)
	}
	other := filepath.Join(home, "other.toml")
	out, _, code = runPaperdeck(t, nil, "config", "path", "--config", other)
	if code != 0 || strings.TrimSpace(out) != other {
		t.Errorf("config path --config: %q, want %q", out, other)
	}
	// --config reaches config init too.
	if _, _, code = runPaperdeck(t, nil, "--config", other, "config", "init"); code != 0 {
		t.Fatal("config init --config failed")
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("config init --config wrote nothing at %s", other)
	}
}

func TestConfigShow(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, []byte("view = \"hf:week\"\n[keys]\nopen_page = [\"O\"]\n"), 0o644)
	out, errOut, code := runPaperdeck(t, nil, "config", "show", "--config", path)
	if code != 0 || errOut != "" || !strings.Contains(out, "view = \"hf:week\"") || !strings.Contains(out, "open_page = [\"O\"]") {
		t.Fatalf("config show: exit %d, stderr %q\n%s", code, errOut, out)
	}

	// A broken file: the defaults on stdout, the line on stderr, exit 1.
	os.WriteFile(path, []byte("view = \"hf:week\"\n\ntheme = light\n"), 0o644)
	out, errOut, code = runPaperdeck(t, nil, "config", "show", "--config", path)
	if code != 1 || !strings.Contains(out, "view = \"hf:day\"") || !strings.Contains(errOut, path+":3: theme: syntax error") {
		t.Fatalf("config show of a broken file: exit %d, stderr %q\n%s", code, errOut, out)
	}
	if strings.Contains(errOut, "goroutine") {
		t.Error("a stack trace on stderr")
	}

	// No file: the defaults, said so.
	out, _, code = runPaperdeck(t, nil, "config", "show", "--config", filepath.Join(dir, "none.toml"))
	if code != 0 || !strings.Contains(out, "does not exist: these are the defaults") {
		t.Errorf("config show without a file: exit %d\n%s", code, out)
	}
}

func TestManPage(t *testing.T) {
	roff, errOut, code := runPaperdeck(t, nil, "man")
	if code != 0 || errOut != "" || !strings.HasPrefix(roff, ".TH \"PAPERDECK\" \"1\"") {
		t.Fatalf("man: exit %d, stderr %q, starts %q", code, errOut, roff[:min(40, len(roff))])
	}
	for _, line := range strings.Split(roff, "\n") {
		if line != "" && line[0] != '.' && strings.ContainsAny(line, "\x1b") {
			t.Errorf("escape character in the page: %q", line)
		}
	}
	if _, err := exec.LookPath("man"); err != nil {
		t.Skip("no man command to render the page")
	}
	cmd := exec.Command("man", "--warnings=all", "-l", "-")
	cmd.Stdin = strings.NewReader(roff)
	cmd.Env = append(os.Environ(), "MANWIDTH=80", "MANPAGER=cat", "PAGER=cat", "LANG=C.UTF-8")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("man -l -: %v\n%s", err, stderr.String())
	}
	page := out.String()
	for _, want := range []string{
		"PAPERDECK(1)", "NAME", "paperdeck - read Hugging Face Daily Papers", "SYNOPSIS", "OPTIONS", "--no-color", "--ascii",
		"--config", "COMMANDS", "paperdeck config init", "paperdeck bookmarks export", "paperdeck completion bash|zsh|fish|powershell",
		"KEYS", "open the paper's page (open_page)", "CONFIGURATION", "date_format (default \"%Y-%m-%d\")",
		"arxiv_categories (default", "ENVIRONMENT", "PAPERDECK_HF_URL", "NO_COLOR", "FILES", "bookmarks.json", "EXIT STATUS",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the rendered page lacks %q", want)
		}
	}
	for _, s := range config.Settings() {
		if !strings.Contains(page, s.Key+" (default") {
			t.Errorf("the page does not document %s", s.Key)
		}
	}
	// Flags copy as typed: plain hyphens, no hyphenation.
	if strings.Contains(page, "−") || strings.Contains(page, "‐") {
		t.Error("the rendered page has typographic hyphens or minus signs")
	}
}

// completer writes a `paperdeck` on PATH that runs this test binary as
// paperdeck, as the completion script calls it by name.
func completer(t *testing.T, env ...string) []string {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	bin := t.TempDir()
	script := "#!/bin/sh\nPAPERDECK_RUN_MAIN=1 GORACE=atexit_sleep_ms=0 exec '" + os.Args[0] + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "paperdeck"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	return append(append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config")), env...)
}

// complete asks the completion script loaded in a plain bash (no
// bash-completion package) for each line's candidates.
func complete(t *testing.T, env []string, lines ...string) map[string]string {
	t.Helper()
	var script strings.Builder
	script.WriteString(`source <(paperdeck completion bash) || exit 3
comp() {
    COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
    read -ra COMP_WORDS <<<"$1"
    [[ "$1" == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    __start_paperdeck paperdeck "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" 2>/dev/null
    printf '%s\t%s\n' "$1" "${COMPREPLY[*]}"
}
`)
	for _, l := range lines {
		script.WriteString("comp '" + l + "'\n")
	}
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", script.String())
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, stderr.String())
	}
	got := map[string]string{}
	for _, row := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		line, reply, _ := strings.Cut(row, "\t")
		got[line] = reply
	}
	return got
}

func TestBashCompletion(t *testing.T) {
	env := completer(t)
	home := strings.TrimPrefix(env[len(env)-1], "XDG_CONFIG_HOME=")
	os.MkdirAll(filepath.Join(home, "paperdeck"), 0o755)
	os.WriteFile(filepath.Join(home, "paperdeck", "config.toml"), []byte(`arxiv_categories = ["hep-th", "cs.LG"]`), 0o644)
	got := complete(t, env,
		"paperdeck con", "paperdeck ", "paperdeck config ", "paperdeck --no", "paperdeck --wee",
		"paperdeck list --format ", "paperdeck list --format=m", "paperdeck bookmarks export --format ",
		"paperdeck --arxiv ", "paperdeck completion ", "paperdeck config init --f", "paperdeck bookmarks ",
	)
	for line, want := range map[string]string{
		"paperdeck con":                        "config",
		"paperdeck ":                           "bookmarks cache completion config help list man read",
		"paperdeck config ":                    "init path show",
		"paperdeck --no":                       "--no-color",
		"paperdeck --wee":                      "--week",
		"paperdeck list --format ":             "text markdown json",
		"paperdeck list --format=m":            "markdown",
		"paperdeck bookmarks export --format ": "bibtex markdown json",
		"paperdeck completion ":                "bash fish powershell zsh",
		"paperdeck config init --f":            "--force",
		"paperdeck bookmarks ":                 "add export import list remove tag",
	} {
		if got[line] != want {
			t.Errorf("%q completes to %q, want %q", line, got[line], want)
		}
	}
	// The config's categories first, then the usual ones.
	if !strings.HasPrefix(got["paperdeck --arxiv "], "hep-th cs.LG cs.CL") {
		t.Errorf("--arxiv completes to %q, want the config's hep-th and cs.LG first", got["paperdeck --arxiv "])
	}
}

func TestOtherShellsCompletion(t *testing.T) {
	for _, sh := range []string{"zsh", "fish", "powershell"} {
		out, errOut, code := runPaperdeck(t, nil, "completion", sh)
		if code != 0 || errOut != "" || !strings.Contains(out, "paperdeck") {
			t.Errorf("completion %s: exit %d, stderr %q", sh, code, errOut)
		}
		if _, err := exec.LookPath(sh); err == nil && sh == "zsh" {
			check := exec.Command("zsh", "-n")
			check.Stdin = strings.NewReader(out)
			if msg, err := check.CombinedOutput(); err != nil {
				t.Errorf("zsh -n: %v\n%s", err, msg)
			}
		}
	}
}

func TestDisplayOptions(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		noColor string
		want    displayOptions
	}{
		{nil, "", displayOptions{}},
		{[]string{"--no-color"}, "", displayOptions{NoColor: true}},
		{nil, "1", displayOptions{NoColor: true}},
		{[]string{"--ascii"}, "", displayOptions{ASCII: true}},
		{[]string{"--ascii", "--no-color"}, "", displayOptions{NoColor: true, ASCII: true}},
	} {
		t.Setenv("NO_COLOR", tc.noColor)
		root := newRootCmd()
		var got displayOptions
		root.RunE = func(cmd *cobra.Command, _ []string) error { got = displayOptionsOf(cmd); return nil }
		root.SetArgs(tc.args)
		if err := root.Execute(); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%v NO_COLOR=%q: %+v, want %+v", tc.args, tc.noColor, got, tc.want)
		}
	}
}
