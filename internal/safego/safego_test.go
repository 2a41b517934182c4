package safego

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A panicking worker does not kill the test binary: its panic comes back
// out of Wait, in the waiting goroutine, with the worker's own stack.
func TestWorkerPanicIsRaisedByWait(t *testing.T) {
	var g Group
	done := make(chan int, 3)
	for i := range 3 {
		g.Go(func() {
			if i == 1 {
				panic("worker bug")
			}
			done <- i
		})
	}
	got := func() (r any) {
		defer func() { r = recover() }()
		g.Wait()
		return nil
	}()
	p, ok := got.(*Panic)
	if !ok {
		t.Fatalf("Wait raised %v (%T), want a *Panic", got, got)
	}
	if p.Value != "worker bug" || !strings.Contains(string(p.Stack), "safego_test.go") {
		t.Errorf("panic %v with stack:\n%s", p.Value, p.Stack)
	}
	if !strings.Contains(p.Error(), "worker bug") {
		t.Errorf("Error() = %q", p.Error())
	}
	if len(done) != 2 {
		t.Errorf("%d other workers finished, want 2", len(done))
	}
}

func TestWaitWithoutPanicReturns(t *testing.T) {
	var g Group
	n := 0
	g.Go(func() { n++ })
	g.Wait()
	if n != 1 {
		t.Errorf("worker ran %d times", n)
	}
}

// The group's context stops the other workers and their feeder once one
// has panicked, so nobody waits forever on a dead worker.
func TestPanicCancelsTheGroupContext(t *testing.T) {
	g, ctx := WithContext(context.Background())
	work := make(chan int)
	for range 2 {
		g.Go(func() {
			for range work {
				panic("bad item")
			}
		})
	}
	fed := 0
feed:
	for range 100 {
		select {
		case work <- 1:
			fed++
		case <-ctx.Done():
			break feed
		case <-time.After(5 * time.Second):
			t.Fatal("the feeder was left waiting on dead workers")
		}
	}
	close(work)
	func() {
		defer func() { recover() }()
		g.Wait()
	}()
	if fed > 2 {
		t.Errorf("fed %d items to 2 workers that panicked on the first", fed)
	}
}
