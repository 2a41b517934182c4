package ui

type focus int

const (
	focusList focus = iota
	focusDetail
	focusHelp
	focusPicker
	focusMessage
	focusReader
)

// focuses is which pane has the keys, and where they go back to when a
// pane over it closes. App.setFocus applies it (the list dims its cursor
// without the keys).
type focuses struct {
	on       focus
	returnTo focus // where the help, the picker and the message box give the keys back
	readFrom focus // where the reader gives them back (the list or the detail)
}

func (f focuses) is(p focus) bool { return f.on == p }

// to is the focus moved to p, the panes to return to unchanged.
func (f focuses) to(p focus) focuses {
	f.on = p
	return f
}

// over is the focus with p opened over the pane that has the keys;
// opened over itself (a second message), p keeps the pane it returns to.
func (f focuses) over(p focus) focuses {
	if f.on != p {
		f.returnTo = f.on
	}
	f.on = p
	return f
}

// reading is the focus with the reader opened, over the list or the
// detail; opened again from the reader, it keeps where it returns to.
func (f focuses) reading() focuses {
	if f.on != focusReader {
		f.readFrom = f.on
	}
	f.on = focusReader
	return f
}

// closed is the focus once the focused pane closes (back).
func (f focuses) closed() focuses { return f.to(f.back()) }

// back is the pane the keys go back to when the focused one closes: the
// help, the picker and the message box to where they were opened, the
// reader to where it was opened from, the detail to the list.
func (f focuses) back() focus {
	switch f.on {
	case focusHelp, focusPicker, focusMessage:
		return f.returnTo
	case focusReader:
		return f.readFrom
	}
	return focusList
}
