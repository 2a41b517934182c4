package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/pane/status"
)

// tagPaper tags the paper under the cursor with T, and lets the message
// saying so fade.
func tagPaper(h *harness, tags string) {
	h.t.Helper()
	h.keys("T")
	h.typeText(tags)
	h.keys("enter")
	h.send(status.ClearMsg{Seq: h.app.status.Seq()})
}

func TestFilterByTagsAndNotesInTheListingAndInB(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, newFakeFeed().add(shelf()), fri, dir, 100, 24)
	tagPaper(h, "rl, llm") // Sparse Attention at Scale
	h.keys("j")
	tagPaper(h, "RL") // Flow Matching for Robots
	h.keys("e")
	h.typeText("compare with diffusion policy")
	h.keys("enter")
	h.send(status.ClearMsg{Seq: h.app.status.Seq()})

	cases := []struct {
		query string
		want  []string
	}{
		{"tag:rl", []string{"Sparse Attention at Scale", "Flow Matching for Robots"}},
		{"#llm", []string{"Sparse Attention at Scale"}},
		{"-tag:rl", []string{"Robots That Flow", "Language Models Count", "Vision Without Labels"}},
		{"note:diffusion", []string{"Flow Matching for Robots"}},
		{"llm", []string{"Sparse Attention at Scale"}}, // a tag is a word like a title's
		{"#rl robots", []string{"Flow Matching for Robots"}},
	}
	check := func(where string) {
		t.Helper()
		for _, c := range cases {
			h.keys("/")
			h.typeText(c.query)
			if got := titles(h); !slices.Equal(got, c.want) {
				t.Errorf("%s, %s: %q, want %q", where, c.query, got, c.want)
			}
			h.keys("esc")
		}
	}
	check("listing")

	// B: the bookmarks, the same filter, and how many carry each tag.
	h.keys("B")
	if st := strings.ToLower(h.status()); !strings.Contains(st, "#rl 2 · #llm 1") {
		t.Errorf("B should count the bookmarks of each tag: %q", st)
	}
	cases = []struct {
		query string
		want  []string
	}{
		{"tag:rl", []string{"Flow Matching for Robots", "Sparse Attention at Scale"}}, // newest first
		{"-#llm", []string{"Flow Matching for Robots"}},
		{"note:compare", []string{"Flow Matching for Robots"}},
	}
	check("bookmarks")

	// A new session finds the same tags.
	h2 := withStores(t, newFakeFeed().add(shelf()), fri, dir, 100, 24)
	h2.keys("/")
	h2.typeText("#rl")
	if got := titles(h2); len(got) != 2 {
		t.Errorf("after a restart, #rl: %q", got)
	}
}

func TestTheFilterFollowsTheBookmarksAsTheyChange(t *testing.T) {
	dir := t.TempDir()
	h := withStores(t, newFakeFeed().add(shelf()), fri, dir, 100, 24)
	h.keys("/")
	h.typeText("-tag:done")
	h.keys("enter")
	if got := h.app.list.Shown(); got != 5 {
		t.Fatalf("-tag:done before any tag: %d shown", got)
	}
	// Tagging the paper under the cursor done takes it out of the list.
	tagPaper(h, "done")
	if got := titles(h); len(got) != 4 || slices.Contains(got, "Sparse Attention at Scale") {
		t.Errorf("after tagging the first paper done: %q", got)
	}
	if !strings.Contains(h.status(), "4 of 5 papers") {
		t.Errorf("status: %q", h.status())
	}
	// b on a paper: is:bookmarked follows too.
	h.keys("esc", "/")
	h.typeText("is:bookmarked")
	h.keys("enter")
	if got := titles(h); !slices.Equal(got, []string{"Sparse Attention at Scale"}) {
		t.Fatalf("is:bookmarked: %q", got)
	}
	h.keys("b", "y") // removes the bookmark of the only paper shown (it has a tag: b asks first)
	if got := titles(h); len(got) != 0 {
		t.Errorf("is:bookmarked after removing the bookmark: %q", got)
	}
}

func TestUnknownQualifierAndUnknownTagAreExplained(t *testing.T) {
	h := newHarness(t, newFakeFeed().add(shelf()), fri, 120, 24)
	h.keys("/")
	h.typeText("robots lang:en")
	if st := h.status(); !strings.Contains(st, "lang: is not a qualifier") {
		t.Errorf("an unknown qualifier should be explained: %q", st)
	}
	h.keys("esc", "/")
	h.typeText("#gans")
	if st := h.status(); !strings.Contains(st, `no bookmark is tagged "gans"`) {
		t.Errorf("an unknown tag should be explained: %q", st)
	}
}

func TestRowsShowTagsWhenThereIsRoom(t *testing.T) {
	dir := t.TempDir()
	long := shelf()
	long.Papers[0].Title = "A Very Long Title About Sparse Attention at Scale That Goes On and On Well Past the Width"
	h := withStores(t, newFakeFeed().add(long), fri, dir, 100, 24)
	tagPaper(h, "rl, vision")
	row := rowOf(h.screen(), "A Very Long Title")
	if !strings.Contains(row, "#rl #vision") || !strings.Contains(row, "…") {
		t.Errorf("a long title is cut to show the tags:\n%s", row)
	}
	// Too narrow for both: the title keeps its room.
	h.send(tea.WindowSizeMsg{Width: 50, Height: 24})
	row = rowOf(h.screen(), "A Very Long")
	if !strings.Contains(row, "A Very Long Title About") {
		t.Errorf("at 50 columns the title should come first:\n%s", row)
	}
	checkScreenFits(t, h.app.View().Content, 50, 24)
}

func TestIsNewFindsThePapersNewSinceTheLastVisit(t *testing.T) {
	dir := t.TempDir()
	first := day(fri.Value, "Old paper one", "Old paper two")
	withStores(t, newFakeFeed().add(first), fri, dir, 80, 24)

	second := first
	second.Papers = append(append([]model.Paper(nil), first.Papers...), day(fri.Value, "x", "y", "Brand new paper").Papers[2])
	h := withStores(t, newFakeFeed().add(second), fri, dir, 80, 24)
	h.keys("/")
	h.typeText("is:new")
	if got := titles(h); !slices.Equal(got, []string{"Brand new paper"}) {
		t.Errorf("is:new: %q", got)
	}
	h.keys("esc", "/")
	h.typeText("-is:new")
	if got := titles(h); !slices.Equal(got, []string{"Old paper one", "Old paper two"}) {
		t.Errorf("-is:new: %q", got)
	}
}
