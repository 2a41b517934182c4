package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/model"
)

// widthCorpusTitles are titles whose width is hard to count: CJK, combining
// marks, ZWJ emoji (2 cells as a cluster, 8 by wcwidth), emoji with
// variation selectors, flags, right-to-left scripts, and 3,000-character
// tokens with no place to break.
var widthCorpusTitles = []string{
	"大規模言語モデルの推論能力に関する包括的な調査と新しいベンチマークの提案について、そして多言語での評価",
	"基于扩散模型的高分辨率图像生成：一种新的训练方法与理论分析",
	"한국어 대규모 언어 모델의 평가를 위한 벤치마크 구축",
	"Ẓ̵̡̛a̶̢̛l̷̨̛g̸̡̛ơ̵̢ T̷̨e̸̡x̵̢t̶̨ with c\u0301o\u0308m\u0327b\u0303i\u0304n\u0306i\u0307n\u0308g\u0309 marks e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308 stacked",
	"Families 👨‍👩‍👧‍👦 and 👩🏽‍🔬 scientists 🏳️‍🌈 and 🧑‍🤝‍🧑 in ZWJ sequences ☺️ ✌️ ❤️ 🇯🇵🇫🇷 flags",
	"👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦",
	"שיטה חדשה ללמידה עמוקה עם מודלים גדולים (Deep Learning) ותוצאות",
	"نموذج لغوي كبير للغة العربية: التدريب والتقييم على مجموعة بيانات جديدة",
	"Mixed: 日本語 English עברית العربية 한국어 👩🏽‍🔬 e\u0301 ☺️ end",
	strings.Repeat("A", 3000),
	strings.Repeat("漢", 3000),
	strings.Repeat("👨‍👩‍👧", 1000),
	strings.Repeat("e\u0301", 3000),
	"https://example.org/" + strings.Repeat("path/", 600),
}

// widthCorpusFeed is a listing of the corpus; each paper's links and
// abstract carry its title too, and one link is 2,000 bytes long.
func widthCorpusFeed() *fakeFeed {
	l := model.Listing{Source: model.SourceHF, Period: fri}
	for i, title := range widthCorpusTitles {
		id := fmt.Sprintf("2501.%05d", i)
		l.Papers = append(l.Papers, model.Paper{
			ID: id, Title: title, Authors: []string{title, "Ada Lovelace"}, Organization: title[:min(len(title), 90)],
			Summary: title,
			Upvotes: 1000 + i, Published: fri.Value, GitHub: "https://github.com/" + strings.Repeat("x", 300),
			URL:    "https://huggingface.co/papers/" + id + "?q=" + strings.Repeat("y", 2000),
			PDFURL: "https://arxiv.org/pdf/" + id,
			Links:  []string{"https://example.org/" + strings.Repeat("z", 2500)},
		})
	}
	return newFakeFeed().add(l)
}

// checkPaneFits fails when a pane's own output has a row wider than the
// pane, by either of Bubble Tea's width methods.
func checkPaneFits(t *testing.T, label, out string, w int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			if got := m.StringWidth(l); got > w {
				t.Errorf("%s: row %d is %d cells by %s in a pane %d wide: %.80q…", label, i, got, methodName(m), w, ansi.Strip(l))
				return
			}
		}
	}
}

// Every row of the list, the detail, the status bar, the help and the
// link picker stays within the width for titles that are hard to measure,
// at narrow, ordinary and wide sizes (side by side from 120 columns).
func TestWidthCorpusFits(t *testing.T) {
	sizes := [][2]int{{40, 8}, {41, 12}, {57, 20}, {80, 24}, {119, 30}, {120, 30}, {150, 40}, {300, 60}}
	if raceOn {
		sizes = [][2]int{{41, 12}, {150, 40}}
	}
	for _, size := range sizes {
		w, ht := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, ht), func(t *testing.T) {
			o := &opened{}
			opts := optionsFor(widthCorpusFeed(), fri, o)
			opts.CrashDir = t.TempDir()
			h := harnessWith(t, opts, o)
			h.send(tea.WindowSizeMsg{Width: w, Height: ht})
			frame := func(label string) {
				t.Helper()
				label = fmt.Sprintf("%d×%d %s", w, ht, label)
				if _, crashed := h.app.CrashLog(); crashed {
					t.Fatalf("%s: the reader crashed", label)
				}
				checkFrame(t, label, h.app.View().Content, w, ht)
				m := h.app
				checkPaneFits(t, label+" (status bar)", m.status.View(), w)
				switch m.focus.on {
				case focusList:
					lw := w
					if m.size.wide() {
						lw, _ = m.size.split()
					}
					checkPaneFits(t, label+" (list)", m.listPane().View(), lw)
				case focusDetail:
					dw := w
					if m.size.wide() {
						_, dw = m.size.split()
					}
					checkPaneFits(t, label+" (detail)", m.detail.View(), dw)
				case focusHelp:
					checkPaneFits(t, label+" (help)", m.help.View(), w)
				case focusPicker:
					checkPaneFits(t, label+" (picker)", m.picker.View(), w)
				}
			}
			for i := range widthCorpusTitles {
				label := fmt.Sprintf("paper %d", i)
				frame(label + " in the list")
				h.keys("enter")
				frame(label + " in the detail")
				for range 3 {
					h.keys("pgdown")
					frame(label + " in the detail, scrolled")
				}
				h.keys("o")
				frame(label + " opened (status bar)")
				h.keys("L")
				frame(label + " in the link picker")
				h.keys("esc", "esc")
				h.keys("/")
				h.send(tea.PasteMsg{Content: widthCorpusTitles[i]})
				frame(label + " typed into the filter")
				h.keys("esc", "j")
			}
			h.keys("?")
			frame("help")
			h.keys("G")
			frame("help, scrolled")
			if got := len(h.opened.list()); got != len(widthCorpusTitles) {
				t.Errorf("o opened %d of %d papers' 2 KB links", got, len(widthCorpusTitles))
			}
		})
	}
}
