// Package detail is the detail pane: one paper's rendered Markdown in a
// scrolling viewport, with an in-text find (n/N) that highlights every
// match. It renders in the background (glamour is slow), one render at a
// time, and keeps the renders in a cache.
package detail

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
	"github.com/paperdeck/paperdeck/ui/render"
)

type keys struct {
	scroll           common.ScrollKeys
	Find             key.Binding
	NextHit, PrevHit key.Binding
	Back             key.Binding
}

func (k keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Back, k.Find, k.NextHit, k.PrevHit}
}

// FullHelp is the detail's own keys; it scrolls with the list's move
// keys, which the help lists with those.
func (k keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Find, k.NextHit, k.PrevHit, k.Back}}
}

// Model is the detail pane.
type Model struct {
	keys   keys
	styles common.Styles
	width  int
	height int
	vp     viewport.Model

	render    RenderFunc
	renders   *render.Cache
	rendering bool // a render is running (one at a time)

	paper    model.Paper
	has      bool
	empty    string    // why nothing is on show (Clear)
	banner   []string  // the bookmark's date, tags and note, above the text
	want     RenderKey // what the pane waits for
	rendered bool
	lines    []string // the rendered Markdown, one entry per screen line
	shown    []string // banner and lines (find highlights included): the viewport's content

	find common.Find // in the rendered lines, banner aside
}

// New builds the pane; r renders a paper (in a command, never here).
func New(c common.Common, r RenderFunc) *Model {
	vp := viewport.New()
	vp.SoftWrap = false
	k := keys{
		scroll: common.NewScrollKeys(c.Keys, keymap.Detail),
		Find:   c.Keys.Binding("find", keymap.Detail), NextHit: c.Keys.Binding("next_match", keymap.Detail),
		PrevHit: c.Keys.Binding("previous_match", keymap.Detail), Back: c.Keys.Binding("back", keymap.Detail),
	}
	d := &Model{keys: k, styles: c.Styles, vp: vp, render: r, renders: render.NewCache(256)}
	d.SetSize(c.Width, c.Height)
	return d
}

func (d *Model) Keys() common.KeyMap { return d.keys }

func (d *Model) SetSize(w, h int) {
	d.width, d.height = w, h
	d.vp.SetWidth(w)
	d.vp.SetHeight(h)
}

func (d *Model) SetStyles(s common.Styles) {
	d.styles = s
	d.applyFind()
}

// Show puts p on screen (full: its whole record was merged in), from the
// render cache when it can, else rendering it in the background. One
// render runs at a time: with j held down the pane shows each paper's
// plain placeholder and renders only where the cursor is when the running
// render lands. The content stays as it was (scroll included) when only
// the width or style changed.
func (d *Model) Show(p model.Paper, full bool) tea.Cmd {
	k := RenderKey{ID: p.ID, Full: full, Width: max(1, d.width), Style: d.styles.RenderStyle()}
	d.setPaper(p, k)
	if out, ok := d.renders.Get(k.cacheID(), k.Width, render.Style(k.Style)); ok {
		d.setRendered(k, out)
		return nil
	}
	if d.rendering {
		return nil // the running render's answer asks for this one
	}
	d.rendering = true
	return renderCmd(d.render, p, k)
}

// Clear empties the pane (the list shows nothing), saying why and what to
// do next.
func (d *Model) Clear(why string) {
	d.paper, d.has, d.rendered, d.empty = model.Paper{}, false, false, why
	d.find = common.Find{}
	d.lines = nil
	d.setContent(nil)
}

// Shown is the paper on show and its full flag, to show again at a new
// size or style.
func (d *Model) Shown() (model.Paper, bool) { return d.paper, d.has }

func (d *Model) takeRender(msg RenderedMsg) tea.Cmd {
	d.rendering = false
	if msg.err == nil {
		d.renders.Put(msg.key.cacheID(), msg.key.Width, render.Style(msg.key.Style), msg.out)
	}
	wanted := d.has && msg.key == d.want
	d.setRendered(msg.key, msg.out)
	var cmds []tea.Cmd
	if msg.err != nil && wanted {
		cmds = append(cmds, common.Flash(common.Error, "rendering the detail: "+msg.err.Error()))
	}
	if d.waiting() {
		cmds = append(cmds, d.Show(d.paper, d.want.Full)) // the pane moved on while this one ran
	}
	return tea.Batch(cmds...)
}

