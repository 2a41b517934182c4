package ui

import (
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/model"
)

// TestHeldJRendersWhereTheCursorStops: in the wide layout the detail
// follows the cursor, but while j is held one render runs at a time and
// the detail ends on the paper the cursor stopped at.
func TestHeldJRendersWhereTheCursorStops(t *testing.T) {
	l := day(fri.Value, "p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11")
	var renders atomic.Int32
	o := &opened{}
	opts := optionsFor(newFakeFeed().add(l), fri, o)
	opts.Render = func(p model.Paper, width int, style string) (string, error) {
		renders.Add(1)
		return "RENDERED " + p.Title, nil
	}
	h := harnessWith(t, opts, o)
	h.send(tea.WindowSizeMsg{Width: 140, Height: 40})
	if !strings.Contains(h.screen(), "RENDERED p0") {
		t.Fatalf("the detail should show the first paper:\n%s", h.screen())
	}
	renders.Store(0)
	var pending []func()
	for range 10 {
		c := h.start(keyMsg("j"))
		pending = append(pending, func() { h.run(c) })
	}
	if !strings.Contains(h.screen(), "p10") {
		t.Errorf("the detail should name the paper under the cursor at once:\n%s", h.screen())
	}
	for _, run := range pending {
		run()
	}
	if n := renders.Load(); n != 2 {
		t.Errorf("10 j keys rendered the detail %d times, want 2 (the first, then where the cursor stopped)", n)
	}
	if !strings.Contains(h.screen(), "RENDERED p10") {
		t.Errorf("the detail should end rendered on p10:\n%s", h.screen())
	}
}

// A row reads a title's LaTeX as the detail does.
func TestListRowsReadLaTeX(t *testing.T) {
	l := model.Listing{Source: model.SourceHF, Period: fri, Papers: []model.Paper{
		{ID: "2501.00001", Title: `Sorting in $\mathcal{O}(n^2)$ with $\alpha$-nets`},
	}}
	h := newHarness(t, newFakeFeed().add(l), fri, 100, 24)
	if row := rowOf(h.screen(), "Sorting"); !strings.Contains(row, "Sorting in 𝒪(n²) with α-nets") {
		t.Errorf("row %q, want the LaTeX read", row)
	}
	h.keys("L")
	if !strings.Contains(h.screen(), "Links of Sorting in 𝒪(n²)") {
		t.Errorf("the picker's title should read the LaTeX too:\n%s", h.screen())
	}
}
