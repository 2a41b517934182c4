package ui

import "context"

// details is what the reader knows of the papers' full records (code
// link, stars, AI summary): which were merged, which were asked for, the
// request in flight, and the cursor's latest rest, which may start one.
// The App fetches and merges through commands; this type keeps the
// bookkeeping consistent.
type details struct {
	inFlight guard
	full     map[string]bool // papers whose full record was merged
	asked    map[string]bool // papers whose full record was asked for
	rest     int             // the cursor's latest rest
}

func newDetails() *details {
	return &details{full: map[string]bool{}, asked: map[string]bool{}}
}

// Full reports whether the paper's full record was merged.
func (d *details) Full(id string) bool { return d.full[id] }

// Merged notes that the paper's full record was merged.
func (d *details) Merged(id string) { d.full[id] = true }

// Asked reports whether the paper's full record was asked for (once is
// enough, unless the request was cancelled).
func (d *details) Asked(id string) bool { return d.asked[id] }

// Ask starts the request for a paper's full record, cancelling the one
// in flight.
func (d *details) Ask(parent context.Context, id string) (context.Context, int) {
	d.asked[id] = true
	return d.inFlight.Begin(parent)
}

// Answered reports whether the answer of request gen is still wanted; a
// cancelled request is forgotten, so the paper is asked for again.
func (d *details) Answered(gen int, id string) bool {
	if !d.inFlight.Finish(gen) {
		delete(d.asked, id)
		return false
	}
	return true
}

// Rest notes that the cursor came to rest and numbers the rest.
func (d *details) Rest() int {
	d.rest++
	return d.rest
}

// Due reports whether rest seq is the latest: the cursor has not moved.
func (d *details) Due(seq int) bool { return seq == d.rest }

// Busy reports a request in flight; Stop cancels it.
func (d *details) Busy() bool { return d.inFlight.Busy() }
func (d *details) Stop()      { d.inFlight.Stop() }
