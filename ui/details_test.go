package ui

import (
	"context"
	"testing"
)

// A paper's full record is asked for once; an answer overtaken by a newer
// ask is dropped and that paper asked for again; only the latest rest of
// the cursor is due.
func TestDetailsBookkeeping(t *testing.T) {
	d := newDetails()
	_, first := d.Ask(context.Background(), "2407.21783")
	if !d.Asked("2407.21783") || !d.Busy() {
		t.Fatal("an ask is not noted or not in flight")
	}
	ctx, second := d.Ask(context.Background(), "2407.21705")
	if d.Answered(first, "2407.21783") {
		t.Error("the answer to an overtaken ask was taken")
	}
	if d.Asked("2407.21783") {
		t.Error("an overtaken paper would not be asked for again")
	}
	if !d.Answered(second, "2407.21705") || d.Busy() || ctx.Err() == nil {
		t.Error("the latest answer was not taken, or its request not ended")
	}
	d.Merged("2407.21705")
	if !d.Full("2407.21705") || d.Full("2407.21783") {
		t.Error("merged records are not told apart")
	}
	a, b := d.Rest(), d.Rest()
	if d.Due(a) || !d.Due(b) {
		t.Error("a rest the cursor has left is still due")
	}
}
