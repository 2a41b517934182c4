//go:build !unix

package filter

import "time"

// cpuTime is unknown here: the benchmarks leave out cpu-ns/op.
func cpuTime() time.Duration { return -1 }
