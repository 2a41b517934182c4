package paths

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Each folder follows its XDG variable when it is absolute, and the home
// folder's default when it is unset or relative (the spec ignores those).
func TestFolders(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the defaults below are the Unix ones")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, tc := range []struct {
		env   string
		get   func() (string, error)
		under string
	}{
		{"XDG_CONFIG_HOME", Config, ".config"},
		{"XDG_DATA_HOME", Data, ".local/share"},
		{"XDG_CACHE_HOME", Cache, ".cache"},
		{"XDG_STATE_HOME", State, ".local/state"},
	} {
		t.Setenv(tc.env, "/srv/xdg")
		if got, err := tc.get(); err != nil || got != "/srv/xdg/paperdeck" {
			t.Errorf("%s=/srv/xdg: %q, %v", tc.env, got, err)
		}
		for _, v := range []string{"", "relative/ignored"} {
			t.Setenv(tc.env, v)
			want := filepath.Join(home, filepath.FromSlash(tc.under), "paperdeck")
			if got, err := tc.get(); err != nil || got != want {
				t.Errorf("%s=%q: %q, %v; want %q", tc.env, v, got, err, want)
			}
		}
	}
}

// Without a home folder or a variable, the error says what to set.
func TestNoHome(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("the home folder is not $HOME here")
	}
	t.Setenv("HOME", "")
	t.Setenv("XDG_DATA_HOME", "")
	_, err := Data()
	if err == nil || !strings.Contains(err.Error(), "set XDG_DATA_HOME or HOME") {
		t.Errorf("Data without a home: %v", err)
	}
}
