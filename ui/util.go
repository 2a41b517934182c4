package ui

import (
	"strconv"
	"strings"
)

func itoa(n int) string { return strconv.Itoa(n) }

// quote puts typed text in quotes for the status bar.
func quote(s string) string { return "“" + s + "”" }

// plural is "1 paper", "2 papers".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// oneLine keeps the first line of an error message, so the status bar
// stays one line.
func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}
