//go:build !windows

package localfile

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// replace writes data to a temporary file beside target and renames it
// over target, then fsyncs the folder: the rename is durable only once
// the folder itself is on disk.
func replace(target string, data []byte) error {
	pf, err := renameio.NewPendingFile(target,
		renameio.WithTempDir(filepath.Dir(target)),
		renameio.WithPermissions(0o644),
		renameio.WithExistingPermissions())
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	if _, err := pf.Write(data); err != nil {
		return err
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return err
	}
	d, err := os.Open(filepath.Dir(target))
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
