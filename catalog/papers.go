package catalog

import (
	"context"
	"runtime"
	"sync"

	"github.com/paperdeck/paperdeck/model"
)

// eachBatch is how many records a core reads and parses at a time: enough
// to make the hand-over cheap, few enough to hold (a few MB on every core).
const eachBatch = 256

// EachPaper calls fn with the whole record of each paper at positions, in
// their order (for printing millions: `paperdeck list --json`). Records
// are read by offset and parsed on every core, a batch at a time; fn runs
// on the caller's goroutine. It stops at fn's first error, a record that
// cannot be read (the file changed), or ctx cancelled, and returns that.
func (c *Catalog) EachPaper(ctx context.Context, positions []uint32, fn func(p model.Paper) error) error {
	batches := (len(positions) + eachBatch - 1) / eachBatch
	workers := min(runtime.GOMAXPROCS(0), batches)
	if workers <= 1 {
		return c.eachPaper(ctx, positions, fn)
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait() // after cancel: the goroutines stop at it
	defer cancel()

	type batch struct {
		positions []uint32
		papers    chan []model.Paper // one answer: nil when stopped
		err       error              // set before papers is sent on
	}
	jobs := make(chan *batch)
	inOrder := make(chan *batch, 2*workers) // bounds what is read ahead
	go func() {
		defer close(jobs)
		defer close(inOrder)
		for k := 0; k < len(positions); k += eachBatch {
			b := &batch{positions: positions[k:min(k+eachBatch, len(positions))], papers: make(chan []model.Paper, 1)}
			select {
			case inOrder <- b:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- b:
			case <-ctx.Done():
				b.papers <- nil
				return
			}
		}
	}()
	for range workers {
		wg.Go(func() {
			r, err := c.OpenRecords()
			if r != nil {
				defer r.Close()
			}
			for b := range jobs {
				var papers []model.Paper
				if err == nil {
					papers, err = readBatch(ctx, r, c, b.positions)
				}
				b.err = err
				b.papers <- papers
			}
		})
	}
	for b := range inOrder {
		papers := <-b.papers
		if b.err != nil {
			return b.err
		}
		if papers == nil {
			return ctx.Err()
		}
		for _, p := range papers {
			if err := fn(p); err != nil {
				return err
			}
		}
	}
	return ctx.Err()
}

// eachPaper is EachPaper on the caller's goroutine alone.
func (c *Catalog) eachPaper(ctx context.Context, positions []uint32, fn func(p model.Paper) error) error {
	if len(positions) == 0 {
		return nil
	}
	r, err := c.OpenRecords()
	if err != nil {
		return err
	}
	defer r.Close()
	for k := 0; k < len(positions); k += eachBatch {
		papers, err := readBatch(ctx, r, c, positions[k:min(k+eachBatch, len(positions))])
		if err != nil {
			return err
		}
		for _, p := range papers {
			if err := fn(p); err != nil {
				return err
			}
		}
	}
	return nil
}

func readBatch(ctx context.Context, r *Records, c *Catalog, positions []uint32) ([]model.Paper, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	papers := make([]model.Paper, len(positions))
	for k, i := range positions {
		p, err := r.Paper(c, int(i))
		if err != nil {
			return nil, err
		}
		papers[k] = p
	}
	return papers, nil
}
