package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCleanOutput(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text", "hello\nworld", "hello\nworld"},
		{"SGR kept", "\x1b[38;5;252mhi\x1b[m \x1b[1;4mthere\x1b[0m", "\x1b[38;5;252mhi\x1b[m \x1b[1;4mthere\x1b[0m"},
		{"SGR with colons kept", "\x1b[38:2::1:2:3mx\x1b[m", "\x1b[38:2::1:2:3mx\x1b[m"},
		{"OSC 8 hyperlink dropped, text kept", "\x1b]8;id=1;https://evil.example\x07click\x1b]8;;\x07", "click"},
		{"OSC 8 with ST", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"OSC 52 clipboard write", "a\x1b]52;c;cm0gLXJmIH4=\x07b", "ab"},
		{"OSC 0 window title", "\x1b]0;pwned\x07title", "title"},
		{"CSI clear screen", "\x1b[2J\x1b[Hx", "x"},
		{"private CSI ending in m is not SGR", "\x1b[>4;2mx\x1b[?1049h", "x"},
		{"CSI with intermediate", "\x1b[0 qx", "x"},
		{"8-bit CSI rune", "\u009b2Jx", "x"},
		{"8-bit OSC rune", "\u009d52;c;AAAA\u009cx", "x"},
		{"raw 0x9b byte", "\x9b2Jx", "2Jx"},
		{"other C1", "a\u0085b\u0084c", "a bc"},
		{"C0 controls", "a\x07b\x08c\x00d\x0be\x0cf", "abcdef"},
		{"DEL", "a\x7fb", "ab"},
		{"CR alone and CRLF", "a\rb\r\nc", "a\nb\nc"},
		{"tab becomes a space", "a\tb", "a b"},
		{"ESC c full reset", "\x1bcx", "x"},
		{"ESC ( B charset", "\x1b(Bx", "x"},
		{"DCS", "\x1bPq#0;2;0;0;0\x1b\\x", "x"},
		{"APC", "\x1b_Gf=100;AAAA\x1b\\x", "x"},
		{"lone ESC at end", "x\x1b", "x"},
		{"unterminated OSC stops at the line end", "a\x1b]52;c;AAAA\nb", "a\nb"},
		{"bidi override", "\u202egnp.exe", "gnp.exe"},
		{"bidi isolates", "\u2066x\u2069\u2067y\u2069", "xy"},
		{"zero-width space and BOM", "a\u200bb\ufeffc", "abc"},
		{"ZWJ emoji kept", "👩\u200d💻", "👩\u200d💻"},
		{"CJK, combining, RTL kept", "漢字 e\u0301 مرحبا", "漢字 e\u0301 مرحبا"},
	}
	for _, tt := range tests {
		if got := CleanOutput(tt.in); got != tt.want {
			t.Errorf("%s: CleanOutput(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		assertTerminalSafe(t, tt.name, CleanOutput(tt.in), 0)
	}
}

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
		case r != '\u200d' && r != '\u200c' && dropRune(r):
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
