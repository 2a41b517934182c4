package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/paperdeck/paperdeck/config"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/paperdeck/paperdeck/ui"
)

// runTUI opens the reader on the listing the selectors or SOURCE name,
// else on the config file's view.
func runTUI(cmd *cobra.Command, sel selectors, args []string) error {
	req, err := sel.request(args)
	if err != nil {
		return usageError(err)
	}
	// The screen is the reader's: --verbose has nowhere to write while it runs.
	client, err := sel.newClient(io.Discard)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	cfg, warns := loadConfig(cmd)
	display := displayOptionsOf(cmd)
	if req.Period.Kind == model.Latest && !sel.demo {
		req.Period = cfg.StartPeriod(time.Now())
	}
	opts := ui.Options{
		Feed:     client,
		Start:    req,
		Open:     ui.BrowserOpener(browserCommand(cfg)),
		NoColor:  display.NoColor,
		Comforts: comforts(cfg, display, warns),
		Context:  ctx,
		CrashDir: ui.DefaultCrashDir(),
		// Clickable links where the terminal shows OSC 8 ones.
		Hyperlinks: ui.TerminalHasHyperlinks(os.Getenv("TERM")),
		RankDir:    rankCacheDir(),
		CatalogDir: cacheDir(),
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
	programOpts := []tea.ProgramOption{tea.WithContext(ctx)}
	if display.NoColor {
		// Belt and braces: the renderer strips any colour that slips through.
		programOpts = append(programOpts, tea.WithColorProfile(colorprofile.Ascii))
	} else {
		// lipgloss detected the terminal's colours when the program started
		// (in tmux that runs `tmux info`): detecting again would delay the
		// first frame by as much.
		programOpts = append(programOpts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	_, err = tea.NewProgram(app, programOpts...).Run()
	// The status bar showed the first; the screen is gone, so say them all.
	for _, w := range warns {
		fmt.Fprintln(cmd.ErrOrStderr(), "paperdeck:", w)
	}
	if log, crashed := app.CrashLog(); crashed {
		if log == "" {
			return errors.New("hit a bug and stopped (the crash log could not be written)")
		}
		return fmt.Errorf("hit a bug and stopped; please report it with the crash log %s", log)
	}
	// A bookmark change that did not reach the file (q waited for it, or
	// ctrl+c did not): said here, where it stays, and the status is 1.
	if unsaved := app.Unsaved(); unsaved != nil {
		return exitError{exitFailed, unsaved} // each says what was not saved
	}
	if errors.Is(err, tea.ErrInterrupted) || errors.Is(err, context.Canceled) {
		return interrupted()
	}
	return err
}

// browserCommand is the config's browser, else $BROWSER ("" leaves it to
// the system's opener).
func browserCommand(cfg config.Config) string {
	if cfg.Browser != "" {
		return cfg.Browser
	}
	return os.Getenv("BROWSER")
}

// comforts hands the reader what the config file and the display flags
// say about it.
func comforts(cfg config.Config, display displayOptions, warns []config.Warning) ui.Comforts {
	c := ui.Comforts{
		Keys:            cfg.Keys,
		Theme:           cfg.Theme,
		ArxivCategories: cfg.ArxivCategories,
		DateFormat:      cfg.FormatDate,
		NoMouse:         !cfg.Mouse,
		ASCII:           display.ASCII,
	}
	for _, w := range warns {
		c.Notices = append(c.Notices, w.String())
	}
	return c
}
