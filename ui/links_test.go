package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckURL(t *testing.T) {
	ok := map[string]string{
		"https://huggingface.co/papers/2407.21783": "https://huggingface.co/papers/2407.21783",
		"https://GitHub.com/meta-llama/llama3":     "https://github.com/meta-llama/llama3",
		"http://arxiv.org/abs/2407.21783":          "http://arxiv.org/abs/2407.21783",
		"https://example.org/a?b=c#d":              "https://example.org/a?b=c#d",
		"https://example.org:8443/x":               "https://example.org:8443/x",
		"http://dx.doi.org/10.1093/mnras/staa1777": "https://dx.doi.org/10.1093/mnras/staa1777",
		"http://doi.org/10/dtwcx3":                 "https://doi.org/10/dtwcx3",
	}
	for in, want := range ok {
		got, err := CheckURL(in)
		if err != nil || got != want {
			t.Errorf("CheckURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := []string{
		"",
		"-https://example.org",
		"--help",
		"javascript:alert(1)",
		"file:///etc/passwd",
		"ftp://example.org/x",
		"http://example.org/plain-http-to-an-unknown-host",
		"https:///no-host",
		"https://user:pass@example.org/",
		"https://example.org/a b",
		"https://example.org/\x1b[2J",
		"https://example.org/\u202eevil",
		"https://example.org/\nx",
		"//example.org/relative",
		"/papers/2407.21783",
		"https://example.org/" + strings.Repeat("a", 2100),
		"mailto:someone@example.org",
	}
	for _, in := range bad {
		if got, err := CheckURL(in); err == nil {
			t.Errorf("CheckURL(%q) accepted it as %q", in, got)
		}
	}
}

// TestBrowserOpener runs $BROWSER as a program with the URL as its one
// argument: no shell, so nothing in the URL is interpreted.
func TestBrowserOpener(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "args")
	script := filepath.Join(dir, "browser.sh")
	body := "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > " + out + "\necho noise\necho noise >&2\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	u, err := CheckURL("https://example.org/a?q=$(touch%20pwned);x=`id`")
	if err != nil {
		t.Fatal(err)
	}
	if err := BrowserOpener(script)(u); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for range 500 {
		if got, err = os.ReadFile(out); err == nil && len(got) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if want := "1\n" + u + "\n"; string(got) != want {
		t.Errorf("browser got %q, want %q", got, want)
	}
	if _, err := os.Stat("pwned"); err == nil {
		os.Remove("pwned")
		t.Errorf("the URL was run through a shell")
	}
	if err := BrowserOpener(filepath.Join(dir, "missing"))(u); err == nil {
		t.Errorf("a missing browser should be an error")
	}
}
