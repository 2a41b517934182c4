package main

import (
	"bufio"
	"fmt"
	"os"
	"os/signal"

	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/spf13/cobra"
)

func newListCmd() *cobra.Command {
	var (
		sel    selectors
		asJSON bool
		format string
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
			req, err := sel.request(args)
			if err != nil {
				return usageError(err)
			}
			stderr := cmd.ErrOrStderr()
			client, err := sel.newClient(stderr)
			if err != nil {
				return err
			}
			// Ctrl-C cancels the request instead of killing a cache write.
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			res, err := client.Load(ctx, req)
			if err != nil {
				if ctx.Err() != nil {
					return exitError{exitInterrupted, errInterrupted}
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
			out := bufio.NewWriter(cmd.OutOrStdout())
			if err := write(out, res.Listing); err != nil {
				return err
			}
			return out.Flush()
		},
	}
	sel.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the paper records as one JSON array")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, markdown or json")
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
