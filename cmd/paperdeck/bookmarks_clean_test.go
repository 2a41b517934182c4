package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bookmarks file edited by hand is cleaned like any input before export:
// no escape sequence of a title reaches a .bib file, not even its tail.
func TestExportCleansAHandEditedFile(t *testing.T) {
	data := t.TempDir()
	dir := filepath.Join(data, "paperdeck")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file := `{"version": 1, "bookmarks": [{"added": "2026-11-28T10:00:00Z", "paper": {"id": "2407.21783",
	  "title": "Llama\u001b]52;c;aGVsbG8=\u0007 Herd \u001b[2J\u202eof Models", "authors": ["Abhimanyu\u001b[31m Dubey"]}}]}`
	if err := os.WriteFile(filepath.Join(dir, "bookmarks.json"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"bibtex", "markdown", "json"} {
		out, errOut, code := runPaperdeck(t, []string{"XDG_DATA_HOME=" + data}, "bookmarks", "export", "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		for _, bad := range []string{"\x1b", "\\u001b", "]52;", "[2J", "[31m", "\u202e"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s export keeps %q:\n%s", format, bad, out)
			}
		}
		if !strings.Contains(out, "Herd") || !strings.Contains(out, "Dubey") {
			t.Errorf("%s export lost the text around the escapes:\n%s", format, out)
		}
	}
}
