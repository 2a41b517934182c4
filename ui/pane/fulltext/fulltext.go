// Package fulltext is the reader pane: a paper's whole text (arXiv's HTML
// version) rendered by glamour like the detail, with a table of contents
// beside it on wide terminals (a key opens it on narrow ones), section
// jumps, find, every link of the paper for the link picker, and the place
// in each paper remembered (kept for next time by the SaveFunc). Fetching, parsing and
// rendering run in commands; the first screen is rendered first and the
// rest after it.
package fulltext

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/feed"
	ftdoc "github.com/paperdeck/paperdeck/fulltext"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

type keys struct {
	scroll           common.ScrollKeys
	Contents         key.Binding
	NextSection      key.Binding
	PrevSection      key.Binding
	GoTo             key.Binding
	Find             key.Binding
	NextHit, PrevHit key.Binding
	Links            key.Binding
	Back             key.Binding
	noText           bool // no text on show (loading, none, failed): only Back does something
}

func (k keys) ShortHelp() []key.Binding {
	if k.noText {
		return []key.Binding{k.Back}
	}
	return []key.Binding{k.Back, k.Contents, k.NextSection, k.Find, k.Links}
}

func (k keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Contents, k.NextSection, k.PrevSection, k.GoTo, k.Back}}
}

// LinksMsg asks the root to list the paper's links in the link picker.
type LinksMsg struct {
	Title string
	Links []model.Link
}

// wideWidth is the pane width from which the contents stay beside the text.
const wideWidth = 110

type state int

const (
	idle state = iota
	loading
	failed
	ready
)

// Model is the reader pane.
type Model struct {
	keys   keys
	styles common.Styles
	width  int
	height int
	vp     viewport.Model

	ctx    context.Context
	cancel context.CancelFunc // the fetch in flight
	load   LoadFunc
	render RenderFunc

	paper     model.Paper
	gen       int
	state     state
	problem   []string // what the pane says instead of the text
	doc       *ftdoc.Document
	fromCache bool

	parts     []ftdoc.Part
	partLines [][]string // rendered lines per part, for the parts done
	rendered  int        // parts rendered so far
	rendering bool
	renderKey struct {
		width int
		style string
	}
	starts []int    // first line of each rendered part
	lines  []string // every rendered line

	toc       []tocEntry
	tocFocus  bool // the contents have the keys (narrow: they fill the pane)
	tocCursor int
	jumpTo    int    // a part to show once it is rendered; -1 none
	restore   *Place // a remembered place to show once it is rendered

	positions map[string]Place // where the reader was in each paper
	save      SaveFunc

	find common.Find
	// marked are the find's matches as drawn, by line: computed when the
	// find or its current match changes, so View only picks lines.
	marked map[int]string
	notice []string // the lines said instead of the text (loading, errors)
}

type tocEntry struct {
	part  int
	level int
	title string
}

// New builds the pane; load fetches a page and render runs glamour, both
// in commands only. ctx is the parent of every fetch.
func New(c common.Common, ctx context.Context, load LoadFunc, render RenderFunc) *Model {
	vp := viewport.New()
	vp.SoftWrap = false
	km := c.Keys
	k := keys{
		scroll:      common.NewScrollKeys(km, keymap.Reader),
		Contents:    km.Binding("contents", keymap.Reader),
		NextSection: km.Binding("next_section", keymap.Reader),
		PrevSection: km.Binding("previous_section", keymap.Reader),
		GoTo:        km.Binding("go_to_section", keymap.Reader),
		Find:        km.Binding("find", keymap.Reader),
		NextHit:     km.Binding("next_match", keymap.Reader),
		PrevHit:     km.Binding("previous_match", keymap.Reader),
		Links:       km.Binding("links", keymap.Reader),
		Back:        km.Binding("back", keymap.Reader),
	}
	if ctx == nil {
		ctx = context.Background()
	}
	m := &Model{keys: k, styles: c.Styles, vp: vp, ctx: ctx, load: load, render: render,
		positions: map[string]Place{}, jumpTo: -1}
	m.SetSize(c.Width, c.Height)
	return m
}

func (m *Model) Keys() common.KeyMap {
	k := m.keys
	k.noText = m.state != ready
	return k
}

// SetStyles takes the styles for a dark or light terminal; Sync renders
// the text in the new style.
func (m *Model) SetStyles(s common.Styles) {
	m.styles = s
	m.refreshShown()
}

