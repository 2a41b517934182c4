package ui

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/pane/help"
)

// hostileParts are the ways a field of a paper can try to act on the
// terminal it is shown in.
var hostileParts = []string{
	"\x1b]52;c;UFdORUQtQ0xJUA==\x07",                          // OSC 52: write the clipboard
	"\x1b]8;;https://evil.example/\x1b\\hidden\x1b]8;;\x1b\\", // OSC 8: a hidden link
	"\x1b]0;PWNED-TITLE\x07",                                  // OSC 0: the window title
	"\x1b]2;PWNED-TITLE\x1b\\",                                // OSC 2, ended by ST
	"\x1b[2J\x1b[H",                                           // CSI: clear the screen
	"\u009b2J\u009d0;PWNED-TITLE\u009c",                       // 8-bit C1 controls as runes
	"\x9b2J\x9d0;RAWBODY\x9c\x90q\x9c",                        // … and as raw bytes
	"&#x1b;[2J &#27;]0;REFBODY&#7; &#x9b;2J &#155;",           // character references
	"\u202egnp.exe\u202c \u2066isolate\u2069 \u200bzw",        // bidi override, isolate, zero width
	"[click me](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>",
	"\x07\x08\r\x7f",
}

// hostile is word with every hostile part around it.
func hostile(word string) string {
	return word + " " + strings.Join(hostileParts, " "+word+" ") + " " + word
}

// hostilePaper is a record no parser has seen (as from a hand-edited
// file): every text field and every link is hostile.
func hostilePaper() model.Paper {
	return model.Paper{
		ID:           "2501.06666",
		Title:        hostile("TITLEWORD"),
		Authors:      []string{hostile("AUTHORWORD"), "Ada\x1b[8m Lovelace"},
		AuthorCount:  3,
		Organization: hostile("ORGWORD"),
		Published:    "2025-01-10\x1b[2J",
		Upvotes:      42,
		Summary:      hostile("ABSTRACTWORD") + "\n\nSee [the code](javascript:alert(1)) and $x^2$.",
		AISummary:    hostile("AIWORD"),
		Keywords:     []string{hostile("KEYWORD")},
		GitHub:       "javascript:alert(1)",
		ProjectPage:  "https://evil.example/\x1b]8;;x\x07p",
		Links:        []string{hostile("https://link.example/a"), "-a", "file:///etc/passwd"},
		URL:          "https://huggingface.co/papers/2501.06666",
		ArxivURL:     "https://arxiv.org/abs/2501.06666\u202e",
		PDFURL:       "https://arxiv.org/pdf/2501.06666",
		Source:       model.SourceHF,
	}
}

// hostileFeed lists a plain paper and the hostile one; the notice, the
// details fetch and a search all answer with hostile text.
func hostileFeed() *fakeFeed {
	l := day(fri.Value, "Plain Llama Paper")
	l.Papers = append(l.Papers, hostilePaper())
	f := newFakeFeed().add(l)
	f.notice = hostile("NOTICEWORD")
	f.paperErrs["2501.06666"] = errors.New(hostile("ERRWORD"))
	return f
}

// memBookmarks is a bookmarks file in memory that holds the hostile
// paper, with hostile tags and note.
type memBookmarks struct {
	mu   sync.Mutex
	list []store.Bookmark
	err  error
}

func newHostileBookmarks() *memBookmarks {
	return &memBookmarks{list: []store.Bookmark{{
		Paper: hostilePaper(),
		Added: time.Date(2025, 1, 12, 9, 0, 0, 0, time.UTC),
		Tags:  []string{hostile("TAGWORD")},
		Note:  hostile("NOTEWORD"),
	}}}
}

func (b *memBookmarks) Load() ([]store.Bookmark, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]store.Bookmark(nil), b.list...), b.err
}

func (b *memBookmarks) Add(papers ...model.Paper) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n := 0
outer:
	for _, p := range papers {
		for _, have := range b.list {
			if have.Paper.ID == p.ID {
				continue outer
			}
		}
		b.list = append(b.list, store.Bookmark{Paper: p, Added: fixedNow()})
		n++
	}
	return n, b.err
}

