package query

import "strings"

// TagKey is a tag as tags compare: case, accents, punctuation and spacing
// aside ("To-Read", "to  read" and "to read" are one tag). A tag of
// symbols only ("++") keeps them, so that it is not every other one.
// The bookmarks (store), the tag: qualifier and the "for you" order all
// compare tags by it.
func TagKey(tag string) string {
	if key := strings.Join(Words(tag), " "); key != "" {
		return key
	}
	return strings.ToLower(strings.Join(strings.Fields(tag), " "))
}
