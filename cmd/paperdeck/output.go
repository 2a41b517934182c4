package main

import (
	"bytes"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// cleanOutput is what every command but the reader prints through: its
// stdout and stderr, to a terminal, a file or a pipe alike. Whatever a
// record, a server's reply, a file name or a config key carried, no escape
// sequence, control or invisible character gets out; line breaks and tabs
// stay. The reader draws its own screen and does not write here.
//
// Text is cleaned a line at a time, so a sequence or a character is never
// cut between two writes; Flush writes a last line without its break.
type cleanOutput struct {
	mu      sync.Mutex // --verbose logs from the client's goroutines
	w       io.Writer
	pending []byte
}

func newCleanOutput(w io.Writer) *cleanOutput { return &cleanOutput{w: w} }

// flushAt bounds what waits for a line break (one line of an abstract is a
// few kilobytes; JSON is indented).
const flushAt = 64 << 10

func (c *cleanOutput) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pending = append(c.pending, p...)
	end := bytes.LastIndexByte(c.pending, '\n') + 1
	if end == 0 && len(c.pending) >= flushAt {
		end = len(c.pending)
		// Never split a character: its bytes wait for the rest.
		for cut := end - 1; cut >= 0 && cut > end-utf8.UTFMax; cut-- {
			if utf8.RuneStart(c.pending[cut]) {
				if !utf8.FullRune(c.pending[cut:]) {
					end = cut
				}
				break
			}
		}
	}
	if end == 0 {
		return len(p), nil
	}
	err := c.emit(c.pending[:end])
	c.pending = append(c.pending[:0], c.pending[end:]...)
	return len(p), err
}

// Flush writes what is left.
func (c *cleanOutput) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.pending) == 0 {
		return nil
	}
	err := c.emit(c.pending)
	c.pending = c.pending[:0]
	return err
}

func (c *cleanOutput) emit(b []byte) error {
	_, err := io.WriteString(c.w, cleanKeepingTabs(string(b)))
	return err
}

// cleanKeepingTabs is termsafe.Text with tabs kept: completion scripts
// and column output use them, and a tab moves no cursor off the line.
func cleanKeepingTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return termsafe.Text(s)
	}
	parts := strings.Split(s, "\t")
	for i, part := range parts {
		parts[i] = termsafe.Text(part)
	}
	return strings.Join(parts, "\t")
}
