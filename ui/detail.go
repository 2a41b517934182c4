package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/model"
)

// detailPane shows one paper's rendered Markdown in a scrolling viewport,
// with an in-text find (n/N) that highlights every match.
type detailPane struct {
	keys   detailKeys
	styles Styles
	width  int
	height int
	vp     viewport.Model

	paper    model.Paper
	has      bool
	banner   []string  // the bookmark's date, tags and note, above the text
	want     renderKey // what the pane waits for
	rendered bool
	lines    []string // the rendered Markdown, one entry per screen line
	shown    []string // banner and lines (find highlights included): the viewport's content

	find string
	hits []int // line numbers that contain find
	hit  int   // index into hits
}

func newDetailPane(styles Styles) detailPane {
	vp := viewport.New()
	vp.SoftWrap = false
	return detailPane{keys: newDetailKeys(), styles: styles, vp: vp}
}

func (d *detailPane) SetSize(w, h int) {
	d.width, d.height = w, h
	d.vp.SetWidth(w)
	d.vp.SetHeight(h)
}

func (d *detailPane) SetStyles(s Styles) {
	d.styles = s
	d.applyFind()
}

// SetPaper shows p and says which render it now waits for; the content
// stays as it was (scroll included) when only the width or style changed.
func (d *detailPane) SetPaper(p model.Paper, want renderKey) {
	same := d.has && d.paper.ID == p.ID
	d.paper, d.has, d.want = p, true, want
	if same && d.rendered {
		return
	}
	d.rendered = false
	d.find, d.hits, d.hit = "", nil, 0
	d.lines = strings.Split(placeholder(p), "\n")
	d.applyFind()
	d.vp.GotoTop()
}

// SetRendered takes a finished render; one for another paper, width or
// style than the pane now wants is ignored.
func (d *detailPane) SetRendered(k renderKey, out string) bool {
	if !d.has || k != d.want {
		return false
	}
	first := !d.rendered
	d.rendered = true
	d.lines = strings.Split(strings.TrimRight(out, "\n"), "\n")
	y := d.vp.YOffset()
	d.applyFind()
	if first {
		d.vp.GotoTop()
	} else {
		d.vp.SetYOffset(y)
	}
	return true
}

// Paper is the paper on show.
func (d detailPane) Paper() (model.Paper, bool) { return d.paper, d.has }

// Want is the render the pane waits for (zero when none).
func (d detailPane) Want() renderKey {
	if !d.has || d.rendered {
		return renderKey{}
	}
	return d.want
}

// Find highlights every line containing query (case-insensitive) and
// scrolls to the first; an empty query clears the highlights.
func (d *detailPane) Find(query string) {
	d.find = strings.TrimSpace(query)
	d.hit = 0
	d.applyFind()
	d.showHit()
}

// FindStatus says how the find went, for the status bar.
func (d detailPane) FindStatus() string {
	switch {
	case d.find == "":
		return ""
	case len(d.hits) == 0:
		return "no match for " + quote(d.find)
	}
	return quote(d.find) + ": match " + itoa(d.hit+1) + " of " + itoa(len(d.hits))
}

// SetBanner puts a few lines (the bookmark's tags and note) above the
// rendered text.
func (d *detailPane) SetBanner(s string) {
	var banner []string
	if s != "" {
		for _, l := range strings.Split(safeBlock(s), "\n") {
			banner = append(banner, d.styles.Banner.Render("  "+l))
		}
		banner = append(banner, "")
	}
	if strings.Join(banner, "\n") == strings.Join(d.banner, "\n") {
		return
	}
	d.banner = banner
	y := d.vp.YOffset()
	d.applyFind()
	d.vp.SetYOffset(y)
}

