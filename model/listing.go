package model

import "fmt"

// Listing is an ordered set of papers with what it is a listing of.
type Listing struct {
	Source Source `json:"source"`
	Period Period `json:"period"`
	// Prev and Next are the neighbouring periods when the source names them
	// (Hugging Face pages skip empty days this way); zero when unknown.
	Prev   Period  `json:"prev,omitzero"`
	Next   Period  `json:"next,omitzero"`
	Papers []Paper `json:"papers"`
	// Skipped counts the items of the source that could not be read (a
	// title that is a number…); SkipReason says what was wrong with the
	// first. The other papers are listed.
	Skipped    int    `json:"skipped,omitempty"`
	SkipReason string `json:"skip_reason,omitempty"`
}

// SkipNote is the notice for the skipped items, "" when none were:
// "1 paper skipped: item 3: title is a JSON number, not a string".
func (l Listing) SkipNote() string {
	switch {
	case l.Skipped == 0:
		return ""
	case l.Skipped == 1:
		return "1 paper skipped: " + l.SkipReason
	}
	return fmt.Sprintf("%d papers skipped (the first, %s)", l.Skipped, l.SkipReason)
}

// Empty reports whether the listing holds no papers (a weekend, a search
// without results): a normal state, not an error.
func (l Listing) Empty() bool { return len(l.Papers) == 0 }
