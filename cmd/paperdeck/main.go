// Command paperdeck reads research-paper feeds (Hugging Face Daily Papers,
// arXiv) in the terminal. main only parses flags and wires the parts.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

func main() {
	defer crashed() // a bug: a crash log and one line, never a stack trace
	// Every command but the reader prints through the cleaner, to a
	// terminal, file or pipe alike (see cleanOutput).
	out, errOut := newCleanOutput(os.Stdout), newCleanOutput(os.Stderr)
	root := newRootCmd()
	root.SetOut(out)
	root.SetErr(errOut)
	err := root.Execute()
	out.Flush()
	if err != nil {
		fmt.Fprintln(errOut, "paperdeck:", err)
	}
	errOut.Flush()
	if err != nil {
		os.Exit(exitCode(err))
	}
}

func newRootCmd() *cobra.Command {
	var sel selectors
	root := &cobra.Command{
		Use:   "paperdeck [SOURCE]",
		Short: "Read Hugging Face Daily Papers and arXiv in the terminal",
		Long: `paperdeck is a full-screen terminal reader for research-paper feeds.

With no argument it opens the latest Hugging Face daily list. SOURCE may be a
local file (a saved page, an API response, paperdeck's own --json output, a
copied page text) or a huggingface.co/papers/… or arxiv.org/… URL.`,
		Args:          cobra.MaximumNArgs(1),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTUI(cmd, sel, args)
		},
	}
	sel.register(root)
	root.AddCommand(newListCmd(), newBookmarksCmd(), newReadCmd(), newCacheCmd())
	root.AddCommand(newConfigCmd())
	root.AddCommand(newManCmd())
	addConfigFlag(root)
	addDisplayFlags(root)
	setVersion(root)
	addCompletions(root)
	markUsageErrors(root)
	return root
}
