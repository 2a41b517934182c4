package filter

// QueryTags are the tags a filter text asks for (tag:NAME or #NAME, the
// negated ones aside), as tag keys: the reader's "for you" order learns
// from the bookmarks with these tags.
func QueryTags(query string) []string { return parseQuery(query).tags }

// TagKey is a tag as QueryTags writes it, to compare a bookmark's tags with.
func TagKey(tag string) string { return tagKey(tag) }
