package fulltext

import (
	"bytes"
	"testing"

	"github.com/paperdeck/paperdeck/fulltext/fulltexttest"
)

// BenchmarkParseLongPage: a long paper's page (≥ 1 MB) to a document and
// to the text `paperdeck read` prints.
func BenchmarkParseLongPage(b *testing.B) {
	page := fulltexttest.LongPage(b, 1<<20)
	b.SetBytes(int64(len(page)))
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := Parse(bytes.NewReader(page), "https://arxiv.org/html/2401.00001v1"); err != nil {
				b.Fatal(err)
			}
		}
	})
	d, err := Parse(bytes.NewReader(page), "https://arxiv.org/html/2401.00001v1")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			_ = Text(d, 80)
		}
	})
	b.Run("markdown", func(b *testing.B) {
		for b.Loop() {
			_ = MarkdownParts(d, 100)
		}
	})
}
