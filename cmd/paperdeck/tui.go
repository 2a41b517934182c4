package main

import (
	"context"
	"errors"
)

func runTUI(ctx context.Context, sel selectors, args []string) error {
	return errors.New("the TUI is not built yet")
}
