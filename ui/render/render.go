package render

import (
	"fmt"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
)

// Style is the look of the rendered detail.
type Style string

const (
	StyleDark  Style = "dark"
	StyleLight Style = "light"
	StyleNoTTY Style = "notty" // no colour: NO_COLOR, pipes, tests
	// Any absolute path is a glamour style file (JSON): the config's theme.
)

// Paper renders the detail of p for a pane width columns wide. The result
// holds no line wider than width, and no escape sequence other than SGR.
// A width below 1 gives "" (the pane has not been sized yet). Rendering
// takes a few milliseconds: call it from a tea.Cmd, and keep the result in
// a Cache.
func Paper(p model.Paper, width int, style Style) (string, error) {
	return Document(Markdown(p), width, style)
}

// Document renders Markdown written by paperdeck (the full text's parts,
// whose every text is escaped) like Paper: no line wider than width, no
// escape sequence but SGR.
func Document(md string, width int, style Style) (string, error) {
	if width < 1 {
		return "", nil
	}
	r, err := renderers.get(style)
	if err != nil {
		return "", err
	}
	out, err := r.render(md)
	if err != nil {
		// No text of the paper in the message: it is untrusted, and the
		// caller shows errors in the status bar.
		return "", fmt.Errorf("markdown renderer: %w", err)
	}
	return fit(termsafe.Styled(out), width), nil
}

func styleConfig(style Style) (ansi.StyleConfig, error) {
	switch style {
	case StyleDark:
		return styles.DarkStyleConfig, nil
	case StyleLight:
		return styles.LightStyleConfig, nil
	case StyleNoTTY:
		return styles.NoTTYStyleConfig, nil
	}
	if isStyleFile(style) {
		return styleFile(string(style))
	}
	return ansi.StyleConfig{}, fmt.Errorf("unknown detail style %q (want dark, light or notty)", style)
}

// A glamour TermRenderer costs far more to build than to use, and keeps
// state while it renders: one per style, used by one goroutine at a time.
// It does not wrap (fit does, at spaces only, keeping the margin), so one
// serves every width.
type termRenderer struct {
	mu sync.Mutex
	tr *glamour.TermRenderer
}

func (r *termRenderer) render(md string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.tr.Render(md)
}

// rendererPool holds the renderers in use. Every style file is a style,
// so the pool is emptied when it grows past maxRenderers; a renderer
// still in use by a caller stays valid.
type rendererPool struct {
	mu sync.Mutex
	m  map[Style]*termRenderer
}

const maxRenderers = 32

// renderers is a cache shared by every caller of Paper; it holds nothing a
// caller configures.
var renderers = &rendererPool{m: map[Style]*termRenderer{}}

func (p *rendererPool) get(style Style) (*termRenderer, error) {
	key := style
	p.mu.Lock()
	defer p.mu.Unlock()
	if r, ok := p.m[key]; ok {
		return r, nil
	}
	cfg, err := styleConfig(style)
	if err != nil {
		return nil, err
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(cfg), glamour.WithWordWrap(0))
	if err != nil {
		return nil, fmt.Errorf("building the %s renderer: %w", style, err)
	}
	if len(p.m) >= maxRenderers {
		clear(p.m)
	}
	r := &termRenderer{tr: tr}
	p.m[key] = r
	return r, nil
}
