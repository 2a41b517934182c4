package main

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/paperdeck/paperdeck/feed"
)

// Exit statuses, listed in the README: scripts tell "no papers for this
// request" from a typo in the command line.
const (
	exitFailed      = 1   // anything else: an unreadable file, a damaged bookmarks file
	exitUsage       = 2   // a bad flag, argument or selector
	exitNoData      = 3   // the listing asked for could be had neither from its source nor from the cache
	exitInterrupted = 130 // Ctrl-C
)

// exitError carries a specific exit status through cobra.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

func usageError(err error) error { return exitError{exitUsage, err} }

// interrupted is the error of a command stopped by Ctrl-C.
func interrupted() error { return exitError{exitInterrupted, errInterrupted} }

// markUsageErrors makes a bad flag or argument count of any command exit
// with exitUsage.
func markUsageErrors(root *cobra.Command) {
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError(err) })
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if check := c.Args; check != nil {
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return usageError(err)
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// exitCode is the status an error ends the process with.
func exitCode(err error) int {
	var ee exitError
	var nd *feed.NoDataError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &nd):
		return exitNoData
	}
	return exitFailed
}
