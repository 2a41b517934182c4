package render

import (
	"fmt"
	"sync"
	"testing"
)

func TestCacheKeys(t *testing.T) {
	c := NewCache(10)
	c.Put("2407.21783", 80, StyleDark, "dark 80")
	c.Put("2407.21783", 40, StyleDark, "dark 40")
	c.Put("2407.21783", 80, StyleLight, "light 80")
	for _, tt := range []struct {
		width int
		style Style
		want  string
	}{{80, StyleDark, "dark 80"}, {40, StyleDark, "dark 40"}, {80, StyleLight, "light 80"}} {
		if got, ok := c.Get("2407.21783", tt.width, tt.style); !ok || got != tt.want {
			t.Errorf("Get(%d, %s) = %q, %v; want %q", tt.width, tt.style, got, ok, tt.want)
		}
	}
	if _, ok := c.Get("2407.21783", 81, StyleDark); ok {
		t.Error("a width never rendered is cached")
	}
	if _, ok := c.Get("other", 80, StyleDark); ok {
		t.Error("another paper is cached")
	}
	c.Put("2407.21783", 80, StyleDark, "dark 80 again")
	if got, _ := c.Get("2407.21783", 80, StyleDark); got != "dark 80 again" {
		t.Errorf("Put did not replace: %q", got)
	}
	// A paper without an id has no key of its own.
	c.Put("", 80, StyleDark, "x")
	if _, ok := c.Get("", 80, StyleDark); ok {
		t.Error("a paper without id was cached")
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c := NewCache(3)
	c.Put("a", 80, StyleDark, "A")
	c.Put("b", 80, StyleDark, "B")
	c.Put("c", 80, StyleDark, "C")
	c.Get("a", 80, StyleDark) // a is now the most recent
	c.Put("d", 80, StyleDark, "D")
	if _, ok := c.Get("b", 80, StyleDark); ok {
		t.Error("b, the least recently used, was kept")
	}
	for _, id := range []string{"a", "c", "d"} {
		if _, ok := c.Get(id, 80, StyleDark); !ok {
			t.Errorf("%s was evicted", id)
		}
	}
	if c.Len() != 3 {
		t.Errorf("Len = %d, want 3", c.Len())
	}
}

func TestCacheForget(t *testing.T) {
	c := NewCache(10)
	c.Put("a", 80, StyleDark, "A80")
	c.Put("a", 40, StyleLight, "A40")
	c.Put("b", 80, StyleDark, "B")
	c.Forget("a")
	if _, ok := c.Get("a", 80, StyleDark); ok {
		t.Error("Forget kept a rendering")
	}
	if _, ok := c.Get("a", 40, StyleLight); ok {
		t.Error("Forget kept a rendering")
	}
	if _, ok := c.Get("b", 80, StyleDark); !ok {
		t.Error("Forget dropped another paper")
	}
}

func TestCacheNilAndTiny(t *testing.T) {
	var nilCache *Cache
	nilCache.Put("a", 1, StyleDark, "x")
	if _, ok := nilCache.Get("a", 1, StyleDark); ok || nilCache.Len() != 0 {
		t.Error("a nil cache cached")
	}
	nilCache.Forget("a")
	c := NewCache(0)
	c.Put("a", 1, StyleDark, "x")
	if got, ok := c.Get("a", 1, StyleDark); !ok || got != "x" {
		t.Error("a cache of size 0 should still hold one rendering")
	}
}

func TestCacheConcurrent(t *testing.T) {
	c := NewCache(50)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				id := fmt.Sprint((i * (g + 1)) % 120)
				if got, ok := c.Get(id, 80, StyleDark); ok && got != "r"+id {
					t.Errorf("Get(%s) = %q", id, got)
					return
				}
				c.Put(id, 80, StyleDark, "r"+id)
				if i%500 == 0 {
					c.Forget(id)
				}
			}
		}()
	}
	wg.Wait()
	if n := c.Len(); n > 50 {
		t.Errorf("cache holds %d, bound is 50", n)
	}
}
