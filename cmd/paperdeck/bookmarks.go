package main

import (
	"errors"

	"github.com/spf13/cobra"
)

func newBookmarksCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "bookmarks",
		Short: "List, add, remove, import and export bookmarks",
		RunE:  func(*cobra.Command, []string) error { return errors.New("bookmarks are not built yet") },
	}
}
