package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/fulltext"
	"github.com/paperdeck/paperdeck/internal/termsafe"
)

func newReadCmd() *cobra.Command {
	var (
		format  string
		width   int
		offline bool
		verbose bool
	)
	cmd := &cobra.Command{
		Use:   "read ID|URL|FILE",
		Short: "Print a paper's full text (arXiv's HTML version)",
		Long: `Print the full text of a paper: title, authors, abstract, numbered sections,
equations made readable, figure and table captions, notes and references.

The text comes from arXiv's HTML version of the paper (arxiv.org/html/ID),
which arXiv makes for most papers submitted since December 2023. ID may be an
arXiv id (2401.01234, with a version or not) or an arxiv.org or
huggingface.co paper URL; FILE a saved LaTeXML page (arXiv, ar5iv, latexmlc,
arXiv Vanity). A page read once is kept in the cache and reads offline.

--format text (the default) wraps at --width columns; --format markdown
writes Markdown, with tables wider than --width as a note and a link.

Exit statuses: 0 the text was printed, 1 another error (a file that is not a
LaTeXML paper, the network), 2 a bad flag or argument, 3 arXiv has no HTML
version of the paper (read the PDF), 130 interrupted.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := readWriters[format]
			if !ok {
				return usageError(fmt.Errorf("unknown format %q: use text or markdown", format))
			}
			if width < 0 {
				return usageError(fmt.Errorf("--width must be 0 (no wrapping) or more, got %d", width))
			}
			sel := selectors{offline: offline, verbose: verbose}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			doc, err := readPaper(ctx, sel, args[0], cmd.ErrOrStderr())
			if err != nil {
				if ctx.Err() != nil {
					return interrupted()
				}
				return err
			}
			_, err = io.WriteString(cmd.OutOrStdout(), write(doc, width))
			return err
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "text", "output format: text or markdown")
	f.IntVar(&width, "width", 80, "wrap text at this many columns (0: no wrapping)")
	f.BoolVar(&offline, "offline", false, "read only the cache")
	f.BoolVar(&verbose, "verbose", false, "say on stderr where the page came from")
	return cmd
}

var readWriters = map[string]func(*fulltext.Document, int) string{
	"text":     fulltext.Text,
	"markdown": fulltext.PlainMarkdown,
}

// readPaper reads a saved page, or fetches the paper's HTML version.
func readPaper(ctx context.Context, sel selectors, ref string, stderr io.Writer) (*fulltext.Document, error) {
	if info, err := os.Stat(ref); err == nil && !info.IsDir() {
		f, err := os.Open(ref)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		doc, err := fulltext.Parse(f, "")
		if err != nil {
			return nil, fmt.Errorf("%s: %w", termsafe.Quote(ref), err)
		}
		return doc, nil
	}
	id, ok := feed.FullTextID(ref)
	if !ok {
		if strings.Contains(ref, "huggingface.co/papers/") || strings.Contains(ref, "hf.co/papers/") {
			return nil, exitError{exitFailed, fmt.Errorf("%s: %w", termsafe.Quote(ref), feed.ErrNoArxivID)}
		}
		return nil, usageError(fmt.Errorf("%s is neither a file nor an arXiv id or paper URL", termsafe.Quote(ref)))
	}
	client, err := sel.newClient(stderr)
	if err != nil {
		return nil, err
	}
	page, err := client.FullText(ctx, id)
	if err != nil {
		return nil, noHTMLExit(id, err)
	}
	doc, err := fulltext.Parse(bytes.NewReader(page.HTML), page.URL)
	if err != nil {
		return nil, noHTMLExit(id, fmt.Errorf("%s: %w", page.URL, err))
	}
	return doc, nil
}

// noHTMLExit gives "no HTML version" its own status and the PDF's address.
func noHTMLExit(id string, err error) error {
	if errors.Is(err, feed.ErrNoHTML) {
		return exitError{exitNoData, fmt.Errorf("%w: https://arxiv.org/pdf/%s", err, id)}
	}
	return err
}

func newCacheCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "cache",
		Short: "Say what the cache holds for offline reading",
		Long: `List the full texts kept for offline reading (paperdeck read, the reader's f),
most recently read first, with their size and the cache's bound. The least
recently read go first when the bound is reached.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			client, err := selectors{}.newClient(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			dir, pages, limit := client.FullTextCache()
			out := cmd.OutOrStdout()
			if dir == "" {
				fmt.Fprintln(out, "no cache folder: nothing is kept for offline reading")
				return nil
			}
			var total int64
			for _, p := range pages {
				total += p.Size
			}
			fmt.Fprintf(out, "full texts: %s, %s of at most %s, in %s\n", count(len(pages), "paper"), feed.SizeText(total), feed.SizeText(limit), dir)
			for _, p := range pages {
				fmt.Fprintf(out, "  %-18s %8s  read %s\n", p.ID, feed.SizeText(p.Size), p.Read.Local().Format("2006-01-02 15:04"))
			}
			return nil
		},
	}
}
