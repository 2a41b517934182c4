package model

// Listing is an ordered set of papers with what it is a listing of.
type Listing struct {
	Source Source `json:"source"`
	Period Period `json:"period"`
	// Prev and Next are the neighbouring periods when the source names them
	// (Hugging Face pages skip empty days this way); zero when unknown.
	Prev   Period  `json:"prev,omitzero"`
	Next   Period  `json:"next,omitzero"`
	Papers []Paper `json:"papers"`
}

// Empty reports whether the listing holds no papers (a weekend, a search
// without results): a normal state, not an error.
func (l Listing) Empty() bool { return len(l.Papers) == 0 }
