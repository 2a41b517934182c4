package ui

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/render"
)

// The reader's own defence against hostile text. The parsers sanitise
// every field, but a record can reach the screen without them (a
// hand-edited bookmarks file, a Feed that is not ours), so the panes clean
// what they draw (safeLine, safeBlock) and View passes the whole frame
// through safeScreen, which lets only SGR sequences out.

// safeLine is untrusted text made fit for one row: no escape sequences,
// controls, bidi overrides or invisible format characters, and every line
// break or tab a space (a newline in a title would push the rows down).
func safeLine(s string) string {
	if isPlainLine(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return keepRune(r)
	}, feed.Sanitize(s))
}

// safeBlock is untrusted text that may keep its line breaks; tabs become
// spaces so widths can be counted.
func safeBlock(s string) string {
	if isPlainLine(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		return keepRune(r)
	}, feed.Sanitize(s))
}

// keepRune drops, after the parser's sanitiser, the invisible format
// characters it leaves (U+00AD, U+070F…): the same set safeScreen refuses,
// so a clean pane never sends the whole frame down the slow path.
func keepRune(r rune) rune {
	if r >= 0x80 && !safeRune(r, utf8.RuneLen(r)) {
		return -1
	}
	return r
}

// cleanRecord is p with every text field cleaned, for what is built from
// a whole record outside the panes (the BibTeX entry Y copies): a sequence
// goes whole, not just its ESC.
func cleanRecord(p model.Paper) model.Paper {
	lines := func(in []string) []string {
		out := make([]string, len(in))
		for i, s := range in {
			out[i] = safeLine(s)
		}
		return out
	}
	p.ID, p.Title, p.Organization, p.Published = safeLine(p.ID), safeLine(p.Title), safeLine(p.Organization), safeLine(p.Published)
	p.Summary, p.AISummary = safeBlock(p.Summary), safeBlock(p.AISummary)
	p.Authors, p.Keywords, p.Links = lines(p.Authors), lines(p.Keywords), lines(p.Links)
	p.GitHub, p.ProjectPage, p.URL, p.ArxivURL, p.PDFURL = safeLine(p.GitHub), safeLine(p.ProjectPage), safeLine(p.URL), safeLine(p.ArxivURL), safeLine(p.PDFURL)
	p.PrimaryCategory = safeLine(p.PrimaryCategory)
	return p
}

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
// attributes, the only sequences our styles make) is cleaned with the
// detail's own output cleaner. The check is one pass with no allocation,
// so a clean frame costs little.
func safeScreen(s string) string {
	if screenIsSafe(s) {
		return s
	}
	// CleanOutput reads a lone CR as a line break; here it would add a
	// line to the frame, so it goes first.
	return render.CleanOutput(strings.ReplaceAll(s, "\r", ""))
}

// screenIsSafe reports whether s holds only printable text, newlines and
// well-formed SGR sequences (ESC [ digits ; : m).
func screenIsSafe(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return false
			}
			j++
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				return false
			}
			i = j + 1
		case c == '\n' || c >= 0x20 && c < 0x7f:
			i++
		case c < 0x80:
			return false // C0 controls and DEL
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !safeRune(r, size) {
				return false
			}
			i += size
		}
	}
	return true
}

// safeRune reports whether a non-ASCII rune may reach the screen: not
// invalid UTF-8, not a C1 control (U+0080–U+009F: 8-bit CSI, OSC… on some
// terminals), not a bidi override or another invisible format character
// (ZWJ and ZWNJ stay: emoji sequences and some scripts need them).
func safeRune(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size <= 1:
		return false
	case r <= 0x9f:
		return false
	case r == '\u200d' || r == '\u200c':
		return true
	case r == '\u2028' || r == '\u2029':
		return false
	}
	return !unicode.Is(unicode.Cf, r)
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
