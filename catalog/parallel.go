package catalog

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// onEveryCore runs do(j) for each j in [0, n) on every core, a worker
// taking the next j as it finishes one, so a slow chunk does not hold the
// others back. It hands out no more work once ctx is cancelled.
func onEveryCore(ctx context.Context, n int, do func(j int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				j := int(next.Add(1) - 1)
				if j >= n || ctx.Err() != nil {
					return
				}
				do(j)
			}
		})
	}
	wg.Wait()
}

// coreParts is how many parts a list of positions is cut into so that
// each core gets one (nthPart).
func coreParts() int { return runtime.GOMAXPROCS(0) }

// nthPart is the w-th of n nearly equal parts of s.
func nthPart(s []uint32, w, n int) []uint32 {
	return s[len(s)*w/n : len(s)*(w+1)/n]
}
