package ui

const (
	minWidth  = 40 // below this (or minHeight) the screen says "terminal too small"
	minHeight = 8
	wideWidth = 120 // from here list and detail sit side by side
)
