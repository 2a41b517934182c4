package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/ui/common"
)

// TestResizeNeverOverflows shrinks the terminal from 140×40 to 20×5 and
// grows it back, in every state, checking each frame: nothing panics, no
// line is wider than the terminal, no frame taller.
func TestResizeNeverOverflows(t *testing.T) {
	var sizes [][2]int
	for w, h := 140, 40; w >= 20 || h >= 5; w, h = w-7, h-2 {
		sizes = append(sizes, [2]int{max(w, 20), max(h, 5)})
		if w <= 20 && h <= 5 {
			break
		}
	}
	for i := len(sizes) - 1; i >= 0; i-- {
		sizes = append(sizes, sizes[i])
	}
	states := map[string][]string{
		"list":   nil,
		"detail": {"j", "enter", "G"},
		"help":   {"?"},
		"picker": {"L"},
		"filter": {"/", "l", "l"},
		"find":   {"enter", "/", "m", "o"},
	}
	for name, keys := range states {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, page2024(t), thu, 140, 40)
			h.keys(keys...)
			for _, s := range sizes {
				h.send(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
				checkScreenFits(t, h.app.View().Content, s[0], s[1])
				small := s[0] < minWidth || s[1] < minHeight
				if got := h.screen(); small != (got == common.Truncate("terminal too small", s[0])) {
					t.Errorf("%dx%d: %q", s[0], s[1], got)
				}
			}
			if !strings.Contains(h.screen(), "Hugging Face") {
				t.Errorf("back at 140×40 the status bar is gone:\n%s", h.screen())
			}
		})
	}
}

// Wide characters and emoji count as two cells: a row of them must still
// fit its pane.
func TestWideCharactersFit(t *testing.T) {
	l := day(fri.Value, "大規模言語モデルの推論能力に関する包括的な調査と新しいベンチマークの提案について",
		"🚀🔥 Emoji-Heavy Title With Rockets 🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥🚀🔥",
		"Ünïcödé Çömbïnïng Märks Everywhere In This Rather Long Title Of A Paper About Things")
	for _, w := range []int{40, 57, 80, 119, 120, 141} {
		h := newHarness(t, newFakeFeed().add(l), fri, w, 12)
		checkScreenFits(t, h.app.View().Content, w, 12)
		h.keys("enter")
		checkScreenFits(t, h.app.View().Content, w, 12)
	}
}
