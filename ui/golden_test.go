package ui

import (
	"errors"
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/paperdeck/paperdeck/model"
)

// TestGolden keeps what the user sees (colours stripped) for each state at
// a common and a wide terminal size. `go test ./ui -update` rewrites the
// files under testdata/TestGolden; read them before committing.
func TestGolden(t *testing.T) {
	states := []struct {
		name  string
		start model.Period
		feed  func(t *testing.T) *fakeFeed
		keys  []string
	}{
		{"list", thu, page2024, nil},
		{"detail", thu, page2024, []string{"j", "enter"}},
		{"help", thu, page2024, []string{"?"}},
		{"filter", thu, page2024, []string{"/", "l", "l", "a", "m", "a"}},
		{"links", thu, page2024, []string{"j", "j", "j", "j", "j", "j", "L"}},
		{"empty_day", sat, weekend, nil},
		{"error", fri, weekend, []string{"j", "["}},
		{"first_load_failed", thu, func(*testing.T) *fakeFeed {
			f := newFakeFeed()
			f.errs[thu] = errors.New("fetching 2024-08-01 from huggingface.co: 503 Service Unavailable")
			return f
		}, nil},
	}
	for _, st := range states {
		for _, size := range [][2]int{{80, 24}, {140, 40}} {
			w, h := size[0], size[1]
			t.Run(fmt.Sprintf("%s_%dx%d", st.name, w, h), func(t *testing.T) {
				hs := newHarness(t, st.feed(t), st.start, w, h)
				hs.keys(st.keys...)
				screen := hs.screen()
				checkScreenFits(t, hs.app.View().Content, w, h)
				golden.RequireEqual(t, screen)
			})
		}
	}
}

// weekend is Friday 2025-01-10 with papers, an empty Saturday, and a
// Thursday that fails to load.
func weekend(*testing.T) *fakeFeed {
	f := newFakeFeed().add(day(fri.Value, "Scaling Laws for Sparse Mixture-of-Experts Routers",
		"Flow Matching with Optimal Transport Couplings", "A Survey of Long-Context Evaluation"))
	f.listings[sat] = model.Listing{Source: model.SourceHF, Period: sat}
	f.errs[model.Period{Kind: model.Day, Value: "2025-01-09"}] = errors.New("huggingface.co: 429 Too Many Requests, retried 3 times")
	return f
}
