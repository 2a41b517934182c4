package main

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/store"
)

func TestCleanOutputCleansWholeLinesAcrossWrites(t *testing.T) {
	var got bytes.Buffer
	c := newCleanOutput(&got)
	// A clipboard write split over two writes, a character split over two,
	// a tab and an invisible character.
	for _, part := range []string{"title \x1b]52;c;", "aGk=\x07 end\n", "caf\xc3", "\xa9\tx\u200b\u202ey", "\n", "last"} {
		c.Write([]byte(part))
	}
	if got.String() != "title  end\ncafé\txy\n" {
		t.Errorf("before Flush: %q", got.String())
	}
	c.Flush()
	if !strings.HasSuffix(got.String(), "\nlast") {
		t.Errorf("Flush should write the last line: %q", got.String())
	}
}

func TestCleanOutputNeverSplitsACharacterOfALongLine(t *testing.T) {
	var got bytes.Buffer
	c := newCleanOutput(&got)
	long := strings.Repeat("é", flushAt) // 2 bytes each: the cut falls inside one
	c.Write([]byte(long[:flushAt+1]))
	c.Write([]byte(long[flushAt+1:]))
	c.Flush()
	if got.String() != long {
		t.Errorf("a long line lost or split characters: %d bytes, want %d", got.Len(), len(long))
	}
}

// BenchmarkListJSONOutput is `list --json` of 2,000 papers written
// straight out (the baseline) and through the cleaner every command's
// output goes through.
func BenchmarkListJSONOutput(b *testing.B) {
	papers := corpus.Generate(2000, 1)
	var probe bytes.Buffer
	store.WriteJSON(&probe, papers)
	b.Run("direct", func(b *testing.B) {
		b.SetBytes(int64(probe.Len()))
		for b.Loop() {
			w := bufio.NewWriter(io.Discard)
			store.WriteJSON(w, papers)
			w.Flush()
		}
	})
	b.Run("cleaned", func(b *testing.B) {
		b.SetBytes(int64(probe.Len()))
		for b.Loop() {
			c := newCleanOutput(io.Discard)
			w := bufio.NewWriter(c)
			store.WriteJSON(w, papers)
			w.Flush()
			c.Flush()
		}
	})
}
