package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/pane/status"
)

var (
	thu = model.Period{Kind: model.Day, Value: "2024-08-01"}
	fri = model.Period{Kind: model.Day, Value: "2025-01-10"}
	sat = model.Period{Kind: model.Day, Value: "2025-01-11"}
	sun = model.Period{Kind: model.Day, Value: "2025-01-12"}
	mon = model.Period{Kind: model.Day, Value: "2025-01-13"}
)

func page2024(t *testing.T) *fakeFeed {
	return newFakeFeed().add(loadFixture(t, "hf_daily_papers_2024-08-01.html"))
}

func TestFirstFrameComesBeforeTheAnswer(t *testing.T) {
	f := page2024(t)
	f.hold[thu] = make(chan struct{})
	h := newHarnessNoInit(t, f, thu, 80, 24)
	load := h.start(nil) // Init's command, not yet run
	if got := h.screen(); !strings.Contains(got, "loading") {
		t.Fatalf("first frame should say it is loading, got:\n%s", got)
	}
	close(f.hold[thu])
	h.run(load)
	if got := h.screen(); !strings.Contains(got, "The Llama 3 Herd of Models") {
		t.Fatalf("after the answer the list should show the papers:\n%s", got)
	}
}

// newHarnessNoInit sizes the screen but leaves Init's command to the test.
func newHarnessNoInit(t *testing.T, f *fakeFeed, start model.Period, w, h int) *initHarness {
	hs := newHarness(t, newFakeFeed(), model.Period{Kind: model.File, Value: "none"}, w, h)
	o := hs.opened
	hs.app = New(optionsFor(f, start, o))
	hs.app.setTicker(hs.noTick())
	hs.feed = f
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return &initHarness{hs}
}

type initHarness struct{ *harness }

func (h *initHarness) start(tea.Msg) tea.Cmd { return h.app.Init() }

func TestKeysMoveTheCursor(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	if h.selected() != "2407.21783" {
		t.Fatalf("cursor should start on the first paper, on %q", h.selected())
	}
	h.keys("j", "j")
	if h.selected() != "2407.21770" {
		t.Errorf("j j: cursor on %q, want the third paper", h.selected())
	}
	h.keys("k")
	if h.selected() != "2407.21705" {
		t.Errorf("k: cursor on %q, want the second paper", h.selected())
	}
	h.keys("G")
	if h.selected() != "2404.01300" {
		t.Errorf("G: cursor on %q, want the last paper", h.selected())
	}
	h.keys("j")
	if h.selected() != "2404.01300" {
		t.Errorf("j past the end moved the cursor to %q", h.selected())
	}
	h.keys("g")
	if h.selected() != "2407.21783" {
		t.Errorf("g: cursor on %q, want the first paper", h.selected())
	}
	h.keys("ctrl+d")
	if h.selected() == "2407.21783" {
		t.Errorf("ctrl+d did not move the cursor")
	}
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	h.keys("down", "up")
	if !strings.Contains(h.screen(), "▸") {
		t.Errorf("no cursor mark on screen:\n%s", h.screen())
	}
}

func TestFilterNarrowsAsYouType(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	h.keys("/")
	h.typeText("lla")
	if !strings.Contains(h.status(), "1 of 13 papers") {
		t.Errorf("after typing lla the count should be 1 of 13: %q", h.status())
	}
	h.typeText("ma")
	screen := h.screen()
	if !strings.Contains(screen, "The Llama 3 Herd of Models") || strings.Contains(screen, "ShieldGemma") {
		t.Fatalf("filter llama should leave only the Llama paper:\n%s", screen)
	}
	if !strings.Contains(screen, "filter: llama") {
		t.Errorf("the query line should show the query:\n%s", screen)
	}
	h.keys("enter")
	if strings.Contains(h.screen(), "filter: llama") {
		t.Errorf("enter should close the query line")
	}
	if !strings.Contains(h.status(), "1 of 13 papers") || h.selected() != "2407.21783" {
		t.Errorf("enter should keep the filter: %q, cursor %q", h.status(), h.selected())
	}
	h.keys("esc")
	if !strings.Contains(h.status(), "13 papers") || strings.Contains(h.status(), "of 13") {
		t.Errorf("esc should clear the filter: %q", h.status())
	}

	// Every word must match the start of a word; case does not matter.
	h.keys("/")
	h.typeText("GEMMA shield")
	if h.app.list.Shown() != 1 || h.selected() != "2407.21772" {
		t.Errorf("“GEMMA shield” should find ShieldGemma only, found %d", h.app.list.Shown())
	}
	h.typeText("zzz")
	if !strings.Contains(h.screen(), "no paper matches") {
		t.Errorf("a filter without matches should say so:\n%s", h.screen())
	}
	h.keys("esc")
	if h.app.list.Shown() != 13 {
		t.Errorf("esc in the query line should clear the filter, %d shown", h.app.list.Shown())
	}
}

