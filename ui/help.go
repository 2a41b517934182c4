package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// helpSection is one titled group of the help screen.
type helpSection struct {
	title string
	keys  []key.Binding
}

// helpKeys scroll and close the help screen.
type helpKeys struct {
	Up, Down key.Binding
	Close    key.Binding
}

func newHelpKeys() helpKeys {
	return helpKeys{
		Up:    bind([]string{"k", "up"}, "k/↑", "scroll up"),
		Down:  bind([]string{"j", "down"}, "j/↓", "scroll down"),
		Close: bind([]string{"esc", "?"}, "esc/?", "close help"),
	}
}

func (k helpKeys) ShortHelp() []key.Binding  { return []key.Binding{k.Close, k.Up, k.Down} }
func (k helpKeys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Up, k.Down, k.Close}} }

// maxHelpKeyWidth bounds the key column of the help screen.
const maxHelpKeyWidth = 18

// helpPane lists every key, taken from the panes' bindings themselves, in
// as many columns as fit, scrolling when they do not.
type helpPane struct {
	keys     helpKeys
	styles   Styles
	sections []helpSection
	width    int
	height   int
	vp       viewport.Model
}

func newHelpPane(styles Styles, sections []helpSection) helpPane {
	return helpPane{keys: newHelpKeys(), styles: styles, sections: sections, vp: viewport.New()}
}

func (h *helpPane) SetSize(w, ht int) {
	h.width, h.height = w, ht
	h.vp.SetWidth(w)
	h.vp.SetHeight(ht)
	h.vp.SetContent(h.layout())
}

func (h *helpPane) SetStyles(s Styles) {
	h.styles = s
	h.vp.SetContent(h.layout())
}

// column renders one section as lines: a title, then "key  description";
// the title's colour separates sections, so no blank line is spent.
func (h helpPane) column(sec helpSection, keyW int) []string {
	lines := []string{h.styles.Title.Render(safeLine(sec.title))}
	for _, b := range sec.keys {
		if !b.Enabled() {
			continue
		}
		// Keys and descriptions may come from the user's config file.
		k := padRight(safeLine(b.Help().Key), keyW)
		lines = append(lines, h.styles.Help.FullKey.Render(k)+"  "+h.styles.Help.FullDesc.Render(safeLine(b.Help().Desc)))
	}
	return lines
}

// layout puts whole sections, in order, into as many columns as the width
// holds and the height needs, as evenly as it can; what does not fit
// scrolls.
func (h helpPane) layout() string {
	keyW := 0
	for _, sec := range h.sections {
		for _, b := range sec.keys {
			keyW = max(keyW, cellWidth(safeLine(b.Help().Key)))
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
			colW = max(colW, cellWidth(l))
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
			b.WriteString(padRight(line, colW))
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

func (h helpPane) Update(msg tea.Msg) (helpPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, h.keys.Up):
			h.vp.ScrollUp(1)
		case key.Matches(msg, h.keys.Down):
			h.vp.ScrollDown(1)
		}
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			h.vp.ScrollUp(3)
		case tea.MouseWheelDown:
			h.vp.ScrollDown(3)
		}
	}
	return h, nil
}

func (h helpPane) View() string { return h.vp.View() }
