package store

import (
	"errors"
	"os"
	"path/filepath"
)

// DataDir is where paperdeck keeps bookmarks and read marks:
// $XDG_DATA_HOME/paperdeck, else ~/.local/share/paperdeck. It does not create
// the folder; the first write does.
func DataDir() (string, error) {
	// The XDG spec says a relative value is invalid and must be ignored.
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "paperdeck"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("cannot find a folder for bookmarks: set XDG_DATA_HOME or HOME")
	}
	return filepath.Join(home, ".local", "share", "paperdeck"), nil
}

// BookmarksPath and ReadMarksPath are the default files in DataDir.
func BookmarksPath() (string, error) { return inDataDir("bookmarks.json") }

func ReadMarksPath() (string, error) { return inDataDir("readmarks.json") }

func inDataDir(name string) (string, error) {
	dir, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, name), nil
}
