package feed

import "github.com/paperdeck/paperdeck/model"

// Request says which listing to load. Period.Kind picks the source: Latest,
// Day, Week, Month, Trending and Search read Hugging Face, Arxiv reads an
// arXiv category, File reads a local file (Period.Value is its path).
type Request struct {
	Period  model.Period
	Refresh bool // by hand: skip the cache's freshness window
}

// Result is a listing with how it was obtained.
type Result struct {
	Listing model.Listing
	// Notice is for the user when the result is not fresh from the source,
	// e.g. "offline: cached copy from 2024-08-01 10:02"; "" otherwise.
	Notice string
	// Fallback says why the result is not fresh from the source and what
	// it is instead; nil when it is the live answer (or a fresh cache hit).
	Fallback *Fallback
}