func TestOpenDetailAndGoBack(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	h.keys("enter")
	screen := h.screen()
	for _, want := range []string{"LLAMA 3 HERD", "Abhimanyu Dubey", "more", "https://huggingface.co/papers/2407.21783", "https://arxiv.org/pdf/2407.21783", "Modern artificial intelligence"} {
		if !strings.Contains(strings.ToUpper(screen), strings.ToUpper(want)) {
			t.Errorf("detail should show %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "ShieldGemma") {
		t.Errorf("narrow detail should take the whole screen:\n%s", screen)
	}
	h.keys("j", "pgdown", "G")
	if !strings.Contains(strings.ToLower(h.screen()), "llama") && !strings.Contains(h.screen(), "model") {
		t.Errorf("scrolling lost the text:\n%s", h.screen())
	}
	h.keys("esc")
	if !strings.Contains(h.screen(), "ShieldGemma") {
		t.Errorf("esc should go back to the list:\n%s", h.screen())
	}
	if !h.app.marks.read["2407.21783"] {
		t.Errorf("an opened paper should count as read")
	}
}

func TestStaleResultIsDropped(t *testing.T) {
	f := newFakeFeed().add(day(fri.Value, "Friday paper")).add(day("2025-01-09", "Thursday paper")).add(day(mon.Value, "Monday paper"))
	h := newHarness(t, f, fri, 80, 24)
	f.hold[mon] = make(chan struct{})
	f.listings[sat] = model.Listing{Period: sat}
	slow := h.start(keyMsg("]")) // Saturday, skipping on to Monday, is slow...
	h.keys("[")                  // ...and the user moves to Thursday meanwhile
	if !strings.Contains(h.screen(), "Thursday paper") {
		t.Fatalf("[ should show Thursday:\n%s", h.screen())
	}
	close(f.hold[mon])
	h.run(slow)
	if !strings.Contains(h.screen(), "Thursday paper") || strings.Contains(h.screen(), "Monday paper") {
		t.Fatalf("the older request's answer replaced the newer one:\n%s", h.screen())
	}
}

func TestSupersededRequestIsCancelled(t *testing.T) {
	f := newFakeFeed().add(day(fri.Value, "Friday paper")).add(day("2025-01-09", "Thursday paper"))
	h := newHarness(t, f, fri, 80, 24)
	f.hold[sat] = make(chan struct{}) // never released: only cancellation ends it
	slow := h.start(keyMsg("]"))
	h.keys("[")
	done := make(chan struct{})
	go func() { h.run(slow); close(done) }()
	select { // the held request ends only if its context was cancelled
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the superseded request was not cancelled")
	}
	if strings.Contains(h.status(), "could not load") {
		t.Errorf("a cancelled request should not show an error: %q", h.status())
	}
}

func TestFailedFetchKeepsTheList(t *testing.T) {
	f := newFakeFeed().add(day(fri.Value, "Friday paper", "Another paper"))
	f.errs[mon] = errors.New("huggingface.co: 503 Service Unavailable")
	f.listings[sat] = model.Listing{Period: sat}
	f.listings[sun] = model.Listing{Period: sun}
	h := newHarness(t, f, fri, 80, 24)
	h.keys("j", "]")
	screen := h.screen()
	if !strings.Contains(screen, "Friday paper") || !strings.Contains(screen, "Another paper") {
		t.Errorf("a failed fetch should keep the list:\n%s", screen)
	}
	if h.selected() != fri.Value+"-1" {
		t.Errorf("a failed fetch moved the cursor to %q", h.selected())
	}
	if !strings.Contains(h.status(), "could not load Monday 2025-01-13") || !strings.Contains(h.status(), "503") {
		t.Errorf("the status bar should say what failed: %q", h.status())
	}
}

func TestFailedFirstLoadSaysWhat(t *testing.T) {
	f := newFakeFeed()
	f.errs[thu] = errors.New("dial tcp: no route to host")
	h := newHarness(t, f, thu, 80, 24)
	if !strings.Contains(h.screen(), "could not load Thursday 2024-08-01") {
		t.Errorf("the list should say the load failed:\n%s", h.screen())
	}
	f.add(loadFixture(t, "hf_daily_papers_2024-08-01.html"))
	delete(f.errs, thu)
	h.keys("r")
	if !strings.Contains(h.screen(), "The Llama 3 Herd") {
		t.Errorf("r should retry:\n%s", h.screen())
	}
}

func TestEmptyDays(t *testing.T) {
	f := newFakeFeed().add(day(fri.Value, "Friday paper")).add(day(mon.Value, "Monday paper"))
	f.listings[sat] = model.Listing{Source: model.SourceHF, Period: sat}
	f.listings[sun] = model.Listing{Source: model.SourceHF, Period: sun}

	h := newHarness(t, f, sat, 80, 24)
	if !strings.Contains(h.screen(), "no papers on Saturday 2025-01-11") {
		t.Fatalf("an empty day should say so:\n%s", h.screen())
	}
	h.keys("]")
	if !strings.Contains(h.screen(), "Monday paper") {
		t.Errorf("] from Saturday should go on to Monday, the next day with papers:\n%s", h.screen())
	}
	h.keys("[")
	if !strings.Contains(h.screen(), "Friday paper") {
		t.Errorf("[ from Monday should pass over the weekend to Friday:\n%s", h.screen())
	}
}

func TestSourceNamedNeighboursWin(t *testing.T) {
	l := day(fri.Value, "Friday paper")
	l.Next = mon // the page says the next day with papers is Monday
	f := newFakeFeed().add(l).add(day(mon.Value, "Monday paper"))
	h := newHarness(t, f, fri, 80, 24)
	h.keys("]")
	for _, r := range f.requests() {
		if r.Period == sat {
			t.Errorf("] asked for Saturday although the page named Monday")
		}
	}
	if !strings.Contains(h.screen(), "Monday paper") {
		t.Errorf("] should show Monday:\n%s", h.screen())
	}
}

func TestNoFutureDays(t *testing.T) {
	today := model.Period{Kind: model.Day, Value: "2025-01-17"}
	f := newFakeFeed().add(day(today.Value, "Today's paper"))
	h := newHarness(t, f, today, 80, 24)
	h.keys("]")
	if len(f.requests()) != 1 {
		t.Errorf("] on today asked for %v", f.requests())
	}
	if !strings.Contains(h.status(), "no later list") {
		t.Errorf("status should say there is nothing later: %q", h.status())
	}
}

func TestPeriodKeys(t *testing.T) {
	f := newFakeFeed().add(day(fri.Value, "Friday paper"))
	week := model.Period{Kind: model.Week, Value: "2025-W02"}
	month := model.Period{Kind: model.Month, Value: "2025-01"}
	f.add(day("2025-01-17", "x"))
	wl := day(fri.Value, "Week paper")
	wl.Period = week
	ml := day(fri.Value, "Month paper")
	ml.Period = month
	tl := day(fri.Value, "Trending paper")
	tl.Period = model.Period{Kind: model.Trending}
	f.add(wl).add(ml).add(tl)
	h := newHarness(t, f, fri, 80, 24)
	for _, c := range []struct{ key, want string }{
		{"w", "Week paper"}, {"m", "Month paper"}, {"t", "Trending paper"}, {"d", "x"},
	} {
		h.keys(c.key)
		if !strings.Contains(h.screen(), c.want) {
			t.Errorf("%s should list %q:\n%s", c.key, c.want, h.screen())
		}
	}
	got := f.requests()
	want := []model.Period{fri, week, month, {Kind: model.Trending}, {Kind: model.Day, Value: "2025-01-17"}}
	if len(got) != len(want) {
		t.Fatalf("requests %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Period != want[i] {
			t.Errorf("request %d: %v, want %v", i, got[i].Period, want[i])
		}
	}
	if !strings.Contains(h.status(), "Friday 2025-01-17") {
		t.Errorf("status should name the period: %q", h.status())
	}
}

func TestSearchThenEscReturns(t *testing.T) {
	f := page2024(t)
	q := model.Period{Kind: model.Search, Value: "flow matching"}
	sl := day(fri.Value, "Flow Matching for Generative Modeling", "Rectified Flow")
	sl.Period = q
	f.add(sl)
	h := newHarness(t, f, thu, 80, 24)
	h.keys("j", "j", "s")
	h.typeText("flow matching")
	if !strings.Contains(h.screen(), "search Hugging Face: flow matching") {
		t.Errorf("s should open a query line:\n%s", h.screen())
	}
	h.keys("enter")
	if !strings.Contains(h.screen(), "Rectified Flow") || strings.Contains(h.screen(), "Llama") {
		t.Fatalf("enter should list the search results:\n%s", h.screen())
	}
	if !strings.Contains(h.status(), `search “flow matching”`) {
		t.Errorf("status should name the search: %q", h.status())
	}
	h.keys("esc")
	if !strings.Contains(h.screen(), "The Llama 3 Herd") || h.selected() != "2407.21770" {
		t.Errorf("esc should return to the listing, cursor where it was (%q):\n%s", h.selected(), h.screen())
	}
}

func TestLinksAreOpenedAndExplained(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	h.keys("o")
	if got := h.opened.list(); len(got) != 1 || got[0] != "https://huggingface.co/papers/2407.21783" {
		t.Fatalf("o opened %v", got)
	}
	if !strings.Contains(h.status(), "opened https://huggingface.co/papers/2407.21783") {
		t.Errorf("status should say what was opened: %q", h.status())
	}
	h.keys("c")
	if !strings.Contains(h.status(), "no code link for this paper") {
		t.Errorf("c without a repo should say so: %q", h.status())
	}
	h.keys("p")
	// Open-Vocabulary Audio-Visual Semantic Segmentation has a repository.
	h.keys("/")
	h.typeText("open vocabulary")
	h.keys("enter", "c")
	want := []string{"https://huggingface.co/papers/2407.21783", "https://arxiv.org/pdf/2407.21783", "https://github.com/ruohaoguo/ovavss"}
	if got := h.opened.list(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("opened %v, want %v", got, want)
	}
	h.keys("L")
	if !strings.Contains(h.screen(), "1. page") || !strings.Contains(h.screen(), "code") {
		t.Fatalf("L should list the links numbered:\n%s", h.screen())
	}
	h.keys("2")
	if got := h.opened.list(); got[len(got)-1] != "https://arxiv.org/pdf/2407.21721" {
		t.Errorf("2 in the picker opened %v", got[len(got)-1])
	}
	if strings.Contains(h.screen(), "1. page") {
		t.Errorf("picking a link should close the picker")
	}
}

func TestUnsafeLinksAreRefused(t *testing.T) {
	l := day(fri.Value, "Evil paper")
	l.Papers[0].URL = "javascript:alert(1)"
	l.Papers[0].GitHub = "http://evil.example/x"
	h := newHarness(t, newFakeFeed().add(l), fri, 80, 24)
	h.keys("o")
	if !strings.Contains(h.status(), "not opening the paper page") {
		t.Errorf("a javascript: link should be refused: %q", h.status())
	}
	h.keys("c")
	if !strings.Contains(h.status(), "plain http") {
		t.Errorf("a plain http link to an unknown host should be refused: %q", h.status())
	}
	if got := h.opened.list(); len(got) != 0 {
		t.Errorf("opened %v", got)
	}
}

// A link the gate refuses leaves the picker open, saying why, so the
// next link can be tried; a DOI link over http opens over https.
func TestARefusedLinkKeepsThePickerOpen(t *testing.T) {
	l := day(fri.Value, "Paper with old links")
	l.Papers[0].GitHub = "http://evil.example/x"
	l.Papers[0].Links = []string{"http://dx.doi.org/10.1093/mnras/staa1777"}
	h := newHarness(t, newFakeFeed().add(l), fri, 80, 24)
	h.keys("L")
	screen := h.screen()
	code, doi := pickerNumber(t, screen, "evil.example"), pickerNumber(t, screen, "dx.doi.org")
	h.keys(code)
	if !strings.Contains(h.status(), "plain http") || !strings.Contains(h.screen(), "Links of") {
		t.Fatalf("a refused link should say why and keep the picker open: %q\n%s", h.status(), h.screen())
	}
	h.keys(doi)
	if got := h.opened.list(); len(got) != 1 || got[0] != "https://dx.doi.org/10.1093/mnras/staa1777" {
		t.Errorf("the DOI link opened %v, want it over https", got)
	}
}

// pickerNumber is the digit that picks the picker row holding text.
func pickerNumber(t *testing.T, screen, text string) string {
	t.Helper()
	for _, line := range strings.Split(screen, "\n") {
		if i := strings.Index(line, text); i >= 0 {
			if f := strings.Fields(line[:i]); len(f) > 0 {
				return strings.TrimSuffix(f[0], ".")
			}
		}
	}
	t.Fatalf("no picker row holds %q:\n%s", text, screen)
	return ""
}

func TestDetailsArriveInTheBackground(t *testing.T) {
	f := page2024(t)
	f.papers["2407.21783"] = model.Paper{ID: "2407.21783", GitHub: "https://github.com/meta-llama/llama3", GitHubStars: 27000, AISummary: "Meta's Llama 3 models."}
	h := newHarness(t, f, thu, 80, 24)
	h.keys("enter")
	if !strings.Contains(h.screen(), "Meta's Llama 3 models.") || !strings.Contains(h.screen(), "github.com/meta-llama/llama3") {
		t.Errorf("the detail should show the fetched record:\n%s", h.screen())
	}
	h.keys("c")
	if got := h.opened.list(); len(got) != 1 || got[0] != "https://github.com/meta-llama/llama3" {
		t.Errorf("c opened %v", got)
	}
	h.keys("esc")
	if !strings.Contains(h.screen(), "</>") {
		t.Errorf("the list should now mark the paper as having code:\n%s", h.screen())
	}
}

func TestCopy(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	h.keys("y")
	if h.clip != 1 || !strings.Contains(h.status(), "copied 2407.21783 https://huggingface.co/papers/2407.21783") {
		t.Errorf("y: %d clipboard writes, status %q", h.clip, h.status())
	}
	h.keys("Y")
	if h.clip != 2 || !strings.Contains(h.status(), "copied BibTeX @misc{") {
		t.Errorf("Y: %d clipboard writes, status %q", h.clip, h.status())
	}
}

func TestHelpListsTheKeys(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 140, 40)
	h.keys("?")
	screen := h.screen()
	for _, want := range []string{"filter this list", "search Hugging Face", "open PDF", "copy BibTeX", "previous day/week/month", "find in text", "quit"} {
		if !strings.Contains(screen, want) {
			t.Errorf("help should list %q:\n%s", want, screen)
		}
	}
	h.keys("?")
	if strings.Contains(h.screen(), "copy BibTeX") {
		t.Errorf("? should close the help")
	}
}

func TestWideDetailFollowsTheCursor(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 140, 40)
	if !strings.Contains(h.screen(), "ABHIMANYU DUBEY") && !strings.Contains(h.screen(), "Abhimanyu Dubey") {
		t.Errorf("the detail should show the first paper beside the list:\n%s", h.screen())
	}
	h.keys("j")
	screen := h.screen()
	if !strings.Contains(screen, "TORA") && !strings.Contains(screen, "Tora") {
		t.Errorf("the detail should follow the cursor to Tora:\n%s", screen)
	}
	if !strings.Contains(screen, "ShieldGemma") {
		t.Errorf("the list should stay on screen:\n%s", screen)
	}
}