// SetSize lays the pane out; Sync renders the text at a new width.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(m.textWidth())
	m.vp.SetHeight(max(1, h))
	m.refreshShown()
}

// Sync renders the text again when its width or style changed, keeping
// the section on screen; the root calls it after a resize or a new
// background colour.
func (m *Model) Sync() tea.Cmd { return m.rerender() }

func (m *Model) wide() bool { return m.width >= wideWidth }

func (m *Model) tocWidth() int { return min(36, m.width/4) }

// textWidth is the text column: the whole pane, or beside the contents.
func (m *Model) textWidth() int {
	if m.wide() {
		return max(1, m.width-m.tocWidth()-1)
	}
	return max(1, m.width)
}

// Paper is the paper on show.
func (m *Model) Paper() (model.Paper, bool) { return m.paper, m.state != idle }

// Open shows p's full text: at once when it is the paper already loaded,
// else fetched (or read from the cache) in the background.
func (m *Model) Open(p model.Paper) tea.Cmd {
	saved := m.remember()
	if m.state == ready && m.paper.ID == p.ID {
		m.paper = p
		return saved
	}
	m.paper = p
	m.stopLoading()
	m.gen++
	m.reset()
	if !model.IsArxivID(p.ID) {
		next := "Press esc to go back." // copied page text: no page to offer either
		if p.URL != "" {
			next = "Press o to open its page, or esc to go back."
		}
		m.fail("This paper has no arXiv id, so it has no full text to read: arXiv's HTML version of a paper is found by its id.", next)
		return saved
	}
	m.state = loading
	m.problem = []string{"Loading the full text of " + termsafe.Line(p.Title) + "…"}
	m.refreshShown()
	ctx, cancel := context.WithCancel(m.ctx)
	m.cancel = cancel
	return tea.Batch(saved, loadCmd(ctx, m.load, m.gen, p.ID))
}

func (m *Model) reset() {
	m.doc, m.parts, m.partLines, m.rendered, m.starts, m.lines, m.toc = nil, nil, nil, 0, nil, nil, nil
	m.rendering, m.tocFocus, m.tocCursor, m.jumpTo, m.restore = false, false, 0, -1, nil
	m.find = common.Find{}
	m.problem = nil
	m.vp.SetContentLines(nil)
	m.vp.GotoTop()
}

func (m *Model) fail(lines ...string) {
	m.state = failed
	m.problem = lines
	m.refreshShown()
}

// SetSave sets where places are kept for next time.
func (m *Model) SetSave(save SaveFunc) { m.save = save }

// remember keeps the place in the paper on show, and returns the command
// that keeps it for next time.
func (m *Model) remember() tea.Cmd {
	if m.state != ready || m.paper.ID == "" || m.rendered == 0 {
		return nil
	}
	part := m.currentPart()
	place := Place{Part: part, Line: max(0, m.vp.YOffset()-m.starts[part])}
	m.positions[m.paper.ID] = place
	if m.save == nil {
		return nil
	}
	save, id := m.save, m.paper.ID
	return func() tea.Msg {
		save(id, place)
		return nil
	}
}

// Close is called when the pane goes away: a fetch still running is
// cancelled, and the place is kept.
func (m *Model) Close() tea.Cmd {
	m.stopLoading()
	return m.remember()
}

func (m *Model) stopLoading() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	if m.state == loading {
		m.state = idle // opened again, it starts again
	}
}

func (m *Model) takeLoaded(msg LoadedMsg) tea.Cmd {
	if msg.gen != m.gen || m.state != loading {
		return nil // an older request, or one given up
	}
	m.cancel = nil
	if msg.err != nil {
		switch {
		case errors.Is(msg.err, feed.ErrNoHTML):
			m.fail("arXiv has no HTML version of this paper.", "Press p to open the PDF, or esc to go back.")
		case errors.Is(msg.err, feed.ErrNoArxivID):
			m.fail("This paper has no arXiv id, so it has no full text to read.", "Press esc to go back.")
		default:
			m.fail("The full text cannot be read: "+termsafe.Line(msg.err.Error()), "Press p to open the PDF, or esc to go back.")
		}
		return nil
	}
	m.doc, m.fromCache = msg.doc, msg.fromCache
	if _, known := m.positions[msg.id]; !known && msg.hasPlace {
		m.positions[msg.id] = msg.place
	}
	m.state = ready
	m.problem = nil
	m.buildParts()
	return m.startRender()
}

