package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/feed"
)

func TestWritesACorpusPaperdeckReads(t *testing.T) {
	for _, format := range []string{"json", "api", "arxiv"} {
		var out bytes.Buffer
		if err := run([]string{"-n", "50", "-seed", "3", "-format", format}, &out); err != nil {
			t.Fatal(err)
		}
		l, err := feed.Parse(&out)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if len(l.Papers) != 50 {
			t.Errorf("%s: %d papers read back, want 50", format, len(l.Papers))
		}
	}
}

func TestBadFlagsSayWhatIsWrong(t *testing.T) {
	for _, args := range [][]string{{"-n", "-1"}, {"-format", "xml"}, {"extra"}} {
		err := run(args, &bytes.Buffer{})
		if err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: error %v, want one line", args, err)
		}
	}
}
