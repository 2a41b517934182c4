package ui

import (
	"strings"
	"sync"

	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// The reader's own defence against hostile text. The parsers clean every
// field, but a record can reach the screen without them (a hand-edited
// bookmarks file, a Feed that is not ours), so the panes clean what they
// draw (safeLine, safeBlock) and View passes the whole frame through
// safeScreen, which lets only SGR sequences out. All three are
// internal/termsafe's rules.

// safeLine is untrusted text made fit for one row: a newline in a title
// would push the rows down.
func safeLine(s string) string { return termsafe.Line(s) }

// safeBlock is untrusted text that may keep its line breaks.
func safeBlock(s string) string { return termsafe.Text(s) }

// cleanRecord is p with every text field cleaned, for what is built from
// a whole record outside the panes (the BibTeX entry Y copies).
func cleanRecord(p model.Paper) model.Paper { return termsafe.Paper(p) }

// isPlainLine is the fast path: printable ASCII only.
func isPlainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// safeScreen is the last gate between the panes and the terminal: a frame
// holding anything but text, newlines and SGR sequences (colours and text
// attributes, the only sequences our styles make) is cleaned. The check is
// one pass with no allocation, so a clean frame costs little.
func safeScreen(s string) string {
	if termsafe.IsStyled(s) {
		return s
	}
	// The cleaner reads a lone CR as a line break; here it would add a
	// line to the frame, so it goes first.
	return termsafe.Styled(strings.ReplaceAll(s, "\r", ""))
}

// cellWidth is how many cells a line may take on a terminal. Bubble Tea
// counts by wcwidth unless the terminal reports Unicode core mode (2027),
// then by grapheme cluster; the two differ on ZWJ emoji (a family is 8
// cells by wcwidth, 2 as a cluster) and emoji variation selectors, so a
// line must fit by both counts.
func cellWidth(s string) int {
	if isPlainLine(s) {
		return len(s) // printable ASCII: one cell a byte, by both counts
	}
	if w, ok := widths.get(s); ok {
		return w
	}
	w := max(ansi.StringWidth(s), ansi.StringWidthWc(s))
	widths.put(s, w)
	return w
}

// widths remembers the widths of styled lines: View measures every line
// of every frame several times, a frame differs from the last in a few
// lines, and counting graphemes is most of what a frame costs.
var widths = widthMemo{m: map[string]int{}}

type widthMemo struct {
	mu sync.Mutex
	m  map[string]int
}

// widthMemoMax bounds the memo: a few screens of lines.
const widthMemoMax = 4096

func (c *widthMemo) get(s string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	w, ok := c.m[s]
	return w, ok
}

func (c *widthMemo) put(s string, w int) {
	if len(s) > 4096 {
		return // not a line of a frame
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= widthMemoMax {
		clear(c.m)
	}
	c.m[s] = w
}

// fitWidth cuts s to at most w cells by both counts, ending with tail
// when something was cut.
func fitWidth(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if cellWidth(s) <= w {
		return s
	}
	for limit := w; limit > 0; limit-- {
		if t := ansi.TruncateWc(s, limit, tail); cellWidth(t) <= w {
			return t
		}
		if t := ansi.Truncate(s, limit, tail); cellWidth(t) <= w {
			return t
		}
	}
	return ""
}
