package fulltext

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/paperdeck/paperdeck/fulltext/fulltexttest"
	"github.com/paperdeck/paperdeck/internal/memstat"
	"github.com/paperdeck/paperdeck/model"
)

// cachedLongPaper writes a long paper's page (≥ 1 MB) where the cache
// keeps it and loads it from there, as a paper read once is.
func cachedLongPaper(b *testing.B) LoadFunc {
	path := filepath.Join(b.TempDir(), "2401.00001v1.html")
	if err := os.WriteFile(path, fulltexttest.LongPage(b, 1<<20), 0o644); err != nil {
		b.Fatal(err)
	}
	return func(context.Context, string) (Page, error) {
		body, err := os.ReadFile(path)
		return Page{HTML: body, URL: "https://arxiv.org/html/2401.00001v1", FromCache: true}, err
	}
}

// BenchmarkFirstScreen: f on a long paper read before, to its first
// screen drawn (read from the cache, parsed, the first parts rendered by
// glamour). Target: 150 ms. Beside it, reading the page alone.
func BenchmarkFirstScreen(b *testing.B) {
	load := cachedLongPaper(b)
	p := model.Paper{ID: "2401.00001", Title: "A long paper"}
	b.Run("read-the-page", func(b *testing.B) {
		for b.Loop() {
			if _, err := load(context.Background(), p.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("first-screen", func(b *testing.B) {
		start := memstat.CPUTime()
		defer func() {
			// The wall clock counts the wait for a core on a busy machine;
			// this is the work (every goroutine's, the collector's too).
			if start >= 0 {
				b.ReportMetric(float64(memstat.CPUTime()-start)/float64(b.N)/1e6, "cpu-ms/op")
			}
		}()
		for b.Loop() {
			m := newReader(b, 120, 40, load)
			msg := m.Open(p)()        // fetch from the cache and parse
			m.Update(msg.(LoadedMsg)) // builds the parts, asks for the first screen
			first := renderFirst(m)   // glamour on the first parts
			m.Update(first)           // on screen
			if m.rendered == 0 || m.View() == "" {
				b.Fatal("nothing on screen")
			}
		}
	})
}

// renderFirst runs the first render command as the program would.
func renderFirst(m *Model) RenderedMsg {
	return renderCmd(m.render, m.doc, m.parts, m.gen, m.renderKey.width, m.renderKey.style, 0, m.height+1, len(m.parts))().(RenderedMsg)
}

// BenchmarkKeyWhileReading: a key on a long paper rendered whole. Target:
// one frame, 16 ms.
func BenchmarkKeyWhileReading(b *testing.B) {
	m := newReader(b, 120, 40, cachedLongPaper(b))
	run(m, m.Open(model.Paper{ID: "2401.00001", Title: "A long paper"}))
	if m.rendered != len(m.parts) {
		b.Fatalf("%d of %d parts rendered", m.rendered, len(m.parts))
	}
	for _, k := range []string{"j", "}", "{", "pgdown"} {
		b.Run(k, func(b *testing.B) {
			for b.Loop() {
				press(m, k)
				_ = m.View()
			}
		})
	}
	m.Find("angular momentum")
	b.Run("n", func(b *testing.B) {
		for b.Loop() {
			press(m, "n")
			_ = m.View()
		}
	})
}
