// Package homepath shortens paths for messages a user reads.
package homepath

import (
	"os"
	"path/filepath"
	"strings"
)

// Tilde shortens a path under the home folder to ~/….
func Tilde(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return p
	}
	if rest, ok := strings.CutPrefix(p, home+string(filepath.Separator)); ok {
		return "~" + string(filepath.Separator) + rest
	}
	return p
}
