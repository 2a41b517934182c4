package render

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestPlainDropsEverySequence(t *testing.T) {
	if got := plain("\x1b[1mbold\x1b[m"); got != "bold" {
		t.Errorf("plain kept an SGR: %q", got)
	}
	if got := plain("a\uE000b\uE001c"); got != "abc" {
		t.Errorf("plain kept the emphasis markers: %q", got)
	}
}

// assertTerminalSafe fails unless out is text a terminal can only print:
// every ESC starts an SGR, no C0 control but newline, no DEL, no C1, valid
// UTF-8, no bidi or other invisible format character; and, when width > 0,
// no line wider than width.
func assertTerminalSafe(t *testing.T, name, out string, width int) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s: output is not valid UTF-8", name)
	}
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == 0x1b:
			end := sgrEnd(out, i)
			if end < 0 {
				t.Errorf("%s: escape sequence other than SGR at byte %d: %q", name, i, snippet(out, i))
				return
			}
			i = end
			continue
		case r == '\n':
		case r < 0x20 || r == 0x7f:
			t.Errorf("%s: C0 control %U at byte %d: %q", name, r, i, snippet(out, i))
			return
		case r >= 0x80 && r <= 0x9f:
			t.Errorf("%s: C1 control %U at byte %d: %q", name, r, i, snippet(out, i))
			return
		case r != '\u200d' && r != '\u200c' && (unicode.Is(unicode.Cf, r) || r == utf8.RuneError || isMark(r)):
			t.Errorf("%s: invisible format character %U at byte %d: %q", name, r, i, snippet(out, i))
			return
		}
		i += size
	}
	if width > 0 {
		for n, line := range strings.Split(out, "\n") {
			if w := displayWidth(line); w > width {
				t.Errorf("%s: line %d is %d columns wide, pane is %d: %q", name, n+1, w, width, line)
				return
			}
		}
	}
}

// sgrEnd returns the end of the SGR at out[i], or -1 if none starts there.
func sgrEnd(out string, i int) int {
	if !strings.HasPrefix(out[i:], "\x1b[") {
		return -1
	}
	j := i + 2
	for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';' || out[j] == ':') {
		j++
	}
	if j < len(out) && out[j] == 'm' {
		return j + 1
	}
	return -1
}

func snippet(s string, i int) string {
	return s[max(0, i-20):min(len(s), i+20)]
}
