package config

import (
	"path/filepath"

	"github.com/paperdeck/paperdeck/internal/paths"
)

// Path is where paperdeck looks for its config file: config.toml in
// paths.Config ($XDG_CONFIG_HOME/paperdeck, else ~/.config/paperdeck or the
// system's config folder on macOS and Windows).
func Path() (string, error) {
	d, err := paths.Config()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "config.toml"), nil
}
