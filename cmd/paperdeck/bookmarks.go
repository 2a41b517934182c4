package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/paperdeck/paperdeck/feed"
	"github.com/paperdeck/paperdeck/internal/localfile"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/spf13/cobra"
)

func newBookmarksCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bookmarks",
		Short: "List, add, remove, import and export bookmarks",
		Long: `Bookmarks live in $XDG_DATA_HOME/paperdeck/bookmarks.json (else
~/.local/share/paperdeck): the whole record of each paper, so they read
offline, with the time added, tags and a note. With no subcommand, list them.`,
		Args: cobra.NoArgs,
	}
	cmd.RunE = listFlags(cmd)
	cmd.AddCommand(newBookmarksListCmd(), newBookmarksAddCmd(), newBookmarksRemoveCmd(),
		newBookmarksTagCmd(), newBookmarksImportCmd(), newBookmarksExportCmd())
	return cmd
}

// readBookmarks opens the bookmarks file and reads it, newest first.
func readBookmarks() (*store.Bookmarks, []store.Bookmark, error) {
	b, err := openBookmarks()
	if err != nil {
		return nil, nil, err
	}
	list, err := b.Load()
	return b, list, err
}

func openBookmarks() (*store.Bookmarks, error) {
	path, err := store.BookmarksPath()
	if err != nil {
		return nil, err
	}
	return store.OpenBookmarks(path), nil
}

// readTagged reads the bookmarks, only those tagged tag when it is not
// "". A tag no bookmark carries is an error that names the tags there are.
func readTagged(tag string) ([]store.Bookmark, error) {
	_, list, err := readBookmarks()
	if err != nil || tag == "" {
		return list, err
	}
	tagged := store.Tagged(list, tag)
	if len(tagged) == 0 {
		var known []string
		for _, tc := range store.CountTags(list) {
			known = append(known, tc.Tag)
		}
		if len(known) == 0 {
			return nil, fmt.Errorf("no bookmark is tagged %q: there are no tags yet", tag)
		}
		return nil, fmt.Errorf("no bookmark is tagged %q; the tags are: %s", tag, strings.Join(known, ", "))
	}
	return tagged, nil
}

// listFlags gives cmd the flags of a bookmark listing (--json, --tag) and
// returns the RunE that lists with them: the bookmarks command with no
// subcommand and 'bookmarks list' are the same listing.
func listFlags(cmd *cobra.Command) func(*cobra.Command, []string) error {
	var (
		asJSON bool
		tag    string
	)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the bookmarks file's JSON: records, time added, tags, notes")
	cmd.Flags().StringVar(&tag, "tag", "", "only the bookmarks with this tag")
	return func(cmd *cobra.Command, _ []string) error {
		return listBookmarks(cmd.OutOrStdout(), cmd.ErrOrStderr(), asJSON, tag)
	}
}

func newBookmarksListCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "list [--json] [--tag TAG]",
		Short: "List the bookmarks, newest first",
		Long: `List the bookmarks, newest first: the time added, the id, the title and
the tags. --tag lists only the bookmarks with that tag (case aside).
--json prints them in the format of the bookmarks file, which
'bookmarks import' reads back whole.`,
		Args: cobra.NoArgs,
	}
	cmd.RunE = listFlags(cmd)
	return cmd
}

func listBookmarks(stdout, stderr io.Writer, asJSON bool, tag string) error {
	list, err := readTagged(tag)
	if err != nil {
		return err
	}
	cleanBookmarks(list)
	if asJSON {
		data, err := store.EncodeBookmarks(list)
		if err != nil {
			return err
		}
		_, err = stdout.Write(data)
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(stderr, "paperdeck: no bookmarks yet: press b on a paper, or run: paperdeck bookmarks add ID")
		return nil
	}
	out := bufio.NewWriter(stdout)
	for _, bm := range list {
		line := fmt.Sprintf("%s  %-12s  %s", bm.Added.Local().Format("2006-01-02 15:04"), bm.Paper.ID, bm.Paper.Title)
		if len(bm.Tags) > 0 {
			line += "  [" + strings.Join(bm.Tags, ", ") + "]"
		}
		fmt.Fprintln(out, line)
	}
	return out.Flush()
}

