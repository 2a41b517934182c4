package main

import (
	"os"

	"github.com/spf13/cobra"
)

// displayOptions are how the reader draws, whatever the config file says.
type displayOptions struct {
	NoColor bool // no colour sequences at all (--no-color or NO_COLOR)
	ASCII   bool // no non-ASCII glyphs, for terminals without Unicode
}

// addDisplayFlags gives every command --no-color and --ascii.
func addDisplayFlags(root *cobra.Command) {
	pf := root.PersistentFlags()
	pf.Bool("no-color", false, "no colours (also when NO_COLOR is set)")
	pf.Bool("ascii", false, "draw with ASCII only, for terminals without Unicode")
}

// displayOptionsOf reads the flags of the command being run. NO_COLOR
// counts when set to anything but "" (no-color.org).
func displayOptionsOf(cmd *cobra.Command) displayOptions {
	noColor, _ := cmd.Flags().GetBool("no-color")
	ascii, _ := cmd.Flags().GetBool("ascii")
	return displayOptions{
		NoColor: noColor || os.Getenv("NO_COLOR") != "",
		ASCII:   ascii,
	}
}
