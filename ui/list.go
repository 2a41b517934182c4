package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
)

// listPane shows one row per paper of the current listing. It keeps only
// the rows on screen rendered (rows), rebuilt after every change, so its
// cost follows the window's height, never the number of papers.
type listPane struct {
	keys   listKeys
	styles Styles
	width  int
	height int

	papers []model.Paper
	index  filterIndex
	shown  []int // positions in papers that pass the filter, in order
	query  string
	cursor int // position in shown
	offset int // first position of shown on screen
	empty  string

	marks      listMarks
	blurred    bool                          // the detail beside it has the keys
	dateFormat func(published string) string // the config's date_format; nil: as written

	rows  []string
	cache map[int]string // rendered rows off the cursor, by paper position
}

// rowCacheMax bounds the row cache; a screenful is ~50 rows, so this only
// saves re-rendering while scrolling back and forth.
const rowCacheMax = 4096

// forget drops the cached rows after a change of width, styles or marks.
func (l *listPane) forget() { l.cache = nil }

func newListPane(styles Styles) listPane {
	return listPane{keys: newListKeys(), styles: styles, empty: "loading…"}
}

func (l *listPane) SetSize(w, h int) {
	if w != l.width {
		l.forget()
	}
	l.width, l.height = w, h
	l.scrollToCursor()
	l.refresh()
}

func (l *listPane) SetStyles(s Styles) {
	l.styles = s
	l.forget()
	l.refresh()
}

// SetListing replaces the papers (index must be built from them), keeps the
// filter, and puts the cursor back on keepID when that paper is still there.
func (l *listPane) SetListing(papers []model.Paper, index filterIndex, empty, keepID string) {
	l.papers, l.index, l.empty = papers, index, empty
	l.forget()
	l.cursor, l.offset = 0, 0
	l.applyFilter()
	if keepID != "" {
		for i, pos := range l.shown {
			if l.papers[pos].ID == keepID {
				l.cursor = i
				break
			}
		}
	}
	l.scrollToCursor()
	l.refresh()
}

// SetEmpty changes what the pane says while there is nothing to list.
func (l *listPane) SetEmpty(msg string) {
	l.empty = msg
	l.refresh()
}

// SetFilter narrows the list to the papers matching query; the cursor
// stays on the same paper when it still matches.
func (l *listPane) SetFilter(query string) {
	if query == l.query {
		return
	}
	id := l.selectedID()
	l.query = query
	l.applyFilter()
	l.cursor = 0
	for i, pos := range l.shown {
		if l.papers[pos].ID == id {
			l.cursor = i
			break
		}
	}
	l.scrollToCursor()
	l.refresh()
}

func (l *listPane) applyFilter() {
	if l.query == "" {
		l.shown = make([]int, len(l.papers))
		for i := range l.shown {
			l.shown[i] = i
		}
		return
	}
	l.shown = filterPapers(l.index, l.query)
}

// SetBlurred dims the cursor while the detail beside the list has focus.
func (l *listPane) SetBlurred(b bool) {
	if l.blurred != b {
		l.blurred = b
		l.refresh()
	}
}

// listMarks are what the list shows beside titles, by paper id.
type listMarks struct {
	read   map[string]bool
	marked map[string]bool   // bookmarked
	fresh  map[string]bool   // new since the listing's last visit
	tags   map[string]string // a bookmark's tags, "#rl #to-read"
}

// SetMarks gives the read, bookmarked and new papers and the tags.
func (l *listPane) SetMarks(m listMarks) {
	l.marks = m
	l.forget()
	l.refresh()
}

// UpdatePaper replaces a paper in place (e.g. once its details arrive).
func (l *listPane) UpdatePaper(p model.Paper) {
	for i := range l.papers {
		if l.papers[i].ID == p.ID {
			l.papers[i] = p
			delete(l.cache, i)
		}
	}
	l.refresh()
}

func (l listPane) Query() string { return l.query }
func (l listPane) Total() int    { return len(l.papers) }
func (l listPane) Shown() int    { return len(l.shown) }
func (l listPane) Papers() []model.Paper {
	return l.papers
}

