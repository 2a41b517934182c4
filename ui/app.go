// Package ui is paperdeck's full-screen reader: a root model that routes
// messages to concrete panes (list, detail, input, help, link picker,
// status bar). Everything slow runs in tea.Cmds; the panes only ever
// render what is on screen.
package ui

import (
	"context"
	"runtime/debug"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
	"github.com/paperdeck/paperdeck/ui/pane/bookmarks"
	"github.com/paperdeck/paperdeck/ui/pane/detail"
	"github.com/paperdeck/paperdeck/ui/pane/fulltext"
	"github.com/paperdeck/paperdeck/ui/pane/help"
	"github.com/paperdeck/paperdeck/ui/pane/input"
	"github.com/paperdeck/paperdeck/ui/pane/list"
	"github.com/paperdeck/paperdeck/ui/pane/message"
	"github.com/paperdeck/paperdeck/ui/pane/picker"
	"github.com/paperdeck/paperdeck/ui/pane/status"
)

// Options wires the reader to the world; only Feed and Start are needed.
type Options struct {
	Feed   Feed
	Start  feed.Request
	Render RenderFunc // the detail; MarkdownRender when nil
	// FullText fetches a paper's full-text page for the reader (f); the
	// Feed's own when nil and it has one (feed.Client does).
	FullText fulltext.LoadFunc
	Open     Opener // the browser; BrowserOpener("") when nil
	BibTeX   func(model.Paper) string
	NoColor  bool             // NO_COLOR is set
	Comforts Comforts         // config.toml's settings and --ascii (comfort.go)
	Now      func() time.Time // the clock, for periods; time.Now when nil
	Context  context.Context  // parent of every request; cancelled on quit
	// CrashDir receives a log if paperdeck panics (DefaultCrashDir in the
	// binary); os.TempDir() when "".
	CrashDir string
	// TestPanic is PAPERDECK_TEST_PANIC, for the crash test only: "update",
	// "command" or "worker" makes the first key press panic there.
	TestPanic string
	// Hyperlinks: the terminal shows OSC 8 links (TerminalHasHyperlinks);
	// the links of the detail and the picker are then clickable.
	Hyperlinks bool
	// Bookmarks and ReadMarks are the local files; nil keeps bookmarks and
	// read marks for this session only.
	Bookmarks BookmarkStore
	ReadMarks ReadMarkStore
	// RankDir keeps the "for you" features and models (package rank's
	// Cache); "" keeps them for the session only.
	RankDir string
	// CatalogDir keeps a snapshot's side index (and a .gz one unpacked,
	// for reading by offset): package catalog's Options.CacheDir; ""
	// keeps nothing.
	CatalogDir string
}

// App is the root model. It owns the panes and the state that crosses
// them, each a small type of its own with its methods (size, focus, nav,
// sort, marks, details…); the panes never see each other.
type App struct {
	opts   Options
	ctx    context.Context
	stop   context.CancelFunc
	styles common.Styles
	size   size    // the terminal's (layout.go)
	focus  focuses // which pane has the keys, where they go back to (focus.go)

	list      *list.Model
	bookmarks *bookmarks.Model // B: the bookmarks, on list's rows
	detail    *detail.Model
	reader    *fulltext.Model
	input     *input.Model
	help      *help.Model
	picker    *picker.Model
	message   *message.Model
	status    *status.Model

	keys rootKeys // the root's own: anywhere, listing, paper (keys.go)

	nav     nav       // what is listed, the listings before it, the request in flight
	sort    sorter    // the list's order (sort.go)
	similar similarTo // what the "papers like this one" listing is made from (similar.go)
	marks   *marks    // read, new, bookmarked, and the saves in flight
	details *details  // the papers' full records: merged, asked for, the request in flight
	typed   typing    // what the input line acts on (app_keys.go)
	tick    status.Ticker
	exit    exit    // q's wait for the saves in flight, what did not reach the file (quit.go)
	crashed crashed // a panic caught, and where its log went (panic.go)
}

