package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/pane/status"
)

// withStores gives the harness real bookmark and read-mark files in dir.
func withStores(t *testing.T, f *fakeFeed, start model.Period, dir string, w, h int) *harness {
	t.Helper()
	o := &opened{}
	opts := optionsFor(f, start, o)
	opts.Bookmarks = store.OpenBookmarks(filepath.Join(dir, "bookmarks.json"))
	opts.ReadMarks = store.OpenReadMarks(filepath.Join(dir, "readmarks.json"))
	return harnessWith(t, opts, o)
}

func harnessWith(t *testing.T, opts Options, o *opened) *harness {
	t.Helper()
	hs := &harness{t: t, app: New(opts), opened: o}
	hs.app.setTicker(hs.noTick())
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.run(hs.app.Init())
	return hs
}

func savedIDs(t *testing.T, dir string) []string {
	t.Helper()
	list, err := store.OpenBookmarks(filepath.Join(dir, "bookmarks.json")).Load()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, b := range list {
		ids = append(ids, b.Paper.ID)
	}
	return ids
}

func rowOf(screen, title string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, title) {
			return l
		}
	}
	return ""
}

func TestBookmarkIsSavedAndShown(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, page2024(t), thu, dir, 80, 24)
	h.keys("b")
	if !strings.Contains(rowOf(h.screen(), "Llama 3 Herd"), "★") {
		t.Errorf("b should mark the paper:\n%s", h.screen())
	}
	if !strings.Contains(h.status(), "bookmarked") {
		t.Errorf("b should say so: %q", h.status())
	}
	h.keys("j", "j", "b")
	if got := savedIDs(t, dir); len(got) != 2 {
		t.Fatalf("saved %v, want two bookmarks", got)
	}

	// Another session finds both, marked and listed by B, newest first.
	h2 := withStores(t, page2024(t), thu, dir, 80, 24)
	for _, title := range []string{"Llama 3 Herd", "MoMa"} {
		if !strings.Contains(rowOf(h2.screen(), title), "★") {
			t.Errorf("%s should be marked in a new session:\n%s", title, h2.screen())
		}
	}
	h2.keys("B")
	screen := h2.screen()
	if !strings.Contains(h2.status(), "bookmarks · 2 papers") || strings.Contains(screen, "ShieldGemma") {
		t.Fatalf("B should list the two bookmarks:\n%s", screen)
	}
	if strings.Index(screen, "MoMa") > strings.Index(screen, "Llama 3 Herd") {
		t.Errorf("bookmarks should be newest first:\n%s", screen)
	}
	// b in the bookmarks view removes; the row stays so b can undo.
	h2.keys("b")
	if got := savedIDs(t, dir); len(got) != 1 || got[0] != "2407.21783" {
		t.Errorf("after b in the bookmarks view: %v", got)
	}
	if strings.Contains(rowOf(h2.screen(), "MoMa"), "★") {
		t.Errorf("the removed bookmark should lose its mark")
	}
	h2.keys("esc")
	if !strings.Contains(h2.screen(), "ShieldGemma") {
		t.Errorf("esc should return to the listing:\n%s", h2.screen())
	}
}

// failingBookmarks fails every write.
type failingBookmarks struct{}

func (f *failingBookmarks) Load() ([]store.Bookmark, error) { return nil, nil }
func (f *failingBookmarks) Add(...model.Paper) (int, error) { return 0, errors.New("disk full") }
func (f *failingBookmarks) Remove(...string) (int, error)   { return 0, errors.New("disk full") }
func (f *failingBookmarks) SetTags(string, []string) error  { return errors.New("disk full") }
func (f *failingBookmarks) SetNote(string, string) error    { return errors.New("disk full") }
func (f *failingBookmarks) Import([]store.Bookmark) (int, error) {
	return 0, errors.New("disk full")
}

func TestFailedBookmarkSaveRollsBack(t *testing.T) {
	o := &opened{}
	opts := optionsFor(page2024(t), thu, o)
	opts.Bookmarks = &failingBookmarks{}
	h := harnessWith(t, opts, o)
	h.keys("b")
	if strings.Contains(rowOf(h.screen(), "Llama 3 Herd"), "★") {
		t.Errorf("a failed save should take the mark back:\n%s", h.screen())
	}
	if !strings.Contains(h.status(), "disk full") {
		t.Errorf("the status bar should say why: %q", h.status())
	}
}

func TestCorruptBookmarksAreLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "bookmarks.json")
	garbage := []byte("{\"version\": 1, \"bookmarks\": [ {oops\n")
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	h := withStores(t, page2024(t), thu, dir, 80, 24)
	if !strings.Contains(h.status(), "damaged") {
		t.Errorf("the reader should say the file is damaged: %q", h.status())
	}
	h.keys("b")
	if !strings.Contains(h.status(), "not saved") {
		t.Errorf("b should say nothing is saved: %q", h.status())
	}
	h.keys("T")
	h.typeText("x")
	h.keys("enter", "B")
	if !strings.Contains(h.screen(), "cannot be read") || !strings.Contains(h.screen(), "left as it was") {
		t.Errorf("B should explain the damaged file:\n%s", h.screen())
	}
	h.keys("esc")
	if !strings.Contains(h.screen(), "ShieldGemma") {
		t.Errorf("esc should close the explanation")
	}
	if got, _ := os.ReadFile(path); string(got) != string(garbage) {
		t.Errorf("the damaged file was changed: %q", got)
	}
	// The status bar's "not saved" is gone once the reader ends: the
	// changes it refused are said again then (stderr, status 1).
	h.keys("q")
	if err := h.app.Unsaved(); !h.quit || err == nil || !strings.Contains(err.Error(), "2 bookmark changes not saved") || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("after q: quit %v, Unsaved %v; want the refused changes named", h.quit, err)
	}
}

func TestTagsAndNote(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, page2024(t), thu, dir, 80, 24)
	h.keys("T")
	if !strings.Contains(h.screen(), "tags") {
		t.Fatalf("T should ask for tags:\n%s", h.screen())
	}
	h.typeText("rl, llm")
	h.keys("enter")
	if !strings.Contains(rowOf(h.screen(), "Llama 3 Herd"), "★") || !strings.Contains(h.screen(), "#rl #llm") {
		t.Errorf("tagging should bookmark and show the tags:\n%s", h.screen())
	}
	h.keys("enter", "e")
	h.typeText("compare with Gemma 2")
	h.keys("enter")
	if !strings.Contains(h.screen(), "note: compare with Gemma 2") {
		t.Errorf("the detail should show the note:\n%s", h.screen())
	}
	list, err := store.OpenBookmarks(filepath.Join(dir, "bookmarks.json")).Load()
	if err != nil || len(list) != 1 {
		t.Fatalf("%v %v", list, err)
	}
	if b := list[0]; strings.Join(b.Tags, ",") != "rl,llm" || b.Note != "compare with Gemma 2" {
		t.Errorf("saved tags %v, note %q", b.Tags, b.Note)
	}
}

func TestReadMarksAndNewSinceLastVisit(t *testing.T) {
	dir := t.TempDir()
	first := day(fri.Value, "Old paper one", "Old paper two")
	h := withStores(t, newFakeFeed().add(first), fri, dir, 80, 24)
	if !strings.Contains(rowOf(h.screen(), "Old paper two"), "•") {
		t.Errorf("an unopened paper should be marked unread:\n%s", h.screen())
	}
	h.keys("enter", "esc")
	if strings.Contains(rowOf(h.screen(), "Old paper one"), "•") {
		t.Errorf("an opened paper should be read:\n%s", h.screen())
	}

	// The same day again, now with a third paper.
	second := first
	second.Papers = append(append([]model.Paper(nil), first.Papers...), day(fri.Value, "x", "y", "Brand new paper").Papers[2])
	h2 := withStores(t, newFakeFeed().add(second), fri, dir, 80, 24)
	screen := h2.screen()
	if strings.Contains(rowOf(screen, "Old paper one"), "•") {
		t.Errorf("read marks should last across sessions:\n%s", screen)
	}
	if row := rowOf(screen, "Brand new paper"); !strings.Contains(row, "+") {
		t.Errorf("the new paper should be marked new: %q", row)
	}
	if strings.Contains(rowOf(screen, "Old paper two"), "+") {
		t.Errorf("a paper seen last time is not new")
	}
	if !strings.Contains(h2.status(), "1 new") {
		t.Errorf("the status bar should count the new papers: %q", h2.status())
	}
}

func TestNInDetail(t *testing.T) {
	h := newHarness(t, page2024(t), thu, 80, 24)
	h.keys("enter", "/")
	h.typeText("language")
	h.keys("enter", "n", "n", "N")
	if !strings.Contains(h.status(), "match 2 of") || h.app.input.Active() {
		t.Errorf("with matches, N is the previous match: %q", h.status())
	}
	// One meaning per key: without matches N is still "previous match"
	// (it does nothing), and the note has a key of its own.
	h.keys("esc", "N")
	if h.app.input.Active() {
		t.Errorf("without matches, N opened the input:\n%s", h.screen())
	}
	h.keys("e")
	if !strings.Contains(h.screen(), "note:") {
		t.Errorf("e edits the note:\n%s", h.screen())
	}
}

