package main

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/internal/outputcheck"
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

// FuzzCleanOutput: however a command's output is cut into writes, what
// comes out is what cleaning it whole gives, and it is safe bytes.
func FuzzCleanOutput(f *testing.F) {
	f.Add("title \x1b]52;c;aGk=\x07 end\ncafé\t\u202ex\n", 7, 19)
	f.Add("\x9b31m\xc3\n\xa9", 1, 2)
	f.Fuzz(func(t *testing.T, s string, cut1, cut2 int) {
		if cut1 < 0 || cut2 < 0 || cut1 > len(s) || cut2 > len(s) {
			return
		}
		cut1, cut2 = min(cut1, cut2), max(cut1, cut2)
		var got bytes.Buffer
		c := newCleanOutput(&got)
		for _, part := range []string{s[:cut1], s[cut1:cut2], s[cut2:]} {
			c.Write([]byte(part))
		}
		c.Flush()
		if err := outputcheck.Bytes(got.Bytes()); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		var whole bytes.Buffer
		w := newCleanOutput(&whole)
		w.Write([]byte(s))
		w.Flush()
		if got.String() != whole.String() {
			t.Fatalf("cut at %d, %d: %q, whole: %q", cut1, cut2, got.String(), whole.String())
		}
	})
}

// What paperdeck itself prints passes the cleaner unchanged: completion
// scripts (tabs and all), the manual page, the help.
func TestCleanOutputLeavesOurOwnOutputAlone(t *testing.T) {
	for _, args := range [][]string{
		{"completion", "bash"}, {"completion", "zsh"}, {"completion", "fish"}, {"completion", "powershell"},
		{"man"}, {"--help"}, {"list", "--help"}, {"__complete", "list", "--format", ""}, {"__complete", ""}, // with tabs
	} {
		raw, errOut, _ := runInProcess(t, nil, args...)
		if raw == "" {
			// cobra writes the fish and PowerShell scripts to os.Stdout
			// itself: take them from a process.
			raw, errOut, _ = runPaperdeck(t, nil, args...)
		}
		var cleaned bytes.Buffer
		c := newCleanOutput(&cleaned)
		io.WriteString(c, raw)
		c.Flush()
		if cleaned.String() != raw {
			t.Errorf("%v: the cleaner changed paperdeck's own output", args)
		}
		if raw == "" {
			t.Errorf("%v printed nothing: %s", args, errOut)
		}
		if args[0] == "__complete" && args[1] == "" && !strings.Contains(raw, "\t") {
			t.Errorf("completions with descriptions should be tab-separated: %q", raw)
		}
	}
}
