package ui

import (
	"strconv"
)

func itoa(n int) string { return strconv.Itoa(n) }

// plural is "1 paper", "2 papers".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