// The bookmarks view is a pane of its own beside the list: a filter on
// screen follows the reader into it and back, and a search the list
// started before B answers the list, never the bookmarks.
func TestTheFilterFollowsIntoTheBookmarksViewAndOnlyItsAnswersShowThere(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, newFakeFeed().add(shelf()), fri, dir, 100, 24)
	h.keys("b", "j", "b")            // Sparse Attention at Scale, then Flow Matching for Robots
	h.app.list.SetInlineFilterMax(0) // the list's filter answers in a command
	h.keys("/")
	h.typeText("flo")
	held := h.start(keyMsg("w")) // "flow": its answer held back
	if held == nil {
		t.Fatal("the list's filter should search in a command")
	}
	h.keys("enter", "B")
	if got := titles(h); !slices.Equal(got, []string{"Flow Matching for Robots"}) {
		t.Fatalf("B with the filter flow: %q\n%s", got, h.screen())
	}
	h.run(held) // the list's answer for "flow" lands while B is on screen
	if got := titles(h); !slices.Equal(got, []string{"Flow Matching for Robots"}) {
		t.Errorf("the list's answer reached the bookmarks view: %q", got)
	}
	h.send(status.ClearMsg{Seq: h.app.status.Seq()})
	if !strings.Contains(h.status(), "bookmarks · 1 of 2 papers · filter “flow”") {
		t.Errorf("status in B: %q", h.status())
	}
	h.keys("esc", "esc") // the filter, then back to the listing and its filter
	if got := titles(h); !slices.Equal(got, []string{"Robots That Flow", "Flow Matching for Robots"}) {
		t.Errorf("back from B, the listing's filter: %q\n%s", got, h.screen())
	}
}

// Two quick b presses start two saves, which may finish in either order:
// "newest first" is still the order of the presses (the added time is the
// key press's, not the save's).
func TestBookmarksKeepTheOrderOfThePresses(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, page2024(t), thu, dir, 80, 24)
	first := h.start(keyMsg("b")) // Llama 3 Herd
	h.keys("j", "j")
	second := h.start(keyMsg("b")) // MoMa
	h.run(second)
	h.run(first)
	if got := savedIDs(t, dir); !slices.Equal(got, []string{"2407.21770", "2407.21783"}) {
		t.Errorf("saved newest first: %v, want MoMa (pressed last) first", got)
	}
	h.keys("B")
	screen := h.screen()
	if moma, llama := strings.Index(screen, "MoMa"), strings.Index(screen, "Llama 3 Herd"); moma < 0 || llama < 0 || moma > llama {
		t.Errorf("B should show MoMa, bookmarked last, first:\n%s", screen)
	}
}

// The help lists what the keys do in the bookmarks view (B), from the key
// table, a remap included; in B the status bar's hints are the view's.
func TestHelpListsTheBookmarksKeys(t *testing.T) {
	c := Comforts{Keys: map[string][]string{"bookmark": {"x"}}}
	h := comfortHarness(t, page2024(t), thu, 140, 40, c, false)
	h.keys("x", "B")
	if hints := strings.Join(h.app.hint(), " · "); !strings.Contains(hints, "x remove the bookmark") || !strings.Contains(hints, "/ filter (tag:, note:)") {
		t.Errorf("B's hints %q, want x to remove and / to filter by tag", hints)
	}
	h.keys("?")
	screen := h.screen()
	section := screen[max(0, strings.Index(screen, "Bookmarks (B)")):]
	for _, want := range []string{`x +remove the bookmark`, `u +undo removal`, `T +bookmark's tags`, `e +bookmark's note`, `/ +filter \(tag:, note:\)`, `S +sort`, `esc +clear filter, go back`} {
		if !strings.Contains(screen, "Bookmarks (B)") || !regexpFind(section, want) {
			t.Errorf("the help's bookmarks section lacks %q:\n%s", want, screen)
		}
	}
	h.keys("esc", "x") // x in B removes the bookmark, as the help says
	if strings.Contains(rowOf(h.screen(), "Llama 3 Herd"), "★") {
		t.Errorf("x in B should remove the bookmark:\n%s", h.screen())
	}
}

// In the bookmarks view, removing the one bookmark a filter matches
// empties the list and the detail alike, which says what to do next; u
// puts the bookmark back in both.
func TestRemovingTheLastMatchingBookmarkEmptiesTheDetail(t *testing.T) {
	h := withStores(t, newFakeFeed().add(shelf()), fri, t.TempDir(), 80, 24)
	h.send(tea.WindowSizeMsg{Width: 160, Height: 30})
	h.keys("T")
	h.typeText("rl")
	h.keys("enter", "j", "b", "B", "/")
	h.typeText("tag:rl")
	h.keys("enter")
	if got := titles(h); !slices.Equal(got, []string{"Sparse Attention at Scale"}) || !strings.Contains(detailSide(h), "Sparse Attention at Scale") {
		t.Fatalf("B filtered by tag:rl: %q\n%s", got, h.screen())
	}
	h.keys("b", "y")
	if d := detailSide(h); len(titles(h)) != 0 || strings.Contains(d, "Sparse Attention") || !strings.Contains(d, `no paper matches "tag:rl" — esc clears the filter`) {
		t.Errorf("the removed bookmark stays in the detail:\n%s", h.screen())
	}
	h.send(status.ClearMsg{Seq: h.app.status.Seq()}) // "removed …" fades: the bar says what is listed
	if bar := h.status(); !strings.Contains(bar, "0 of ") {
		t.Errorf("the bar still counts the removed bookmark as shown: %q", bar)
	}
	h.keys("u")
	if got := titles(h); !slices.Equal(got, []string{"Sparse Attention at Scale"}) || !strings.Contains(detailSide(h), "Sparse Attention at Scale") {
		t.Errorf("u should bring it back to the list and the detail: %q\n%s", got, h.screen())
	}
}