func newBookmarksAddCmd() *cobra.Command {
	var (
		offline bool
		mark    bookmarkMarks
	)
	cmd := &cobra.Command{
		Use:   "add ID… [--tag TAG]… [--note TEXT]",
		Short: "Bookmark papers by arXiv id",
		Long: `Bookmark papers by arXiv id (2407.21783, arXiv:2407.21783, or a
huggingface.co/papers, arxiv.org/abs or arxiv.org/pdf URL, with or without
https://). The record comes from the cache when paperdeck has read the paper
before, else from Hugging Face, else (a paper Hugging Face does not know)
from the arXiv API.
--tag adds tags (repeat it, or separate tags with commas) and --note sets
the note, for papers already bookmarked too.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := openBookmarks()
			if err != nil {
				return err
			}
			client, err := selectors{offline: offline}.newClient(io.Discard)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt)
			defer stop()
			return addBookmarks(ctx, cmd.OutOrStdout(), b, client, args, mark)
		},
	}
	cmd.Flags().BoolVar(&offline, "offline", false, "use only papers already in the cache")
	cmd.Flags().StringSliceVar(&mark.tags, "tag", nil, "tag the papers (repeat, or separate with commas)")
	cmd.Flags().StringVar(&mark.note, "note", "", "a note on the papers")
	return cmd
}

// bookmarkMarks are the tags and note `add` gives its papers.
type bookmarkMarks struct {
	tags []string
	note string
}

// describe is what a change's message adds: ", tagged rl, agents".
func (m bookmarkMarks) describe() string {
	var parts []string
	if len(m.tags) > 0 {
		parts = append(parts, "tagged "+strings.Join(m.tags, ", "))
	}
	if strings.TrimSpace(m.note) != "" {
		parts = append(parts, "with a note")
	}
	if len(parts) == 0 {
		return ""
	}
	return ", " + strings.Join(parts, ", ")
}

// paperSource is what `add` needs of the feed client: one paper's record,
// from the cache or from /api/papers/ID.
type paperSource interface {
	Paper(ctx context.Context, id string) (model.Paper, error)
}

func addBookmarks(ctx context.Context, stdout io.Writer, b *store.Bookmarks, src paperSource, args []string, mark bookmarkMarks) error {
	list, err := b.Load()
	if err != nil {
		return err
	}
	saved := map[string]model.Paper{}
	for _, bm := range list {
		saved[bm.Paper.ID] = bm.Paper
	}
	var (
		papers []model.Paper
		failed []string
	)
	for _, arg := range args {
		id := paperID(arg)
		if !model.IsArxivID(id) {
			failed = append(failed, fmt.Sprintf("%q is not an arXiv id (like 2407.21783)", arg))
			continue
		}
		p, err := src.Paper(ctx, id)
		if ctx.Err() != nil {
			return interrupted()
		}
		if err != nil {
			// Already bookmarked: the saved record stands when no newer one
			// can be had.
			if old, ok := saved[id]; ok {
				papers = append(papers, old)
				continue
			}
			failed = append(failed, fmt.Sprintf("cannot bookmark %s: %v", id, err))
			continue
		}
		papers = append(papers, p)
	}
	if len(papers) > 0 {
		added, err := b.AddTagged(papers, mark.tags, mark.note)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "bookmarked %s%s%s\n", count(added, "new paper"), alreadyNote(len(papers)-added), mark.describe())
	}
	if len(failed) > 0 {
		return errors.New(strings.Join(failed, "; "))
	}
	return nil
}

func newBookmarksRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID…",
		Short: "Remove bookmarks",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, list, err := readBookmarks()
			if err != nil {
				return err
			}
			have := map[string]bool{}
			for _, bm := range list {
				have[bm.Paper.ID] = true
			}
			var ids, missing []string
			for _, arg := range args {
				if id := paperID(arg); have[id] {
					ids = append(ids, id)
				} else {
					missing = append(missing, arg)
				}
			}
			if len(ids) > 0 {
				removed, err := b.Remove(ids...)
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "removed %s\n", count(removed, "bookmark"))
			}
			if len(missing) > 0 {
				return fmt.Errorf("not bookmarked: %s", strings.Join(missing, ", "))
			}
			return nil
		},
	}
}

func newBookmarksTagCmd() *cobra.Command {
	var add, remove []string
	cmd := &cobra.Command{
		Use:   "tag ID… [--add TAG]… [--remove TAG]…",
		Short: "Add tags to bookmarks or remove them",
		Long: `Add tags to bookmarked papers or remove them (a tag is removed whatever its
case). Repeat --add and --remove, or separate tags with commas. An id that is
not bookmarked, or a tag to remove that a bookmark does not carry, is named on
stderr and the status is 1; the other changes are made.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(add) == 0 && len(remove) == 0 {
				return errors.New("nothing to do: give --add TAG or --remove TAG")
			}
			b, err := openBookmarks()
			if err != nil {
				return err
			}
			ids := make([]string, len(args))
			for i, arg := range args {
				ids[i] = paperID(arg)
			}
			r, err := b.Retag(ids, add, remove)
			if err != nil {
				return err
			}
			if len(r.NotBookmarked) < len(ids) {
				fmt.Fprintf(cmd.OutOrStdout(), "retagged %s\n", count(r.Changed, "bookmark"))
			}
			var problems []string
			if len(r.NotBookmarked) > 0 {
				problems = append(problems, "not bookmarked: "+termsafe.Line(strings.Join(r.NotBookmarked, ", ")))
			}
			for _, l := range r.Lacking {
				problems = append(problems, fmt.Sprintf("%s has no tag %s", termsafe.Name(l.ID), termsafe.Quote(l.Tag)))
			}
			if len(problems) > 0 {
				return errors.New(strings.Join(problems, "; "))
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&add, "add", nil, "tags to add")
	cmd.Flags().StringSliceVar(&remove, "remove", nil, "tags to remove")
	return cmd
}

func newBookmarksImportCmd() *cobra.Command {
	var tags []string
	cmd := &cobra.Command{
		Use:   "import FILE [--tag TAG]…",
		Short: "Bookmark every paper of a file",
		Long: `Bookmark every paper of a file that 'paperdeck list' reads (a saved page,
an API response, --json output, copied page text, an arXiv feed) or of a
bookmarks export ('bookmarks list --json', or a bookmarks.json), whose times,
tags and notes are kept. Papers already bookmarked keep theirs. --tag tags
every paper of the file.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := openBookmarks()
			if err != nil {
				return err
			}
			in, skipNote, err := readImport(args[0])
			if err != nil {
				return err
			}
			if skipNote != "" {
				fmt.Fprintln(cmd.ErrOrStderr(), "paperdeck:", skipNote)
			}
			for i := range in {
				in[i].Tags = append(in[i].Tags, tags...)
			}
			added, err := b.Import(in)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %s from %s: %d new%s%s\n",
				count(len(in), "paper"), termsafe.Name(args[0]), added, alreadyNote(len(in)-added), bookmarkMarks{tags: tags}.describe())
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&tags, "tag", nil, "tag every paper of the file (repeat, or separate with commas)")
	return cmd
}

// maxImportMeta bounds the second read of an import for its tags and notes.
const maxImportMeta = 256 << 20

// readImport reads the papers of any file paperdeck reads, with the
// times, tags and notes of a bookmarks export.
func readImport(path string) (in []store.Bookmark, skipNote string, err error) {
	l, err := feed.ParseFile(path) // sanitises every record
	if err != nil {
		return nil, "", err
	}
	meta := map[string]store.Bookmark{}
	// A second read only of a regular file: a FIFO was consumed above.
	if data, err := localfile.Read(path, maxImportMeta); err == nil {
		if saved, err := store.ParseBookmarks(data); err == nil {
			for _, bm := range saved {
				meta[bm.Paper.ID] = bm
			}
		}
	}
	in = make([]store.Bookmark, 0, len(l.Papers))
	for _, p := range l.Papers {
		bm := store.Bookmark{Paper: p}
		if m, ok := meta[p.ID]; ok {
			bm.Added, bm.Tags, bm.Note = m.Added, m.Tags, m.Note
			bm = cleanMarks(bm)
		}
		in = append(in, bm)
	}
	return in, l.SkipNote(), nil
}

// cleanBookmarks cleans what bookmarks.json holds as any input before it
// is printed: the file may have been edited by hand.
func cleanBookmarks(list []store.Bookmark) {
	for i := range list {
		list[i].Paper = feed.CleanPaper(list[i].Paper)
		list[i] = cleanMarks(list[i])
	}
}

// cleanMarks sanitises the tags and note of a bookmark that did not come
// through a parser (a colleague's file, or ours edited by hand).
func cleanMarks(bm store.Bookmark) store.Bookmark {
	bm.Note = termsafe.Text(bm.Note)
	tags := make([]string, len(bm.Tags))
	for i, t := range bm.Tags {
		tags[i] = termsafe.Line(t)
	}
	bm.Tags = tags
	return bm
}

var exportFormats = map[string]func(io.Writer, []store.Bookmark) error{
	"bibtex": store.WriteBookmarksBibTeX,
	"json":   store.WriteBookmarksJSON,
	"markdown": func(w io.Writer, list []store.Bookmark) error {
		return store.WriteBookmarksMarkdown(w, "Bookmarks", list)
	},
}

func newBookmarksExportCmd() *cobra.Command {
	var format, tag string
	cmd := &cobra.Command{
		Use:   "export [--format bibtex|markdown|json] [--tag TAG]",
		Short: "Print the bookmarked papers as BibTeX, Markdown or JSON",
		Long: `Print the bookmarked papers, newest first, to stdout: BibTeX @misc entries
(the default) with the tags as keywords and the note as note, a Markdown
digest with the tags and note under each paper, or JSON paper records as
'paperdeck list --json' prints them with "added", "tags" and "note" (which
'bookmarks import' reads back whole). --tag exports only the bookmarks with
that tag.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			write, ok := exportFormats[format]
			if !ok {
				return fmt.Errorf("unknown format %q: use bibtex, markdown or json", format)
			}
			list, err := readTagged(tag)
			if err != nil {
				return err
			}
			cleanBookmarks(list)
			out := bufio.NewWriter(cmd.OutOrStdout())
			if err := write(out, list); err != nil {
				return err
			}
			return out.Flush()
		},
	}
	cmd.Flags().StringVar(&format, "format", "bibtex", "bibtex, markdown or json")
	cmd.Flags().StringVar(&tag, "tag", "", "only the bookmarks with this tag")
	return cmd
}

// paperID accepts what people paste: an id, arXiv:ID, or the paper's
// huggingface.co/papers, arxiv.org/abs or arxiv.org/pdf URL.
func paperID(arg string) string {
	if id, ok := feed.PaperID(arg); ok {
		return id
	}
	return strings.TrimSpace(arg) // a title key, or not an id at all
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func alreadyNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d already bookmarked)", n)
}
