package ui

import (
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

// Switching kinds keeps the anchor day: on Thursday 2024-08-01, w then d
// comes back to Thursday (not the week's Monday), w then m opens August
// 2024 (not July, the month the week starts in).
func TestSwitchingKindsKeepsTheAnchorDay(t *testing.T) {
	week := model.Period{Kind: model.Week, Value: "2024-W31"}
	july := model.Period{Kind: model.Month, Value: "2024-07"}
	august := model.Period{Kind: model.Month, Value: "2024-08"}
	f := page2024(t)
	for _, p := range []model.Period{week, july, august} {
		l := day("2024-07-30", "A paper of "+p.String())
		l.Period = p
		f.add(l)
	}
	h := newHarness(t, f, thu, 120, 30)
	for _, tc := range []struct {
		keys []string
		want model.Period
	}{
		{[]string{"w"}, week},
		{[]string{"d"}, thu},
		{[]string{"w", "m"}, august},
		{[]string{"d"}, thu},
		{[]string{"m", "w"}, week},
	} {
		h.keys(tc.keys...)
		reqs := f.requests()
		if got := reqs[len(reqs)-1].Period; got != tc.want {
			t.Errorf("%v asked for %v, want %v", tc.keys, got, tc.want)
		}
	}
}
