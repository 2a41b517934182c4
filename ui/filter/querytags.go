package filter

import "github.com/paperdeck/paperdeck/query"

// QueryTags are the tags a filter text asks for (tag:NAME or #NAME, the
// negated ones aside), as tag keys: the reader's "for you" order learns
// from the bookmarks with these tags.
func QueryTags(text string) []string { return query.Parse(text).Tags }

// TagKey is a tag as QueryTags writes it, to compare a bookmark's tags with.
func TagKey(tag string) string { return query.TagKey(tag) }
