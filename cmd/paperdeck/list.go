package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/query"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui/filter"
	"github.com/spf13/cobra"
)

func newListCmd() *cobra.Command {
	var (
		sel        selectors
		asJSON     bool
		format     string
		order      listSort
		resolve    bool
		filterText string
		abstracts  bool
		limit      int
	)
	cmd := &cobra.Command{
		Use:   "list [SOURCE]",
		Short: "Print a listing without the TUI",
		Long: `Print a listing as JSON (--json), one line per paper (--format text, the
default) or a Markdown digest (--format markdown).

The listing is the latest Hugging Face daily list, or the one a selector
(--date, --week, --month, --trending, --search, --arxiv) or SOURCE (a file,
or a huggingface.co/papers/… or arxiv.org/… URL) names. Notices (a cached
copy shown instead of a live one, an empty day) go to stderr.

A listing that can be had neither from its source nor from the cache prints
nothing and exits with status 3; nothing else is printed in its place (the
bundled snapshot only for --demo or its own day, 2024-08-01).

--sort orders the papers: upvotes (most first), date (newest first) or
foryou: ranked by a linear model of your bookmarks, arxiv-sanity style,
trained against every paper paperdeck knows (this listing, the cache, the
bookmarks); it needs at least 3 bookmarks, or 3 papers with the --tag given.

--filter keeps the papers the reader's / filter keeps for the same text
(words that start words of the title or authors, cat:cs.LG, …), in the
listing's order; with --abstracts its words may also be in the abstract
(the reader's ctrl+a). --limit prints only the first N.

An arXiv metadata snapshot (millions of papers, plain or .gz) is printed as
it is indexed, holding only the catalog's rows in memory; --sort date is
newest first by the first version's date (upvotes and foryou are not
offered); the side index in the cache makes the next run start at once.

--resolve finds the arXiv id of papers that have none (copied page text) by
an exact match of the title in Hugging Face's paper search: one request per
paper, remembered in the cache; a paper without a match stays as it is.

Exit statuses: 0 the listing was printed (perhaps from the cache, with a
notice), 1 another error (e.g. a file paperdeck cannot read), 2 a bad flag
or argument, 3 no data for this request, 130 interrupted.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON {
				format = "json"
			}
			write, ok := listWriters[format]
			if !ok {
				return usageError(fmt.Errorf("unknown format %q: use text, markdown or json", format))
			}
			if err := order.check(); err != nil {
				return usageError(err)
			}
			req, err := sel.request(args)
			if err != nil {
				return usageError(err)
			}
			if abstracts && filterText == "" {
				return usageError(errors.New("--abstracts searches the abstracts for --filter's words: add --filter"))
			}
			if limit < 0 {
				return usageError(fmt.Errorf("--limit %d: want a number of papers, 0 for all", limit))
			}
			stderr := cmd.ErrOrStderr()
			client, err := sel.newClient(stderr)
			if err != nil {
				return err
			}
			// Ctrl-C cancels the request instead of killing a cache write.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			var pipe io.Reader // what a pipe holds, its first lines read already
			pipedSnapshot := false
			if isPipeFile(req) {
				f, r, snapshot, err := openPipe(req.Period.Value)
				if err != nil {
					return err
				}
				defer f.Close()
				pipe, pipedSnapshot = r, snapshot
			}
			if pipedSnapshot || isSnapshotFile(req) {
				if err := snapshotSortError(order.by); err != nil {
					return usageError(err)
				}
				l := &snapshotList{format: format, text: filterText, abstracts: abstracts, byDate: order.by == "date", limit: limit}
				if pipedSnapshot {
					l.pipe = pipe
				}
				return listSnapshot(ctx, cmd.OutOrStdout(), stderr, req.Period.Value, l)
			}
			var res feed.Result
			if pipe != nil {
				res, err = readPipe(ctx, pipe, req.Period.Value)
			} else {
				res, err = client.Load(ctx, req)
			}
			if err != nil {
				if ctx.Err() != nil {
					return interrupted()
				}
				return err
			}
			if res.Notice != "" {
				fmt.Fprintln(stderr, "paperdeck:", res.Notice)
			}
			if note := res.Listing.SkipNote(); note != "" {
				fmt.Fprintln(stderr, "paperdeck:", note)
			}
			if res.Listing.Empty() {
				fmt.Fprintln(stderr, "paperdeck:", emptyNote(res.Listing))
			}
			if resolve {
				res.Listing.Papers = resolveIDs(ctx, stderr, client, res.Listing.Papers)
				if ctx.Err() != nil {
					return interrupted()
				}
			}
			papers, scores, err := order.apply(ctx, client, res.Listing)
			if err != nil {
				if ctx.Err() != nil {
					return interrupted()
				}
				return err
			}
			if filterText != "" {
				papers, scores, err = filterPapers(ctx, papers, scores, filterText, abstracts)
				if err != nil {
					return err
				}
				if len(papers) == 0 && !res.Listing.Empty() {
					fmt.Fprintln(stderr, "paperdeck: no papers match the filter")
				}
			}
			if limit > 0 && len(papers) > limit {
				papers = papers[:limit]
				if scores != nil {
					scores = scores[:limit]
				}
			}
			res.Listing.Papers = papers
			out := bufio.NewWriter(cmd.OutOrStdout())
			if scores != nil && format == "json" {
				err = writeScoredJSON(out, papers, scores)
			} else {
				err = write(out, res.Listing)
			}
			if err != nil {
				return err
			}
			return out.Flush()
		},
	}
	sel.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the paper records as one JSON array")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
	cmd.Flags().StringVar(&order.by, "sort", "", "order: upvotes, date (newest first) or foryou (ranked by a model of your bookmarks; --json adds a score)")
	cmd.Flags().StringVar(&order.tag, "tag", "", "with --sort foryou: learn from the bookmarks with this tag only")
	cmd.Flags().StringVar(&filterText, "filter", "", "print only the papers the reader's / filter keeps for `QUERY` (words, cat:cs.LG, tag:T, …)")
	cmd.Flags().BoolVar(&abstracts, "abstracts", false, "with --filter: words may also start words of the abstract (the reader's ctrl+a)")
	cmd.Flags().IntVar(&limit, "limit", 0, "print at most `N` papers (0: all)")
	cmd.Flags().BoolVar(&resolve, "resolve", false, "find the arXiv id of papers without one by their title (Hugging Face's paper search)")
	_ = cmd.RegisterFlagCompletionFunc("sort", cobra.FixedCompletions(sortNames, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

var listWriters = map[string]func(*bufio.Writer, model.Listing) error{
	"json": func(w *bufio.Writer, l model.Listing) error { return store.WriteJSON(w, l.Papers) },
	"text": func(w *bufio.Writer, l model.Listing) error { return store.WriteText(w, l.Papers) },
	"markdown": func(w *bufio.Writer, l model.Listing) error {
		return store.WriteMarkdown(w, listingTitle(l), l.Papers)
	},
}

func listingTitle(l model.Listing) string {
	if l.Period.Kind == model.File {
		return "Papers from " + l.Period.Value
	}
	return "Papers: " + l.Period.String()
}

// resolveIDs gives the papers without an arXiv id the one Hugging Face's
// search matches to their title, and says on stderr how many it found.
func resolveIDs(ctx context.Context, stderr io.Writer, client *feed.Client, papers []model.Paper) []model.Paper {
	var missing, found int
	var failed []error
	out := slices.Clone(papers)
	for i, p := range out {
		if model.IsArxivID(p.ID) {
			continue
		}
		missing++
		resolved, ok, err := client.ResolveID(ctx, p)
		if ctx.Err() != nil {
			return papers
		}
		if err != nil {
			failed = append(failed, err)
			continue
		}
		if ok {
			out[i] = resolved
			found++
		}
	}
	if missing > 0 {
		fmt.Fprintf(stderr, "paperdeck: found the arXiv id of %d of %s without one\n", found, count(missing, "paper"))
	}
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "paperdeck: could not look up %s: %v\n", count(len(failed), "title"), failed[0])
	}
	return out
}

// filterPapers keeps the papers the reader's / filter keeps for text, in
// the listing's order (and their scores, when sorted "for you").
func filterPapers(ctx context.Context, papers []model.Paper, scores []float64, text string, abstracts bool) ([]model.Paper, []float64, error) {
	q := query.Parse(text)
	m, err := readListMarks(&q)
	if err != nil {
		return nil, nil, err
	}
	marks := filter.Marks{Library: m.library, Read: inSet(m.read), Bookmarked: inSet(m.bookmarked)}
	res, err := filter.New(papers).Search(ctx, filter.Request{Query: text, Abstracts: abstracts, Marks: marks}, nil)
	if err != nil {
		return nil, nil, err
	}
	matches := res.Matches
	slices.Sort(matches)
	var keptScores []float64
	kept := make([]model.Paper, 0, len(matches))
	for _, i := range matches {
		kept = append(kept, papers[i])
		if scores != nil {
			keptScores = append(keptScores, scores[i])
		}
	}
	return kept, keptScores, nil
}

func inSet(set map[string]bool) func(string) bool {
	return func(id string) bool { return set[id] }
}
