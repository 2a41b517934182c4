package ui

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/config"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/pane/detail"
)

// comfortHarness is a harness whose reader has comforts.
func comfortHarness(t *testing.T, f *fakeFeed, start model.Period, w, h int, c Comforts, noColor bool) *harness {
	t.Helper()
	o := &opened{}
	opts := optionsFor(f, start, o)
	opts.Comforts, opts.NoColor = c, noColor
	app := New(opts)
	hs := &harness{t: t, app: app, feed: f, opened: o}
	app.setTicker(hs.noTick())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(app.Init())
	return hs
}

// Every action of config.toml's [keys] table is one of the reader's:
// bound to a key nothing else uses, the help screen shows that key beside
// it, so the man page and config init document what the keys really do.
func TestConfigActionsAreTheReadersKeys(t *testing.T) {
	for _, a := range config.Actions() {
		c := Comforts{Keys: map[string][]string{a.Name: {"f9"}}, ArxivCategories: []string{"cs.LG"}}
		h := comfortHarness(t, page2024(t), thu, 200, 60, c, false)
		if a.Name == "help" {
			h.keys("f9")
		} else {
			h.keys("?")
		}
		if screen := h.screen(); !regexpFind(screen, `f9 +`+regexp.QuoteMeta(a.Help)) {
			t.Errorf("%s bound to f9: the help does not say f9 %s:\n%s", a.Name, a.Help, screen)
		}
	}
}

// o moved to O: o no longer opens the page, O does, and the help and the
// hints say O.
func TestRemappedKeyOpensAndHelpFollows(t *testing.T) {
	c := Comforts{Keys: map[string][]string{"open_page": {"O"}, "open_pdf": {}}}
	h := comfortHarness(t, page2024(t), thu, 100, 30, c, false)
	h.keys("o", "p")
	if got := h.opened.list(); len(got) != 0 {
		t.Fatalf("o and p (unbound) opened %v", got)
	}
	h.keys("O")
	if got := h.opened.list(); len(got) != 1 || got[0] != "https://huggingface.co/papers/2407.21783" {
		t.Fatalf("O opened %v, want the first paper's page", got)
	}
	h.keys("enter") // the detail's hints list the paper keys
	if hints := strings.Join(h.app.hint(), " · "); !strings.Contains(hints, "O open paper page") || strings.Contains(hints, "o open paper page") {
		t.Errorf("status hints %q, want O for the paper page", hints)
	}
	h.keys("esc", "?")
	help := h.screen()
	if !regexpFind(help, `O +open paper page`) || regexpFind(help, `\bo +open paper page`) {
		t.Errorf("help does not show O for the paper page:\n%s", help)
	}
	if strings.Contains(help, "open PDF") {
		t.Errorf("help lists the unbound PDF key:\n%s", help)
	}
}

func regexpFind(s, pattern string) bool { return regexp.MustCompile(pattern).MatchString(s) }

// Remapping the help key also closes the help with it; remapping the
// link picker's key closes the picker with it.
func TestRemappedOpenersClose(t *testing.T) {
	c := Comforts{Keys: map[string][]string{"help": {"h"}, "links": {"l"}, "down": {"J"}}}
	h := comfortHarness(t, page2024(t), thu, 100, 30, c, false)
	h.keys("J")
	if h.selected() != "2407.21705" {
		t.Fatalf("J (down) left the cursor on %s", h.selected())
	}
	h.keys("j")
	if h.selected() != "2407.21705" {
		t.Fatalf("j moved the cursor though down is J only")
	}
	h.keys("h")
	if h.app.focus.on != focusHelp {
		t.Fatal("h did not open the help")
	}
	h.keys("h")
	if h.app.focus.on != focusList {
		t.Fatal("h did not close the help")
	}
	h.keys("l")
	if h.app.focus.on != focusPicker {
		t.Fatal("l did not open the link picker")
	}
	h.keys("l")
	if h.app.focus.on != focusList {
		t.Fatal("l did not close the link picker")
	}
}

