// Package list is the list pane: one row per paper of the current
// listing, the cursor, and the filter that narrows it as you type.
package list

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

// Model shows one row per paper of the current listing. It renders only
// the rows on screen, from a cache of rows by paper, so a keypress costs
// the same with 100 papers as with 100,000: nothing here walks the
// listing, except a new filter result (positions, not papers) and a
// paper's update (ids).
type Model struct {
	keys   common.ScrollKeys
	styles common.Styles
	width  int
	height int

	papers    Papers
	index     *filter.Index // of papers, for the filter
	gen       int           // per listing, from gens: older filter answers are dropped
	streaming bool          // more papers are on their way
	want      string        // a reloaded listing's paper to put the cursor on when it arrives
	filt      listFilter
	inlineMax int // listings up to this size are filtered in Update
	cursor    int // position in the shown papers
	offset    int // first shown position on screen
	empty     string

	order      order // the sort: upvotes, newest, for you (order.go)
	marks      Marks
	blurred    bool                          // the detail beside it has the keys
	dateFormat func(published string) string // the config's date_format; nil: as written

	rows  []string
	view  string         // rows joined: all View returns
	cache map[int]string // rendered rows off the cursor, by paper position
}

// gens numbers the listings of every list (the listing pane's and the
// bookmarks view's), so a filter's answer is taken only by the list and
// the listing that asked.
var gens atomic.Int64

// rowCacheMax bounds the row cache; a screenful is ~50 rows, so this only
// saves re-rendering while scrolling back and forth.
const rowCacheMax = 4096

// forget drops the cached rows after a change of width, styles or marks.
func (l *Model) forget() { l.cache = nil }

// New builds the pane; dateFormat writes a paper's date as the config
// asks (nil: as written).
func New(c common.Common, dateFormat func(published string) string) *Model {
	l := &Model{
		keys: common.NewScrollKeys(c.Keys, keymap.List), styles: c.Styles, empty: "loading…",
		index: filter.New(nil), inlineMax: inlineFilterMax, dateFormat: dateFormat,
	}
	l.SetSize(c.Width, c.Height)
	return l
}

// SetInlineFilterMax changes the largest listing filtered in Update (tests
// and benchmarks reach the background search with small listings).
func (l *Model) SetInlineFilterMax(n int) { l.inlineMax = n }

func (l *Model) SetSize(w, h int) {
	if w != l.width {
		l.forget()
	}
	l.width, l.height = w, h
	l.scrollToCursor()
	l.refresh()
}

func (l *Model) SetStyles(s common.Styles) {
	l.styles = s
	l.forget()
	l.refresh()
}

// SetListing replaces the papers (index must be built from them; nil for
// none) and puts the cursor back on keepID when that paper is still there.
// A filter on screen is asked again of the new papers: the command, if
// any, is that search. streaming says that Append will bring more.
func (l *Model) SetListing(ctx context.Context, papers Papers, index *filter.Index, empty, keepID string, streaming bool) tea.Cmd {
	if index == nil {
		index = filter.New(nil)
	}
	l.papers, l.index, l.empty, l.streaming = papers, index, empty, streaming
	l.gen = int(gens.Add(1))
	l.forget()
	l.filt.cancel()
	l.filt.res, l.filt.catalog = nil, catalogFilter{}
	l.order = order{} // another listing's order would not fit
	l.cursor, l.offset = 0, 0
	var cmd tea.Cmd
	if l.filt.active() {
		cmd = l.runFilter(ctx)
	}
	l.want = ""
	if keepID != "" && !l.selectID(keepID) && streaming {
		l.want = keepID // it may be in a later batch
	}
	l.scrollToCursor()
	l.refresh()
	return cmd
}

