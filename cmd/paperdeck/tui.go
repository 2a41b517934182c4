package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"

	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui"
)

// runTUI opens the reader on the listing the selectors or SOURCE name.
func runTUI(ctx context.Context, sel selectors, args []string) error {
	req, err := sel.request(args)
	if err != nil {
		return err
	}
	// The screen is the reader's: --verbose has nowhere to write while it runs.
	client, err := sel.newClient(io.Discard)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	opts := ui.Options{
		Feed:     client,
		Start:    req,
		Open:     ui.BrowserOpener(os.Getenv("BROWSER")),
		NoColor:  os.Getenv("NO_COLOR") != "",
		Context:  ctx,
		CrashDir: ui.DefaultCrashDir(),
		// Only for the crash test (pty_test.go): panic on the first key.
		TestPanic: os.Getenv("PAPERDECK_TEST_PANIC"),
	}
	// Without a home folder bookmarks and read marks last for the session.
	if path, err := store.BookmarksPath(); err == nil {
		opts.Bookmarks = store.OpenBookmarks(path)
	}
	if path, err := store.ReadMarksPath(); err == nil {
		opts.ReadMarks = store.OpenReadMarks(path)
	}
	app := ui.New(opts)
	_, err = tea.NewProgram(app, tea.WithContext(ctx)).Run()
	if log, crashed := app.CrashLog(); crashed {
		if log == "" {
			return errors.New("paperdeck hit a bug and stopped (the crash log could not be written)")
		}
		return fmt.Errorf("paperdeck hit a bug and stopped; please report it with %s", log)
	}
	if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, context.Canceled) {
		return exitError{130, errInterrupted}
	}
	return err
}
