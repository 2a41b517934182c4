package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
)

// S steps through the listing's order, upvotes, newest and "for you"; the
// status bar says which, and "for you" without bookmarks says it needs
// some and goes back to the listing's order.
func TestSortKeyCyclesTheOrders(t *testing.T) {
	l := loadFixture(t, "hf_api_daily_papers_2026-06-12.json")
	l.Period = model.Period{Kind: model.Day, Value: "2026-06-12"}
	h := newHarness(t, newFakeFeed().add(l), l.Period, 140, 40)
	first := h.app.list.ShownPaper(0).ID
	if first != "2606.00467" {
		t.Fatalf("listing starts with %s", first)
	}
	h.keys("S")
	if top := h.app.list.ShownPaper(0); top.Upvotes != 118 || !strings.Contains(h.status(), "by upvotes") {
		t.Errorf("by upvotes: first %s ▲%d, status %q", top.ID, top.Upvotes, h.status())
	}
	h.keys("S")
	if top := h.app.list.ShownPaper(0); top.Published != "2026-06-11" || !strings.Contains(h.status(), "newest first") {
		t.Errorf("newest: first %s of %s, status %q", top.ID, top.Published, h.status())
	}
	h.keys("S")
	if !strings.Contains(h.status(), "needs at least 3 bookmarks to learn from (you have 0)") {
		t.Errorf("for you without bookmarks: status %q", h.status())
	}
	if got := h.app.list.ShownPaper(0).ID; got != first {
		t.Errorf("after a failed ranking the list starts with %s, want the listing's %s", got, first)
	}
}

// With three papers about LLM agents bookmarked, "for you" puts them first,
// then the papers most like them, with a score mark in their rows; the
// features and model land in the rank folder.
func TestSortForYouRanksByTheBookmarks(t *testing.T) {
	l := loadFixture(t, "hf_api_daily_papers_2026-06-12.json")
	l.Period = model.Period{Kind: model.Day, Value: "2026-06-12"}
	f := newFakeFeed().add(l)
	o := &opened{}
	opts := optionsFor(f, l.Period, o)
	opts.RankDir = t.TempDir()
	app := New(opts)
	h := &harness{t: t, app: app, feed: f, opened: o}
	app.setTicker(h.noTick())
	h.send(tea.WindowSizeMsg{Width: 220, Height: 40})
	h.run(app.Init())

	agents := map[string]bool{"2606.10423": true, "2606.07867": true, "2606.13120": true}
	for i := range l.Papers {
		if agents[h.selected()] {
			h.keys("b")
		}
		if i < len(l.Papers)-1 {
			h.keys("j")
		}
	}
	h.keys("g", "S", "S", "S")
	if !strings.Contains(h.status(), "for you") {
		t.Fatalf("status %q does not say for you", h.status())
	}
	for i := range 3 {
		if id := h.app.list.ShownPaper(i).ID; !agents[id] {
			t.Errorf("row %d is %s, want a bookmarked agents paper", i+1, id)
		}
	}
	if next := h.app.list.ShownPaper(3); !strings.Contains(strings.ToLower(next.Title+next.Summary), "agent") {
		t.Errorf("the best paper not bookmarked, %q, is not about agents", next.Title)
	}
	rows := strings.Split(h.screen(), "\n")
	if !strings.Contains(rows[0], "●") || !strings.Contains(rows[1], "●") {
		t.Errorf("the bookmarks' rows lack the score mark:\n%s\n%s", rows[0], rows[1])
	}
	// The detail of the best paper not bookmarked says why it ranks there.
	h.keys("j", "j", "j")
	if !strings.Contains(h.screen(), "for its words:") || !strings.Contains(h.screen(), "agent") {
		t.Errorf("the detail does not say why %q ranks fourth:\n%s", h.app.list.ShownPaper(3).Title, h.screen())
	}
	files, _ := filepath.Glob(filepath.Join(opts.RankDir, "*.bin"))
	if len(files) != 2 {
		t.Errorf("rank folder holds %v, want features and a model", files)
	}
	// Back to the listing's order: no marks, the listing's first paper.
	h.keys("S")
	if got := h.app.list.ShownPaper(0).ID; got != "2606.00467" || strings.Contains(h.screen(), "●") {
		t.Errorf("the listing's order again: first %s", got)
	}
	if st := h.status(); !strings.Contains(st, "in the listing's order again") {
		t.Errorf("status %q does not say the listing's order is back", st)
	}
}

