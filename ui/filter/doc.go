// Package filter is the list filter's engine: an index of a listing's
// papers that answers a query per keystroke in milliseconds at 100,000
// papers, so the list can filter as the user types.
//
// The query language is package query's (see its doc): the catalog of a
// snapshot reads the same one. Results are ranked: papers whose title
// holds every query word, then those whose title holds some, then the
// rest, each group by upvotes (most first) and then in listing order. A
// query of qualifiers only keeps listing order. A qualifier the listing's
// papers know nothing about (up: on arXiv papers) is left out and the hint
// says so (query.Within). In abstract mode (Request.Abstracts, ctrl+a) a
// word may also start a word of the abstract or AI summary.
//
// # Using it from the UI
//
// Build the index in a tea.Cmd when a listing arrives; with a streaming
// load, extend it per batch (Extend costs only the batch and shares the
// rest). An Index never changes once built, so commands may query it
// concurrently:
//
//	ix := filter.New(papers)              // or ix = ix.Extend(batch)
//	m.seq++                               // in Update, per keystroke
//	req := filter.Request{Query: text, Seq: m.seq, Marks: marks}
//	prev := m.result                      // the result on screen
//	return func() tea.Msg {               // captures values, not the model
//		res, err := ix.Search(ctx, req, prev)
//		return filteredMsg{res, err}
//	}
//
//	// handling filteredMsg: drop a result older than the one shown
//	if msg.err == nil && msg.res.Newer(m.result) { m.result = msg.res }
//
// Passing the previous result makes a query that extends it ("flow" →
// "flow m") search only its matches; the answer is the same as from
// scratch, so passing nil is always correct, just slower. A result from a
// smaller index (before Extend) is fine: new papers are searched in full.
//
// Query(text, prev, marks) is the synchronous shorthand for the plain
// (non-abstract) filter; it is fast enough to call per keystroke.
// Abstract searches build an abstract index on first use (a second or two
// at 100,000 papers, on every core): run them in a command with a context
// cancelled when the user types on, or call PrepareAbstracts when ctrl+a
// is pressed. A cancelled search returns ctx.Err() and no result.
//
// Marks gives is: its sets as functions, called from the search's
// goroutine: hand it a snapshot (a copied map), and bump Marks.Gen when
// the marks change so an older is: result is not narrowed from.
// Marks.Library gives the bookmarks' tags and notes (NewLibrary, rebuilt
// when they change): tag:, note: and plain words read it. Each segment
// keeps its papers of the last library it saw, so a new library costs
// one pass over the ids and later keys cost only the bookmarks.
//
// Result.Matches holds positions in the listing (the order papers were
// given to New and Extend), best first. The index keeps the papers slices
// it was given, for the abstract index: do not modify them.
package filter
