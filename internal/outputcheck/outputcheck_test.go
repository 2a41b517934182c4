package outputcheck

import (
	"strings"
	"testing"
)

// The checks must catch what they are for, or every test built on them
// passes for nothing.
func TestBytesCatchesEachKind(t *testing.T) {
	for in, want := range map[string]string{
		"a\x1b]52;c;aGk=\x07": "control U+001B",
		"a\x9b31m":            "invalid UTF-8",
		"a\u009b31m":          "C1 control",
		"a\u202eb":            "format character U+202E",
		"a\u00adb":            "format character U+00AD",
		"a\U000E0041b":        "format character U+E0041",
		"a\rb":                "control U+000D",
		"a\x7f":               "control U+007F",
	} {
		if err := Bytes([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	if err := Bytes([]byte("café\tnaïve 👩\u200d💻 ∑\n")); err != nil {
		t.Errorf("plain text refused: %v", err)
	}
}

func TestMarkdownCatchesHTMLAndLinks(t *testing.T) {
	for in, want := range map[string]string{
		"x <script>alert(1)</script>":                 "raw HTML",
		"<div>\nhi\n</div>\n":                         "raw HTML",
		"[click](javascript:alert(1))":                "a link from the text",
		"![x](https://e.com/a.png)":                   "a link from the text",
		"<javascript:alert(1)>":                       "not http(s)",
		"<mailto:javascript:alert(1)>":                "not http(s)",
		"- code: <https://github.com/x/y?q=><script>": "raw HTML",
	} {
		if _, err := Markdown([]byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	// An address in an abstract is a mailto: link in any GFM viewer: harmless.
	if _, err := Markdown([]byte("write to alice@mit.edu or h@C1Be.s\n")); err != nil {
		t.Errorf("an e-mail address in text refused: %v", err)
	}
	o, err := Markdown([]byte("# T\n\n## P\n\n- page: <https://huggingface.co/papers/1>\n\n> quote\n\ntext\n\n---\n"))
	if err != nil || o.Headings != 2 || o.Lists != 1 || o.Quotes != 1 || o.Rules != 1 || len(o.AutoLinks) != 1 {
		t.Errorf("outline %+v, %v", o, err)
	}
}
