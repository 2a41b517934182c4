package ui

const (
	minWidth  = 40 // below this (or minHeight) the screen says "terminal too small"
	minHeight = 8
	wideWidth = 120 // from here list and detail sit side by side
)

// size is the terminal's, from the last resize.
type size struct{ width, height int }

// known: a resize has said how large the terminal is.
func (s size) known() bool { return s.width > 0 && s.height > 0 }

func (s size) tooSmall() bool { return s.width < minWidth || s.height < minHeight }

// wide: the list and the detail side by side.
func (s size) wide() bool { return s.width >= wideWidth }

// split is the width of the list and of the detail side by side.
func (s size) split() (int, int) {
	lw := s.width * 9 / 20
	return lw, max(0, s.width-lw-1)
}
