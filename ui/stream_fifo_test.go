//go:build unix

package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/paperdeck/paperdeck/internal/corpus"
	"github.com/paperdeck/paperdeck/model"
)

// slowFile is a named pipe: the reader gets the file's bytes only as the
// test writes them, so a test sees the screen while a file is half read.
type slowFile struct {
	path   string
	opened chan *os.File
	once   sync.Once
	f      *os.File
}

func newSlowFile(t *testing.T) *slowFile {
	t.Helper()
	s := &slowFile{path: filepath.Join(t.TempDir(), "papers.json"), opened: make(chan *os.File, 1)}
	if err := syscall.Mkfifo(s.path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		f, _ := os.OpenFile(s.path, os.O_WRONLY, 0) // waits for a reader
		s.opened <- f
	}()
	t.Cleanup(func() {
		// A reader of our own, in case the reader under test never came.
		r, err := os.OpenFile(s.path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		s.close()
		if err == nil {
			r.Close()
		}
	})
	return s
}

// file is the writing end, once a reader has opened the pipe.
func (s *slowFile) file() *os.File {
	s.once.Do(func() { s.f = <-s.opened })
	return s.f
}

// write sends b in the background (a pipe holds 64 KiB; the reader takes
// the rest as it decodes); done is closed once it is written or refused.
func (s *slowFile) write(b []byte) (done chan struct{}) {
	done = make(chan struct{})
	go func() {
		defer close(done)
		if f := s.file(); f != nil {
			f.Write(b) // a reader that gave up refuses the rest: fine
		}
	}()
	return done
}

// close ends the file: the reader sees its end.
func (s *slowFile) close() {
	if f := s.file(); f != nil {
		f.Close()
	}
}

// splitAfter cuts the encoded list just before paper n.
func splitAfter(t *testing.T, data []byte, papers []model.Paper, n int) ([]byte, []byte) {
	t.Helper()
	i := bytes.Index(data, []byte(`"id": "`+papers[n].ID+`"`))
	j := bytes.LastIndexByte(data[:i], '{')
	if i < 0 || j < 0 {
		t.Fatal("paper not found in its encoding")
	}
	return data[:j], data[j:]
}

// startSlow opens the reader on a half-written file: the first batch is
// on screen, with its index.
func startSlow(t *testing.T, f *fakeFeed, papers []model.Paper, w, h int) (*streamDriver, *slowFile, []byte) {
	t.Helper()
	data := encodePapers(t, papers)
	head, rest := splitAfter(t, data, papers, 100)
	s := newSlowFile(t)
	d := newStreamDriver(t, f, s.path, w, h)
	headDone := s.write(head) // as soon as the reader opens the pipe
	d.runHeld(d.app.Init())
	if d.app.list.Index().Len() == 0 {
		d.step() // the first batch's index follows it
	}
	<-headDone
	return d, s, rest
}

func TestFirstScreenWhileTheFileLoads(t *testing.T) {
	papers := corpus.Generate(3000, 21)
	d, s, rest := startSlow(t, newFakeFeed(), papers, 140, 40)

	screen := d.screen()
	if !strings.Contains(screen, papers[0].Title[:20]) || !strings.Contains(screen, papers[30].Title[:20]) {
		t.Errorf("the first screenful of titles should show while the file loads:\n%s", screen)
	}
	if st := d.status(); !strings.Contains(st, "loading… 64 papers") {
		t.Errorf("the status bar should count the papers so far: %q", st)
	}
	// The filter works on what has come.
	d.keys("/")
	d.typeText(strings.Fields(strings.ToLower(papers[5].Title))[0])
	if n := d.app.list.Shown(); n == 0 || n > 64 {
		t.Errorf("a filter while loading should search the papers so far: %d shown", n)
	}
	d.keys("esc", "g", "j", "j")
	cursorOn := d.selected()
	if cursorOn != papers[2].ID {
		t.Fatalf("g j j while loading: cursor on %q", cursorOn)
	}

	<-s.write(rest)
	s.close()
	d.finish()
	if st := d.status(); !strings.Contains(st, "3000 papers") || strings.Contains(st, "loading") {
		t.Errorf("once loaded: %q", st)
	}
	if d.selected() != cursorOn {
		t.Errorf("the batches should leave the cursor where the reader put it: on %q, was %q", d.selected(), cursorOn)
	}

	// A filter typed while the rest came now sees every paper.
	d.keys("/")
	d.typeText("model")
	whole := newHarness(t, newFakeFeed().add(model.Listing{Source: model.SourceFile, Period: fri, Papers: papers}), fri, 140, 40)
	whole.keys("/")
	whole.typeText("model")
	if got, want := titles(d.harness), titles(whole); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("model: %d papers after streaming, %d from the whole listing", len(got), len(want))
	}
}

// TestFilterGrowsWithTheListing: a filter on screen while batches arrive
// searches each grown index, and ends with the answer for the whole file.
func TestFilterGrowsWithTheListing(t *testing.T) {
	defer func(n int) { streamChunk = n }(streamChunk)
	streamChunk = 500
	papers := corpus.Generate(3000, 22)
	d, s, rest := startSlow(t, newFakeFeed(), papers, 140, 40)
	d.keys("/")
	d.typeText("model")
	before := d.app.list.Shown()
	<-s.write(rest)
	s.close()
	d.finish()
	after := d.app.list.Shown()
	if after <= before {
		t.Errorf("the filter should find more as the papers come: %d, then %d", before, after)
	}
	if st := d.status(); !strings.Contains(st, "of 3000 papers") {
		t.Errorf("status: %q", st)
	}
}

// TestAnotherListingStopsTheLoad: opening another listing cancels the
// file's load: the worker stops reading, and nothing it had read reaches
// the new listing.
func TestAnotherListingStopsTheLoad(t *testing.T) {
	papers := corpus.Generate(3000, 23)
	trending := model.Listing{Source: model.SourceHF, Period: model.Period{Kind: model.Trending},
		Papers: day(fri.Value, "Trending one", "Trending two").Papers}
	d, s, rest := startSlow(t, newFakeFeed().add(trending), papers, 140, 40)
	d.keys("t")
	if !strings.Contains(d.screen(), "Trending one") || d.app.list.Total() != 2 {
		t.Fatalf("t should show the trending papers:\n%s", d.screen())
	}
	written := s.write(rest)
	arrived := 0
	for d.next != nil {
		msg, _ := d.next().(streamMsg)
		d.next = msg.next
		for _, b := range msg.batches {
			arrived += len(b)
		}
		d.app.Update(msg)
	}
	s.close()
	<-written
	if arrived >= len(papers)-100 {
		t.Errorf("the worker read on after it was cancelled: %d more papers", arrived)
	}
	if d.app.list.Total() != 2 || !strings.Contains(d.screen(), "Trending one") {
		t.Errorf("the cancelled load changed the screen:\n%s", d.screen())
	}
}