// waiting reports whether the pane waits for a render.
func (d *Model) waiting() bool { return d.has && !d.rendered }

// setPaper shows p and says which render it now waits for.
func (d *Model) setPaper(p model.Paper, want RenderKey) {
	same := d.has && d.paper.ID == p.ID
	d.paper, d.has, d.want, d.empty = p, true, want, ""
	if same && d.rendered {
		return
	}
	d.rendered = false
	d.find = common.Find{}
	d.lines = strings.Split(placeholder(p), "\n")
	d.applyFind()
	d.vp.GotoTop()
}

// setRendered takes a finished render; one for another paper, width or
// style than the pane now wants is ignored.
func (d *Model) setRendered(k RenderKey, out string) bool {
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
func (d *Model) Paper() (model.Paper, bool) { return d.paper, d.has }

// Find highlights every line containing query (case-insensitive) and
// scrolls to the first; an empty query clears the highlights.
func (d *Model) Find(query string) {
	d.find.Search(query, d.lines, 0)
	d.applyFind()
	d.vp.SetYOffset(d.find.Offset(d.vp.YOffset(), d.height, len(d.banner)))
}

// FindStatus says how the find went, for the status bar.
func (d *Model) FindStatus() string { return d.find.Status() }

// CanFind: the detail finds in whatever it shows (common.Finder).
func (d *Model) CanFind() bool { return true }

// SetBanner puts a few lines (the bookmark's tags and note) above the
// rendered text.
func (d *Model) SetBanner(s string) {
	var banner []string
	if s != "" {
		for _, l := range strings.Split(termsafe.Text(s), "\n") {
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

// applyFind finds the query again in the lines and gives the viewport
// the banner and the lines with the matches highlighted.
func (d *Model) applyFind() {
	d.find.Refresh(d.lines)
	lines := d.lines
	if len(d.find.Hits) > 0 {
		lines = append([]string(nil), d.lines...)
		needle := strings.ToLower(d.find.Query)
		for i, h := range d.find.Hits {
			style := d.styles.Hit
			if i == d.find.Hit {
				style = d.styles.CurrentHit
			}
			lines[h] = highlight(ansi.Strip(d.lines[h]), needle, style.Render)
		}
	}
	d.setContent(append(append([]string(nil), d.banner...), lines...))
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

func (d *Model) stepHit(n int) {
	if !d.find.Step(n) {
		return
	}
	y := d.vp.YOffset()
	d.applyFind()
	d.vp.SetYOffset(d.find.Offset(y, d.height, len(d.banner)))
}

// HasHits reports whether n/N have matches to step through.
func (d *Model) HasHits() bool { return len(d.find.Hits) > 0 }

// Update takes a finished render, scrolls, steps through the find's
// matches, and asks the root for the find line or to close the pane.
func (d *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case RenderedMsg:
		return d.takeRender(msg)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, d.keys.Back) && d.find.Query != "":
			d.Find("")
			return nil
		case key.Matches(msg, d.keys.Back):
			return common.Close
		case key.Matches(msg, d.keys.NextHit, d.keys.PrevHit):
			if !d.HasHits() {
				return nil
			}
			if key.Matches(msg, d.keys.NextHit) {
				d.stepHit(1)
			} else {
				d.stepHit(-1)
			}
			return common.Flash(common.Info, d.FindStatus())
		}
	}
	common.Scroll(&d.vp, d.keys.scroll, msg)
	return nil
}

func (d *Model) View() string {
	if !d.has {
		why := d.empty
		if why == "" {
			why = "no paper selected"
		}
		// Wrapped, not cut: it says what to do next.
		return d.styles.Empty.Render(common.Wrap(termsafe.Line(why), d.width, " "))
	}
	// The lines on screen, as they are: the viewport's own View pads them
	// counting by grapheme, which makes a line of ZWJ emoji wider than the
	// pane on terminals that count by wcwidth. The root boxes them.
	y := min(max(0, d.vp.YOffset()), len(d.shown))
	return strings.Join(d.shown[y:min(len(d.shown), y+max(0, d.height))], "\n")
}

// setContent gives the viewport its lines (it keeps the scroll position
// and its bounds) and keeps them for View.
func (d *Model) setContent(lines []string) {
	d.shown = lines
	d.vp.SetContentLines(lines)
}

// placeholder is what the pane shows for the moment a render takes.
func placeholder(p model.Paper) string {
	return "\n  " + common.Title(p) + "\n\n  rendering…"
}