// buildParts writes the document's Markdown per section and its contents.
func (m *Model) buildParts() {
	m.parts = ftdoc.Outline(m.doc)
	m.toc = m.toc[:0]
	for i, p := range m.parts {
		if p.Heading == "" {
			continue
		}
		level := 1
		if p.Section >= 0 && p.Section < len(m.doc.Sections) {
			level = m.doc.Sections[p.Section].Level
		}
		m.toc = append(m.toc, tocEntry{part: i, level: level, title: termsafe.Line(p.Heading)})
	}
}

// startRender renders from the top: the first screen first.
func (m *Model) startRender() tea.Cmd {
	m.partLines, m.rendered, m.starts, m.lines = nil, 0, nil, nil
	m.find.Hits = nil // lines of the old render: found again in the new one when it is whole
	m.renderKey.width, m.renderKey.style = m.textWidth(), m.styles.RenderStyle()
	m.rendering = true
	return renderCmd(m.render, m.doc, m.parts, m.gen, m.renderKey.width, m.renderKey.style, 0, m.height+1, len(m.parts))
}

// rerender starts again at a new width or style, keeping the place.
func (m *Model) rerender() tea.Cmd {
	if m.state != ready || (m.renderKey.width == m.textWidth() && m.renderKey.style == m.styles.RenderStyle()) {
		return nil
	}
	m.jumpTo = m.currentPart()
	m.gen++ // renders at the old width are dropped
	m.buildParts()
	return m.startRender()
}

// chunk is how many parts one background render takes after the first
// screen: small enough that the text grows in steps.
const chunk = 8

func (m *Model) takeRendered(msg RenderedMsg) tea.Cmd {
	if msg.gen != m.gen || msg.width != m.renderKey.width || msg.style != m.renderKey.style || msg.from != m.rendered {
		return nil
	}
	first := m.rendered == 0
	for _, lines := range msg.lines {
		if len(m.lines) > 0 && len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) != "" {
			lines = append([]string{""}, lines...) // parts rendered apart keep a blank line between them
		}
		m.starts = append(m.starts, len(m.lines))
		m.partLines = append(m.partLines, lines)
		m.lines = append(m.lines, lines...)
		m.rendered++
	}
	y := m.vp.YOffset()
	m.refreshShown()
	if first {
		if p, ok := m.positions[m.paper.ID]; ok && m.jumpTo < 0 && p.Part < len(m.parts) {
			m.restore = &p
		}
	}
	done := m.rendered == len(m.parts)
	switch {
	case m.jumpTo >= 0 && m.jumpTo < m.rendered:
		m.vp.SetYOffset(m.starts[m.jumpTo])
		m.jumpTo = -1
	case m.restore != nil && m.restore.Part < m.rendered && (done || m.starts[m.restore.Part]+m.restore.Line+m.height <= len(m.lines)):
		m.vp.SetYOffset(m.starts[m.restore.Part] + m.restore.Line)
		m.restore = nil
	case first:
		m.vp.GotoTop()
	default:
		m.vp.SetYOffset(y)
	}
	if m.rendered < len(m.parts) {
		return renderCmd(m.render, m.doc, m.parts, m.gen, m.renderKey.width, m.renderKey.style, m.rendered, 0, chunk)
	}
	m.rendering = false
	if m.find.Query != "" {
		m.Find(m.find.Query) // matches in the parts that came in
	}
	return nil
}

// currentPart is the part at the top of the screen.
func (m *Model) currentPart() int {
	y := m.vp.YOffset()
	cur := 0
	for i, s := range m.starts {
		if s <= y {
			cur = i
		}
	}
	return cur
}

// goToPart scrolls to a part's first line, or once it is rendered.
func (m *Model) goToPart(part int) {
	if part < m.rendered {
		m.vp.SetYOffset(m.starts[part])
		return
	}
	m.jumpTo = part
}

// stepSection goes to the next (or previous) part with a heading.
func (m *Model) stepSection(dir int) {
	if len(m.toc) == 0 {
		return
	}
	cur := m.currentPart()
	if dir > 0 {
		for _, e := range m.toc {
			if e.part > cur {
				m.goToPart(e.part)
				return
			}
		}
		return
	}
	// Back: to the start of this section when inside it, else the one
	// before.
	y := m.vp.YOffset()
	for i := len(m.toc) - 1; i >= 0; i-- {
		e := m.toc[i]
		if e.part < m.rendered && m.starts[e.part] < y {
			m.goToPart(e.part)
			return
		}
	}
	m.vp.GotoTop()
}