// M lists the papers most like the one under the cursor, as a listing
// that esc leaves for the one before.
func TestSimilarKeyListsThePapersMostLikeThisOne(t *testing.T) {
	l := loadFixture(t, "hf_api_daily_papers_2026-06-12.json")
	l.Period = model.Period{Kind: model.Day, Value: "2026-06-12"}
	h := newHarness(t, newFakeFeed().add(l), l.Period, 140, 40)
	for h.selected() != "2606.07867" { // The Cold-Start Safety Gap in LLM Agents
		h.keys("j")
	}
	h.keys("M")
	if !strings.Contains(h.status(), "papers like “The Cold-Start Safety Gap in LLM Agents”") {
		t.Fatalf("status %q does not say what the papers are like", h.status())
	}
	n := h.app.list.Total()
	if n == 0 || n >= len(l.Papers) {
		t.Fatalf("%d similar papers of %d", n, len(l.Papers))
	}
	for i := range n {
		if h.app.list.ShownPaper(i).ID == "2606.07867" {
			t.Error("the paper is listed as like itself")
		}
	}
	if first := h.app.list.ShownPaper(0); !strings.Contains(strings.ToLower(first.Title+first.Summary), "agent") {
		t.Errorf("the most similar paper %q is not about agents", first.Title)
	}
	h.keys("esc")
	if h.app.list.Total() != len(l.Papers) || h.selected() != "2606.07867" {
		t.Errorf("esc: %d papers, cursor on %s; want the listing back on the paper", h.app.list.Total(), h.selected())
	}
}

// A filter asking for a tag makes "for you" learn from that tag's
// bookmarks only: here the image papers, not the agent ones.
func TestSortForYouLearnsFromTheFilteredTag(t *testing.T) {
	h, _, tagged := tagAgentsAndImages(t)
	h.keys("/")
	h.typeText("#images")
	h.keys("enter", "S", "S", "S")
	if !strings.Contains(h.status(), "for you, #images") {
		t.Fatalf("status %q does not say for you, #images", h.status())
	}
	h.keys("esc") // the filter cleared: all six bookmarks again, agents and images
	if strings.Contains(h.status(), "#images") {
		t.Errorf("status %q still names the tag after the filter is cleared", h.status())
	}
	h.keys("/")
	h.typeText("#images")
	h.keys("enter")
	for i := range 3 {
		if id := h.app.list.ShownPaper(i).ID; tagged[id] != "images" {
			t.Errorf("row %d is %s (%s), want an images paper", i+1, id, tagged[id])
		}
	}
}

// After "for you" on all bookmarks, S ranks the listing for each tag with
// enough bookmarks in turn, every paper still listed, then goes back to the
// listing's order.
func TestSortKeyStepsThroughEachTagsForYou(t *testing.T) {
	h, l, tagged := tagAgentsAndImages(t)
	h.keys("S", "S", "S")
	if st := h.status(); !strings.Contains(st, "for you") || strings.Contains(st, "#") {
		t.Fatalf("third S: status %q, want for you on all bookmarks", st)
	}
	seen := map[string]bool{}
	for range 2 {
		h.keys("S")
		st := h.status()
		tag := ""
		for _, want := range []string{"agents", "images"} {
			if strings.Contains(st, "for you, #"+want) {
				tag = want
			}
		}
		if tag == "" || seen[tag] {
			t.Fatalf("status %q, want for you for a tag not seen yet (seen %v)", st, seen)
		}
		seen[tag] = true
		if n := h.app.list.Shown(); n != len(l.Papers) {
			t.Errorf("for you, #%s lists %d papers, want all %d", tag, n, len(l.Papers))
		}
		for i := range 3 {
			if id := h.app.list.ShownPaper(i).ID; tagged[id] != tag {
				t.Errorf("for you, #%s: row %d is %s (%q)", tag, i+1, id, tagged[id])
			}
		}
	}
	h.keys("S")
	if st := h.status(); strings.Contains(st, "for you") || h.app.list.ShownPaper(0).ID != "2606.00467" {
		t.Errorf("after the last tag S should come back to the listing's order: status %q, first %s", st, h.app.list.ShownPaper(0).ID)
	}
}

// tagAgentsAndImages opens a day of 30 papers and bookmarks three agent
// papers tagged agents and three image papers tagged images, as a user
// would (b, T, the tag, enter).
func tagAgentsAndImages(t *testing.T) (*harness, model.Listing, map[string]string) {
	t.Helper()
	l := loadFixture(t, "hf_api_daily_papers_2026-06-12.json")
	l.Period = model.Period{Kind: model.Day, Value: "2026-06-12"}
	h := newHarness(t, newFakeFeed().add(l), l.Period, 220, 40)
	tagged := map[string]string{
		"2606.10423": "agents", "2606.07867": "agents", "2606.13120": "agents",
		"2606.12575": "images", "2606.08788": "images", "2606.12303": "images",
	}
	for i := range l.Papers {
		if tag, ok := tagged[h.selected()]; ok {
			h.keys("b", "T")
			h.typeText(tag)
			h.keys("enter")
		}
		if i < len(l.Papers)-1 {
			h.keys("j")
		}
	}
	return h, l, tagged
}

