package homepath

import (
	"path/filepath"
	"testing"
)

func TestTilde(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	if got := Tilde(filepath.Join(home, "data", "bookmarks.json")); got != filepath.Join("~", "data", "bookmarks.json") {
		t.Errorf("under home: %q", got)
	}
	if got := Tilde("/etc/passwd"); got != "/etc/passwd" {
		t.Errorf("elsewhere: %q", got)
	}
	if got := Tilde(home + "x/file"); got != home+"x/file" {
		t.Errorf("a sibling of home is not under it: %q", got)
	}
}