// Config problems are on screen at start until esc, all of them, then
// the first stays in the status bar.
func TestConfigNoticesAtStart(t *testing.T) {
	c := Comforts{Notices: []string{"~/.config/paperdeck/config.toml:3: theme: syntax error", "~/.config/paperdeck/config.toml:9: keys.x: unknown action"}}
	h := comfortHarness(t, page2024(t), thu, 120, 30, c, false)
	scr := h.screen()
	for _, want := range []string{"The config file has problems", "config.toml:3: theme: syntax error", "config.toml:9: keys.x: unknown action", "esc closes this"} {
		if !strings.Contains(scr, want) {
			t.Errorf("start screen lacks %q:\n%s", want, scr)
		}
	}
	h.keys("esc")
	if h.app.focus.on != focusList || !strings.Contains(h.screen(), "The Llama 3 Herd of Models") {
		t.Fatalf("esc did not show the list:\n%s", h.screen())
	}
	if st := h.status(); !strings.Contains(st, "config.toml:3: theme: syntax error (and 1 more: paperdeck config show)") {
		t.Errorf("status bar %q does not show the config problem", st)
	}
	h = comfortHarness(t, page2024(t), thu, 120, 30, Comforts{}, false)
	if h.app.focus.on != focusList {
		t.Error("a message at start without problems")
	}
}

func TestFixedThemeIgnoresTheTerminal(t *testing.T) {
	for _, tc := range []struct {
		theme    string
		terminal color.Color
		dark     bool
	}{
		{"light", color.Black, false},
		{"dark", color.White, true},
		{"auto", color.White, false},
		{"auto", color.Black, true},
		{"", color.White, false},
	} {
		h := comfortHarness(t, page2024(t), thu, 100, 30, Comforts{Theme: tc.theme}, false)
		h.send(tea.BackgroundColorMsg{Color: tc.terminal})
		want := map[bool]string{true: "dark", false: "light"}[tc.dark]
		if h.app.styles.Dark != tc.dark || h.app.styles.RenderStyle() != want {
			t.Errorf("theme %q on a %v terminal: dark %v, detail %s; want %s", tc.theme, tc.terminal, h.app.styles.Dark, h.app.styles.RenderStyle(), want)
		}
	}
	// Before any answer a fixed light theme is already light.
	h := comfortHarness(t, page2024(t), thu, 100, 30, Comforts{Theme: "light"}, false)
	if h.app.styles.Dark || !strings.Contains(h.app.list.View(), "38;2;31;31;36") {
		t.Error("light theme drawn dark before the terminal answered")
	}
}

// A glamour style file styles the detail; NO_COLOR still wins.
func TestStyleFileTheme(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mine.json")
	style := `{"document": {"margin": 1}, "h1": {"prefix": "@@ ", "bold": true}, "h2": {"prefix": "%% "}, "h3": {"prefix": "%% "}}`
	if err := os.WriteFile(path, []byte(style), 0o644); err != nil {
		t.Fatal(err)
	}
	h := comfortHarness(t, page2024(t), thu, 100, 30, Comforts{Theme: path}, false)
	h.send(tea.BackgroundColorMsg{Color: color.White})
	if got := h.app.styles.RenderStyle(); got != path {
		t.Fatalf("render style %q, want the file", got)
	}
	h.keys("enter")
	if scr := h.screen(); !strings.Contains(scr, "@@ The Llama 3 Herd of Models") {
		t.Fatalf("the detail is not drawn with the style file:\n%s", scr)
	}
	h = comfortHarness(t, page2024(t), thu, 100, 30, Comforts{Theme: path}, true)
	if got := h.app.styles.RenderStyle(); got != "notty" {
		t.Errorf("with NO_COLOR the detail style is %q, want notty", got)
	}
}

var dateStart = regexp.MustCompile(`(Mon|Wednes)day \d`)

