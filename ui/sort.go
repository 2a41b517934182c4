package ui

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/rank"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
)

// sortMode is the list's order; the sort key steps through them.
type sortMode int

const (
	byListing sortMode = iota
	byUpvotes
	byNewest
	forYou
	sortModes
)

// label is what the status bar says of the order ("" for the listing's own).
func (s sortMode) label() string {
	return [...]string{"", "by upvotes", "newest first", "for you"}[s]
}

// sorter is the list's order and the sort in flight: orders are computed
// off the screen's goroutine, and a new listing or sort cancels the one
// running.
type sorter struct {
	mode    sortMode
	tag     string // "for you" learns from the bookmarks with these tags ("rl #agents"), "" for all
	tagStep int    // after "for you" on all bookmarks, S steps through each tag's own (1 = the first tag)
	guard   guard
	ranking *rank.Ranking // the last "for you" ranking, for why and similar papers
	// keep is the paper the cursor stays on once the order lands: the one
	// a listing came back on (esc, r). "": a new order starts at its
	// first paper.
	keep string
	// held: the listing keeps its own order whatever the mode (papers
	// like one, the closest first) until S is pressed over it.
	held bool
}

// sortedMsg is an order for the listing of generation gen.
type sortedMsg struct {
	gen       int
	catalog   []uint32 // a snapshot's order, from its catalog (app_catalog.go)
	mode      sortMode
	positions []int
	scores    []float64
	ranking   *rank.Ranking
	err       error
}

// cycleSort steps to the next order.
func (m *App) cycleSort() tea.Cmd {
	if m.sort.held {
		m.sort.mode, m.sort.tagStep = byListing, 0 // its own order is what the user sees
	}
	if m.sort.mode == forYou && len(filter.QueryTags(m.rows().Query())) == 0 && m.sort.tagStep < len(m.rankableTags()) {
		m.sort.tagStep++ // "for you" for one tag, the most used first
	} else {
		m.sort.mode = (m.sort.mode + 1) % sortModes
		m.sort.tagStep = 0
	}
	m.sort.keep = ""
	cmd := m.applySort()
	if m.sort.mode == byListing {
		// The listing's order has no word in the status bar; say it came back.
		return tea.Batch(cmd, m.status.Flash(common.Info, "in the listing's order again"))
	}
	return cmd
}

// applySort orders the list as the mode says, in a command; the listing's
// own order needs none.
func (m *App) applySort() tea.Cmd {
	m.sort.ranking, m.sort.held = nil, false
	m.refreshBanner()
	if m.sort.mode == byListing {
		m.sort.guard.Stop()
		m.setOrder(nil, nil)
		m.updateStatusListing()
		return nil
	}
	papers := m.rows().List()
	if c := papers.Catalog(); c != nil {
		return m.sortCatalog(c)
	}
	// The papers as they are now, read in the command: the list's change
	// under it (details arrive, a stream appends). Nothing here walks them.
	papers = papers.Frozen()
	n := papers.Len()
	ctx, gen := m.sort.guard.Begin(m.ctx)
	m.updateStatusListing()
	mode := m.sort.mode
	switch mode {
	case byUpvotes:
		return func() tea.Msg {
			up := make([]int, n)
			for i := range n {
				up[i] = papers.At(i).Upvotes
			}
			return sortedMsg{gen: gen, mode: mode, positions: orderBy(n, func(a, b int) int { return cmp.Compare(up[b], up[a]) })}
		}
	case byNewest:
		return func() tea.Msg {
			day := make([]string, n)
			for i := range n {
				day[i] = papers.At(i).SortDate()
			}
			return sortedMsg{gen: gen, mode: mode, positions: orderBy(n, func(a, b int) int { return cmp.Compare(day[b], day[a]) })}
		}
	}
	// A filter asking for tags (tag:rl, #rl) makes the model learn from
	// those bookmarks only.
	tags := filter.QueryTags(m.rows().Query())
	if rankable := m.rankableTags(); len(tags) == 0 && m.sort.tagStep > 0 && m.sort.tagStep <= len(rankable) {
		tags = []string{rankable[m.sort.tagStep-1]}
	}
	m.sort.tag = strings.Join(tags, " #")
	var bookmarks []model.Paper
	for _, b := range m.marks.session() {
		if hasTags(b.Tags, tags) {
			bookmarks = append(bookmarks, b.Paper)
		}
	}
	known, _ := m.opts.Feed.(knownPapers)
	cache := rank.NewCache(m.opts.RankDir)
	tag := m.sort.tag
	return func() tea.Msg { return rankForYou(ctx, cache, gen, papers.All(), bookmarks, tag, known) }
}

// rankableTags are the tags (as keys, the most used first) with enough
// bookmarks for a model of their own: S offers "for you" for each.
func (m *App) rankableTags() []string {
	var tags []string
	for _, c := range m.marks.tags() {
		if c.Count >= rank.MinBookmarks {
			tags = append(tags, filter.TagKey(c.Tag))
		}
	}
	return tags
}

// knownPapers is a Feed that can list every paper its cache holds
// (*feed.Client can): the "for you" model learns from them too.
type knownPapers interface{ CachedPapers() []model.Paper }