// aside runs cmd (and the commands of a batch) on another goroutine, as
// the program does, and hands back their messages.
func aside(cmd tea.Cmd) <-chan []tea.Msg {
	out := make(chan []tea.Msg, 1)
	go func() {
		var msgs []tea.Msg
		runCmds(cmd, func(msg tea.Msg) tea.Cmd {
			msgs = append(msgs, msg)
			return nil
		})
		out <- msgs
	}()
	return out
}

// The sorts and M read the papers in their commands, off the screen's
// goroutine, while the list goes on changing (a paper's details arrive):
// each reads the papers as they were when the key was pressed (-race
// checks that nothing is shared).
func TestSortsAndSimilarReadThePapersAsTheyWereWhenAsked(t *testing.T) {
	l := loadFixture(t, "hf_api_daily_papers_2026-06-12.json")
	l.Period = model.Period{Kind: model.Day, Value: "2026-06-12"}
	h := newHarness(t, newFakeFeed().add(l), l.Period, 140, 40)
	rows := h.app.rows()
	edited := rows.ShownPaper(3)
	edited.Upvotes = 500
	rows.UpdatePaper(edited) // the list now holds an edit
	for _, key := range []string{"S", "M"} {
		_, cmd := h.app.Update(keyMsg(key))
		answers := aside(cmd)
		for i := range 200 {
			p := rows.ShownPaper(i % rows.Shown())
			p.Upvotes = 1000 + i
			rows.UpdatePaper(p) // details arriving meanwhile
		}
		for _, msg := range <-answers {
			h.send(msg)
		}
		switch key {
		case "S":
			if top := h.app.rows().ShownPaper(0); top.ID != edited.ID || !strings.Contains(h.status(), "by upvotes") {
				t.Errorf("by upvotes, as when S was pressed: first %q ▲%d, status %q", top.Title, top.Upvotes, h.status())
			}
		case "M":
			if !strings.Contains(h.status(), "papers like") || h.app.rows().Shown() == 0 || h.app.rows().Shown() >= len(l.Papers) {
				t.Errorf("M: status %q, %d papers\n%s", h.status(), h.app.rows().Shown(), h.screen())
			}
		}
	}
}

// In an order of its own (S), esc back from M's listing or from B finds
// the cursor on the paper it left, the listing still in that order.
func TestBackFromASortedListingKeepsThePaper(t *testing.T) {
	l := loadFixture(t, "hf_api_daily_papers_2026-06-12.json")
	l.Period = model.Period{Kind: model.Day, Value: "2026-06-12"}
	h := newHarness(t, newFakeFeed().add(l), l.Period, 140, 40)
	h.keys("S", "j", "j", "j")
	left := h.selected()
	top := h.app.rows().ShownPaper(0).ID
	for _, away := range []string{"M", "B"} {
		h.keys(away)
		if h.selected() == left {
			t.Fatalf("%s did not list other papers", away)
		}
		h.keys("esc")
		if h.selected() != left || h.app.rows().ShownPaper(0).ID != top || !strings.Contains(h.status(), "by upvotes") {
			t.Errorf("back from %s: cursor on %s (want %s), first %s (want %s), status %q",
				away, h.selected(), left, h.app.rows().ShownPaper(0).ID, top, h.status())
		}
	}
	// S itself starts the new order at its first paper, as before.
	h.keys("S")
	if h.app.rows().Cursor() != 0 {
		t.Errorf("a new order should start at its first paper, cursor at %d", h.app.rows().Cursor())
	}
}

// M in a listing sorted "for you" lists the papers most like this one,
// closest first, as it does in the listing's order: the bookmarks do not
// jump ahead of them. esc comes back to the listing, still for you.
func TestSimilarKeepsItsOrderInAListingSortedForYou(t *testing.T) {
	h, _, _ := tagAgentsAndImages(t)
	similar := func() []string {
		h.keys("g")
		for h.selected() != "2606.07867" { // The Cold-Start Safety Gap in LLM Agents
			h.keys("j")
		}
		h.keys("M")
		var ids []string
		for i := range h.app.list.Shown() {
			ids = append(ids, h.app.list.ShownPaper(i).ID)
		}
		return ids
	}
	closest := similar()
	h.keys("esc", "S", "S", "S")
	if !strings.Contains(h.status(), "for you") {
		t.Fatalf("status %q does not say for you", h.status())
	}
	if got := similar(); strings.Join(got, " ") != strings.Join(closest, " ") {
		t.Errorf("papers like it, sorted for you:\n%v\nwant the closest first, as in the listing's order:\n%v", got, closest)
	}
	if st := h.status(); strings.Contains(st, "for you") {
		t.Errorf("status %q says for you over the papers like one", st)
	}
	h.keys("esc")
	if st := h.status(); !strings.Contains(st, "for you") {
		t.Errorf("esc: status %q, want the listing for you again", st)
	}
}
