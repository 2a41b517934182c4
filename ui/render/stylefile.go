package render

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"charm.land/glamour/v2/ansi"
)

// isStyleFile reports whether a Style names a glamour style file (the
// config's theme) rather than one of the built-in styles.
func isStyleFile(style Style) bool { return filepath.IsAbs(string(style)) }

// styleFile reads a glamour style file. The config checked it at start;
// read again here it may have changed, so errors are still reported.
func styleFile(path string) (ansi.StyleConfig, error) {
	f, err := os.Open(path)
	if err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("the theme's style file: %w", err)
	}
	defer f.Close()
	var cfg ansi.StyleConfig
	if err := json.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&cfg); err != nil {
		return ansi.StyleConfig{}, fmt.Errorf("the theme's style file %s: %w", filepath.Base(path), err)
	}
	return cfg, nil
}
