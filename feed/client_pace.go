package feed

import (
	"context"
	"time"
)

// pacer lets one request at a time through and keeps a gap between the end
// of one and the start of the next: arXiv asks for one request every 3 s.
type pacer struct {
	interval time.Duration
	slot     chan struct{}
	last     time.Time // end of the previous request; guarded by slot
}

func newPacer(interval time.Duration) *pacer {
	return &pacer{interval: interval, slot: make(chan struct{}, 1)}
}

// acquire waits for the slot and the gap; the caller must call release
// when its request is over (body read or failed).
func (p *pacer) acquire(ctx context.Context, now func() time.Time, sleep func(context.Context, time.Duration) error) (release func(), err error) {
	select {
	case p.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if !p.last.IsZero() {
		if wait := p.last.Add(p.interval).Sub(now()); wait > 0 {
			if err := sleep(ctx, wait); err != nil {
				<-p.slot
				return nil, err
			}
		}
	}
	return func() {
		p.last = now()
		<-p.slot
	}, nil
}
