package ui

import (
	"path/filepath"
	"time"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/bookmarks"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// nav is where the reader is among listings: what is listed (its papers
// live in the list pane), the listings a search or the bookmarks put
// aside (one esc away each), and the listing request in flight. The
// App's load, step and back act through it.
type nav struct {
	listing  model.Listing
	loaded   bool
	shownGen int // the request whose cached copy (or first batch) is on screen
	history  []savedListing
	guard    guard // the listing request in flight
	// shownAs names a fallback on screen ("bundled snapshot of Thursday
	// 2024-08-01"), "" when the listing is the answer asked for.
	shownAs string
	// arxivAsked is the category a last asked for, loaded or not.
	arxivAsked string
	// file: the listing on screen was read from a local file; [ and ]
	// keep it one esc away.
	file bool
	// anchor is the day last listed (YYYY-MM-DD): d, w and m keep it while
	// it lies in the period on screen, so Thursday's w then d is Thursday.
	anchor string
}

// anchorIn is the day to convert p from: the anchor when p holds it, else
// p itself.
func (n *nav) anchorIn(p model.Period) model.Period {
	day := model.Period{Kind: model.Day, Value: n.anchor}
	start, err1 := p.Start()
	at, err2 := day.Start()
	end, err3 := p.Shift(1).Start()
	if err1 != nil || err2 != nil || err3 != nil || at.Before(start) || !at.Before(end) {
		return p
	}
	return day
}

// savedListing is a listing put aside by a search.
type savedListing struct {
	listing   model.Listing
	papers    list.Papers
	index     *filter.Index
	query     string
	abstracts bool
	id        string
	shownAs   string
	file      bool
}

// push puts a listing aside, when one was shown.
func (n *nav) push(s savedListing) {
	if n.loaded {
		n.history = append(n.history, s)
	}
}

// pop is the listing put aside last.
func (n *nav) pop() (savedListing, bool) {
	if len(n.history) == 0 {
		return savedListing{}, false
	}
	prev := n.history[len(n.history)-1]
	n.history = n.history[:len(n.history)-1]
	return prev, true
}

// neighbour is the period before or after a listing: the one the source
// names when it does, else the next by the calendar; never the future.
func neighbour(l model.Listing, dir int, now time.Time) (model.Period, bool) {
	next := l.Period.Shift(dir)
	switch {
	case dir < 0 && l.Prev.Dated():
		next = l.Prev
	case dir > 0 && l.Next.Dated():
		next = l.Next
	}
	if !next.Dated() || next == l.Period {
		return model.Period{}, false
	}
	if start, err := next.Start(); err != nil || (dir > 0 && start.After(now)) {
		return model.Period{}, false
	}
	return next, true
}

// searchQuery prefills the search line when a search is on screen.
func (n *nav) searchQuery() string {
	if n.listing.Period.Kind == model.Search {
		return n.listing.Period.Value
	}
	return ""
}

func sourceName(l model.Listing) string {
	switch {
	case l.Period.Kind == bookmarksKind, l.Period.Kind == similarKind:
		return "paperdeck"
	case l.Period.Kind == model.File:
		return "file"
	case l.Source == model.SourceArxiv || l.Period.Kind == model.Arxiv:
		return "arXiv"
	case l.Source == model.SourceFile:
		return "file"
	}
	return "Hugging Face"
}

// describePeriod names a period for people: "Saturday 2025-01-11",
// "week 2025-W02", "trending", the file's name.
func describePeriod(p model.Period) string {
	switch p.Kind {
	case "":
		return "the latest papers"
	case model.File:
		return filepath.Base(p.Value)
	case model.Search:
		return "search " + common.Quote(p.Value)
	case bookmarksKind:
		return "bookmarks"
	case similarKind:
		return "papers like " + common.Quote(p.Value)
	}
	return p.String()
}

// emptyText is what an empty listing says instead of rows.
func emptyText(l model.Listing) string {
	p := l.Period
	next := ""
	switch {
	case l.Next.Dated():
		next = " — ] for " + l.Next.String()
	case l.Prev.Dated():
		next = " — [ for " + l.Prev.String()
	case p.Dated():
		next = " — [ or ] for another " + string(p.Kind)
	}
	switch p.Kind {
	case model.Day:
		return "no papers on " + p.String() + next
	case model.Week, model.Month:
		return "no papers in " + p.String() + next
	case model.Search:
		return "no papers found for " + common.Quote(p.Value) + " — s to search again, esc to go back"
	case bookmarksKind:
		return bookmarks.Empty
	}
	return "no papers in " + describePeriod(p)
}
