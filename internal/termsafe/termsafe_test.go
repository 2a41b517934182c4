package termsafe

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Rendered text: SGR stays, every other sequence and control goes.
func TestStyled(t *testing.T) {
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
		{"overlong SGR is not SGR", "\x1b[" + strings.Repeat("1;", 40) + "mx", "x"},
	}
	for _, tt := range tests {
		got := Styled(tt.in)
		if got != tt.want {
			t.Errorf("%s: Styled(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if p := problem(got, true); p != "" {
			t.Errorf("%s: Styled(%q) holds %s", tt.name, tt.in, p)
		}
		if IsStyled(tt.in) != (got == tt.in) {
			t.Errorf("%s: IsStyled(%q) = %v, but Styled changes it to %q", tt.name, tt.in, IsStyled(tt.in), got)
		}
	}
}

// Outside text keeping its lines: everything a terminal could act on or
// hide goes; the words stay, whatever broken sequence stood before them.
func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a record the parsers see", "Evil\x1b]52;c;aGVsbG8=\x07 \x1b[2J\u009b31m\u202etitle\u200b\x1b]8;;https://x.org\x1b\\link\x1b]8;;\x1b\\ \x07done",
			"Evil titlelink done"},
		{"SGR dropped", "\x1b[1mbold\x1b[m", "bold"},
		{"unterminated OSC keeps the rest of the abstract", "We study\x1b]8;;https://evil.example the rest of the abstract.\n\nMore.",
			"We study the rest of the abstract.\n\nMore."},
		{"unterminated OSC 52 at the end", "text \x1b]52;c;AAAA", "text "},
		{"unterminated 8-bit OSC", "a\u009d0;title b", "a b"},
		{"unterminated DCS before another sequence", "a\x1bPq#0\x1b[2Jb", "ab"},
		{"unterminated CSI", "a\x1b[", "a"},
		{"ESC before a non-ASCII letter", "a\x1bé", "aé"},
		{"soft hyphen and tag characters", "hy\u00adphen \U000E0041tag\U000E007F", "hyphen tag"},
		{"word joiner, LRM, ALM, Mongolian separator", "a\u2060b\u200ec\u061cd\u180ee", "abcde"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a b c"},
		{"invalid UTF-8 and U+FFFD go", "a\xffb\uFFFDc", "abc"},
		{"newlines kept, CR made one", "a\r\nb\rc\n", "a\nb\nc\n"},
		{"tab", "a\tb", "a b"},
	}
	for _, tt := range tests {
		got := Text(tt.in)
		if got != tt.want {
			t.Errorf("%s: Text(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if p := problem(got, false); p != "" {
			t.Errorf("%s: Text(%q) holds %s", tt.name, tt.in, p)
		}
	}
}

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A title\nsplit in two", "A title split in two"},
		{"a\r\nb\rc\td", "a b c d"},
		{"a\x1b]52;c;AAAA\nb", "a b"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A quoted name or reason shows what it holds, escapes spelled out, on
// one line of bounded length.
func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"config.toml", `"config.toml"`},
		{"bad\x1b]0;x\x07name", `"bad\x1b]0;x\aname"`},
		{"evil\u202etxt.exe", `"evil\u202etxt.exe"`},
		{"two\nlines", `"two\nlines"`},
		{"über", `"über"`},
		{"\xff", `"\xff"`},
		{strings.Repeat("é", 300), `"` + strings.Repeat("é", 200) + `"…`},
	}
	for _, tt := range tests {
		got := Quote(tt.in)
		if got != tt.want {
			t.Errorf("Quote(%.40q) = %.60q, want %.60q", tt.in, got, tt.want)
		}
		if Line(got) != got {
			t.Errorf("Quote(%.40q) = %q is not one clean line", tt.in, got)
		}
	}
}

// A long hostile line costs time in proportion to its length.
func TestManyUnterminatedSequencesStayLinear(t *testing.T) {
	s := strings.Repeat("\u009dx ", 200_000) + strings.Repeat("\x1b]", 200_000)
	if got := Text(s); got != strings.Repeat(" ", 200_000) {
		t.Errorf("Text kept %.40q…", got)
	}
}

// problem describes the first thing in out a terminal could act on or
// hide, or "": written apart from the scanner, so the two check each other.
func problem(out string, sgr bool) string {
	if !utf8.ValidString(out) {
		return "invalid UTF-8"
	}
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == 0x1b:
			j := i + 1
			if sgr && j < len(out) && out[j] == '[' {
				j++
				for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';' || out[j] == ':') {
					j++
				}
				if j < len(out) && out[j] == 'm' {
					i = j + 1
					continue
				}
			}
			return "an escape sequence at byte " + strconv.Itoa(i)
		case r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			return "a control at byte " + strconv.Itoa(i)
		case r == utf8.RuneError || r == '\u2028' || r == '\u2029':
			return "a replacement character or separator at byte " + strconv.Itoa(i)
		case unicode.Is(unicode.Cf, r) && r != '\u200d' && r != '\u200c', unicode.Is(unicode.Bidi_Control, r):
			return "an invisible format character at byte " + strconv.Itoa(i)
		}
		i += size
	}
	return ""
}

func TestNameQuotesOnlyWhatWouldBeHidden(t *testing.T) {
	for in, want := range map[string]string{
		"~/My Papers/config.toml": "~/My Papers/config.toml",
		"keys.open_page":          "keys.open_page",
		"keys.quit\u009b31m":      `"keys.quit\u009b31m"`,
		"list\x1b]0;x\x07.json":   `"list\x1b]0;x\a.json"`,
		"evil\u202egnp.json":      `"evil\u202egnp.json"`,
	} {
		if got := Name(in); got != want {
			t.Errorf("Name(%q) = %s, want %s", in, got, want)
		}
	}
}
