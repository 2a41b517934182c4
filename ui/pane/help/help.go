// Package help is the help screen: every key, from the panes' own
// bindings, in as many columns as fit, scrolling when they do not.
package help

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/keymap"
)

// Section is one titled group of the help screen.
type Section struct {
	Title string
	Keys  []key.Binding
}

type keys struct {
	scroll common.ScrollKeys
	close  key.Binding
}

func (k keys) ShortHelp() []key.Binding { return []key.Binding{k.close, k.scroll.Up, k.scroll.Down} }
func (k keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(k.scroll.All(), k.close)}
}

// maxHelpKeyWidth bounds the key column of the help screen.
const maxHelpKeyWidth = 18

// helpPane lists every key, taken from the panes' bindings themselves, in
// as many columns as fit, scrolling when they do not.
type Model struct {
	keys     keys
	styles   common.Styles
	sections []Section
	width    int
	height   int
	more     bool   // the keys do not fit: a footer says how to scroll
	foot     string // that footer, for the scroll position now
	vp       viewport.Model
}

func New(c common.Common, sections []Section) *Model {
	k := keys{scroll: common.NewScrollKeys(c.Keys, keymap.Help), close: c.Keys.Binding("close", keymap.Help)}
	h := &Model{keys: k, styles: c.Styles, sections: sections, vp: viewport.New()}
	h.SetSize(c.Width, c.Height)
	return h
}

// SetSections changes what the screen lists (a key switched off).
func (h *Model) SetSections(sections []Section) {
	h.sections = sections
	h.fill()
}

func (h *Model) SetSize(w, ht int) {
	h.width, h.height = w, ht
	h.vp.SetWidth(w)
	h.fill()
}

func (h *Model) SetStyles(s common.Styles) {
	h.styles = s
	h.fill()
}

// fill lays the keys out; when they do not fit, the last line names the
// keys that scroll them, so the help can be read whole on a small screen.
func (h *Model) fill() {
	text := h.layout()
	h.more = strings.Count(text, "\n")+1 > h.height
	if h.more {
		h.vp.SetHeight(max(1, h.height-1))
	} else {
		h.vp.SetHeight(h.height)
	}
	h.vp.SetContent(text)
	h.foot = h.footer()
}

// footer says where the screen is in the help and which keys move it.
func (h *Model) footer() string {
	first := h.vp.YOffset() + 1
	last := min(h.vp.TotalLineCount(), h.vp.YOffset()+h.vp.Height())
	text := fmt.Sprintf(" lines %d–%d of %d · %s %s · %s %s", first, last, h.vp.TotalLineCount(),
		h.keys.scroll.Down.Help().Key, h.keys.scroll.Down.Help().Desc, h.keys.scroll.Up.Help().Key, h.keys.scroll.Up.Help().Desc)
	return h.styles.Empty.Render(common.Truncate(termsafe.Line(text), h.width))
}

// column renders one section as lines: a title, then "key  description";
// the title's colour separates sections, so no blank line is spent.
func (h *Model) column(sec Section, keyW int) []string {
	lines := []string{h.styles.Title.Render(termsafe.Line(sec.Title))}
	for _, b := range sec.Keys {
		if !b.Enabled() {
			continue
		}
		// Keys and descriptions may come from the user's config file.
		k := common.PadRight(termsafe.Line(b.Help().Key), keyW)
		lines = append(lines, h.styles.Help.FullKey.Render(k)+"  "+h.styles.Help.FullDesc.Render(termsafe.Line(b.Help().Desc)))
	}
	return lines
}

// layout puts whole sections, in order, into as many columns as the width
// holds and the height needs, as evenly as it can; what does not fit
// scrolls.
func (h *Model) layout() string {
	keyW := 0
	for _, sec := range h.sections {
		for _, b := range sec.Keys {
			keyW = max(keyW, common.CellWidth(termsafe.Line(b.Help().Key)))
		}
	}
	// A long key name (a config can make one) is cut rather than pushing
	// every description off the screen.
	keyW = min(keyW, maxHelpKeyWidth)
	var blocks [][]string
	total, colW := 0, 0
	for _, sec := range h.sections {
		b := h.column(sec, keyW)
		blocks = append(blocks, b)
		total += len(b)
		for _, l := range b {
			colW = max(colW, common.CellWidth(l))
		}
	}
	const gap = 3
	n := max(1, min((h.width-1+gap)/(colW+gap), total/max(1, h.height-1)+1, len(blocks)))
	cols := balance(blocks, n)
	height := 0
	for _, c := range cols {
		height = max(height, len(c))
	}
	out := make([]string, height)
	for r := range out {
		var b strings.Builder
		b.WriteString(" ")
		for c, col := range cols {
			if c > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			line := ""
			if r < len(col) {
				line = col[r]
			}
			b.WriteString(common.PadRight(line, colW))
		}
		out[r] = strings.TrimRight(b.String(), " ")
	}
	return strings.Join(out, "\n")
}

// balance splits blocks, in order, into at most n columns so that the
// tallest column is as short as possible.
func balance(blocks [][]string, n int) [][]string {
	sizes := make([]int, len(blocks))
	for i, b := range blocks {
		sizes[i] = len(b)
	}
	// best[i][k]: the tallest column when blocks[i:] go into k columns.
	var cut func(i, k int) (int, int)
	cut = func(i, k int) (tallest, next int) {
		sum := 0
		for _, s := range sizes[i:] {
			sum += s
		}
		if k == 1 || i == len(sizes)-1 {
			return sum, len(sizes)
		}
		tallest, next = sum, len(sizes)
		run := 0
		for j := i; j < len(sizes)-1; j++ {
			run += sizes[j]
			rest, _ := cut(j+1, k-1)
			if t := max(run, rest); t < tallest {
				tallest, next = t, j+1
			}
		}
		return tallest, next
	}
	var cols [][]string
	for i, k := 0, n; i < len(blocks); k-- {
		_, next := cut(i, k)
		var col []string
		for _, b := range blocks[i:next] {
			col = append(col, b...)
		}
		cols = append(cols, col)
		i = next
	}
	return cols
}

// Update scrolls; the close keys ask the root to close the help.
func (h *Model) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, h.keys.close) {
		return common.Close
	}
	if common.Scroll(&h.vp, h.keys.scroll, msg) {
		h.foot = h.footer()
	}
	return nil
}

func (h *Model) View() string {
	if h.more {
		return h.vp.View() + "\n" + h.foot
	}
	return h.vp.View()
}

func (h *Model) Keys() common.KeyMap { return h.keys }