func (d *detailPane) applyFind() {
	d.hits = nil
	if d.find == "" {
		d.setContent(append(append([]string(nil), d.banner...), d.lines...))
		return
	}
	needle := strings.ToLower(d.find)
	out := make([]string, len(d.lines))
	for i, line := range d.lines {
		plain := ansi.Strip(line)
		if !strings.Contains(strings.ToLower(plain), needle) {
			out[i] = line
			continue
		}
		style := d.styles.Hit
		if len(d.hits) == d.hit {
			style = d.styles.CurrentHit
		}
		d.hits = append(d.hits, i)
		out[i] = highlight(plain, needle, style.Render)
	}
	if d.hit >= len(d.hits) {
		d.hit = 0
	}
	d.setContent(append(append([]string(nil), d.banner...), out...))
}

// highlight wraps every case-insensitive occurrence of needle in plain.
// The matched line loses its Markdown styling, which is what makes it
// stand out.
func highlight(plain, needle string, mark func(...string) string) string {
	lower := strings.ToLower(plain)
	if len(lower) != len(plain) { // case folding changed lengths: mark the line
		return mark(plain)
	}
	var b strings.Builder
	for {
		i := strings.Index(lower, needle)
		if i < 0 {
			b.WriteString(plain)
			return b.String()
		}
		b.WriteString(plain[:i])
		b.WriteString(mark(plain[i : i+len(needle)]))
		plain, lower = plain[i+len(needle):], lower[i+len(needle):]
	}
}

func (d *detailPane) showHit() {
	if len(d.hits) == 0 {
		return
	}
	line := d.hits[d.hit] + len(d.banner)
	if line < d.vp.YOffset() || line >= d.vp.YOffset()+d.height {
		d.vp.SetYOffset(max(0, line-d.height/3))
	}
}

func (d *detailPane) stepHit(n int) {
	if len(d.hits) == 0 {
		return
	}
	d.hit = (d.hit + n + len(d.hits)) % len(d.hits)
	y := d.vp.YOffset()
	d.applyFind()
	d.vp.SetYOffset(y)
	d.showHit()
}

// HasHits reports whether n/N have matches to step through.
func (d detailPane) HasHits() bool { return len(d.hits) > 0 }

func (d detailPane) Update(msg tea.Msg) (detailPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		d.handleKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			d.vp.ScrollUp(3)
		case tea.MouseWheelDown:
			d.vp.ScrollDown(3)
		}
	}
	return d, nil
}

func (d *detailPane) handleKey(msg tea.KeyPressMsg) {
	switch {
	case key.Matches(msg, d.keys.Up):
		d.vp.ScrollUp(1)
	case key.Matches(msg, d.keys.Down):
		d.vp.ScrollDown(1)
	case key.Matches(msg, d.keys.HalfUp):
		d.vp.HalfPageUp()
	case key.Matches(msg, d.keys.HalfDown):
		d.vp.HalfPageDown()
	case key.Matches(msg, d.keys.PageUp):
		d.vp.PageUp()
	case key.Matches(msg, d.keys.PageDown):
		d.vp.PageDown()
	case key.Matches(msg, d.keys.Top):
		d.vp.GotoTop()
	case key.Matches(msg, d.keys.Bottom):
		d.vp.GotoBottom()
	case key.Matches(msg, d.keys.NextHit) && d.HasHits():
		d.stepHit(1)
	case key.Matches(msg, d.keys.PrevHit) && d.HasHits():
		d.stepHit(-1)
	}
}

func (d detailPane) View() string {
	if !d.has {
		return d.styles.Empty.Render(" no paper selected")
	}
	// The lines on screen, as they are: the viewport's own View pads them
	// counting by grapheme, which makes a line of ZWJ emoji wider than the
	// pane on terminals that count by wcwidth. The root boxes them.
	y := min(max(0, d.vp.YOffset()), len(d.shown))
	return strings.Join(d.shown[y:min(len(d.shown), y+max(0, d.height))], "\n")
}

// setContent gives the viewport its lines (it keeps the scroll position
// and its bounds) and keeps them for View.
func (d *detailPane) setContent(lines []string) {
	d.shown = lines
	d.vp.SetContentLines(lines)
}

// placeholder is what the pane shows for the moment a render takes.
func placeholder(p model.Paper) string {
	return "\n  " + safeLine(p.Title) + "\n\n  rendering…"
}
