package ui

import (
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/ui/pane/detail"
	"github.com/paperdeck/paperdeck/ui/render"
)

// RenderFunc turns a paper into the detail's (ANSI) text for a width and
// a style name; see detail.RenderFunc.
type RenderFunc = detail.RenderFunc

// MarkdownRender is the detail as glamour Markdown (package render).
func MarkdownRender(p model.Paper, width int, style string) (string, error) {
	return render.Paper(p, width, render.Style(style))
}
