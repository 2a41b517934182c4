package catalog

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func TestEachPaperReadsThePapersInTheirOrder(t *testing.T) {
	c := final(load(t, generated(t, 2000), t.TempDir()))
	byDate := c.ByDate()
	for _, positions := range [][]uint32{nil, byDate[:1], byDate[:eachBatch+1], byDate, slices.Sorted(slices.Values(byDate))} {
		var got []model.Paper
		if err := c.EachPaper(context.Background(), positions, func(p model.Paper) error { got = append(got, p); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(positions) {
			t.Fatalf("%d papers for %d positions", len(got), len(positions))
		}
		for k, i := range positions {
			want, err := c.Paper(int(i))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[k], want) {
				t.Fatalf("paper %d of %d is %s, want %s", k, len(positions), got[k].ID, want.ID)
			}
		}
	}
}

func TestEachPaperStopsAtTheFirstError(t *testing.T) {
	c := final(load(t, generated(t, 3000), t.TempDir()))
	stop := errors.New("enough")
	n := 0
	err := c.EachPaper(context.Background(), c.ByDate(), func(model.Paper) error {
		if n++; n == 700 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 700 {
		t.Errorf("stopped after %d papers with %v, want 700 and fn's error", n, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = c.EachPaper(ctx, c.ByDate(), func(model.Paper) error {
		if n++; n == 300 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n >= c.Len() {
		t.Errorf("cancelled after 300: %d papers, %v", n, err)
	}
}
