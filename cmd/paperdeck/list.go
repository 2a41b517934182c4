package main

import (
	"bufio"
	"fmt"

	"github.com/paperdeck/paperdeck/feed"
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
default) or a Markdown digest (--format markdown).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON {
				format = "json"
			}
			write, ok := listWriters[format]
			if !ok {
				return fmt.Errorf("unknown format %q: use text, markdown or json", format)
			}
			if len(args) == 0 {
				return fmt.Errorf("give a file to list (network selectors are not built yet)")
			}
			listing, err := feed.ParseFile(args[0])
			if err != nil {
				return err
			}
			out := bufio.NewWriter(cmd.OutOrStdout())
			if err := write(out, listing); err != nil {
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