func (b *memBookmarks) Remove(ids ...string) (int, error) { return 0, b.err }

func (b *memBookmarks) Import(list []store.Bookmark) (int, error) { return 0, b.err }

func (b *memBookmarks) SetTags(id string, tags []string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range b.list {
		if b.list[i].Paper.ID == id {
			b.list[i].Tags = tags
		}
	}
	return b.err
}

func (b *memBookmarks) SetNote(id, note string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := range b.list {
		if b.list[i].Paper.ID == id {
			b.list[i].Note = note
		}
	}
	return b.err
}

// hostileHelp adds a section whose title and binding are hostile, as a
// config file could make them, to the help screen.
func hostileHelp(m *App) {
	b := key.NewBinding(key.WithKeys("f12"), key.WithHelp(hostile("KEYHELP"), hostile("DESCHELP")))
	m.help.SetSections(append(m.helpSections(), help.Section{Title: hostile("SECTIONWORD"), Keys: []key.Binding{b}}))
}

// hostileSteps visit every pane with the hostile paper on screen; each
// names a word its frame must show, so the test knows it got there.
var hostileSteps = []struct {
	name  string
	keys  []string
	paste string
	shows string
}{
	{"list", nil, "", "TITLEWORD"},
	{"filter input", []string{"/"}, hostile("FILTERWORD"), "filter:"},
	{"filter cleared", []string{"esc"}, "", "TITLEWORD"},
	{"list on the hostile paper", []string{"j"}, "", "TITLEWORD"},
	{"detail", []string{"enter"}, "", "AUTHORWORD"},
	{"find in the detail", []string{"/"}, hostile("FINDWORD"), "find:"},
	{"find closed", []string{"esc"}, "", "AUTHORWORD"},
	{"code link refused", []string{"c"}, "", "javascript:"},
	{"copy", []string{"y"}, "", "copied"},
	{"copy BibTeX", []string{"Y"}, "", "BibTeX"},
	{"link picker", []string{"L"}, "", "Links"},
	{"link picker moved", []string{"j", "j", "j"}, "", "Links"},
	{"picker closed", []string{"esc"}, "", "AUTHORWORD"},
	{"help", []string{"?"}, "", "Listing"},
	{"help scrolled", strings.Split(strings.Repeat("j", 60), ""), "", "SECTIONWORD"},
	{"help closed", []string{"?"}, "", "AUTHORWORD"},
	{"detail scrolled to the abstract", []string{"G"}, "", "ABSTRACTWORD"},
	{"back to the list", []string{"esc"}, "", "TITLEWORD"},
	{"bookmarks view", []string{"B"}, "", "paperdeck"},
	{"bookmark detail", []string{"enter", "g"}, "", "NOTEWORD"},
	{"tags input", []string{"T"}, hostile("TYPEDTAG"), "tags"},
	{"tags saved", []string{"enter"}, "", "saved"},
	{"back from the bookmarks", []string{"esc", "esc"}, "", "TITLEWORD"},
	{"search input", []string{"s"}, hostile("SEARCHWORD"), "search"},
	{"search failed", []string{"enter"}, "", "could"},
}

func hostileOptions(f *fakeFeed, o *opened) Options {
	opts := optionsFor(f, fri, o)
	opts.Bookmarks = newHostileBookmarks()
	return opts
}