func TestFindInDetail(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	h.keys("enter", "/")
	h.typeText("language")
	h.keys("enter")
	if !strings.Contains(h.status(), "“language”: match 1 of") {
		t.Fatalf("find should report its matches: %q", h.status())
	}
	h.keys("n")
	if !strings.Contains(h.status(), "match 2 of") {
		t.Errorf("n should go to the next match: %q", h.status())
	}
	h.keys("esc")
	if h.app.focus.on != focusDetail || h.app.detail.FindStatus() != "" {
		t.Errorf("esc should clear the find first")
	}
	h.keys("esc")
	if h.app.focus.on != focusList {
		t.Errorf("the second esc should go back to the list")
	}
}

func TestQuit(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	h.keys("/")
	h.typeText("q")
	if h.quit {
		t.Fatalf("q typed into the filter must not quit")
	}
	h.keys("esc", "q")
	if !h.quit {
		t.Errorf("q should quit")
	}
	h2 := newHarness(t, page2024(t), thu, 80, 24)
	h2.keys("/", "ctrl+c")
	if !h2.quit {
		t.Errorf("ctrl+c should always quit")
	}
}

func TestNoticeIsShown(t *testing.T) {
	f := page2024(t)
	f.notice = "offline: cached copy from 2024-08-01 10:02"
	h := newHarness(t, f, thu, 80, 24)
	if !strings.Contains(h.status(), "offline: cached copy") {
		t.Errorf("the notice should be in the status bar: %q", h.status())
	}
	h.send(status.ClearMsg{Seq: h.app.status.Seq()})
	if strings.Contains(h.status(), "offline") {
		t.Errorf("the notice should fade")
	}
}