func TestDateFormatInTheList(t *testing.T) {
	format := func(published string) string {
		cfg := config.Default()
		cfg.DateFormat = "%A %-d %B %Y"
		return cfg.FormatDate(published)
	}
	h := comfortHarness(t, page2024(t), thu, 110, 30, Comforts{DateFormat: format}, false)
	scr := h.screen()
	if !strings.Contains(scr, "Wednesday 31 July 2024") || !strings.Contains(scr, "Monday 1 April 2024") || strings.Contains(scr, "2024-07-31") {
		t.Fatalf("the list does not write dates as configured:\n%s", scr)
	}
	checkScreenFits(t, h.app.View().Content, 110, 30)
	// The column is as wide as the longest date: rows stay aligned.
	col := -1
	for _, line := range strings.Split(scr, "\n") {
		if loc := dateStart.FindStringIndex(line); loc != nil {
			i := loc[0]
			if col >= 0 && ansi.StringWidth(line[:i]) != col {
				t.Errorf("date column moves: %q", line)
			}
			col = ansi.StringWidth(line[:i])
		}
	}
}

func TestMouseSetting(t *testing.T) {
	h := comfortHarness(t, page2024(t), thu, 100, 30, Comforts{}, false)
	if h.app.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("the mouse is off by default")
	}
	h = comfortHarness(t, page2024(t), thu, 100, 30, Comforts{NoMouse: true}, false)
	if h.app.View().MouseMode != tea.MouseModeNone {
		t.Error("mouse = false left the mouse on")
	}
}

// colourSGR finds a colour in any SGR sequence: 30-38, 40-48, 90-97,
// 100-107, and 38/48 with extended colours. Other sequences are ignored.
func colourSGR(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != 0x1b || i+1 >= len(s) || s[i+1] != '[' {
			continue
		}
		j := i + 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j >= len(s) || s[j] != 'm' {
			continue
		}
		for _, p := range strings.FieldsFunc(s[i+2:j], func(r rune) bool { return r == ';' || r == ':' }) {
			n, _ := strconv.Atoi(p)
			if n >= 30 && n <= 49 || n >= 90 && n <= 107 {
				return strconv.Quote(s[i : j+1])
			}
		}
	}
	return ""
}

func TestColourSGRFinder(t *testing.T) {
	for s, colour := range map[string]bool{
		"\x1b[1mbold\x1b[0m": false, "\x1b[7m": false, "\x1b[2;1m": false, "\x1b[31mred": true,
		"\x1b[1;38;5;214m": true, "\x1b[48;2;1;2;3m": true, "\x1b[94m": true, "\x1b[3A": false, "\x1b[39m": true,
	} {
		if got := colourSGR(s) != ""; got != colour {
			t.Errorf("%q: colour %v, want %v", s, got, colour)
		}
	}
}

// With NO_COLOR every screen of the reader is free of colour codes: the
// list, the detail (glamour), the help, the filter line, the picker, an
// error in the status bar, both layouts.
func TestNoColorScreens(t *testing.T) {
	f := page2024(t)
	f.errs[model.Period{Kind: model.Day, Value: "2024-08-02"}] = os.ErrDeadlineExceeded
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		h := comfortHarness(t, f, thu, size[0], size[1], Comforts{}, true)
		h.send(tea.BackgroundColorMsg{Color: color.Black})
		check := func(step string) {
			t.Helper()
			out := h.app.View().Content
			if c := colourSGR(out); c != "" {
				t.Errorf("%dx%d %s: colour sequence %s on screen", size[0], size[1], step, c)
			}
			for _, naive := range []string{"\x1b[3", "\x1b[4", "\x1b[9"} {
				if strings.Contains(out, naive) {
					t.Errorf("%dx%d %s: %q on screen", size[0], size[1], step, naive)
				}
			}
		}
		check("list")
		h.keys("j", "b")
		check("bookmarked")
		h.keys("enter")
		check("detail")
		h.keys("/")
		h.typeText("llama")
		check("find")
		h.keys("esc", "L")
		check("link picker")
		h.keys("esc", "esc", "?")
		check("help")
		h.keys("?", "/")
		h.typeText("model")
		check("filter")
		h.keys("esc", "]")
		check("error")
	}
}

