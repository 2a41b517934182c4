// Package paths says where paperdeck keeps its files, by the XDG base
// directory spec: each folder comes from its XDG_*_HOME variable when that
// is an absolute path (the spec says a relative one is ignored), else from
// the usual place under the home folder (or the system's own place on
// macOS and Windows for the config and the cache). Nothing is created
// here; the first write does that.
package paths

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

const app = "paperdeck"

// Config is the folder of config.toml: $XDG_CONFIG_HOME/paperdeck, else
// ~/.config/paperdeck (~/Library/Application Support/paperdeck on macOS,
// %AppData%\paperdeck on Windows).
func Config() (string, error) {
	return folder("XDG_CONFIG_HOME", "the config file", os.UserConfigDir, ".config")
}

// Data is the folder of the bookmarks and read marks:
// $XDG_DATA_HOME/paperdeck, else ~/.local/share/paperdeck.
func Data() (string, error) {
	return folder("XDG_DATA_HOME", "bookmarks", nil, ".local", "share")
}

// Cache is the folder of cached pages and listings: $XDG_CACHE_HOME/paperdeck,
// else ~/.cache/paperdeck (~/Library/Caches/paperdeck on macOS,
// %LocalAppData%\paperdeck on Windows).
func Cache() (string, error) {
	return folder("XDG_CACHE_HOME", "the cache", os.UserCacheDir, ".cache")
}

// State is the folder of crash logs: $XDG_STATE_HOME/paperdeck, else
// ~/.local/state/paperdeck.
func State() (string, error) {
	return folder("XDG_STATE_HOME", "crash logs", nil, ".local", "state")
}

// folder is $env/paperdeck when env holds an absolute path, else the
// system's folder (system, on macOS and Windows, where there is one), else
// home/underHome…/paperdeck. what names the files in the error.
func folder(env, what string, system func() (string, error), underHome ...string) (string, error) {
	if d := os.Getenv(env); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, app), nil
	}
	if system != nil && (runtime.GOOS == "darwin" || runtime.GOOS == "windows") {
		if d, err := system(); err == nil && d != "" {
			return filepath.Join(d, app), nil
		}
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", fmt.Errorf("cannot find a folder for %s: set %s or HOME", what, env)
	}
	return filepath.Join(append(append([]string{home}, underHome...), app)...), nil
}
