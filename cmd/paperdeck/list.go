package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newListCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "list [SOURCE]",
		Short: "Print a listing without the TUI",
		RunE:  func(*cobra.Command, []string) error { return errors.New("not built yet") },
	}
}
