package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
)

// Comforts are the reader's settings from config.toml and the display
// flags. The zero value is the reader as it comes.
type Comforts struct {
	// Keys maps action names (config.Actions) to their keys; an action
	// left out keeps its default keys, one given none is switched off.
	Keys map[string][]string
	// Theme is "auto" (or ""), "dark", "light", or the path of a glamour
	// style file for the detail (the rest then follows the background).
	Theme string
	// ArxivCategories are the categories the arxiv key steps through.
	ArxivCategories []string
	// DateFormat writes a paper's date ("YYYY-MM-DD") in the list; nil
	// leaves it as it is.
	DateFormat func(published string) string
	NoMouse    bool // leave the mouse to the terminal
	ASCII      bool // draw with ASCII only
	// Notices are problems with the config file, shown at start.
	Notices []string
}

// fixedTheme reports whether the theme overrides the terminal's
// background, and which way.
func (c Comforts) fixedTheme() (dark, fixed bool) {
	switch c.Theme {
	case "dark":
		return true, true
	case "light":
		return false, true
	}
	return false, false
}

// styleFile is the glamour style file of the theme, if it is one.
func (c Comforts) styleFile() string {
	switch c.Theme {
	case "", "auto", "dark", "light":
		return ""
	}
	return c.Theme
}

// applyComforts runs once, at the end of New.
func (m *App) applyComforts() {
	c := m.opts.Comforts
	if len(c.ArxivCategories) == 0 {
		m.keys.listing.Arxiv.SetEnabled(false)
	}
	m.help.SetSections(m.helpSections())
	// The styles as the theme has them until the terminal answers (a fixed
	// theme ignores the answer: see newStyles).
	m.handleBackground(tea.BackgroundColorMsg{Color: color.Black})
	if len(c.Notices) > 0 {
		// On screen until esc: a status-bar message alone would be gone with
		// the first listing's own ("showing the cached copy…").
		m.showMessage("The config file has problems", strings.Join(c.Notices, "\n")+
			"\n\npaperdeck uses the default for each of these. esc closes this; "+
			"paperdeck config show checks the file again.")
		// And in the status bar until another message replaces it.
		_ = m.status.Flash(common.Error, noticeLine(c.Notices))
	}
}

// noticeLine puts the config's problems in the status bar's one line.
func noticeLine(notices []string) string {
	if len(notices) == 1 {
		return notices[0]
	}
	return fmt.Sprintf("%s (and %d more: paperdeck config show)", notices[0], len(notices)-1)
}

// newStyles builds the styles for the terminal's background, unless the
// config fixes the theme.
func (m *App) newStyles(dark bool) common.Styles {
	if d, fixed := m.opts.Comforts.fixedTheme(); fixed {
		dark = d
	}
	st := common.NewStyles(dark, m.opts.NoColor)
	st.DetailStyle = m.opts.Comforts.styleFile()
	return st
}

// comfortView applies what the config and the flags say about the whole
// screen: the mouse, no colour, ASCII only.
func (m *App) comfortView(v tea.View) tea.View {
	if m.opts.Comforts.NoMouse {
		v.MouseMode = tea.MouseModeNone
	}
	if m.opts.NoColor {
		v.Content = withoutColour(v.Content)
	}
	if m.opts.Comforts.ASCII {
		v.Content = asciiOnly(v.Content)
	}
	return v
}

// nextArxiv lists the category after the one on screen in
// arxiv_categories (the first when no arXiv category is listed).
func (m *App) nextArxiv() tea.Cmd {
	cats := m.opts.Comforts.ArxivCategories
	if len(cats) == 0 {
		return m.status.Flash(common.Info, "no arXiv categories: set arxiv_categories in the config file")
	}
	// After the category last asked for, even if it failed to load: a
	// category that is down must not stop a from moving on.
	cur := m.nav.arxivAsked
	if p := m.nav.listing.Period; cur == "" && p.Kind == model.Arxiv {
		cur = p.Value
	}
	next := cats[0]
	if i := slices.Index(cats, cur); i >= 0 {
		next = cats[(i+1)%len(cats)]
	}
	return m.load(loadReq{Request: feed.Request{Period: model.Period{Kind: model.Arxiv, Value: next}}})
}
