package memstat

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

// ResetPeakRSS returns freed memory to the system and restarts the
// kernel's count of the process's peak resident set (Linux; elsewhere
// nothing), so that PeakRSS measures what follows.
func ResetPeakRSS() {
	runtime.GC()
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// PeakRSS is the process's peak resident set since ResetPeakRSS (or its
// start), in bytes; 0 where the system does not say (Linux's VmHWM).
func PeakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
