package render

import (
	"strconv"
	"testing"
)

// BenchmarkDetailRender: first render of a paper the renderer has not seen
// (target under 10 ms) and a render served by the cache (target under
// 0.05 ms), for the Llama 3 paper at 80 columns.
func BenchmarkDetailRender(b *testing.B) {
	p := paperFromFile(b, "hf_daily_papers_2024-08-01.html", "2407.21783")
	if _, err := Paper(p, 80, StyleDark); err != nil { // build the renderer once
		b.Fatal(err)
	}
	b.Run("first", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			q := p
			q.ID = strconv.Itoa(i)
			q.Title = p.Title + " " + q.ID
			if _, err := Paper(q, 80, StyleDark); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		c := NewCache(300)
		out, _ := Paper(p, 80, StyleDark)
		for i := range 300 {
			c.Put(strconv.Itoa(i), 80, StyleDark, out)
		}
		for i := 0; b.Loop(); i++ {
			if _, ok := c.Get(strconv.Itoa(i%300), 80, StyleDark); !ok {
				b.Fatal("miss")
			}
		}
	})
}
