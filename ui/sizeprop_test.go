package ui

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
)

// propSizes are the terminal sizes of the property test: every size from
// 0×0 to 12×8, and two ordinary ones.
func propSizes() [][2]int {
	var sizes [][2]int
	for w := 0; w <= 12; w++ {
		for h := 0; h <= 8; h++ {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	return append(sizes, [2]int{80, 24}, [2]int{300, 100})
}

// propKeys are the keys a random session presses: every binding of every
// pane, digits for the picker, typing, editing keys. Quitting is left
// out so a session lasts.
var propKeys = []string{
	"j", "k", "g", "G", "ctrl+d", "ctrl+u", "pgup", "pgdown", "up", "down", "home", "end",
	"enter", "esc", "/", "s", "[", "]", "d", "w", "m", "t", "o", "p", "c", "L", "y", "Y",
	"b", "B", "T", "N", "n", "r", "?", "1", "2", "9", "a", "x", "space", "backspace", "tab", "ctrl+a",
}

// propEvent is one random input: mostly keys, sometimes a paste, a wheel
// turn or (when resize is set) a new terminal size.
func propEvent(rng *rand.Rand, sizes [][2]int, resize bool) (tea.Msg, string) {
	switch n := rng.IntN(100); {
	case resize && n < 12:
		s := sizes[rng.IntN(len(sizes))]
		return tea.WindowSizeMsg{Width: s[0], Height: s[1]}, fmt.Sprintf("resize %d×%d", s[0], s[1])
	case n < 15:
		text := widthCorpusTitles[rng.IntN(len(widthCorpusTitles))]
		return tea.PasteMsg{Content: text[:min(len(text), 200)]}, "paste"
	case n < 18:
		b := tea.MouseWheelDown
		if n%2 == 0 {
			b = tea.MouseWheelUp
		}
		return tea.MouseWheelMsg{X: rng.IntN(300), Y: rng.IntN(100), Button: b}, "wheel"
	}
	k := propKeys[rng.IntN(len(propKeys))]
	return keyMsg(k), k
}

// propListing mixes ordinary papers with the width corpus and a hostile
// record, so the big sizes have something hard to draw.
func propListing() *fakeFeed {
	l := day(fri.Value, "The Llama 3 Herd of Models", "A Short One")
	for i, title := range widthCorpusTitles {
		p := model.Paper{
			ID: fmt.Sprintf("2501.%05d", i), Title: title, Authors: []string{title[:min(len(title), 60)], "Ada Lovelace"},
			Summary: strings.Repeat(title+" ", 2), Upvotes: i * 7, Published: fri.Value,
			URL: "https://huggingface.co/papers/2501." + itoa(10000+i), GitHub: "https://github.com/a/b",
		}
		l.Papers = append(l.Papers, p)
	}
	l.Papers = append(l.Papers, hostilePaper())
	f := newFakeFeed().add(l)
	f.add(day("2025-01-09", "Yesterday's Paper"))
	return f
}

// propSession is one reader for the property test: a harness with a
// crash folder of its own, so a panic (which the reader turns into a
// crash log and a quit) fails the test.
func propSession(t *testing.T, f *fakeFeed, w, h int) *harness {
	t.Helper()
	o := &opened{}
	opts := optionsFor(f, fri, o)
	opts.CrashDir = t.TempDir()
	opts.Bookmarks = newHostileBookmarks()
	opts.Render = cachedRender()
	hs := &harness{t: t, app: New(opts), opened: o}
	hs.app.setTicker(hs.noTick())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	return hs
}

// cachedRender is the real Markdown renderer with a memo shared by every
// session of a test: the property is about the screen, not glamour's
// speed, and the memo keeps the test well under 30 s with -race.
func cachedRender() RenderFunc {
	type k struct {
		id, title string
		full      bool
		w         int
		style     string
	}
	memo := map[k]string{}
	return func(p model.Paper, width int, style string) (string, error) {
		key := k{p.ID, p.Title, p.GitHubStars > 0, width, style}
		if out, ok := memo[key]; ok {
			return out, nil
		}
		out, err := MarkdownRender(p, width, style)
		if err == nil {
			memo[key] = out
		}
		return out, err
	}
}

// checkProp fails when the reader crashed or the frame breaks the size.
func checkProp(t *testing.T, h *harness, w, ht int, trail []string) bool {
	t.Helper()
	if log, crashed := h.app.CrashLog(); crashed {
		t.Errorf("%d×%d after %s: the reader panicked (log %s)", w, ht, strings.Join(trail, " "), log)
		return false
	}
	v := h.app.View()
	if log, crashed := h.app.CrashLog(); crashed {
		t.Errorf("%d×%d after %s: View panicked (log %s)", w, ht, strings.Join(trail, " "), log)
		return false
	}
	if msg := fitProblem(v.Content, w, ht); msg != "" {
		t.Errorf("after %s: %s", strings.Join(trail, " "), msg)
		return false
	}
	if (w < minWidth || ht < minHeight) && v.Content != common.Truncate("terminal too small", w) && !(w <= 0 || ht <= 0) {
		t.Errorf("%d×%d after %s: a terminal this small should say so, got %q", w, ht, strings.Join(trail, " "), v.Content)
		return false
	}
	return true
}

// The size property: at every size from 0×0 to 12×8, at 80×24 and at
// 300×100, random key sequences never make the reader panic, draw a line
// wider than the terminal (by either width method) or more lines than it
// has. Seeded, so a failure names a sequence that can be replayed.
func TestSizePropertyRandomKeys(t *testing.T) {
	const keysPerSeed = 30
	small, big := 3, 12 // the sizes where panes are drawn get more sequences
	if raceOn {
		small, big = 1, 3
	}
	f := propListing()
	start := time.Now()
	for _, size := range propSizes() {
		w, ht := size[0], size[1]
		seeds := small
		if w >= minWidth {
			seeds = big
		}
		for seed := range seeds {
			rng := rand.New(rand.NewPCG(uint64(w*1000+ht), uint64(seed)))
			h := propSession(t, f, w, ht)
			trail := []string{fmt.Sprintf("[seed %d]", seed)}
			if !checkProp(t, h, w, ht, trail) {
				return
			}
			for range keysPerSeed {
				msg, name := propEvent(rng, nil, false)
				trail = append(trail, name)
				h.send(msg)
				if !checkProp(t, h, w, ht, trail) {
					return
				}
			}
		}
	}
	t.Logf("%d sizes in %s", len(propSizes()), time.Since(start).Round(time.Millisecond))
}

// The same property while the terminal is resized between keys, across
// all the sizes, tiny and big: whatever happened at 3×2 must not break the
// frame at 300×100.
func TestSizePropertyRandomResizes(t *testing.T) {
	f := propListing()
	sizes := propSizes()
	seeds := 40
	if raceOn {
		seeds = 10
	}
	for seed := range seeds {
		rng := rand.New(rand.NewPCG(7, uint64(seed)))
		w, ht := 80, 24
		h := propSession(t, f, w, ht)
		trail := []string{fmt.Sprintf("[seed %d]", seed)}
		for range 60 {
			msg, name := propEvent(rng, sizes, true)
			if r, ok := msg.(tea.WindowSizeMsg); ok {
				w, ht = r.Width, r.Height
			}
			trail = append(trail, name)
			h.send(msg)
			if !checkProp(t, h, w, ht, trail) {
				return
			}
		}
	}
}
