package ui

import "testing"

// Closing a pane gives the keys back to where it was opened from, through
// every layer: the picker over the reader over the detail.
func TestFocusGoesBackTheWayItCame(t *testing.T) {
	f := focuses{}.to(focusDetail).reading().over(focusPicker)
	for _, want := range []focus{focusReader, focusDetail, focusList} {
		f = f.closed()
		if f.on != want {
			t.Fatalf("closed: focus %v, want %v", f.on, want)
		}
	}
	// A second message over the first still returns to the list.
	f = focuses{}.over(focusMessage).over(focusMessage).closed()
	if f.on != focusList {
		t.Errorf("message over message closed to %v, want the list", f.on)
	}
	// The help opened over the reader returns to it, and the reader
	// still to where it was opened from.
	f = focuses{}.to(focusDetail).reading().over(focusHelp).closed()
	if f.on != focusReader || f.closed().on != focusDetail {
		t.Errorf("help over the reader: %v, then %v", f.on, f.closed().on)
	}
}