// Append adds batches of a streamed listing; index, when not nil, covers
// the papers so far (it may lag the batches by less than a segment). The
// cursor stays where it is, unless it waits for the paper it was on
// before a reload; a filter on screen searches the grown index again, one
// search at a time.
func (l *Model) Append(ctx context.Context, index *filter.Index, batches ...[]model.Paper) tea.Cmd {
	for _, b := range batches {
		from := l.papers.Len()
		l.papers.Append(b)
		if l.want != "" && l.filt.res == nil {
			for i := range b {
				if b[i].ID == l.want {
					l.cursor, l.want = from+i, ""
					l.scrollToCursor()
					break
				}
			}
		}
	}
	var cmd tea.Cmd
	if index != nil && index != l.index {
		l.index = index
		cmd = l.refilterGrown(ctx)
	}
	l.refresh()
	return cmd
}

// refilterGrown asks a filter on screen again of a grown listing, one
// search at a time: one running asks again when it lands.
func (l *Model) refilterGrown(ctx context.Context) tea.Cmd {
	switch {
	case !l.filt.active():
	case l.filt.busy:
		l.filt.stale = true
	default:
		return l.runFilter(ctx)
	}
	return nil
}

// StreamDone says the listing is complete.
func (l *Model) StreamDone() { l.streaming, l.want = false, "" }

// SetEmpty changes what the pane says while there is nothing to list.
func (l *Model) SetEmpty(msg string) {
	l.empty = msg
	l.refresh()
}

// RestoreFilter sets the filter without searching: the next SetListing
// searches its papers.
func (l *Model) RestoreFilter(query string, abstracts bool) {
	l.filt.query, l.filt.abstracts = query, abstracts
}

// SetFilter filters the list with query, searching abstracts too when
// abstracts is set. The answer is on screen when it returns nil, else the
// command brings it (a FilteredMsg for Filtered).
func (l *Model) SetFilter(ctx context.Context, query string, abstracts bool) tea.Cmd {
	if query == l.filt.query && abstracts == l.filt.abstracts {
		return nil
	}
	l.filt.query, l.filt.abstracts = query, abstracts
	return l.runFilter(ctx)
}

// runFilter asks the engine for the current query, cancelling the search
// in flight (unless a catalog's narrows into it): in Update for a small
// listing, else in a command.
func (l *Model) runFilter(ctx context.Context) tea.Cmd {
	f := &l.filt
	after := l.narrowedRun() // a catalog search the new query narrows goes on (catalog.go)
	if after == nil {
		f.cancel()
	}
	f.seq++
	if !f.active() {
		l.show(nil, f.seq)
		return nil
	}
	if c := l.papers.Catalog(); c != nil {
		return l.catalogFilterCmd(ctx, c, after)
	}
	req := filter.Request{Query: f.query, Abstracts: f.abstracts, Seq: f.seq, Marks: l.filterMarks(f.query)}
	if !f.abstracts && l.index.Len() <= l.inlineMax {
		res, err := l.index.Search(context.Background(), req, f.res)
		if err == nil {
			l.show(res, res.Seq)
		}
		return nil
	}
	ctx, stop := context.WithCancel(ctx)
	f.stop, f.busy = stop, true
	return filterCmd(ctx, l.index, req, f.res, l.gen)
}

// Filtered takes a background search's answer. It reports whether the
// screen changed; the command is the next search when the listing grew
// while this one ran.
func (l *Model) Filtered(ctx context.Context, msg FilteredMsg) (changed bool, cmd tea.Cmd) {
	if msg.gen != l.gen {
		return false, nil // another listing's
	}
	if msg.more != nil {
		return l.filteredStep(msg)
	}
	f := &l.filt
	again := false
	if msg.seq == f.seq && f.busy {
		again = f.stale && msg.err == nil
		f.stop() // over: release its context
		f.stop, f.busy, f.stale = nil, false, false
	}
	if msg.err == nil && msg.res != nil && msg.seq > f.shownSeq {
		f.catalog = msg.catalog
		l.show(msg.res, msg.seq)
		changed = true
	}
	if again {
		cmd = l.runFilter(ctx)
	}
	return changed, cmd
}

