package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/pane/status"
)

// fakeFeed answers from memory. A period listed in hold waits until its
// channel is closed (or the request is cancelled), to test stale answers.
type fakeFeed struct {
	mu        sync.Mutex
	listings  map[model.Period]model.Listing
	errs      map[model.Period]error
	papers    map[string]model.Paper
	paperErrs map[string]error
	hold      map[model.Period]chan struct{}
	loads     []feed.Request
	notice    string
}

func newFakeFeed() *fakeFeed {
	return &fakeFeed{
		listings:  map[model.Period]model.Listing{},
		errs:      map[model.Period]error{},
		papers:    map[string]model.Paper{},
		paperErrs: map[string]error{},
		hold:      map[model.Period]chan struct{}{},
	}
}

func (f *fakeFeed) add(l model.Listing) *fakeFeed {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.listings[l.Period] = l
	return f
}

func (f *fakeFeed) Load(ctx context.Context, req feed.Request) (feed.Result, error) {
	f.mu.Lock()
	f.loads = append(f.loads, req)
	hold := f.hold[req.Period]
	l, ok := f.listings[req.Period]
	err := f.errs[req.Period]
	notice := f.notice
	f.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-ctx.Done():
			return feed.Result{}, ctx.Err()
		}
	}
	if err != nil {
		return feed.Result{}, err
	}
	if !ok {
		return feed.Result{}, errors.New("404 Not Found")
	}
	return feed.Result{Listing: l, Notice: notice}, nil
}

func (f *fakeFeed) Paper(ctx context.Context, id string) (model.Paper, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if p, ok := f.papers[id]; ok {
		return p, nil
	}
	if err, ok := f.paperErrs[id]; ok {
		return model.Paper{}, err
	}
	return model.Paper{ID: id}, nil // nothing more than the listing knows
}

func (f *fakeFeed) requests() []feed.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]feed.Request(nil), f.loads...)
}

// fixedNow is the tests' clock: Friday 2025-01-17.
func fixedNow() time.Time { return time.Date(2025, 1, 17, 12, 0, 0, 0, time.UTC) }

// opened records what would have gone to the browser.
type opened struct {
	mu   sync.Mutex
	urls []string
}

func (o *opened) open(u string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.urls = append(o.urls, u)
	return nil
}

func (o *opened) list() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]string(nil), o.urls...)
}

// harness drives App.Update the way the program would, running every
// command to completion in order (timers are not run: nothing fades).
type harness struct {
	t      *testing.T
	app    *App
	feed   *fakeFeed
	opened *opened
	quit   bool
	clip   int // clipboard writes
	// intercept, when set, sees each message before the app and may change
	// it (the stream driver holds the stream's next wait back).
	intercept func(tea.Msg) tea.Msg
}

func newHarness(t *testing.T, f *fakeFeed, start model.Period, w, h int) *harness {
	t.Helper()
	o := &opened{}
	app := New(optionsFor(f, start, o))
	hs := &harness{t: t, app: app, feed: f, opened: o}
	app.setTicker(hs.noTick())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(app.Init())
	return hs
}

func optionsFor(f Feed, start model.Period, o *opened) Options {
	return Options{Feed: f, Start: feed.Request{Period: start}, Open: o.open, Now: fixedNow}
}

// noTick stands in for tea.Tick: timers never fire in these tests, so a
// message stays until a test fades it.
func (h *harness) noTick() status.Ticker {
	return func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
}

func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

// start delivers msg but returns its command unrun, to hold a request in
// flight.
func (h *harness) start(msg tea.Msg) tea.Cmd {
	_, cmd := h.app.Update(msg)
	return cmd
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	runCmds(cmd, func(msg tea.Msg) tea.Cmd {
		switch msg.(type) {
		case spinner.TickMsg: // the spinner's frames are not run
			return nil
		case tea.QuitMsg:
			h.quit = true
			return nil
		}
		if strings.Contains(strings.ToLower(typeName(msg)), "clipboard") {
			h.clip++
		}
		if h.intercept != nil {
			msg = h.intercept(msg)
		}
		_, next := h.app.Update(msg)
		return next
	})
}

// runCmds runs cmd and the commands of its batches in order, handing
// every other message to deliver, whose commands run after.
func runCmds(cmd tea.Cmd, deliver func(tea.Msg) tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case nil:
		default:
			queue = append(queue, deliver(msg))
		}
	}
}

func typeName(v any) string { return strings.TrimPrefix(strings.TrimPrefix(fmtType(v), "*"), "tea.") }

// keys types each named key ("j", "enter", "ctrl+c") or, for a longer
// plain word, each of its letters.
func (h *harness) keys(names ...string) {
	h.t.Helper()
	for _, n := range names {
		h.send(keyMsg(n))
	}
}

func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "space": tea.KeySpace, "tab": tea.KeyTab,
	}
	if c, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// screen is what the user sees, without colours.
func (h *harness) screen() string { return ansi.Strip(h.app.View().Content) }

func (h *harness) status() string {
	lines := strings.Split(h.screen(), "\n")
	return lines[len(lines)-1]
}

// selected is the id under the list's cursor.
func (h *harness) selected() string { return h.app.rows().SelectedID() }

// checkScreenFits fails when a line is wider or the screen taller than the
// terminal.
func checkScreenFits(t *testing.T, content string, w, h int) {
	t.Helper()
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		t.Errorf("%d×%d: %d lines drawn", w, h, len(lines))
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w {
			t.Errorf("%d×%d: line %d is %d cells wide: %q", w, h, i, got, ansi.Strip(l))
		}
	}
}

func loadFixture(t testing.TB, name string) model.Listing {
	t.Helper()
	l, err := feed.ParseFile("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// day builds a small listing of a day with the given titles.
func day(date string, titles ...string) model.Listing {
	l := model.Listing{Source: model.SourceHF, Period: model.Period{Kind: model.Day, Value: date}}
	for i, title := range titles {
		id := date + "-" + itoa(i)
		l.Papers = append(l.Papers, model.Paper{
			ID: id, Title: title, Upvotes: 10 - i, Published: date,
			Authors: []string{"Ada Lovelace", "Alan Turing"}, Summary: "Abstract of " + title + ".",
			URL: "https://huggingface.co/papers/" + id, PDFURL: "https://arxiv.org/pdf/" + id,
		})
	}
	return l
}

func fmtType(v any) string { return fmt.Sprintf("%T", v) }
