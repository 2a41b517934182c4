//go:build unix

package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A config.toml that is a FIFO or a link to a device gives one warning
// and the defaults at once, never a hang or a flood.
func TestSpecialFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	dev := filepath.Join(dir, "zero.toml")
	os.Symlink("/dev/zero", dev)
	for path, want := range map[string]string{fifo: "is a named pipe (FIFO), not a config file", dev: "is a device, not a config file"} {
		done := make(chan []Warning, 1)
		go func() { cfg, warns := Load(path); done <- warns; _ = cfg }()
		select {
		case warns := <-done:
			if len(warns) != 1 || !strings.Contains(warns[0].Msg, want) {
				t.Errorf("%s: warnings %v, want %q", filepath.Base(path), warns, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Load hangs", filepath.Base(path))
		}
	}
	if cfg, _ := Load(fifo); !reflect.DeepEqual(cfg, Default()) {
		t.Error("a refused file should leave the defaults")
	}
}
