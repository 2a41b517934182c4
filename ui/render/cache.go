package render

import (
	"container/list"
	"sync"
)

// Cache keeps rendered details by (paper id, width, style), so moving back
// to a paper, or back to a width after a resize, shows it at once. It is
// safe for concurrent use and holds at most its size; the least recently
// used rendering goes first. A nil *Cache caches nothing.
type Cache struct {
	mu    sync.Mutex
	size  int
	order *list.List // front: most recently used
	items map[cacheKey]*list.Element
}

type cacheKey struct {
	id    string
	width int
	style Style
}

type cacheEntry struct {
	key      cacheKey
	rendered string
}

// NewCache returns a cache holding up to size renderings (at least one).
func NewCache(size int) *Cache {
	return &Cache{size: max(size, 1), order: list.New(), items: map[cacheKey]*list.Element{}}
}

// Get returns the rendering of paper id at width in style, if cached.
func (c *Cache) Get(id string, width int, style Style) (string, bool) {
	if c == nil || id == "" {
		return "", false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[cacheKey{id, width, style}]
	if !ok {
		return "", false
	}
	c.order.MoveToFront(e)
	return e.Value.(*cacheEntry).rendered, true
}

// Put stores a rendering. A paper without an id is not cached: it has no
// key that could not belong to another paper too.
func (c *Cache) Put(id string, width int, style Style, rendered string) {
	if c == nil || id == "" {
		return
	}
	key := cacheKey{id, width, style}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.Value.(*cacheEntry).rendered = rendered
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&cacheEntry{key, rendered})
	for c.order.Len() > c.size {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*cacheEntry).key)
	}
}

// Forget drops every rendering of paper id, for when its record changes
// (details fetched later add stars, an AI summary, links).
func (c *Cache) Forget(id string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for key, e := range c.items {
		if key.id == id {
			c.order.Remove(e)
			delete(c.items, key)
		}
	}
}

// Len reports how many renderings the cache holds.
func (c *Cache) Len() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