// show puts a result on screen (nil: every paper). The answer to a new
// query starts at its best match; the same query asked again of a grown
// listing, or the filter cleared, keeps the cursor on its paper.
func (l *Model) show(res *filter.Result, seq uint64) {
	pos, had := l.selectedPos()
	newQuery := res != nil && (l.filt.res == nil || res.Query != l.filt.res.Query || res.Abstracts != l.filt.res.Abstracts)
	l.filt.res, l.filt.shownSeq = res, seq
	l.sortMatches()
	l.filt.hint = ""
	if res != nil {
		l.filt.hint = res.Hint
	}
	l.cursor = 0
	if had && !newQuery {
		l.selectPos(pos)
	}
	l.scrollToCursor()
	l.refresh()
}

// Filtering reports whether a background search is running, and whether
// it searches abstracts.
func (l *Model) Filtering() (busy, abstracts bool) { return l.filt.busy, l.filt.abstracts }

// FilterHint explains a part of the query that was left out.
func (l *Model) FilterHint() string { return l.filt.hint }

// SetBlurred dims the cursor while the detail beside the list has focus.
func (l *Model) SetBlurred(b bool) {
	if l.blurred != b {
		l.blurred = b
		l.refresh()
	}
}

// Marks are what the list shows beside titles, by paper id.
type Marks struct {
	Read   map[string]bool
	Marked map[string]bool   // bookmarked
	Fresh  map[string]bool   // new since the listing's last visit
	Tags   map[string]string // a bookmark's tags, "#rl #to-read"
	// Library is the bookmarks' tags and notes for the filter; a new one
	// when they change.
	Library *filter.Library
}

// SetMarks gives the read, bookmarked and new papers and the tags.
func (l *Model) SetMarks(m Marks) {
	l.marks = m
	l.filt.marksGen++
	l.forget()
	l.refresh()
}

// Refilter asks the filter again, e.g. once the bookmarks changed (tag:,
// note: and plain words read their tags and notes): nil when no filter is
// on or the answer is already on screen.
func (l *Model) Refilter(ctx context.Context) tea.Cmd {
	if !l.filt.active() {
		return nil
	}
	return l.runFilter(ctx)
}

// UpdatePaper replaces a paper in place (e.g. once its details arrive).
func (l *Model) UpdatePaper(p model.Paper) {
	for _, pos := range l.papers.Find(p.ID) {
		l.papers.Set(pos, p)
		delete(l.cache, pos)
	}
	l.refresh()
}

// ReplacePaper puts p where the paper oldID is listed: the same paper under
// its arXiv id, found by its title.
func (l *Model) ReplacePaper(oldID string, p model.Paper) {
	for _, pos := range l.papers.Find(oldID) {
		l.papers.Set(pos, p)
		delete(l.cache, pos)
	}
	l.refresh()
}

// Find is the listed paper with id.
func (l *Model) Find(id string) (model.Paper, bool) {
	if p, ok := l.Selected(); ok && p.ID == id {
		return p, true
	}
	if pos := l.papers.Find(id); len(pos) > 0 {
		return l.papers.At(pos[0]), true
	}
	return model.Paper{}, false
}

func (l *Model) Query() string        { return l.filt.query }
func (l *Model) Abstracts() bool      { return l.filt.abstracts }
func (l *Model) Total() int           { return l.papers.Len() }
func (l *Model) Shown() int           { return l.shownLen() }
func (l *Model) Streaming() bool      { return l.streaming }
func (l *Model) List() Papers         { return l.papers }
func (l *Model) Index() *filter.Index { return l.index }

// shownLen and shownAt read the filter's result, or every paper when
// there is none, without materialising the identity list.
func (l *Model) shownLen() int {
	if l.filt.res == nil {
		return l.papers.Len()
	}
	return len(l.filt.res.Matches)
}

func (l *Model) shownAt(i int) int {
	switch {
	case l.filt.res != nil && l.order.matches != nil:
		return l.order.matches[i]
	case l.filt.res != nil:
		return l.filt.res.Matches[i]
	case i < len(l.order.by):
		return l.order.by[i]
	}
	return i
}

// Selected is the paper under the cursor.
func (l *Model) Selected() (model.Paper, bool) {
	pos, ok := l.selectedPos()
	if !ok {
		return model.Paper{}, false
	}
	return l.papers.At(pos), true
}

