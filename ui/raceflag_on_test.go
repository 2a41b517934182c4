//go:build race

package ui

// raceOn: the race detector makes the renderer ~10× slower, so the
// property and corpus tests run fewer iterations under it (the ordinary
// run keeps the full count).
const raceOn = true
