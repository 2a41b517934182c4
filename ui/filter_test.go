package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/common"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/paperdeck/paperdeck/ui/pane/list"
)

// shelf is a small listing whose papers differ in every field a
// qualifier looks at.
func shelf() model.Listing {
	l := model.Listing{Source: model.SourceHF, Period: fri}
	add := func(id, title, org string, up int, code string, authors []string, summary string) {
		l.Papers = append(l.Papers, model.Paper{
			ID: id, Title: title, Organization: org, Upvotes: up, GitHub: code, Authors: authors,
			Summary: summary, Published: fri.Value, URL: "https://huggingface.co/papers/" + id,
		})
	}
	add("2501.00001", "Sparse Attention at Scale", "Acme Research", 5, "", []string{"Ada Lovelace"}, "We study attention.")
	add("2501.00002", "Flow Matching for Robots", "DeepMind", 40, "https://github.com/x/flow", []string{"Alan Turing"}, "A robot policy.")
	add("2501.00003", "Robots That Flow", "Acme Research", 90, "", []string{"Grace Hopper"}, "Fluid control.")
	add("2501.00004", "Language Models Count", "Meta", 12, "https://github.com/x/count", []string{"Ada Lovelace", "Alan Turing"}, "Counting with flow matching inside.")
	add("2501.00005", "Vision Without Labels", "DeepMind", 3, "", []string{"Edsger Dijkstra"}, "Self-supervised flowers.")
	return l
}

// titles is the list's rows, top to bottom, by title.
func titles(h *harness) []string {
	var out []string
	for i, n := 0, h.app.rows().Shown(); i < n; i++ {
		out = append(out, h.app.rows().ShownPaper(i).Title)
	}
	return out
}

func TestFilterRanksTitleMatchesFirstThenUpvotes(t *testing.T) {
	h := newHarness(t, newFakeFeed().add(shelf()), fri, 100, 24)
	h.keys("/")
	h.typeText("flow")
	// Both titles hold "flow": by upvotes. The abstract match is not
	// searched without ctrl+a.
	want := []string{"Robots That Flow", "Flow Matching for Robots"}
	if got := titles(h); !slices.Equal(got, want) {
		t.Fatalf("flow: %q, want %q", got, want)
	}
	if !strings.Contains(h.status(), "2 of 5 papers") {
		t.Errorf("the status bar should count the matches: %q", h.status())
	}
	// An author's name ranks below titles.
	h.keys("esc", "/")
	h.typeText("turing")
	if got := titles(h); !slices.Equal(got, []string{"Flow Matching for Robots", "Language Models Count"}) {
		t.Errorf("turing: %q", got)
	}
}

func TestFilterQualifiers(t *testing.T) {
	h := newHarness(t, newFakeFeed().add(shelf()), fri, 100, 24)
	cases := []struct {
		query string
		want  []string
	}{
		{"has:code", []string{"Flow Matching for Robots", "Language Models Count"}},
		{"up:>10", []string{"Flow Matching for Robots", "Robots That Flow", "Language Models Count"}},
		{"up:>10 has:code", []string{"Flow Matching for Robots", "Language Models Count"}},
		{"org:acme", []string{"Sparse Attention at Scale", "Robots That Flow"}},
		{"org:deepmind robots", []string{"Flow Matching for Robots"}},
		{"author:ada", []string{"Sparse Attention at Scale", "Language Models Count"}},
		{"is:unread", []string{"Sparse Attention at Scale", "Flow Matching for Robots", "Robots That Flow", "Language Models Count", "Vision Without Labels"}},
	}
	for _, c := range cases {
		h.keys("/")
		h.typeText(c.query)
		if got := titles(h); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.query, got, c.want)
		}
		h.keys("esc")
	}

	h.keys("/")
	h.typeText("up:>")
	if !strings.Contains(h.status(), "up: wants a number") {
		t.Errorf("a qualifier being typed should be explained: %q", h.status())
	}
	h.keys("esc")

	// The read and bookmarked sets are the marks on screen.
	h.keys("g", "enter", "esc") // opens the first paper: now read
	h.keys("j", "b")            // bookmarks the second
	h.keys("/")
	h.typeText("is:unread")
	if got := titles(h); slices.Contains(got, "Sparse Attention at Scale") || len(got) != 4 {
		t.Errorf("is:unread after reading the first paper: %q", got)
	}
	h.keys("esc", "/")
	h.typeText("is:bookmarked")
	if got := titles(h); !slices.Equal(got, []string{"Flow Matching for Robots"}) {
		t.Errorf("is:bookmarked: %q", got)
	}
}

