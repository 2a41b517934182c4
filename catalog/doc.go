package catalog

// How the reader opens a snapshot (the calls, in order; none of them
// touches the screen, each heavy one belongs in a tea.Cmd):
//
//	feed.IsArxivMetadataFile(path)   // a snapshot (plain or .gz)? then the catalog, else feed.StreamFile
//	catalog.Load(ctx, path, catalog.Options{CacheDir: <paths.Cache()>}, emit)
//	    // on a worker goroutine, as ui/stream.go runs feed.StreamFile; emit gets
//	    // Update{Catalog, Done, FromIndex, Read}: a screenful first (a few ms),
//	    // then larger catalogs about every 250 ms. Each *Catalog is immutable:
//	    // the list swaps the one it holds for the newer one.
//	c.Len(); c.ID(i); c.Title(i); c.Authors(i); c.Published(i); c.Categories(i)
//	    // a row; or c.Brief(i), a model.Paper with those fields and the arXiv links.
//	    // Read, bookmarked and new marks stay the reader's, by id (Marks).
//	q := c.ParseQuery(text, library) // the reader's query language (package query);
//	                                  // q.Hint says what a snapshot cannot answer (up:, org:…)
//	marked := c.Mark(ctx, marks, last) // when catalog.NeedsMarks(q, marks): is:, tag:, note:
//	c.Filter(ctx, q, marked), or c.FilterWithin(ctx, q, marked, lastMatches) when q.Narrows(lastQuery)
//	    // positions in file order, in a command the next key cancels (nil then)
//	s := c.SearchAbstracts(q, marked, lastMatches or nil)   // ctrl+a: abstracts (and every
//	done, err := s.Next(ctx, step); s.Found(); s.Progress()  // author) read from the file, a
//	                                  // step at a time, so the matches so far can show
//	order := c.ByDate()               // once per finished catalog: newest first
//	catalog.InOrder(matches, order)   // a filter's matches by date
//	c.Paper(i)                        // the whole record for the detail: one read at
//	                                  // its offset (an error once the file changed)
//	n, why := c.Skipped()             // model.Listing{Skipped: n, SkipReason: why}.SkipNote()
//	c.Changed()                       // on a tick: the file was rewritten, offer to reload
//
// How `paperdeck list` prints one (cmd/paperdeck/list_snapshot.go): the same
// Load, printing each catalog's new papers as it comes (c.FilterWithin over
// them, or c.FilterAbstracts), or, for --sort date, c.ByDate and InOrder
// once the load is done; then
//
//	c.Brief(i)                        // the text format: id and title
//	c.EachPaper(ctx, positions, fn)   // whole records for --json, markdown:
//	                                  // read by offset and parsed on every core, in order
//	c.OpenRecords()                   // catalog.ErrNotYetReadable when a .gz file's copy is gone
//
// A snapshot on a pipe (`paperdeck list <(zcat snap.json.gz)`), told by
// feed.SniffArxivMetadata, is read once: catalog.LoadStream(ctx, rest,
// name, opt, emit) instead of Load copies its lines into the cache as they
// are indexed (a .gz file's decompressed copy, the same code) and reads
// papers there; no side index; c.Discard() removes the copy when done.
