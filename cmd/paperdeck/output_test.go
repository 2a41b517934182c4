package main

import (
	"bytes"
	"strings"
	"testing"
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
