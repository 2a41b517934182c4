package render

// displayWidth is the width the tests hold every line to: the larger of
// the grapheme and the wcwidth count (see cellWidth).
func displayWidth(s string) int { return cellWidth(s) }
