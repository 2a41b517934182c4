package ui

import (
	"strings"

	"github.com/paperdeck/paperdeck/model"
)

// Links in the detail and the link picker are OSC 8 hyperlinks where the
// terminal shows them (a click opens them). They are added after the
// frame's gate, and only around the exact text of the shown paper's own
// links that CheckURL accepts: a URL cut by a line break or by "…" stays
// plain text rather than linking somewhere else.

// TerminalHasHyperlinks reports whether a terminal, by its TERM, is one
// that shows OSC 8 links or ignores them quietly (the Linux console and
// the old hardware terminals print them).
func TerminalHasHyperlinks(term string) bool {
	switch {
	case term == "", term == "dumb", term == "linux", strings.HasPrefix(term, "vt"),
		term == "ansi", strings.HasPrefix(term, "cons"):
		return false
	}
	return true
}

// linkTargets are the links that may go into a hyperlink, by their text
// on screen: accepted by CheckURL, printable ASCII as written and as
// checked (nothing to escape in OSC 8). A click opens what enter would:
// the checked URL (http://dx.doi.org/… opens over https).
func linkTargets(links []model.Link) map[string]string {
	out := make(map[string]string, len(links))
	for _, l := range links {
		if u, err := CheckURL(l.URL); err == nil && isURLText(l.URL) && isURLText(u) {
			out[l.URL] = u
		}
	}
	return out
}

func isURLText(s string) bool {
	for i := 0; i < len(s); i++ {
		if !urlByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// urlByte is a byte a URL may hold as written in text.
func urlByte(c byte) bool {
	return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '`'
}

// hyperlink wraps every whole occurrence of a URL of links in frame (not
// a part of a longer URL) in an OSC 8 hyperlink to its target.
func hyperlink(frame string, links map[string]string) string {
	if len(links) == 0 || !strings.Contains(frame, "://") {
		return frame
	}
	var b strings.Builder
	rest := frame
	for {
		i := strings.Index(rest, "http")
		if i < 0 {
			break
		}
		j := i
		for j < len(rest) && urlByte(rest[j]) {
			j++
		}
		start := i == 0 || !urlByte(rest[i-1]) || endsWithSGR(rest[:i])
		if u, ok := links[rest[i:j]]; start && ok {
			b.WriteString(rest[:i])
			b.WriteString("\x1b]8;;" + u + "\x1b\\" + rest[i:j] + "\x1b]8;;\x1b\\")
		} else {
			b.WriteString(rest[:j])
		}
		rest = rest[j:] // j > i: "http" is URL text
	}
	b.WriteString(rest)
	return b.String()
}

// shownLinks are the URLs on screen that may become hyperlinks: the
// detail's paper's, or the picker's.
func (m *App) shownLinks() map[string]string {
	if !m.opts.Hyperlinks || m.opts.Comforts.ASCII {
		return nil
	}
	switch {
	case m.focus.is(focusPicker):
		// The rows on screen only: a full text's L lists hundreds of links,
		// and each is checked again every frame.
		return linkTargets(m.picker.Shown())
	case m.focus.is(focusDetail) || m.size.wide() && (m.focus.is(focusList) || m.focus.is(focusDetail)):
		if p, ok := m.detail.Paper(); ok {
			return linkTargets(p.AllLinks())
		}
	}
	return nil
}

// endsWithSGR reports whether s ends with a style sequence (ESC [ … m), so
// what follows starts a word on screen.
func endsWithSGR(s string) bool {
	if !strings.HasSuffix(s, "m") {
		return false
	}
	i := strings.LastIndexByte(s, 0x1b)
	if i < 0 || i+1 >= len(s) || s[i+1] != '[' {
		return false
	}
	for _, c := range []byte(s[i+2 : len(s)-1]) {
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}
