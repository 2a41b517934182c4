package store

import (
	"path/filepath"

	"github.com/paperdeck/paperdeck/internal/paths"
)

// BookmarksPath and ReadMarksPath are the default files, in paths.Data
// ($XDG_DATA_HOME/paperdeck, else ~/.local/share/paperdeck).
func BookmarksPath() (string, error) { return inDataDir("bookmarks.json") }

func ReadMarksPath() (string, error) { return inDataDir("readmarks.json") }

func inDataDir(name string) (string, error) {
	dir, err := paths.Data()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}
