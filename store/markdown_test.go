package store

import (
	"bytes"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/internal/outputcheck"
	"github.com/paperdeck/paperdeck/model"
)

// hostilePaper carries, in every text field, what a feed could use to take
// over a Markdown viewer or a terminal.
func hostilePaper() model.Paper {
	return model.Paper{
		ID:           "2401.00001",
		Title:        "# Heading <img src=x onerror=alert(1)> \x1b]0;owned\x07 [x](javascript:alert(1))",
		Authors:      []string{"- Mallory", "<b>Eve</b>", "1. Trudy"},
		Organization: "> Org\u202e",
		Published:    "2024-01-01",
		Summary: "First line.\n---\n- a list item\n* another\n+ third\n1. ordered\n2) ordered\n> a quote\n" +
			"# a heading\n===\n```\ncode\n```\n~~~\n    indented code\n<div onclick=x>html block</div>\n" +
			"<javascript:alert(1)> [a](javascript:alert(1)) ![i](https://e.com/i.png) | a | b |\n|---|---|\n" +
			"soft\u00adhyphen tag\U000E0041 \u009b31m \x1b[2J end",
		AISummary: "line one\n- escaped list\n<script>alert(1)</script>",
		GitHub:    "https://github.com/x/y?q=><script>alert(1)</script>",
		Links: []string{
			"https://example.com/a b\"c`d",
			"javascript:alert(1)",
			"https://example.com/\u202eevil",
		},
		URL:    "https://huggingface.co/papers/2401.00001",
		Source: model.SourceHF,
	}
}

func TestMarkdownQuotesHostileTextAsText(t *testing.T) {
	var out bytes.Buffer
	if err := WriteMarkdown(&out, "Papers from \x1b[31mevil\n- file.json", []model.Paper{hostilePaper()}); err != nil {
		t.Fatal(err)
	}
	if err := outputcheck.Bytes(out.Bytes()); err != nil {
		t.Fatalf("unsafe bytes: %v\n%s", err, out.String())
	}
	o, err := outputcheck.Markdown(out.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	// The blocks paperdeck writes, and no other: the document title and the
	// paper's heading, its list of links, the AI summary's quote.
	want := outputcheck.Outline{Headings: 2, Lists: 1, Quotes: 1}
	o.AutoLinks = nil
	if !reflect.DeepEqual(o, want) {
		t.Errorf("outline %+v, want %+v\n%s", o, want, out.String())
	}
	md := out.String()
	for _, want := range []string{
		"- code: <https://github.com/x/y?q=%3E%3Cscript%3Ealert(1)%3C/script%3E>",
		"- link: <https://example.com/a%20b%22c%60d>",
		"\\---\n", "\\- a list item", "1\\. ordered", "2\\) ordered", "\\===",
		"indented code", // as text
	} {
		if !strings.Contains(md, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// An escaped \< opens nothing: the abstract's "\<javascript:…>" is text.
	if regexp.MustCompile(`(^|[^\\])<javascript:alert\(1\)>`).MatchString(md) || strings.Contains(md, "\u202eevil") {
		t.Errorf("a refused link was written:\n%s", md)
	}
}

// The export escapes as every Markdown file paperdeck writes (mdtext):
// only what would be markup, so the file reads as the text.
func TestMarkdownKeepsOrdinaryText(t *testing.T) {
	for _, tt := range []struct {
		title, summary string
		want           []string
	}{
		{"Flow Matching: 2× faster", "We show x - y = 3.\nA second line with https://github.com/acme/flow.",
			[]string{"## Flow Matching: 2× faster\n", "We show x - y = 3.\n", "A second line with https://github.com/acme/flow."}},
		{"Tom & Jerry: x_1 in [3], a | b", "M_⊙ < 5 & 6\n- a list",
			[]string{"## Tom & Jerry: x_1 in [3], a \\| b\n", "M_⊙ \\< 5 & 6\n\\- a list\n"}},
	} {
		p := hostilePaper()
		p.Title, p.Summary = tt.title, tt.summary
		var out bytes.Buffer
		WriteMarkdown(&out, "", []model.Paper{p})
		md := out.String()
		for _, want := range tt.want {
			if !strings.Contains(md, want) {
				t.Errorf("output lacks %q:\n%s", want, md)
			}
		}
	}
}

// FuzzWriteMarkdown: whatever the fields hold, the digest is clean bytes
// and Markdown with only the blocks the writer makes.
func FuzzWriteMarkdown(f *testing.F) {
	h := hostilePaper()
	f.Add(h.Title, h.Summary, h.AISummary, h.GitHub, "flow, <b>", "- note\n# x")
	f.Add("", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, title, summary, ai, link, tag, note string) {
		p := model.Paper{ID: "2401.00001", Title: title, Summary: summary, AISummary: ai, GitHub: link, Links: []string{link},
			Authors: []string{title}, Organization: tag, URL: "https://huggingface.co/papers/2401.00001"}
		var out bytes.Buffer
		list := []Bookmark{{Paper: p, Tags: []string{tag}, Note: note}}
		if err := WriteBookmarksMarkdown(&out, title, list); err != nil {
			t.Fatal(err)
		}
		if err := outputcheck.Bytes(out.Bytes()); err != nil {
			t.Fatalf("unsafe bytes: %v", err)
		}
		o, err := outputcheck.Markdown(out.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if o.Headings > 2 || o.Lists != 1 || o.Quotes > 1 || o.Rules != 0 || o.CodeBlocks != 0 || o.Tables != 0 {
			t.Fatalf("outline %+v:\n%s", o, out.String())
		}
	})
}

// FuzzWriteText: one clean line per paper.
func FuzzWriteText(f *testing.F) {
	h := hostilePaper()
	f.Add(h.ID, h.Title)
	f.Fuzz(func(t *testing.T, id, title string) {
		var out bytes.Buffer
		WriteText(&out, []model.Paper{{ID: id, Title: title}, {ID: "2", Title: "b"}})
		if err := outputcheck.Bytes(out.Bytes()); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(out.String(), "\n"); n != 2 {
			t.Fatalf("%d lines for 2 papers: %q", n, out.String())
		}
	})
}

// FuzzWriteBibTeX: clean bytes, and braces that balance, so one field
// cannot close its entry and start another.
func FuzzWriteBibTeX(f *testing.F) {
	h := hostilePaper()
	f.Add(h.Title, h.Authors[0], h.ID, "{tag},}", "note }\n@misc{x,")
	f.Fuzz(func(t *testing.T, title, author, id, tag, note string) {
		p := model.Paper{ID: id, Title: title, Authors: []string{author, "B"}, URL: "https://e.com/" + id}
		var out bytes.Buffer
		if err := WriteBookmarksBibTeX(&out, []Bookmark{{Paper: p, Tags: []string{tag}, Note: note}}); err != nil {
			t.Fatal(err)
		}
		b := out.Bytes()
		if err := outputcheck.Bytes(b); err != nil {
			t.Fatal(err)
		}
		depth := 0
		for i, c := range b {
			switch {
			case c == '{' && (i == 0 || b[i-1] != '\\'):
				depth++
			case c == '}' && (i == 0 || b[i-1] != '\\'):
				depth--
			}
			if depth < 0 {
				t.Fatalf("a brace closes more than it opened:\n%s", b)
			}
		}
		if depth != 0 || bytes.Count(b, []byte("@misc{")) != 1 {
			t.Fatalf("unbalanced or more than one entry:\n%s", b)
		}
	})
}