// --ascii: not one byte outside ASCII on any screen, and every line
// exactly as wide as it is drawn with Unicode.
func TestASCIIScreens(t *testing.T) {
	l := day("2025-01-10", "Ünïcödé ☆ tïtle — with “quotes” and 中文 ✓", "Plain title")
	l.Papers[0].Summary = "$2\\times$ faster, O(n²) → O(n), α-β pruning… • ok"
	f := newFakeFeed().add(l)
	for _, size := range [][2]int{{80, 24}, {140, 40}} {
		uni := comfortHarness(t, f, fri, size[0], size[1], Comforts{}, false)
		asc := comfortHarness(t, f, fri, size[0], size[1], Comforts{ASCII: true}, false)
		for _, step := range [][]string{{}, {"b"}, {"enter"}, {"?"}, {"?", "esc", "L"}} {
			uni.keys(step...)
			asc.keys(step...)
			u, a := uni.app.View().Content, asc.app.View().Content
			for i := 0; i < len(a); i++ {
				if a[i] >= 0x80 {
					t.Fatalf("%dx%d after %v: non-ASCII byte at %d:\n%s", size[0], size[1], step, i, ansi.Strip(a))
				}
			}
			ul, al := strings.Split(u, "\n"), strings.Split(a, "\n")
			if len(ul) != len(al) {
				t.Fatalf("%v: %d lines with --ascii, %d without", step, len(al), len(ul))
			}
			for i := range ul {
				if common.CellWidth(ul[i]) != ansi.StringWidth(al[i]) {
					t.Errorf("%dx%d after %v: line %d is %d cells in ASCII, %d in Unicode:\n%q\n%q",
						size[0], size[1], step, i, ansi.StringWidth(al[i]), common.CellWidth(ul[i]), ansi.Strip(al[i]), ansi.Strip(ul[i]))
				}
			}
		}
		if scr := ansi.Strip(asc.app.View().Content); !strings.Contains(scr, "[1]") && !strings.Contains(scr, "1") {
			t.Errorf("the picker is not drawn:\n%s", scr)
		}
	}
}