func (l *Model) selectedPos() (int, bool) {
	if l.cursor < 0 || l.cursor >= l.shownLen() {
		return 0, false
	}
	return l.shownAt(l.cursor), true
}

// SelectedID is the id of the paper under the cursor ("" for none).
func (l *Model) SelectedID() string {
	p, _ := l.Selected()
	return p.ID
}

// selectPos puts the cursor on the paper at pos if it is shown.
func (l *Model) selectPos(pos int) {
	if l.filt.res == nil {
		if pos < l.papers.Len() {
			l.cursor = l.placeOf(pos)
		}
		return
	}
	for i, n := 0, l.shownLen(); i < n; i++ {
		if l.shownAt(i) == pos {
			l.cursor = i
			return
		}
	}
}

// Select puts the cursor on the paper with id when it is shown (a new
// order starts at its first paper; the root keeps a paper it came back
// to). It looks the paper up by id, not row by row.
func (l *Model) Select(id string) {
	if pos := l.papers.Find(id); len(pos) > 0 {
		l.want = ""
		l.selectPos(pos[0])
		l.scrollToCursor()
		l.refresh()
	}
}

func (l *Model) selectID(id string) bool {
	for i, n := 0, l.shownLen(); i < n; i++ {
		if l.papers.At(l.shownAt(i)).ID == id {
			l.cursor = i
			return true
		}
	}
	return false
}

// Update moves the cursor with the move keys and the wheel.
func (l *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		l.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			l.move(-1)
		case tea.MouseWheelDown:
			l.move(1)
		}
	}
	return nil
}

func (l *Model) handleKey(msg tea.KeyPressMsg) {
	half := max(1, l.height/2)
	switch {
	case key.Matches(msg, l.keys.Up):
		l.move(-1)
	case key.Matches(msg, l.keys.Down):
		l.move(1)
	case key.Matches(msg, l.keys.Top):
		l.move(-l.shownLen())
	case key.Matches(msg, l.keys.Bottom):
		l.move(l.shownLen())
	case key.Matches(msg, l.keys.HalfUp):
		l.move(-half)
	case key.Matches(msg, l.keys.HalfDown):
		l.move(half)
	case key.Matches(msg, l.keys.PageUp):
		l.move(-max(1, l.height))
	case key.Matches(msg, l.keys.PageDown):
		l.move(max(1, l.height))
	}
}

func (l *Model) move(n int) {
	l.want = "" // the reader has moved on
	l.cursor = max(0, min(l.cursor+n, l.shownLen()-1))
	l.scrollToCursor()
	l.refresh()
}

func (l *Model) scrollToCursor() {
	h := max(1, l.height)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, l.shownLen()-h))
}

// Nothing says what the pane says instead of rows (and what to do next),
// and whether it is saying it: no paper is on show.
func (l *Model) Nothing() (string, bool) {
	if l.shownLen() > 0 {
		return "", false
	}
	switch {
	case l.papers.Len() == 0:
		return l.empty, true
	case l.filt.busy:
		return "filtering…", true
	}
	return fmt.Sprintf("no paper matches %q — esc clears the filter", l.filt.query), true
}

// refresh renders the rows on screen; nothing else is ever rendered.
func (l *Model) refresh() {
	l.rows = l.rows[:0]
	defer func() { l.view = strings.Join(l.rows, "\n") }()
	if l.width <= 0 || l.height <= 0 {
		return
	}
	n := l.shownLen()
	if n == 0 {
		msg, _ := l.Nothing()
		l.rows = append(l.rows, l.styles.Empty.Render(common.Truncate(" "+termsafe.Line(msg), l.width)))
		return
	}
	if l.cache == nil || len(l.cache) > rowCacheMax {
		l.cache = make(map[int]string, 2*l.height)
	}
	end := min(n, l.offset+l.height)
	for i := l.offset; i < end; i++ {
		pos := l.shownAt(i)
		if i == l.cursor {
			l.rows = append(l.rows, l.row(l.papers.At(pos), true, l.scoreMark(pos)))
			continue
		}
		r, ok := l.cache[pos]
		if !ok {
			r = l.row(l.papers.At(pos), false, l.scoreMark(pos))
			l.cache[pos] = r
		}
		l.rows = append(l.rows, r)
	}
}

