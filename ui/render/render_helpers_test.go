package render

import "github.com/paperdeck/paperdeck/internal/cellwidth"

// displayWidth is the width the tests hold every line to: the larger of
// the grapheme and the wcwidth count (see cellwidth.Of).
func displayWidth(s string) int { return cellwidth.Of(s) }