// New builds the reader; nothing is loaded until Init.
func New(opts Options) *App {
	if opts.Render == nil {
		opts.Render = MarkdownRender
	}
	if opts.Open == nil {
		opts.Open = BrowserOpener("")
	}
	if opts.BibTeX == nil {
		opts.BibTeX = store.BibTeXEntry
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	parent := opts.Context
	if parent == nil {
		parent = context.Background()
	}
	ctx, stop := context.WithCancel(parent)
	st := common.NewStyles(true, opts.NoColor)
	km := keymap.New(opts.Comforts.Keys)
	c := common.Common{Styles: st, Keys: km}
	m := &App{
		opts: opts, ctx: ctx, stop: stop, styles: st, keys: newRootKeys(km),
		list: list.New(c, opts.Comforts.DateFormat), bookmarks: bookmarks.New(c, opts.Comforts.DateFormat), detail: detail.New(c, opts.Render), input: input.New(c),
		picker: picker.New(c), message: message.New(c), status: status.New(c),
		reader: fulltext.New(c, ctx, fullTextLoader(opts), readerRender),
		tick:   tea.Tick, details: newDetails(), marks: newMarks(opts.Now),
	}
	m.reader.SetSave(fullTextSaver(opts))
	m.help = help.New(c, m.helpSections())
	m.applyComforts()
	m.refreshMarks()
	m.status.SetListing("loading "+describePeriod(opts.Start.Period), "")
	m.status.SetHints(m.hint())
	return m
}

// helpSections are the help screen's groups, from the panes' own
// bindings. The detail and the picker scroll with the same keys as the
// list, so their Keys list only their own.
func (m *App) helpSections() []help.Section {
	return []help.Section{
		{Title: "Listing", Keys: all(m.keys.listing)},
		{Title: "Paper", Keys: all(m.keys.paper)},
		{Title: "Bookmarks (B)", Keys: all(m.bookmarks.Keys())},
		{Title: "Anywhere", Keys: all(m.keys.global)},
		{Title: "Move (list, detail, help)", Keys: all(m.list.Keys())},
		{Title: "Detail", Keys: all(m.detail.Keys())},
		{Title: "Full text", Keys: all(m.reader.Keys())},
		{Title: "Link picker", Keys: all(m.picker.Keys())},
	}
}

// Init asks for the background colour and starts the first load; the
// first frame is drawn before any answer.
func (m *App) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.crash(writeCrashLog(m.opts.CrashDir, r, debug.Stack()))
			cmd = tea.Quit
		}
	}()
	start := tea.Batch(tea.RequestBackgroundColor, m.load(loadReq{Request: m.opts.Start}),
		loadMarksCmd(m.opts.Bookmarks, m.opts.ReadMarks))
	return safeCmd(start, m.opts.CrashDir)
}

// Update routes the message (see route); a panic anywhere in it, or in a
// command it returns, is logged and ends the program cleanly.
func (m *App) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			m.crash(writeCrashLog(m.opts.CrashDir, r, debug.Stack()))
			model, cmd = m, tea.Quit
		}
	}()
	if c, ok := msg.(crashMsg); ok {
		m.crash(c.log)
	}
	if m.crashed.yes {
		return m, tea.Quit
	}
	if c := m.testPanic(msg); c != nil {
		return m, safeCmd(c, m.opts.CrashDir)
	}
	cmd = m.route(msg)
	m.status.SetHints(m.hint()) // focus or a key's state may have changed: once here, not per frame
	return m, safeCmd(cmd, m.opts.CrashDir)
}

func (m *App) crash(log string) {
	m.crashed = crashed{yes: true, log: log}
	m.stop()
}

// View draws the screen from the panes' precomputed parts.
func (m *App) View() (v tea.View) {
	defer func() {
		if r := recover(); r != nil {
			m.crash(writeCrashLog(m.opts.CrashDir, r, debug.Stack()))
			v = tea.NewView("paperdeck hit a bug; press any key to quit")
		}
	}()
	// The frame's last gate: only text and SGR reach the terminal, and no
	// data ever goes into the window title or another control string; the
	// paper's own checked links become hyperlinks after it.
	v = tea.NewView(hyperlink(safeScreen(m.screen()), m.shownLinks()))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v = m.comfortView(v)
	return v
}

func (m *App) screen() string {
	if !m.size.known() {
		return ""
	}
	if m.size.tooSmall() {
		return common.Truncate("terminal too small", m.size.width)
	}
	parts := []string{m.body()}
	if m.input.Active() {
		parts = append(parts, common.PadRight(m.input.View(), m.size.width))
	}
	parts = append(parts, m.status.View())
	return common.ClampScreen(strings.Join(parts, "\n"), m.size.width, m.size.height)
}

