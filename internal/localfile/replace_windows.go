package localfile

import (
	"os"
	"path/filepath"
)

// replace writes data to a temporary file beside target and renames it
// over target (a replacing rename on Windows). The temporary file is named
// as on other systems ("." + base + digits), so the stores' clean-up of a
// killed write finds it. Windows cannot fsync a folder, and has no modes
// to keep.
func replace(target string, data []byte) error {
	dir, base := filepath.Split(target)
	f, err := os.CreateTemp(filepath.Clean(dir), "."+base+"*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // fails once renamed, as it should
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), target)
}