func rankForYou(ctx context.Context, cache *rank.Cache, gen int, listing, bookmarks []model.Paper, tag string, known knownPapers) tea.Msg {
	req := rank.ForYou{Listing: listing, Bookmarks: bookmarks, Tag: tag}
	if known != nil && len(bookmarks) >= rank.MinBookmarks {
		req.Known = known.CachedPapers()
	}
	r, err := cache.Rank(ctx, req)
	if err != nil {
		return sortedMsg{gen: gen, mode: forYou, err: err}
	}
	positions := make([]int, len(r.Order))
	scores := make([]float64, len(listing))
	for i, s := range r.Order {
		positions[i] = s.Index
		scores[s.Index] = s.Score
	}
	return sortedMsg{gen: gen, mode: forYou, positions: positions, scores: scores, ranking: r}
}

// orderBy is the positions 0…n-1 sorted by less, equal ones in the
// listing's order.
func orderBy(n int, less func(a, b int) int) []int {
	pos := make([]int, n)
	for i := range pos {
		pos[i] = i
	}
	slices.SortStableFunc(pos, less)
	return pos
}

// handleSorted shows an order, unless a newer sort or listing came since.
// A ranking that cannot be made says why and goes back to the listing's
// order.
func (m *App) handleSorted(msg sortedMsg) tea.Cmd {
	if !m.sort.guard.Finish(msg.gen) {
		return nil
	}
	if msg.err != nil {
		m.sort.mode = byListing
		m.setOrder(nil, nil)
		m.updateStatusListing()
		var need *rank.NeedBookmarksError
		if errors.As(msg.err, &need) {
			how := ": bookmark papers with b"
			if need.Tag != "" {
				how = ": tag papers with T"
			}
			return m.status.Flash(common.Notice, need.Error()+how)
		}
		if errors.Is(msg.err, context.Canceled) {
			return nil
		}
		return m.status.Flash(common.Error, "cannot rank for you: "+msg.err.Error())
	}
	m.sort.ranking = msg.ranking
	if msg.catalog != nil {
		m.rows().SetCatalogOrder(msg.catalog)
		m.keepCursor()
	} else {
		m.setOrder(msg.positions, msg.scores)
	}
	m.updateStatusListing()
	m.refreshBanner()
	return m.selectionMoved("\x00")
}

// sortStatus is the status bar's word on the order.
func (m *App) sortStatus() string {
	switch {
	case m.sort.held:
		return ""
	case m.sort.guard.Busy() && m.sort.mode == forYou:
		return " · ranking for you…"
	case m.sort.guard.Busy():
		return " · sorting…"
	case m.sort.mode == forYou && m.sort.tag != "":
		return " · for you, #" + m.sort.tag
	case m.sort.mode != byListing:
		return " · " + m.sort.mode.label()
	}
	return ""
}

// resort orders a new listing (or a stream's whole) as the mode says,
// keeping the cursor on keepID when that paper is listed. Papers like
// one keep their order, the closest first.
func (m *App) resort(keepID string) tea.Cmd {
	m.sort.held = m.nav.listing.Period.Kind == similarKind
	if m.sort.held {
		m.sort.guard.Stop()  // an order still coming is the listing before's
		m.sort.ranking = nil // and so is its "for you" word on each paper
	}
	if m.sort.mode == byListing || m.sort.held {
		return nil
	}
	m.sort.keep = keepID
	return m.applySort()
}

// setOrder shows an order (nil: the listing's), the cursor on the paper
// it is to keep, else on the order's first.
func (m *App) setOrder(positions []int, scores []float64) {
	m.rows().SetOrder(positions, scores)
	m.keepCursor()
}

func (m *App) keepCursor() {
	if m.sort.keep != "" {
		m.rows().Select(m.sort.keep)
		m.sort.keep = ""
	}
}

// whyLine says why the paper ranks where it does in the "for you" order:
// its score and the terms that weigh most in it ("" in other orders).
func (m *App) whyLine(p model.Paper) string {
	r := m.sort.ranking
	if m.sort.mode != forYou || r == nil {
		return ""
	}
	score := r.Model.Score(p)
	terms := r.Model.Why(p, 6)
	if len(terms) == 0 {
		return fmt.Sprintf("for you %+.2f: nothing in it like your bookmarks", score)
	}
	words := make([]string, len(terms))
	for i, t := range terms {
		words[i] = t.Text
	}
	return fmt.Sprintf("for you %+.2f, for its words: %s", score, strings.Join(words, ", "))
}

// joinLines joins the non-empty lines.
func joinLines(lines ...string) string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// hasTags reports whether tags hold every one of want (tag keys).
func hasTags(tags, want []string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(tags, func(t string) bool { return filter.TagKey(t) == w }) {
			return false
		}
	}
	return true
}

// retagForYou trains "for you" again when an accepted filter asks for
// other tags than it learnt from.
func (m *App) retagForYou() tea.Cmd {
	if m.sort.mode != forYou || strings.Join(filter.QueryTags(m.rows().Query()), " #") == m.sort.tag {
		return nil
	}
	m.sort.keep = ""
	return m.applySort()
}
