// Package fulltexttest builds the long pages the full-text benchmarks
// need from the repository's real test pages.
package fulltexttest

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// LongPage is arXiv's conversion of the angular-momentum paper
// (testdata/fulltext) with its sections repeated until the page holds at
// least minSize bytes: a long paper's page, made of real LaTeXML.
func LongPage(tb testing.TB, minSize int) []byte {
	tb.Helper()
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "..", "..", "testdata", "fulltext", "arxiv-view-as-html_sample_paper_angular-momentum.html")
	page, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	start := bytes.Index(page, []byte(`<section class="ltx_section"`))
	end := bytes.Index(page, []byte(`</article>`))
	if start < 0 || end < start {
		tb.Fatal("the angular-momentum page has no sections")
	}
	sections := page[start:end]
	var b bytes.Buffer
	b.Write(page[:end])
	for b.Len()+len(page)-end < minSize {
		b.Write(sections)
	}
	b.Write(page[end:])
	return b.Bytes()
}