// arxivMark tells a cross-list or a replacement on an arXiv
// new-submissions page from a new paper.
var arxivMark = map[string]string{model.ListedCross: "[cross] ", model.ListedReplacement: "[replaced] "}

// minTitleW is the least of a title a row keeps beside a bookmark's tags.
const minTitleW = 24

// row lays out one paper: cursor, unread, bookmark, score and code marks,
// the title cut to the room left, upvotes and (when wide enough) the date.
func (l *Model) row(p model.Paper, selected bool, score string) string {
	const markW, upW = 8, 7
	dateW := l.dateWidth()
	w := l.width
	showDate := w >= 70
	titleW := w - markW - upW
	if showDate {
		titleW -= dateW
	}
	titleW = max(0, titleW)

	cursor, unread, mark, code := " ", " ", " ", "   "
	if selected {
		cursor = "▸"
	}
	switch {
	case l.marks.Fresh[p.ID]:
		unread = "+" // new since the last visit
	case !l.marks.Read[p.ID]:
		unread = "•"
	}
	if l.marks.Marked[p.ID] {
		mark = "★"
	}
	if p.HasCode() {
		code = "</>"
	}
	marks := cursor + unread + mark + score + code + " "
	// Cleaned here too: a record need not have come through the parsers
	// (a hand-edited bookmarks file).
	text := arxivMark[p.ArxivListing] + common.Title(p)
	if tags := l.marks.Tags[p.ID]; tags != "" {
		tags = termsafe.Line(tags)
		// A long title is cut to keep the tags in view, while at least
		// minTitleW cells of it are left; else the tags are cut.
		if room := titleW - 2 - common.CellWidth(tags); room >= minTitleW {
			text = common.Truncate(text, room)
		}
		text += "  " + tags
	}
	title := common.PadRight(text, titleW)
	up := ""
	if p.Upvotes > 0 {
		up = fmt.Sprintf("▲%d", p.Upvotes)
	}
	up = fmt.Sprintf(" %6s", up)
	date := ""
	if showDate {
		day := p.Published
		if day == "" {
			day = p.Listed // an arXiv listing's papers: the day it lists them
		}
		date = " " + common.PadRight(termsafe.Line(l.formatDate(day)), dateW-1)
	}

	if selected && l.blurred {
		return l.styles.RowBlurred.Render(common.PadRight(marks+title+up+date, w))
	}
	if selected {
		return l.styles.RowSelected.Render(common.PadRight(marks+title+up+date, w))
	}
	ts := l.styles.Row
	if l.marks.Read[p.ID] && !l.marks.Fresh[p.ID] {
		ts = l.styles.RowRead
	}
	return l.styles.Marks.Render(marks) + ts.Render(title) + l.styles.Upvotes.Render(up) + l.styles.Date.Render(date)
}

func (l *Model) View() string { return l.view }

func (l *Model) Keys() common.KeyMap { return l.keys }

// ShownPaper is the i-th paper on show (0 ≤ i < Shown).
func (l *Model) ShownPaper(i int) model.Paper { return l.papers.At(l.shownAt(i)) }

// Cursor is the cursor's place among the papers on show.
func (l *Model) Cursor() int { return l.cursor }

// formatDate writes a paper's date as the config asks.
func (l *Model) formatDate(published string) string {
	if l.dateFormat == nil || published == "" {
		return published
	}
	return l.dateFormat(published)
}

// dateWidth is the date column's width with its leading space: the
// widest date the format writes (September, Wednesday), at least as wide
// as YYYY-MM-DD, at most 24.
func (l *Model) dateWidth() int {
	w := len("2025-01-09")
	if l.dateFormat != nil {
		for _, d := range []string{"2025-09-24", "2025-12-31"} {
			w = max(w, common.CellWidth(termsafe.Line(l.dateFormat(d))))
		}
	}
	return min(w, 24) + 1
}
