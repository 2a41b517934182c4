// Package memstat measures the heap for the memory benchmarks.
package memstat

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// LiveHeap is the heap in use after two collections (memory an object
// held, such as an encoder's pooled buffer, goes only at the second).
func LiveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// SampleHeap records the largest heap seen until stop is called.
func SampleHeap(peak *atomic.Uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	})
	return func() { close(done); wg.Wait() }
}