func TestFilterCursorStartsAtTheBestMatch(t *testing.T) {
	h := newHarness(t, newFakeFeed().add(shelf()), fri, 100, 24)
	h.keys("j", "j", "j") // Language Models Count
	h.keys("/")
	h.typeText("robots")
	if h.selected() != "2501.00003" {
		t.Errorf("a new query should put the cursor on its best match, on %q", h.selected())
	}
	h.keys("enter", "j") // Flow Matching for Robots, the second match
	h.keys("/")
	h.typeText(" flow")
	if h.selected() != "2501.00003" {
		t.Errorf("each new query's answer starts at its best match, on %q", h.selected())
	}
	h.keys("enter", "j", "esc")
	if h.selected() != "2501.00002" || h.app.list.Shown() != 5 {
		t.Errorf("clearing the filter keeps the cursor's paper: %q, %d shown", h.selected(), h.app.list.Shown())
	}
}

// TestAbstractSearchRunsInTheBackground: ctrl+a searches abstracts in a
// command; the status bar says so until the answer lands.
func TestAbstractSearchRunsInTheBackground(t *testing.T) {
	h := newHarness(t, newFakeFeed().add(shelf()), fri, 100, 24)
	h.keys("/")
	h.typeText("flow")
	search := h.start(keyMsg("ctrl+a"))
	if search == nil {
		t.Fatal("ctrl+a should start a background search")
	}
	if !strings.Contains(h.status(), "searching abstracts") {
		t.Errorf("while it runs the status bar should say so: %q", h.status())
	}
	if !strings.Contains(h.screen(), "filter (+abstracts): flow") {
		t.Errorf("the filter line should show the mode:\n%s", h.screen())
	}
	h.run(search)
	want := []string{"Robots That Flow", "Flow Matching for Robots", "Language Models Count", "Vision Without Labels"}
	if got := titles(h); !slices.Equal(got, want) {
		t.Errorf("flow in abstracts: %q, want %q", got, want)
	}
	if !strings.Contains(h.status(), "4 of 5 papers") || !strings.Contains(h.status(), "with abstracts") {
		t.Errorf("status after the answer: %q", h.status())
	}
	h.keys("ctrl+a")
	if got := titles(h); len(got) != 2 {
		t.Errorf("ctrl+a again should leave the abstracts out: %q", got)
	}
}

// TestOlderAnswerNeverReplacesNewer: the next key cancels the search in
// flight, and an answer to an older query that lands late is dropped.
func TestOlderAnswerNeverReplacesNewer(t *testing.T) {
	h := newHarness(t, newFakeFeed().add(shelf()), fri, 100, 24)
	h.keys("/", "ctrl+a")
	first := h.start(keyMsg("f"))
	second := h.start(keyMsg("l"))
	if first == nil || second == nil {
		t.Fatal("each key should start a background search")
	}
	h.run(second)
	got := titles(h)
	h.run(first) // lands late: cancelled, and older anyway
	if after := titles(h); !slices.Equal(after, got) {
		t.Errorf("the answer to “f” replaced the one to “fl”: %q → %q", got, after)
	}
	if len(got) != 4 {
		t.Errorf("fl with abstracts: %q", got)
	}
}