// Find highlights every line holding query and goes to the first at or
// below the screen's top.
func (m *Model) Find(query string) {
	m.find.Search(query, m.lines, m.vp.YOffset())
	m.showHit()
}

// FindStatus says how the find went, for the status bar.
func (m *Model) FindStatus() string { return m.find.Status() }

// CanFind (common.Finder): the text finds once it is on screen, and not
// while the keys are the contents'.
func (m *Model) CanFind() bool { return m.state == ready && !m.tocFocus }

func (m *Model) showHit() {
	m.vp.SetYOffset(m.find.Offset(m.vp.YOffset(), m.height, 0))
	m.markHits()
}

func (m *Model) stepHit(n int) tea.Cmd {
	if !m.find.Step(n) {
		return nil
	}
	m.showHit()
	return common.Flash(common.Info, m.FindStatus())
}

// Links is every link of the paper: its page and PDF, the links in the
// text and the references', numbered by the reference they belong to.
func (m *Model) Links() []model.Link {
	var out []model.Link
	seen := map[string]bool{}
	add := func(label, u string) {
		if u == "" || seen[u] {
			return
		}
		seen[u] = true
		out = append(out, model.Link{Label: termsafe.Line(label), URL: u})
	}
	if m.doc != nil && m.doc.URL != "" {
		add("full text", m.doc.URL)
	}
	for _, l := range m.paper.AllLinks() {
		add(l.Label, l.URL)
	}
	if m.doc == nil {
		return out
	}
	inline := func(in ftdoc.Inline, label string) {
		for _, s := range in {
			if s.Kind == ftdoc.Link {
				add(label, s.URL)
			}
		}
	}
	for _, s := range m.doc.Sections {
		for _, b := range s.Blocks {
			inline(b.Text, "text")
			if b.Kind == ftdoc.Figure {
				add("figure "+strings.TrimSuffix(b.Label, ":"), b.Image)
			}
		}
	}
	for _, n := range m.doc.Notes {
		inline(n.Text, "note "+strconv.Itoa(n.Number))
	}
	for _, r := range m.doc.References {
		label := "[" + strconv.Itoa(r.Number) + "]"
		for _, l := range r.Links {
			add(label, l)
		}
		if r.DOI != "" {
			add(label+" DOI", "https://doi.org/"+r.DOI)
		}
		if r.ArXiv != "" {
			add(label+" arXiv", "https://arxiv.org/abs/"+r.ArXiv)
		}
	}
	return out
}

// Update takes the pane's results and, while it has focus, its keys.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case LoadedMsg:
		return m.takeLoaded(msg)
	case RenderedMsg:
		return m.takeRendered(msg)
	case tea.KeyPressMsg:
		if cmd, ok := m.handleKey(msg); ok {
			return cmd
		}
	}
	if !m.tocFocus {
		common.Scroll(&m.vp, m.keys.scroll, msg)
	}
	return nil
}

func (m *Model) handleKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if m.tocFocus {
		return m.handleTOCKey(k)
	}
	switch {
	case key.Matches(k, m.keys.Back) && m.find.Query != "":
		m.Find("")
		return nil, true
	case key.Matches(k, m.keys.Back):
		return common.Close, true
	case m.state != ready:
		return nil, false
	case key.Matches(k, m.keys.Contents):
		m.tocFocus = len(m.toc) > 0
		m.tocCursor = m.tocIndexOf(m.currentPart())
		return nil, true
	case key.Matches(k, m.keys.NextSection):
		m.stepSection(1)
		return nil, true
	case key.Matches(k, m.keys.PrevSection):
		m.stepSection(-1)
		return nil, true
	case key.Matches(k, m.keys.NextHit):
		return m.stepHit(1), true
	case key.Matches(k, m.keys.PrevHit):
		return m.stepHit(-1), true
	case key.Matches(k, m.keys.Links):
		title, links := termsafe.Line(m.paper.Title), m.Links()
		return func() tea.Msg { return LinksMsg{Title: title, Links: links} }, true
	}
	return nil, false
}

