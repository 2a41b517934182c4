package feed

import (
	"fmt"
	"slices"
	"sync"

	"github.com/paperdeck/paperdeck/feed/snapshot"
	"github.com/paperdeck/paperdeck/model"
)

// The bundled page is parsed once; callers get their own copy.
var parsedSnapshot = sync.OnceValues(func() (model.Listing, error) {
	l, err := ParseDailyPapersPage(snapshot.Page())
	if err != nil {
		return model.Listing{}, fmt.Errorf("the bundled snapshot does not parse: %w", err)
	}
	l.Source = model.SourceHF
	if l.Period.IsZero() {
		l.Period = model.Period{Kind: model.Day, Value: snapshot.Date}
	}
	return l, nil
})

// Snapshot is the listing built into the binary: real papers, no network.
func Snapshot() (model.Listing, error) {
	l, err := parsedSnapshot()
	l.Papers = slices.Clone(l.Papers)
	return l, err
}

// SnapshotPeriod is the day the bundled snapshot lists, for notices.
func SnapshotPeriod() model.Period { return model.Period{Kind: model.Day, Value: snapshot.Date} }

// snapshotResult is the bundled snapshot, labelled as what it is.
func snapshotResult(f Fallback) (Result, error) {
	l, err := Snapshot()
	if err != nil {
		return Result{}, err
	}
	f.Shown = "bundled snapshot of " + SnapshotPeriod().String()
	return Result{Listing: l, Notice: f.notice(), Fallback: &f}, nil
}