// Every pane, fed a record whose every field carries escape sequences,
// C1 controls, character references, bidi overrides and javascript:
// links, draws frames of plain text and SGR only, at a narrow and a wide
// size (list and detail side by side).
func TestHostileRecordsDrawOnlyText(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {150, 40}} {
		w, ht := size[0], size[1]
		o := &opened{}
		h := harnessWith(t, hostileOptions(hostileFeed(), o), o)
		hostileHelp(h.app)
		h.send(tea.WindowSizeMsg{Width: w, Height: ht})
		for _, step := range hostileSteps {
			h.keys(step.keys...)
			if step.paste != "" {
				h.send(tea.PasteMsg{Content: step.paste})
			}
			v := h.app.View()
			label := step.name + " at " + itoa(w) + "×" + itoa(ht)
			if !strings.Contains(ansi.Strip(v.Content), step.shows) {
				t.Fatalf("%s: the screen should show %q:\n%s", label, step.shows, ansi.Strip(v.Content))
			}
			checkFrame(t, label, v.Content, w, ht)
			if v.WindowTitle != "" {
				t.Errorf("%s: the window title was set to %q", label, v.WindowTitle)
			}
			// The bodies of the sequences go with them.
			for _, leak := range []string{"PWNED-TITLE", "UFdORUQ", "evil.example/\x1b"} {
				if strings.Contains(v.Content, leak) {
					t.Errorf("%s: %q reached the frame", label, leak)
				}
			}
		}
		if got := h.opened.list(); len(got) != 0 {
			t.Errorf("%d×%d: links were opened: %q", w, ht, got)
		}
	}
}

// The damaged-bookmarks message shows the file's error, which may quote
// the file: it is cleaned like everything else.
func TestHostileErrorMessageDrawsOnlyText(t *testing.T) {
	o := &opened{}
	opts := optionsFor(hostileFeed(), fri, o)
	b := newHostileBookmarks()
	b.err = errors.New(hostile("DAMAGEWORD"))
	opts.Bookmarks = b
	h := harnessWith(t, opts, o)
	h.keys("B")
	v := h.app.View()
	if !strings.Contains(ansi.Strip(v.Content), "DAMAGEWORD") {
		t.Fatalf("B with a damaged file should explain it:\n%s", ansi.Strip(v.Content))
	}
	checkFrame(t, "damaged bookmarks message", v.Content, 80, 24)
}

// c on a paper whose code link is javascript:alert(1) opens nothing and
// the status bar says why.
func TestJavascriptCodeLinkIsRefused(t *testing.T) {
	o := &opened{}
	h := harnessWith(t, hostileOptions(hostileFeed(), o), o)
	h.keys("j", "c")
	if got := h.opened.list(); len(got) != 0 {
		t.Fatalf("c opened %q", got)
	}
	if got := h.status(); !strings.Contains(got, "not opening the code link: javascript: links are not opened") {
		t.Errorf("the status bar should say why nothing opened: %q", got)
	}
}

