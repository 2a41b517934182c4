package termsafe

import (
	"strings"
	"testing"
)

// FuzzClean: whatever goes in, Line, Text and Styled leave nothing a
// terminal could act on or hide, cleaning twice changes nothing, the three
// agree with one another, and IsStyled says exactly when Styled changes
// nothing.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b", "\x1b]52;c;", "a\x1b]8;;https://x rest\nmore",
		"\x1b[31mred\x1b[0m \x1b]8;;https://x\x1b\\l\x1b]8;;\x1b\\ \u009b2J \u202e",
		"\x1b[>4;2m\u009b2J\x9b\x1bc\x1bP\x1b\\", "a\r\nb\rc\u2028d\u00ad\U000E0041",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line, text, styled := Line(s), Text(s), Styled(s)
		for name, out := range map[string]string{"Line": line, "Text": text, "Styled": styled} {
			if p := problem(out, name == "Styled"); p != "" {
				t.Fatalf("%s(%q) = %q holds %s", name, s, out, p)
			}
		}
		if strings.Contains(line, "\n") {
			t.Fatalf("Line(%q) = %q holds a line break", s, line)
		}
		if Line(line) != line || Text(text) != text || Styled(styled) != styled {
			t.Fatalf("cleaning %q twice changes it", s)
		}
		if want := strings.ReplaceAll(text, "\n", " "); line != want {
			t.Fatalf("Line(%q) = %q, but Text with spaces for breaks is %q", s, line, want)
		}
		if Text(styled) != text {
			t.Fatalf("Styled(%q) = %q holds more than Text's %q and SGR", s, styled, text)
		}
		if IsStyled(s) != (styled == s) {
			t.Fatalf("IsStyled(%q) = %v, Styled gives %q", s, IsStyled(s), styled)
		}
	})
}
