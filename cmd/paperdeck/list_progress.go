package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// indexProgress is the line `paperdeck list SNAPSHOT` keeps on stderr while
// it waits for a first open's indexing before it can print (--sort date;
// whole records of a .gz file, which wait for the decompressed copy): a
// minute and more at millions of papers would otherwise look like a hang.
// Only on a terminal: a script's stderr gets nothing, and stdout never.
type indexProgress struct {
	w      io.Writer // nil: stderr is not a terminal
	name   string
	size   int64 // of the file; 0: no percentage (a .gz file's size is not what is read)
	shown  bool
	last   time.Time
	every  time.Duration
	digits *message.Printer
}

// progressEvery is how often the line changes at most.
const progressEvery = 250 * time.Millisecond

// newIndexProgress writes to stderr only if it is a terminal. The line
// goes around cleanOutput, which would drop its "erase line" sequence:
// what is left of a line there is written first; the file's name is
// cleaned here instead.
func newIndexProgress(stderr io.Writer, path string) *indexProgress {
	if clean, ok := stderr.(*cleanOutput); ok {
		if err := clean.Flush(); err != nil {
			return &indexProgress{}
		}
		stderr = clean.w
	}
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return &indexProgress{}
	}
	p := &indexProgress{w: f, name: termsafe.Text(filepath.Base(path)), every: progressEvery,
		digits: message.NewPrinter(language.English)}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		p.name = termsafe.Text(path) // a pipe: /dev/fd/63 says more than 63
	} else if err == nil && !gzipFile(path) {
		p.size = fi.Size()
	}
	return p
}

// gzipFile says whether the file at path is gzip-compressed.
func gzipFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 2)
	n, _ := io.ReadFull(f, head)
	return feed.IsGzip(head[:n])
}

// line is what the terminal shows after papers indexed and read bytes.
func (p *indexProgress) line(papers int, read int64) string {
	s := p.digits.Sprintf("indexing %s: %d papers", p.name, papers)
	if p.size > 0 {
		s += fmt.Sprintf(", %d%%", min(100, read*100/p.size))
	}
	return s
}

// show replaces the line, at most once per p.every.
func (p *indexProgress) show(papers int, read int64) {
	if p.w == nil || (p.shown && time.Since(p.last) < p.every) {
		return
	}
	p.last, p.shown = time.Now(), true
	fmt.Fprint(p.w, "\r\x1b[K"+p.line(papers, read))
}

// clear removes the line: before the first paper, a note, or the prompt.
func (p *indexProgress) clear() {
	if p.w == nil || !p.shown {
		return
	}
	p.shown = false
	fmt.Fprint(p.w, "\r\x1b[K")
}
