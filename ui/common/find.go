package common

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Finder is a pane with an in-text find (the detail, the full text). The
// root opens the find line itself, in the same update as the find key: a
// message from the pane would come after the keys already queued behind
// the find key (a fast typist, a paste), and those must go into the line.
// The line opens empty in both panes (a / is a new find; n and N step
// through the last), and its query comes back by Find.
type Finder interface {
	// CanFind reports whether the pane has text to find in now.
	CanFind() bool
	Find(query string)
	FindStatus() string
}

// Find is an in-text find over a pane's lines (the detail's, the full
// text's): the lines that hold the query, the current one, what the
// status bar says and where to scroll to show it. The pane draws the
// highlights.
type Find struct {
	Query string
	Hits  []int // the lines holding Query, in order
	Hit   int   // the current one: an index into Hits
}

// Search finds query in lines (case-insensitive, styles aside); the
// current match is the first at or below line from.
func (f *Find) Search(query string, lines []string, from int) {
	f.Query, f.Hit = strings.TrimSpace(query), 0
	f.Refresh(lines)
	for i, h := range f.Hits {
		if h >= from {
			f.Hit = i
			break
		}
	}
}

// Refresh finds the query again in changed lines, keeping the current
// match's number when it is still there.
func (f *Find) Refresh(lines []string) {
	f.Hits = nil
	if f.Query != "" {
		needle := strings.ToLower(f.Query)
		for i, l := range lines {
			if strings.Contains(strings.ToLower(ansi.Strip(l)), needle) {
				f.Hits = append(f.Hits, i)
			}
		}
	}
	if f.Hit >= len(f.Hits) {
		f.Hit = 0
	}
}

// Step moves to the next (n > 0) or previous match, round the end; it
// reports whether there was one.
func (f *Find) Step(n int) bool {
	if len(f.Hits) == 0 {
		return false
	}
	f.Hit = (f.Hit + n%len(f.Hits) + len(f.Hits)) % len(f.Hits)
	return true
}

// Status says how the find went, for the status bar.
func (f *Find) Status() string {
	switch {
	case f.Query == "":
		return ""
	case len(f.Hits) == 0:
		return "no match for " + Quote(f.Query)
	}
	return Quote(f.Query) + ": match " + strconv.Itoa(f.Hit+1) + " of " + strconv.Itoa(len(f.Hits))
}

// Offset is the scroll offset that shows the current match (line numbers
// shifted by skip) in a view of h lines now at y: y itself while the
// match is on screen, else the match a third of the way down.
func (f *Find) Offset(y, h, skip int) int {
	if len(f.Hits) == 0 {
		return y
	}
	line := f.Hits[f.Hit] + skip
	if line < y || line >= y+h {
		return max(0, line-h/3)
	}
	return y
}