func TestASCIIOnly(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                    "plain",
		"▸•★ </> Title… ▲12":       ">*! </> Title. ^12",
		"│ Hugging Face · Thu":     "| Hugging Face - Thu",
		"Müller, Čech, Søren":      "Muller, Cech, Soren",
		"e\u0301t\u00e9":           "ete",
		"中文 ok":                    "???? ok",
		"x² ≤ ∞, “q” — ‘s’":        "x2 < 8, \"q\" - 's'",
		"\x1b[1;38;5;214m★\x1b[0m": "\x1b[1;38;5;214m!\x1b[0m",
		"⣾⣽⣻⢿":                     string([]byte{`|/-\`[0x28fe%4], `|/-\`[0x28fd%4], `|/-\`[0x28fb%4], `|/-\`[0x28bf%4]}),
		"👍 🇫🇷":                     "?? ??",
	} {
		got := asciiOnly(in)
		if got != want {
			t.Errorf("asciiOnly(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWithoutColour(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                              "plain",
		"\x1b[1mbold\x1b[0m":                 "\x1b[1mbold\x1b[0m",
		"\x1b[37mcursor\x1b[m":               "cursor\x1b[m",
		"\x1b[1;38;5;214mx":                  "\x1b[1mx",
		"\x1b[48;2;10;20;30;7mx":             "\x1b[7mx",
		"\x1b[38:2::1:2:3;4mx":               "\x1b[4mx",
		"\x1b[2;97;104mx":                    "\x1b[2mx",
		"\x1b[3Aup\x1b[2Kx":                  "\x1b[3Aup\x1b[2Kx",
		"\x1b]8;;https://x\x07l\x1b]8;;\x07": "\x1b]8;;https://x\x07l\x1b]8;;\x07",
		"\x1b[":                              "\x1b[",
	} {
		if got := withoutColour(in); got != want {
			t.Errorf("withoutColour(%q) = %q, want %q", in, got, want)
		}
		if colourSGR(withoutColour(in)) != "" {
			t.Errorf("withoutColour(%q) left a colour", in)
		}
	}
}

// A remap that takes a key another action has in the same pane is
// refused and the default kept, as the start-up box says: n still steps
// to the next match, N to the previous one.
func TestConflictingRemapKeepsTheDefault(t *testing.T) {
	cfg, warns := config.Parse("config.toml", []byte("[keys]\nnext_match = \"N\"\n"))
	var notices []string
	for _, w := range warns {
		notices = append(notices, w.String())
	}
	if len(notices) != 1 || !strings.Contains(notices[0], "next_match keeps its default") {
		t.Fatalf("warnings %q, want one saying next_match keeps its default", notices)
	}
	h := comfortHarness(t, page2024(t), thu, 80, 24, Comforts{Keys: cfg.Keys, Notices: notices}, false)
	if !strings.Contains(h.screen(), "uses the default") {
		t.Fatalf("the start-up box should say the default is used:\n%s", h.screen())
	}
	h.keys("esc", "enter", "/")
	h.typeText("language")
	h.keys("enter", "n")
	if !strings.Contains(h.status(), "match 2 of") {
		t.Errorf("n should still go to the next match: %q", h.status())
	}
	h.keys("N")
	if !strings.Contains(h.status(), "match 1 of") {
		t.Errorf("N should go to the previous match: %q", h.status())
	}
}

// Under --ascii every mark of a row is a character of its own: unread *,
// new +, bookmarked !, code </>; ★ (and its ASCII !) means bookmarked
// only, so the detail writes GitHub stars in words.
func TestASCIIMarksAreDistinct(t *testing.T) {
	f := page2024(t)
	h := comfortHarness(t, f, thu, 100, 30, Comforts{ASCII: true}, false)
	h.keys("b")
	if row := rowOf(h.screen(), "Llama 3 Herd"); !strings.HasPrefix(row, ">*!") {
		t.Errorf("an unread bookmarked paper: %q, want >*! (cursor, unread, bookmarked)", row)
	}
	if row := rowOf(h.screen(), "Open-Vocabulary Audio"); !strings.HasPrefix(row, " *  </>") {
		t.Errorf("an unread paper with code: %q", row)
	}
	p := model.Paper{ID: "2501.00001", Title: "Starred", GitHub: "https://github.com/x/y", GitHubStars: 4321}
	for _, render := range []RenderFunc{MarkdownRender, detail.PlainRender} {
		out, _ := render(p, 80, "notty")
		if strings.Contains(out, "★") || !strings.Contains(ansi.Strip(out), "GitHub stars") {
			t.Errorf("the detail writes stars as %q", ansi.Strip(out))
		}
	}
}

// At 80×24 the help can be read whole: when the keys do not fit, its last
// line names the keys that scroll it, and they reach the last key.
func TestHelpReadableWholeAt80x24(t *testing.T) {
	h := comfortHarness(t, page2024(t), thu, 80, 24, Comforts{ArxivCategories: []string{"cs.LG"}}, false)
	h.keys("?")
	screen := h.screen()
	lines := strings.Split(screen, "\n")
	var first, last, total int
	footer := lines[len(lines)-2]
	if _, err := fmt.Sscanf(strings.TrimSpace(footer), "lines %d–%d of %d", &first, &last, &total); err != nil || !strings.Contains(footer, "j/↓ scroll down") {
		t.Fatalf("the help's last line should say how to scroll (%v):\n%s", err, screen)
	}
	if regexpFind(screen, `e +bookmark's note`) {
		t.Fatalf("the last key fits after all; the test needs a taller help:\n%s", screen)
	}
	for range total - last {
		h.keys("j")
	}
	want := fmt.Sprintf("lines %d–%d of %d", 1+total-last, total, total)
	if screen := h.screen(); !regexpFind(screen, `e +bookmark's note`) || !strings.Contains(screen, want) {
		t.Errorf("j should scroll to the last key (%s):\n%s", want, screen)
	}
}