// Selected is the paper under the cursor.
func (l listPane) Selected() (model.Paper, bool) {
	if l.cursor < 0 || l.cursor >= len(l.shown) {
		return model.Paper{}, false
	}
	return l.papers[l.shown[l.cursor]], true
}

func (l listPane) selectedID() string {
	p, _ := l.Selected()
	return p.ID
}

func (l listPane) Update(msg tea.Msg) (listPane, tea.Cmd) {
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
	return l, nil
}

func (l *listPane) handleKey(msg tea.KeyPressMsg) {
	half := max(1, l.height/2)
	switch {
	case key.Matches(msg, l.keys.Up):
		l.move(-1)
	case key.Matches(msg, l.keys.Down):
		l.move(1)
	case key.Matches(msg, l.keys.Top):
		l.move(-len(l.shown))
	case key.Matches(msg, l.keys.Bottom):
		l.move(len(l.shown))
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

func (l *listPane) move(n int) {
	l.cursor = max(0, min(l.cursor+n, len(l.shown)-1))
	l.scrollToCursor()
	l.refresh()
}

func (l *listPane) scrollToCursor() {
	h := max(1, l.height)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = max(0, min(l.offset, len(l.shown)-h))
}

// refresh renders the rows on screen; nothing else is ever rendered.
func (l *listPane) refresh() {
	l.rows = make([]string, 0, max(0, l.height))
	if l.width <= 0 || l.height <= 0 {
		return
	}
	if len(l.shown) == 0 {
		msg := l.empty
		if len(l.papers) > 0 {
			msg = fmt.Sprintf("no paper matches %q", l.query)
		}
		l.rows = append(l.rows, l.styles.Empty.Render(truncate(" "+safeLine(msg), l.width)))
		return
	}
	if l.cache == nil || len(l.cache) > rowCacheMax {
		l.cache = make(map[int]string)
	}
	end := min(len(l.shown), l.offset+l.height)
	for i := l.offset; i < end; i++ {
		pos := l.shown[i]
		if i == l.cursor {
			l.rows = append(l.rows, l.row(l.papers[pos], true))
			continue
		}
		r, ok := l.cache[pos]
		if !ok {
			r = l.row(l.papers[pos], false)
			l.cache[pos] = r
		}
		l.rows = append(l.rows, r)
	}
}

// row lays out one paper: cursor, unread, bookmark and code marks, the
// title cut to the room left, upvotes and (when wide enough) the date.
func (l listPane) row(p model.Paper, selected bool) string {
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
	case l.marks.fresh[p.ID]:
		unread = "+" // new since the last visit
	case !l.marks.read[p.ID]:
		unread = "•"
	}
	if l.marks.marked[p.ID] {
		mark = "★"
	}
	if p.HasCode() {
		code = "</>"
	}
	marks := cursor + unread + mark + " " + code + " "
	// Cleaned here too: a record need not have come through the parsers
	// (a hand-edited bookmarks file).
	text := safeLine(p.Title)
	if tags := l.marks.tags[p.ID]; tags != "" {
		text += "  " + safeLine(tags)
	}
	title := padRight(text, titleW)
	up := ""
	if p.Upvotes > 0 {
		up = fmt.Sprintf("▲%d", p.Upvotes)
	}
	up = fmt.Sprintf(" %6s", up)
	date := ""
	if showDate {
		date = " " + padRight(safeLine(l.formatDate(p.Published)), dateW-1)
	}

	if selected && l.blurred {
		return l.styles.RowBlurred.Render(padRight(marks+title+up+date, w))
	}
	if selected {
		return l.styles.RowSelected.Render(padRight(marks+title+up+date, w))
	}
	ts := l.styles.Row
	if l.marks.read[p.ID] && !l.marks.fresh[p.ID] {
		ts = l.styles.RowRead
	}
	return l.styles.Marks.Render(marks) + ts.Render(title) + l.styles.Upvotes.Render(up) + l.styles.Date.Render(date)
}

func (l listPane) View() string { return strings.Join(l.rows, "\n") }