// The real program, with a terminal's output captured: every byte it
// writes while the hostile paper is shown in every pane is either text or
// a sequence Bubble Tea's renderer makes by itself. Nothing from the data
// gets into an OSC (window title, hyperlink), and the clipboard writes
// (y, Y) hold cleaned text: the id and link, and a BibTeX entry.
func TestHostileRecordsNeverReachTheTerminal(t *testing.T) {
	o := &opened{}
	app := New(hostileOptions(hostileFeed(), o))
	hostileHelp(app)
	var out syncBuffer
	p := tea.NewProgram(app,
		tea.WithInput(nil), tea.WithOutput(&out), tea.WithWindowSize(100, 30),
		tea.WithoutSignals(), tea.WithColorProfile(colorprofile.TrueColor),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}))
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()

	shown := func(word string) bool { return strings.Contains(ansi.Strip(out.String()), word) }
	waitShown := func(step, word string) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			if shown(word) {
				return
			}
		}
		p.Kill()
		t.Fatalf("%s: the terminal never showed %q", step, word)
	}
	waitShown("first frame", "TITLEWORD")
	for _, step := range hostileSteps {
		mark := len(out.String())
		for _, k := range step.keys {
			p.Send(keyMsg(k))
		}
		if step.paste != "" {
			p.Send(tea.PasteMsg{Content: step.paste})
		}
		// Wait for this step's frame: the renderer draws only what changed,
		// so look for any output after the keys, then for the step's word.
		sent := len(step.keys) > 0 || step.paste != ""
		for deadline := time.Now().Add(10 * time.Second); sent && len(out.String()) == mark && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
		waitShown(step.name, step.shows)
	}
	p.Quit()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		p.Kill()
		t.Fatal("the program did not quit")
	}

	written := out.String()
	clips := 0
	outside := written // the bytes outside the clipboard writes, which are checked decoded
	for _, s := range scanTerminal(written) {
		if text, ok := clipboardText(s); ok {
			outside = strings.Replace(outside, "\x1b]52;"+s.body[3:], "", 1)
			for _, leak := range []string{"PWNED", "UFdORUQ", "]52;", "]8;"} {
				if strings.Contains(text, leak) {
					t.Errorf("the clipboard write holds %q: %q", leak, text)
				}
			}
			// y copies the id and link on one line; Y a BibTeX entry, which
			// names the title, base64-encoded so it cannot end the sequence.
			clips++
			bib := strings.HasPrefix(text, "@")
			if p := frameProblem(text); p != "" || !bib && (strings.Contains(text, "TITLEWORD") || strings.Contains(text, "\n")) {
				t.Errorf("the clipboard write holds %q (%s)", text, p)
			}
			continue
		}
		if !rendererSeq(written, s) {
			t.Errorf("%s %q at byte %d is not one the renderer makes: …%q…", s.kind, s.body, s.at,
				written[max(0, s.at-40):min(len(written), s.at+40)])
		}
	}
	if clips != 2 {
		t.Errorf("%d clipboard writes, want the ones y and Y made", clips)
	}
	for _, leak := range []string{"PWNED-TITLE", "UFdORUQ", "evil.example/\x1b", "\x1b]8;;https://evil", "\x1b]0;", "\x1b]2;"} {
		if i := strings.Index(outside, leak); i >= 0 {
			t.Errorf("%q reached the terminal: …%q…", leak, outside[max(0, i-80):min(len(outside), i+40)])
		}
	}
	if got := o.list(); len(got) != 0 {
		t.Errorf("links were opened: %q", got)
	}
}

// A BROWSER that records its arguments, run through the real opener from
// the reader: it gets exactly the rebuilt https link, as one argument.
func TestRecordingBrowserGetsTheRebuiltLink(t *testing.T) {
	dir := t.TempDir()
	argv := filepath.Join(dir, "argv")
	script := filepath.Join(dir, "browser")
	body := "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" >> " + argv + "\necho noise; echo noise >&2\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	l := day(fri.Value, "A paper with odd links")
	l.Papers[0].URL = "https://HuggingFace.co/papers/2501.00001?a=1&b=$(id)#x"
	l.Papers[0].PDFURL = "http://arxiv.org/pdf/2501.00001"
	l.Papers[0].GitHub = "--remote-debugging-port=9222"
	o := &opened{}
	opts := optionsFor(newFakeFeed().add(l), fri, o)
	opts.Open = BrowserOpener(script)
	h := harnessWith(t, opts, o)
	h.keys("o", "p", "c")
	got, _ := os.ReadFile(argv)
	want := "1\nhttps://huggingface.co/papers/2501.00001?a=1&b=$(id)#x\n1\nhttp://arxiv.org/pdf/2501.00001\n"
	if string(got) != want {
		t.Errorf("the browser got\n%s\nwant\n%s", got, want)
	}
	if st := h.status(); !strings.Contains(st, "not opening the code link") {
		t.Errorf("--remote-debugging-port=9222 should be refused with a reason: %q", st)
	}
}