// handleTOCKey moves in the contents; enter goes to the section, esc and
// the contents key give the keys back to the text.
func (m *Model) handleTOCKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(k, m.keys.Back, m.keys.Contents):
		m.tocFocus = false
	case key.Matches(k, m.keys.GoTo):
		m.tocFocus = false
		if m.tocCursor < len(m.toc) {
			m.goToPart(m.toc[m.tocCursor].part)
		}
	case key.Matches(k, m.keys.scroll.Down, m.keys.NextSection):
		m.tocCursor = min(m.tocCursor+1, len(m.toc)-1)
	case key.Matches(k, m.keys.scroll.Up, m.keys.PrevSection):
		m.tocCursor = max(m.tocCursor-1, 0)
	case key.Matches(k, m.keys.scroll.Top):
		m.tocCursor = 0
	case key.Matches(k, m.keys.scroll.Bottom):
		m.tocCursor = len(m.toc) - 1
	default:
		return nil, false
	}
	return nil, true
}

func (m *Model) tocIndexOf(part int) int {
	idx := 0
	for i, e := range m.toc {
		if e.part <= part {
			idx = i
		}
	}
	return idx
}

// refreshShown gives the viewport the lines to scroll (the text, or what
// is said instead) and draws the find's matches. A scroll needs none of
// it: View picks the lines at the viewport's offset.
func (m *Model) refreshShown() {
	y := m.vp.YOffset()
	if m.state != ready {
		m.notice = nil
		for _, p := range m.problem {
			m.notice = append(m.notice, "")
			m.notice = append(m.notice, strings.Split(common.Wrap(p, m.textWidth(), "  "), "\n")...)
		}
		m.vp.SetContentLines(m.notice)
		return
	}
	m.vp.SetContentLines(m.lines)
	m.vp.SetYOffset(y)
	m.markHits()
}

// markHits draws the find's matches, the current one apart.
func (m *Model) markHits() {
	m.marked = make(map[int]string, len(m.find.Hits))
	for i, h := range m.find.Hits {
		style := m.styles.Hit
		if i == m.find.Hit {
			style = m.styles.CurrentHit
		}
		m.marked[h] = style.Render(ansi.Strip(m.lines[h]))
	}
}

// visible is the text column's lines on screen.
func (m *Model) visible(h int) string {
	if m.state != ready {
		return strings.Join(m.notice[:min(len(m.notice), h)], "\n")
	}
	y := min(max(0, m.vp.YOffset()), len(m.lines))
	end := min(len(m.lines), y+h)
	rows := make([]string, 0, end-y)
	for i := y; i < end; i++ {
		if l, ok := m.marked[i]; ok {
			rows = append(rows, l)
		} else {
			rows = append(rows, m.lines[i])
		}
	}
	return strings.Join(rows, "\n")
}

// View is the text column and, on a wide pane or while chosen, the
// contents.
func (m *Model) View() string {
	if m.state == idle {
		return m.styles.Empty.Render(" no paper open")
	}
	h := max(0, m.height)
	if m.tocFocus && !m.wide() {
		return m.tocView(m.width, h)
	}
	text := m.visible(h)
	if !m.wide() || m.state != ready {
		return text
	}
	tw := m.tocWidth()
	return common.SideBySide(common.Box(m.tocView(tw, h), tw, h), m.styles.Divider.Render("│"), common.Box(text, m.textWidth(), h))
}

// tocView is the contents, the current section (or the chosen one)
// marked, scrolled to keep it in view.
func (m *Model) tocView(w, h int) string {
	if len(m.toc) == 0 {
		return m.styles.Empty.Render(" no sections")
	}
	mark := m.tocIndexOf(m.currentPart())
	if m.tocFocus {
		mark = m.tocCursor
	}
	rows := make([]string, 0, len(m.toc)+1)
	rows = append(rows, m.styles.Title.Render(common.Truncate(" Contents", w)))
	first := max(0, min(mark-(h-1)/2, len(m.toc)-(h-1)))
	for i := first; i < len(m.toc) && len(rows) < h; i++ {
		e := m.toc[i]
		line := common.Truncate(" "+strings.Repeat("  ", max(0, e.level-1))+e.title, w)
		if i == mark {
			line = m.styles.RowSelected.Render(common.PadRight(line, w))
		}
		rows = append(rows, line)
	}
	return strings.Join(rows, "\n")
}

// Loading reports whether the text is still on its way (for the spinner).
func (m *Model) Loading() bool { return m.state == loading || m.rendering }
