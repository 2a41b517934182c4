// Package query is the filter's language, parsed once for every listing:
// the reader's index (ui/filter) and a snapshot's catalog (catalog) both
// answer a Query, and tags compare by TagKey everywhere, the bookmarks'
// store included.
//
// Words match case-insensitively, word by word: every word of the query
// must start a word of the title, an author, the organisation, a keyword,
// or a tag or the note of the paper's bookmark ("flow ma" finds "Flow
// Matching"; "low" does not). Accents fold ("rafal" finds "Rafał");
// punctuation separates words ("llama-3"). Qualifiers:
//
//	has:code          papers with a code link
//	up:>N up:<N up:N  upvotes (also >=, <=, N..M); several combine
//	cat:NAME          an arXiv category, primary or cross-list (cat:cs.LG),
//	                  an archive (cat:cs), or one being typed (cat:cs.L);
//	                  several widen each other
//	org:NAME          a word of the organisation starts with NAME, or its
//	                  initials do (org:mit, org:cmu, org:gdm)
//	author:NAME       a word of an author's name starts with NAME
//	tag:NAME #NAME    the bookmark carries the tag NAME (case and
//	                  punctuation aside); while no tag is NAME, every tag
//	                  starting with it
//	note:WORD         a word of the bookmark's note starts with WORD
//	is:unread is:read is:bookmarked is:new   the reader's marks, by id
//	listed:new listed:cross listed:replacement   how an arXiv
//	                  new-submissions page lists the paper
//
// A leading - negates a word or a qualifier: -has:code, -is:read,
// -tag:rl, -org:meta, -diffusion. A NAME with spaces goes in quotes:
// org:"google deepmind", tag:"to read". A qualifier still being typed
// ("up:>") is left out and explained in Hint; so is a tag no
// bookmark carries, and an unknown key ("llama:3", searched as words).
//
// A listing that cannot answer a qualifier leaves it out and says why in
// Hint (Within: "up: — this snapshot has no upvotes"), never an empty or
// an unchanged list without a word.
package query
