package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

const pageURL = "https://huggingface.co/papers/2407.21783"

func osc8(u string) string { return "\x1b]8;;" + u + "\x1b\\" + u + "\x1b]8;;\x1b\\" }

// On a terminal that shows them, the detail's and the picker's links are
// OSC 8 hyperlinks to exactly the text shown; elsewhere they stay text.
func TestLinksAreHyperlinks(t *testing.T) {
	for _, on := range []bool{true, false} {
		o := &opened{}
		opts := optionsFor(page2024(t), thu, o)
		opts.Hyperlinks = on
		h := harnessWith(t, opts, o)
		h.keys("enter")
		frame := h.app.View().Content
		if got := strings.Contains(frame, osc8(pageURL)); got != on {
			t.Errorf("hyperlinks %v: the detail's page link linked %v:\n%q", on, got, frame)
		}
		if !strings.Contains(ansi.Strip(frame), pageURL) {
			t.Errorf("the link's text should stay on screen")
		}
		h.keys("L")
		frame = h.app.View().Content
		if got := strings.Contains(frame, osc8("https://arxiv.org/pdf/2407.21783")); got != on {
			t.Errorf("hyperlinks %v: the picker's PDF link linked %v", on, got)
		}
	}
}

// Only whole URLs of the paper are linked: a cut one, or a longer URL
// that starts like one, stays text.
func TestHyperlinkOnlyWholeURLs(t *testing.T) {
	urls := []string{pageURL}
	for in, want := range map[string]string{
		"see " + pageURL + " now":                   "see " + osc8(pageURL) + " now",
		"\x1b[4m" + pageURL + "\x1b[0m":             "\x1b[4m" + osc8(pageURL) + "\x1b[0m",
		pageURL + "v2":                              pageURL + "v2",
		"https://huggingface.co/pap…":               "https://huggingface.co/pap…",
		"xhttps://huggingface.co/papers/2407.21783": "xhttps://huggingface.co/papers/2407.21783",
	} {
		if got := hyperlink(in, urls); got != want {
			t.Errorf("hyperlink(%q) = %q, want %q", in, got, want)
		}
	}
	if TerminalHasHyperlinks("linux") || TerminalHasHyperlinks("dumb") || !TerminalHasHyperlinks("xterm-256color") {
		t.Error("TerminalHasHyperlinks")
	}
}
