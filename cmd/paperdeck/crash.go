package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/ui"
)

// exitCrashed is the exit status after a bug (EX_SOFTWARE).
const exitCrashed = 70

// crashed, deferred by main, turns a panic on the main goroutine (a
// command without the reader: list, bookmarks, config…) into a crash log
// and one line on stderr, as the reader does for its own.
func crashed() {
	if r := recover(); r != nil {
		os.Exit(reportPanic(r, debug.Stack(), ui.DefaultCrashDir(), os.Stderr))
	}
}

func reportPanic(r any, stack []byte, dir string, stderr io.Writer) int {
	if log := ui.WriteCrashLog(dir, r, stack); log != "" {
		// Straight to stderr, past the cleaner: the folder is spelled out
		// if $XDG_STATE_HOME holds escapes.
		fmt.Fprintf(stderr, "paperdeck: hit a bug and stopped; please report it with the crash log %s\n", termsafe.Name(log))
	} else {
		fmt.Fprintln(stderr, "paperdeck: hit a bug and stopped (the crash log could not be written)")
	}
	return exitCrashed
}
