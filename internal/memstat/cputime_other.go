//go:build !unix

package memstat

import "time"

// CPUTime is unknown here: benchmarks leave out cpu-ns/op.
func CPUTime() time.Duration { return -1 }
