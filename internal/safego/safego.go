// Package safego runs paperdeck's worker goroutines so that a bug in one
// never takes the process down with the terminal still in raw mode: the
// panic is caught in the worker, with its stack, and raised again in the
// goroutine that waits for the workers. That goroutine is a Bubble Tea
// command, whose own recover turns it into a crash log and a clean exit.
//
// A goroutine started with the go statement and no recover is the one
// panic nothing can catch; use a Group instead.
package safego

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"
)

// Panic is a panic caught in a worker: its value and the worker's stack
// (the stack of the goroutine that re-raises it says only who waited).
type Panic struct {
	Value any
	Stack []byte
}

func (p *Panic) Error() string { return fmt.Sprintf("panic in a worker: %v", p.Value) }

// Group is a sync.WaitGroup whose workers cannot crash the process.
type Group struct {
	wg     sync.WaitGroup
	cancel context.CancelFunc
	mu     sync.Mutex
	first  *Panic
}

// WithContext returns a Group and a context cancelled as soon as a worker
// panics, so the others (and whoever feeds them) can stop early.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

// Go runs fn in a new goroutine; a panic in fn is kept for Wait.
func (g *Group) Go(fn func()) {
	g.wg.Go(func() {
		defer func() {
			if r := recover(); r != nil {
				g.caught(&Panic{Value: r, Stack: debug.Stack()})
			}
		}()
		fn()
	})
}

func (g *Group) caught(p *Panic) {
	g.mu.Lock()
	if g.first == nil {
		g.first = p
	}
	g.mu.Unlock()
	if g.cancel != nil {
		g.cancel()
	}
}

// Wait waits for every worker, then raises the first worker's panic, if
// any, in the caller as a *Panic.
func (g *Group) Wait() {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel()
	}
	g.mu.Lock()
	p := g.first
	g.mu.Unlock()
	if p != nil {
		panic(p)
	}
}