// The URL check of every opener, against the issue's list.
func TestCheckURLRefusesTheIssuesList(t *testing.T) {
	refused := map[string]string{
		"-a":                           "not an absolute link",
		"--remote-debugging-port=9222": "not an absolute link",
		"file:///etc/passwd":           "file: links are not opened",
		"javascript:alert(1)":          "javascript: links are not opened",
		"https://user:pass@host/":      "user name or password",
		"https://example.org/a b":      "spaces or control characters",
		"https://example.org/a\tb":     "spaces or control characters",
		"https://example.org/\x1b]8;;": "spaces or control characters",
		"https://example.org/\u0085":   "spaces or control characters",
		"https://example.org/" + strings.Repeat("x", 3*1024): "longer than 2048 bytes",
	}
	for in, why := range refused {
		got, err := CheckURL(in)
		if err == nil {
			t.Errorf("CheckURL(%.40q) accepted it as %q", in, got)
			continue
		}
		if !strings.Contains(err.Error(), why) {
			t.Errorf("CheckURL(%.40q): %q, want it to say %q", in, err, why)
		}
		if p := frameProblem(err.Error()); p != "" || len(err.Error()) > 80 {
			t.Errorf("CheckURL(%.40q): the reason %q is not one short clean line", in, err)
		}
	}
	accepted := map[string]string{
		"https://huggingface.co/papers/2407.21783":         "https://huggingface.co/papers/2407.21783",
		"HTTPS://GitHub.com/a/b":                           "https://github.com/a/b",
		"https://example.org/" + strings.Repeat("x", 2000): "https://example.org/" + strings.Repeat("x", 2000),
	}
	for in, want := range accepted {
		if got, err := CheckURL(in); err != nil || got != want {
			t.Errorf("CheckURL(%.40q) = %.60q, %v; want %.60q", in, got, err, want)
		}
	}
}

// The reader's own cleaning, on any input: a cleaned line is one line of
// plain text, a cleaned frame holds only text and SGR, and a line cut or
// padded to a width fits it by both of the terminal's ways of counting.
func FuzzSafeText(f *testing.F) {
	for _, s := range append(append([]string{}, hostileParts...), widthCorpusTitles[:9]...) {
		f.Add(s, 20)
	}
	f.Add("\x1b[31mred\x1b[m \x1b[38;2;1;2;3mrgb\x1b[0m", 5)
	f.Fuzz(func(t *testing.T, s string, w int) {
		w = max(0, min(w, 300))
		line := termsafe.Line(s)
		if p := frameProblem(line); p != "" || strings.ContainsAny(line, "\n\r\t") {
			t.Fatalf("termsafe.Line(%q) = %q holds %s", s, line, p)
		}
		if p := frameProblem(safeScreen(s)); p != "" {
			t.Fatalf("safeScreen(%q) holds %s", s, p)
		}
		if p := frameProblem(termsafe.Text(s)); p != "" {
			t.Fatalf("termsafe.Text(%q) holds %s", s, p)
		}
		for _, cut := range []string{common.Truncate(line, w), common.PadRight(line, w)} {
			if msg := fitProblem(cut, w, 1); msg != "" {
				t.Fatalf("%q cut to %d: %s", line, w, msg)
			}
		}
	})
}

// The same record in a hand-edited --json file is cleaned by the parser
// before the reader sees it: no field keeps a control, the javascript:
// code link is gone, and the screen is plain text.
func TestHostileJSONFileIsCleanedOnTheWayIn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hostile.json")
	body, err := json.Marshal([]model.Paper{hostilePaper(), day(fri.Value, "Plain Paper").Papers[0]})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := feed.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Papers) != 2 {
		t.Fatalf("parsed %d papers", len(l.Papers))
	}
	p := l.Papers[0]
	for name, v := range map[string]string{"title": p.Title, "author": strings.Join(p.Authors, "|"), "summary": p.Summary,
		"organization": p.Organization, "links": strings.Join(p.Links, " "), "project": p.ProjectPage, "arxiv": p.ArxivURL} {
		if prob := frameProblem(strings.ReplaceAll(v, "\n", " ")); prob != "" {
			t.Errorf("the parsed %s holds %s", name, prob)
		}
	}
	if p.GitHub != "" {
		t.Errorf("the javascript: code link survived the parser as %q", p.GitHub)
	}
	l.Period = fri
	o := &opened{}
	h := harnessWith(t, optionsFor(newFakeFeed().add(l), fri, o), o)
	for _, keys := range [][]string{nil, {"enter"}, {"L"}} {
		h.keys(keys...)
		checkFrame(t, "parsed hostile record after "+strings.Join(keys, " "), h.app.View().Content, 80, 24)
	}
}