func (m *App) body() string {
	w, h := m.size.width, m.bodyHeight()
	switch {
	case m.focus.is(focusHelp):
		return common.Box(m.help.View(), w, h)
	case m.focus.is(focusPicker):
		return common.Box(m.picker.View(), w, h)
	case m.focus.is(focusMessage):
		return common.Box(m.message.View(), w, h)
	case m.focus.is(focusReader):
		return common.Box(m.reader.View(), w, h)
	case m.size.wide():
		lw, dw := m.size.split()
		return common.SideBySide(common.Box(m.listPane().View(), lw, h), m.styles.Divider.Render("│"), common.Box(m.detail.View(), dw, h))
	case m.focus.is(focusDetail):
		return common.Box(m.detail.View(), w, h)
	}
	return common.Box(m.listPane().View(), w, h)
}

// setFocus gives the keys to a pane; the list dims its cursor when it
// does not have them.
func (m *App) setFocus(f focuses) {
	m.focus = f
	m.list.SetBlurred(!f.is(focusList))
	m.bookmarks.Rows().SetBlurred(!f.is(focusList))
}

func (m *App) bodyHeight() int {
	h := m.size.height - 1
	if m.input.Active() {
		h--
	}
	return max(1, h)
}

// listPane is the pane listing papers now: the bookmarks view in B,
// else the list.
func (m *App) listPane() common.Component {
	if m.showsBookmarks() {
		return m.bookmarks
	}
	return m.list
}

// rows is the list the listing pane on screen is drawn from: the root
// loads, filters, sorts and reads the cursor through it.
func (m *App) rows() *list.Model {
	if m.showsBookmarks() {
		return m.bookmarks.Rows()
	}
	return m.list
}

// hiddenRows is the other list: the listing's behind the bookmarks view,
// or the bookmarks' behind a listing.
func (m *App) hiddenRows() *list.Model {
	if m.showsBookmarks() {
		return m.list
	}
	return m.bookmarks.Rows()
}

func (m *App) showsBookmarks() bool { return m.nav.listing.Period.Kind == bookmarksKind }

// layout hands every pane its size after a resize or when the input line
// comes or goes.
func (m *App) layout() {
	w, h := max(1, m.size.width), m.bodyHeight()
	if m.size.wide() {
		lw, dw := m.size.split()
		m.list.SetSize(lw, h)
		m.bookmarks.SetSize(lw, h)
		m.detail.SetSize(dw, h)
	} else {
		m.list.SetSize(w, h)
		m.bookmarks.SetSize(w, h)
		m.detail.SetSize(w, h)
	}
	m.reader.SetSize(w, h)
	m.help.SetSize(w, h)
	m.picker.SetSize(w, h)
	m.message.SetSize(w, h)
	m.input.SetSize(w, 1)
	m.status.SetSize(w, 1)
}

// hint is the focused pane's main keys for the status bar, taken from
// the bindings like the help screen.
func (m *App) hint() []string {
	var keys []key.Binding
	switch {
	case m.input.Active():
		keys = m.input.Keys().ShortHelp()
	case m.focus.is(focusHelp):
		keys = m.help.Keys().ShortHelp()
	case m.focus.is(focusPicker):
		keys = m.picker.Keys().ShortHelp()
	case m.focus.is(focusMessage):
		keys = m.message.Keys().ShortHelp()
	case m.focus.is(focusReader):
		keys = append(m.reader.Keys().ShortHelp(), m.keys.paper.PDF, m.keys.global.Help)
	case m.focus.is(focusDetail):
		keys = append(m.detail.Keys().ShortHelp(), m.keys.paper.ShortHelp()...)
		keys = append(keys, m.keys.global.Help)
	case m.showsBookmarks():
		keys = append(m.bookmarks.Keys().ShortHelp(), m.keys.global.Help)
	default:
		keys = append(m.keys.listing.ShortHelp(), m.keys.global.Help)
	}
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		if k.Enabled() {
			parts = append(parts, k.Help().Key+" "+k.Help().Desc)
		}
	}
	return parts
}

// setTicker replaces tea.Tick for the root's timers and the status bar's
// (tests run no timers).
func (m *App) setTicker(t status.Ticker) {
	m.tick = t
	m.status.SetTicker(t)
}
