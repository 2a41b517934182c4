// Package status is the status bar, the bottom line: what is listed, how
// many, a spinner while anything loads, the latest message (it fades) and
// the focused pane's main keys.
package status

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/ui/common"
)

// Kind is how much a message matters: how it looks and how long it stays.
type Kind = common.Level

const (
	Info   = common.Info
	Notice = common.Notice
	Error  = common.Error
)

// How long a message stays before it fades from the status bar.
var flashFor = map[Kind]time.Duration{
	Info:   4 * time.Second,
	Notice: 8 * time.Second,
	Error:  10 * time.Second,
}

// ClearMsg fades the message numbered Seq (a newer one stays).
type ClearMsg struct{ Seq int }

// Model is the status bar.
type Model struct {
	styles  common.Styles
	width   int
	spinner spinner.Model
	loading bool

	where string // "Hugging Face · Thursday 2024-08-01"
	count string // "3 of 13 papers"

	msg     string
	msgKind Kind
	recent  []string // the last messages, whole, oldest first (the bar may cut one)
	seq     int
	tick    Ticker
	hints   []string
}

// Ticker schedules a message; tea.Tick, or a stand-in in tests.
type Ticker func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

func New(c common.Common) *Model {
	return &Model{styles: c.Styles, width: c.Width, spinner: spinner.New(spinner.WithSpinner(spinner.Dot)), tick: tea.Tick}
}

// SetTicker replaces tea.Tick (tests run no timers).
func (s *Model) SetTicker(t Ticker) { s.tick = t }

// SetSize takes the width; the bar is one line high.
func (s *Model) SetSize(w, _ int)           { s.width = w }
func (s *Model) SetStyles(st common.Styles) { s.styles = st }

// SetHints are the focused pane's main keys, as "key what".
func (s *Model) SetHints(hints []string) { s.hints = hints }

// SetListing says what is listed. Both may hold text from the source (a
// period's name, a typed query), so they are cleaned.
func (s *Model) SetListing(where, count string) {
	s.where, s.count = termsafe.Line(where), termsafe.Line(count)
}

// SetLoading starts or stops the spinner; starting returns its first tick.
func (s *Model) SetLoading(on bool) tea.Cmd {
	was := s.loading
	s.loading = on
	if on && !was {
		return s.spinner.Tick
	}
	return nil
}

// Flash shows a message and returns the command that fades it.
func (s *Model) Flash(kind Kind, text string) tea.Cmd {
	s.seq++
	s.msg, s.msgKind = termsafe.Line(oneLine(text)), kind
	if s.msg != "" && (len(s.recent) == 0 || s.recent[len(s.recent)-1] != s.msg) {
		s.recent = append(s.recent, s.msg)
		if len(s.recent) > maxRecent {
			s.recent = slices.Delete(s.recent, 0, len(s.recent)-maxRecent)
		}
	}
	seq := s.seq
	return s.tick(flashFor[kind], func(time.Time) tea.Msg { return ClearMsg{seq} })
}

// maxRecent is how many messages Recent keeps.
const maxRecent = 20

// Recent is the last messages, newest first, each whole.
func (s *Model) Recent() []string {
	out := slices.Clone(s.recent)
	slices.Reverse(out)
	return out
}

// Message is the message on show ("" when it faded).
func (s *Model) Message() string { return s.msg }

// Seq numbers the latest message.
func (s *Model) Seq() int { return s.seq }

// Loading reports whether the spinner turns.
func (s *Model) Loading() bool { return s.loading }

// Update fades a message (ClearMsg: unless a newer one replaced it) and
// advances the spinner while loading; once loading stops the ticks stop
// too.
func (s *Model) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case ClearMsg:
		if msg.Seq == s.seq {
			s.msg = ""
		}
	case spinner.TickMsg:
		if s.loading {
			var cmd tea.Cmd
			s.spinner, cmd = s.spinner.Update(msg)
			return cmd
		}
	}
	return nil
}

// Keys: the bar takes no keys.
func (s *Model) Keys() common.KeyMap { return noKeys{} }

type noKeys struct{}

func (noKeys) ShortHelp() []key.Binding  { return nil }
func (noKeys) FullHelp() [][]key.Binding { return nil }

// View puts a message first while there is one (it fades), then what is
// listed, then as many hints (the focused pane's main keys) as there is
// room for, else just "? help".
func (s *Model) View() string {
	hints := s.hints
	st := s.styles
	const short = " ? help "
	room := max(0, s.width-len(short))
	if s.width < 60 {
		room = s.width
	}
	var segs []string
	var styles []func(...string) string
	add := func(text string, style func(...string) string) {
		if text = common.Truncate(text, room-segsWidth(segs)); text != "" {
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
		case Error:
			style = st.StatusError.Render
		case Notice:
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
			if h := " " + termsafe.Line(strings.Join(hints[:n], " · ")) + " "; used+common.CellWidth(h) <= s.width {
				right = h
				break
			}
		}
	}
	var b strings.Builder
	for i, seg := range segs {
		b.WriteString(styles[i](seg))
	}
	gap := max(0, s.width-used-common.CellWidth(right))
	b.WriteString(st.Status.Render(strings.Repeat(" ", gap) + right))
	return common.Truncate(b.String(), s.width)
}

func segsWidth(segs []string) int {
	n := 0
	for _, s := range segs {
		n += common.CellWidth(s)
	}
	return n
}

// oneLine keeps the first line of an error message, so the bar stays one
// line.
func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}
