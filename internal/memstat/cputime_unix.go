//go:build unix

package memstat

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time the process has used, all threads: on a busy
// machine it shows the work a benchmark did when its wall time shows the
// queue. -1 where unknown.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