func TestOlderAnswerIsCancelled(t *testing.T) {
	h := newHarness(t, newFakeFeed().add(shelf()), fri, 100, 24)
	h.keys("/", "ctrl+a")
	first := h.start(keyMsg("f"))
	h.start(keyMsg("l"))
	var msg tea.Msg
	for _, c := range flatten(first) {
		if m, ok := c().(list.FilteredMsg); ok {
			msg = m
		}
	}
	if fm, ok := msg.(list.FilteredMsg); !ok || !errors.Is(fm.Err(), context.Canceled) {
		t.Errorf("the superseded search should have been cancelled: %#v", msg)
	}
}

// flatten lists the commands a batch holds, without running the others.
func flatten(c tea.Cmd) []tea.Cmd {
	if c == nil {
		return nil
	}
	// Batches are functions returning BatchMsg; run only those.
	msg := c()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Cmd
		for _, c := range b {
			out = append(out, flatten(c)...)
		}
		return out
	}
	return []tea.Cmd{func() tea.Msg { return msg }}
}

// TestLargeListingsFilterInTheBackground: above inlineFilterMax papers
// each key's search runs in a command, with the same answers.
func TestLargeListingsFilterInTheBackground(t *testing.T) {
	l := model.Listing{Source: model.SourceHF, Period: fri, Papers: manyPapers(3000)}
	h := newHarness(t, newFakeFeed().add(l), fri, 100, 24)
	h.app.list.SetInlineFilterMax(1000)
	h.keys("/")
	search := h.start(keyMsg("f"))
	if search == nil {
		t.Fatal("a large listing should be filtered in a command")
	}
	if got := h.app.list.Shown(); got != 3000 {
		t.Errorf("before the answer the list should stay as it was, %d shown", got)
	}
	h.run(search)
	h.typeText("low sparse")
	// The same answer as the filter in Update gives.
	inline := newHarness(t, newFakeFeed().add(l), fri, 100, 24)
	inline.keys("/")
	inline.typeText("flow sparse")
	got, want := titles(h), titles(inline)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("flow sparse in the background: %d papers, in Update: %d", len(got), len(want))
	}
	if count := fmt.Sprintf("%d of 3000 papers", len(want)); !strings.Contains(h.status(), count) {
		t.Errorf("status: %q, want %q", h.status(), count)
	}
}

func manyPapers(n int) []model.Paper {
	words := []string{"flow", "matching", "diffusion", "language", "model", "agents", "sparse", "attention", "vision", "robot"}
	papers := make([]model.Paper, n)
	for i := range papers {
		papers[i] = model.Paper{
			ID:      fmt.Sprintf("2501.%05d", i),
			Title:   fmt.Sprintf("%s %s for %s %s number %d", words[i%10], words[(i/10)%10], words[(i/100)%10], words[(i/7)%10], i),
			Authors: []string{"Ada Lovelace", "Alan Turing"}, Upvotes: i % 300, Published: "2025-01-10",
		}
	}
	return papers
}

// TestListViewIsLocal: the rendered rows are those on screen, for any
// number of papers.
func TestListViewIsLocal(t *testing.T) {
	papers := manyPapers(100_000)
	l := list.New(common.Common{Styles: common.NewStyles(true, false)}, nil)
	l.SetListing(context.Background(), list.PapersOf(papers), filter.New(papers), "", "", false)
	l.SetSize(80, 30)
	l.Update(keyMsg("G"))
	if len(strings.Split(l.View(), "\n")) != 30 {
		t.Fatalf("%d rows rendered for a 30-row pane", len(strings.Split(l.View(), "\n")))
	}
	if p, _ := l.Selected(); p.ID != "2501.99999" {
		t.Errorf("G went to %q", p.ID)
	}
	if n := strings.Count(l.View(), "\n") + 1; n != 30 {
		t.Errorf("View has %d lines", n)
	}
}
