package config

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
)

// Path is where paperdeck looks for its config file:
// $XDG_CONFIG_HOME/paperdeck/config.toml, else the system's config folder
// (~/.config on Linux, ~/Library/Application Support on macOS).
func Path() (string, error) {
	// The XDG spec says a relative value is invalid and must be ignored.
	xdg := os.Getenv("XDG_CONFIG_HOME")
	if xdg != "" && filepath.IsAbs(xdg) {
		return filepath.Join(xdg, "paperdeck", "config.toml"), nil
	}
	d, err := os.UserConfigDir()
	if err != nil && xdg != "" && runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		// UserConfigDir refuses a relative XDG_CONFIG_HOME instead of ignoring it.
		if home, herr := os.UserHomeDir(); herr == nil && home != "" {
			d, err = filepath.Join(home, ".config"), nil
		}
	}
	if err != nil || d == "" {
		return "", errors.New("cannot find a folder for the config file: set XDG_CONFIG_HOME or HOME")
	}
	return filepath.Join(d, "paperdeck", "config.toml"), nil
}
