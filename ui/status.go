package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
)

type flashKind int

const (
	flashInfo flashKind = iota
	flashNotice
	flashError
)

// How long a message stays before it fades from the status bar.
var flashFor = map[flashKind]time.Duration{
	flashInfo:   4 * time.Second,
	flashNotice: 8 * time.Second,
	flashError:  10 * time.Second,
}

// statusClearMsg fades the message numbered seq (a newer one stays).
type statusClearMsg struct{ seq int }

// statusBar is the bottom line: what is listed, how many, a spinner while
// anything loads, and the latest message.
type statusBar struct {
	styles  Styles
	width   int
	spinner spinner.Model
	loading bool

	where string // "Hugging Face · Thursday 2024-08-01"
	count string // "3 of 13 papers"

	msg     string
	msgKind flashKind
	seq     int
	tick    tickFunc
}

// tickFunc schedules a message; tea.Tick, or a stand-in in tests.
type tickFunc func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

func newStatusBar(styles Styles) statusBar {
	return statusBar{styles: styles, spinner: spinner.New(spinner.WithSpinner(spinner.Dot)), tick: tea.Tick}
}

func (s *statusBar) SetSize(w int)       { s.width = w }
func (s *statusBar) SetStyles(st Styles) { s.styles = st }

// SetListing says what is listed. Both may hold text from the source (a
// period's name, a typed query), so they are cleaned.
func (s *statusBar) SetListing(where, count string) {
	s.where, s.count = safeLine(where), safeLine(count)
}

// SetLoading starts or stops the spinner; starting returns its first tick.
func (s *statusBar) SetLoading(on bool) tea.Cmd {
	was := s.loading
	s.loading = on
	if on && !was {
		return s.spinner.Tick
	}
	return nil
}

// Flash shows a message and returns the command that fades it.
func (s *statusBar) Flash(kind flashKind, text string) tea.Cmd {
	s.seq++
	s.msg, s.msgKind = safeLine(oneLine(text)), kind
	seq := s.seq
	return s.tick(flashFor[kind], func(time.Time) tea.Msg { return statusClearMsg{seq} })
}

// Clear fades the message numbered seq, unless a newer one replaced it.
func (s *statusBar) Clear(seq int) {
	if seq == s.seq {
		s.msg = ""
	}
}

func (s statusBar) Message() string { return s.msg }

// Tick advances the spinner while loading; once loading stops the ticks
// stop too.
func (s statusBar) Tick(msg spinner.TickMsg) (statusBar, tea.Cmd) {
	if !s.loading {
		return s, nil
	}
	var cmd tea.Cmd
	s.spinner, cmd = s.spinner.Update(msg)
	return s, cmd
}

// View puts a message first while there is one (it fades), then what is
// listed, then as many hints (the focused pane's main keys) as there is
// room for, else just "? help".
func (s statusBar) View(hints []string) string {
	st := s.styles
	const short = " ? help "
	room := max(0, s.width-len(short))
	if s.width < 60 {
		room = s.width
	}
	var segs []string
	var styles []func(...string) string
	add := func(text string, style func(...string) string) {
		if text = truncate(text, room-segsWidth(segs)); text != "" {
			segs = append(segs, text)
			styles = append(styles, style)
		}
	}
	if s.loading {
		add(" "+s.spinner.View(), st.Spinner.Render)
	}
	if s.msg != "" {
		style := st.Status.Render
		switch s.msgKind {
		case flashError:
			style = st.StatusError.Render
		case flashNotice:
			style = st.StatusNote.Render
		}
		add(" "+s.msg+" ", style)
		add("│", st.Status.Render)
	}
	info := " " + s.where
	if s.count != "" {
		info += " · " + s.count
	}
	add(info+" ", st.StatusKey.Render)

	used := segsWidth(segs)
	right := ""
	if s.width >= 60 {
		right = short
		// As many of the hints as fit, from the first.
		for n := len(hints); n > 0; n-- {
			if h := " " + safeLine(strings.Join(hints[:n], " · ")) + " "; used+cellWidth(h) <= s.width {
				right = h
				break
			}
		}
	}
	var b strings.Builder
	for i, seg := range segs {
		b.WriteString(styles[i](seg))
	}
	gap := max(0, s.width-used-cellWidth(right))
	b.WriteString(st.Status.Render(strings.Repeat(" ", gap) + right))
	return truncate(b.String(), s.width)
}

func segsWidth(segs []string) int {
	n := 0
	for _, s := range segs {
		n += cellWidth(s)
	}
	return n
}
