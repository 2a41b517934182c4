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
	"github.com/spf13/cobra"
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
// scripts, tab-separated completions, the manual page, the help.
func TestCleanOutputLeavesOurOwnOutputAlone(t *testing.T) {
	// The scripts as cobra generates them, beside what the process prints
	// through the cleaner.
	gen := map[string]func(root *cobra.Command, w io.Writer) error{
		"bash":       func(r *cobra.Command, w io.Writer) error { return r.GenBashCompletionV2(w, true) },
		"zsh":        func(r *cobra.Command, w io.Writer) error { return r.GenZshCompletion(w) },
		"fish":       func(r *cobra.Command, w io.Writer) error { return r.GenFishCompletion(w, true) },
		"powershell": func(r *cobra.Command, w io.Writer) error { return r.GenPowerShellCompletionWithDesc(w) },
	}
	for shell, generate := range gen {
		var want bytes.Buffer
		if err := generate(newRootCmd(), &want); err != nil {
			t.Fatal(err)
		}
		got, errOut, code := runPaperdeck(t, nil, "completion", shell)
		if code != 0 || want.Len() == 0 || !strings.HasSuffix(got, want.String()) {
			t.Errorf("completion %s: the cleaner changed the script (exit %d, %d bytes, want %d): %s", shell, code, len(got), want.Len(), errOut)
		}
	}
	for _, args := range [][]string{{"man"}, {"--help"}, {"list", "--help"}, {"__complete", ""}} {
		raw, errOut, _ := runInProcess(t, nil, args...)
		var cleaned bytes.Buffer
		c := newCleanOutput(&cleaned)
		io.WriteString(c, raw)
		c.Flush()
		if raw == "" || cleaned.String() != raw {
			t.Errorf("%v: the cleaner changed paperdeck's own output (%d bytes): %s", args, len(raw), errOut)
		}
	}
	if raw, _, _ := runInProcess(t, nil, "__complete", ""); !strings.Contains(raw, "\t") {
		t.Errorf("completions with descriptions should be tab-separated: %q", raw)
	}
}