// s opens empty even while a search is listed: what is typed is a new
// search, not one appended to the last; the last shows dimmed, and tab
// takes it back to edit.
func TestSearchLineOpensEmpty(t *testing.T) {
	f := page2024(t)
	for _, q := range []string{"flow matching", "diffusion"} {
		l := day(fri.Value, "Results for "+q)
		l.Period = model.Period{Kind: model.Search, Value: q}
		f.add(l)
	}
	h := newHarness(t, f, thu, 80, 24)
	h.keys("s")
	h.typeText("flow matching")
	h.keys("enter", "s")
	if line := rowOf(h.screen(), "search Hugging Face:"); !strings.Contains(line, "flow matching") {
		t.Errorf("the line should show the search on screen, dimmed: %q", line)
	}
	if hints := strings.Join(h.app.hint(), " · "); !strings.Contains(hints, "tab edit last search") {
		t.Errorf("the hints should say tab takes the last search: %q", hints)
	}
	h.typeText("diffusion")
	if line := rowOf(h.screen(), "search Hugging Face:"); strings.Contains(line, "matching") {
		t.Errorf("typing should start a new search: %q", line)
	}
	h.keys("enter")
	if got := h.feed.requests(); got[len(got)-1].Period.Value != "diffusion" {
		t.Errorf("searched %q, want diffusion", got[len(got)-1].Period.Value)
	}
	h.keys("s", "tab")
	h.typeText(" models") // not listed: the request is what counts
	h.keys("enter")
	if got := h.feed.requests(); got[len(got)-1].Period.Value != "diffusion models" {
		t.Errorf("tab then typing searched %q, want the last search edited", got[len(got)-1].Period.Value)
	}
}
