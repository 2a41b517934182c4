package feed

import (
	"bytes"
	"io"
	"testing"

	"github.com/paperdeck/paperdeck/feed/snapshot"
	"github.com/paperdeck/paperdeck/model"
)

// The bundled snapshot is the real saved page, byte for byte.
func TestSnapshotIsTheRealPage(t *testing.T) {
	embedded, err := io.ReadAll(snapshot.Page())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(embedded, fixture(t, fixtureDayPage)) {
		t.Error("feed/snapshot's page differs from testdata/" + fixtureDayPage)
	}
	l, err := Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Papers) != 13 || l.Period != (model.Period{Kind: model.Day, Value: snapshot.Date}) || SnapshotPeriod() != l.Period {
		t.Errorf("%d papers for %v", len(l.Papers), l.Period)
	}
}

func TestSnapshotCallersCannotChangeEachOthersCopy(t *testing.T) {
	a, _ := Snapshot()
	a.Papers[0].Title = "changed"
	b, _ := Snapshot()
	if b.Papers[0].Title == "changed" {
		t.Error("Snapshot shares its papers between callers")
	}
}
