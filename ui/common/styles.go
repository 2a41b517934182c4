package common

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles is every style of the screen, built in one place from the
// terminal's background (and NO_COLOR) and handed down by the root.
type Styles struct {
	Dark    bool
	NoColor bool
	// DetailStyle is a glamour style file for the detail (the config's
	// theme); "" for the dark or light style that goes with Dark.
	DetailStyle string

	Row         lipgloss.Style // a paper row
	RowRead     lipgloss.Style // a paper already opened
	RowSelected lipgloss.Style // the row under the cursor
	RowBlurred  lipgloss.Style // the cursor's row while the detail has focus
	Marks       lipgloss.Style // unread, bookmark and code marks
	Upvotes     lipgloss.Style
	Date        lipgloss.Style
	Empty       lipgloss.Style // "no papers on …"
	Divider     lipgloss.Style // between list and detail

	Status      lipgloss.Style
	StatusKey   lipgloss.Style // the source part of the status bar
	StatusError lipgloss.Style
	StatusNote  lipgloss.Style
	Spinner     lipgloss.Style

	Prompt     lipgloss.Style
	Hit        lipgloss.Style // a match of the detail's find
	CurrentHit lipgloss.Style
	Title      lipgloss.Style // headings of help and picker
	Banner     lipgloss.Style // a bookmark's tags and note above the detail
	Help       help.Styles
}

// RenderStyle is the Markdown style that goes with these styles: a name,
// or the path of a style file.
func (s Styles) RenderStyle() string {
	switch {
	case s.NoColor:
		return "notty"
	case s.DetailStyle != "":
		return s.DetailStyle
	case s.Dark:
		return "dark"
	}
	return "light"
}

// NewStyles builds the styles for a dark or light background; noColor
// (NO_COLOR, --no-color) keeps only bold, faint and reverse: no colour, and
// none of the SGR codes (3 italic, 4 underline) a colour check could
// mistake for one.
func NewStyles(dark, noColor bool) Styles {
	s := Styles{Dark: dark, NoColor: noColor}
	plain := lipgloss.NewStyle()
	if noColor {
		s.Row = plain
		s.RowRead = plain.Faint(true)
		s.RowSelected = plain.Reverse(true)
		s.RowBlurred = plain.Bold(true)
		s.Marks = plain
		s.Upvotes = plain
		s.Date = plain
		s.Empty = plain.Faint(true)
		s.Divider = plain
		s.Status = plain.Reverse(true)
		s.StatusKey = plain.Reverse(true).Bold(true)
		s.StatusError = plain.Reverse(true).Bold(true)
		s.StatusNote = plain.Reverse(true)
		s.Spinner = plain.Reverse(true)
		s.Prompt = plain.Bold(true)
		s.Hit = plain.Bold(true)
		s.CurrentHit = plain.Reverse(true)
		s.Title = plain.Bold(true)
		s.Banner = plain.Bold(true)
		s.Help = help.Styles{
			Ellipsis: plain, ShortKey: plain.Bold(true), ShortDesc: plain, ShortSeparator: plain,
			FullKey: plain.Bold(true), FullDesc: plain, FullSeparator: plain,
		}
		return s
	}
	ld := lipgloss.LightDark(dark)
	fg := ld(lipgloss.Color("#1f1f24"), lipgloss.Color("#e4e4e7"))
	dim := ld(lipgloss.Color("#8a8a93"), lipgloss.Color("#6e6e78"))
	accent := ld(lipgloss.Color("#b4530a"), lipgloss.Color("#ffb000"))
	selBg := ld(lipgloss.Color("#dbe4ff"), lipgloss.Color("#2e3350"))
	barBg := ld(lipgloss.Color("#e6e6ea"), lipgloss.Color("#26262c"))
	red := ld(lipgloss.Color("#c01c28"), lipgloss.Color("#ff6b6b"))
	blue := ld(lipgloss.Color("#1c5fc0"), lipgloss.Color("#7aa2f7"))

	s.Row = plain.Foreground(fg).Bold(true)
	s.RowRead = plain.Foreground(dim)
	s.RowSelected = plain.Background(selBg)
	s.RowBlurred = plain.Foreground(dim).Underline(true)
	s.Marks = plain.Foreground(accent)
	s.Upvotes = plain.Foreground(accent)
	s.Date = plain.Foreground(dim)
	s.Empty = plain.Foreground(dim).Italic(true)
	s.Divider = plain.Foreground(dim)
	s.Status = plain.Foreground(fg).Background(barBg)
	s.StatusKey = plain.Foreground(blue).Background(barBg).Bold(true)
	s.StatusError = plain.Foreground(red).Background(barBg).Bold(true)
	s.StatusNote = plain.Foreground(accent).Background(barBg)
	s.Spinner = plain.Foreground(accent).Background(barBg)
	s.Prompt = plain.Foreground(blue).Bold(true)
	s.Hit = plain.Underline(true).Foreground(accent)
	s.CurrentHit = plain.Reverse(true).Foreground(accent)
	s.Title = plain.Foreground(blue).Bold(true)
	s.Banner = plain.Foreground(accent).Bold(true)
	s.Help = help.DefaultStyles(dark)
	return s
}
