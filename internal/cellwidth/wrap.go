package cellwidth

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Wrap breaks one line of terminal text (plain, or styled with SGR codes)
// to fit width cells: the one wrap of the panes' plain text, the
// renderer's styled Markdown and (as a Layout) the full text's plain
// text. The line's leading blanks are its margin: every line keeps it,
// and text stops as many cells short of the right edge. Lines break at
// spaces only, so a URL that fits on a line of its own starts one instead
// of being cut at a '.' or '-', and "tasks -- a phenomenon" keeps its
// dashes together; only a word wider than a whole line is cut, its pieces
// reaching the right edge. A line that fits comes back as it is; the
// colours open at a break go on with the next line.
func Wrap(l string, width int) []string { return Layout{}.Wrap(l, width) }

// Layout is how Wrap lays out what goes past the first line.
type Layout struct {
	// Hang: the lines after the first start this many cells further in
	// than the margin (a list item's words under its bullet's text, a
	// reference's under its number).
	Hang int
	// Overflow: a word wider than a line is kept whole on a line of its
	// own, past the right edge, rather than cut (plain text for pipes,
	// where a URL must stay one piece).
	Overflow bool
}

// Wrap is Wrap laid out as o says.
func (o Layout) Wrap(l string, width int) []string {
	head, body, indent := splitIndent(l)
	if indent*2 >= width {
		// A margin this wide leaves no room for text: break anywhere.
		if Of(l) <= width || o.Overflow {
			return []string{l}
		}
		return strings.Split(ansi.HardwrapWc(l, width, true), "\n")
	}
	first := width - 2*indent
	if Of(l)-indent <= first { // the whole line's width is the one Fit remembers
		return []string{l}
	}
	hang := o.Hang
	if hang >= first {
		hang = 0 // no room to hang: the later lines start at the margin
	}
	later := first - hang
	if strings.Contains(body, "  ") || strings.HasSuffix(body, " ") {
		body = strings.Join(splitWords(body), " ")
	}
	// Words are now one space apart: a line is a piece of body (from
	// lineStart) unless it starts with the cut end of a long word.
	var raw []string
	line, lineW, lineStart := "", 0, -1
	for i := 0; i < len(body); {
		start, end := i, wordEnd(body, i)
		i = end + 1
		word := body[start:end]
		ww := Of(word)
		limit := first
		if len(raw) > 0 {
			limit = later
		}
		if lineW > 0 && lineW+1+ww <= limit {
			if lineStart >= 0 {
				line = body[lineStart:end]
			} else {
				line += " " + word
			}
			lineW += 1 + ww
			continue
		}
		if lineW > 0 {
			raw = append(raw, line)
			limit = later
		}
		lineStart = start
		if ww > limit && !o.Overflow {
			// Even its own line is too narrow for it: the last piece
			// starts the next line.
			room := width - indent - hang
			pieces := strings.Split(ansi.Hardwrap(word, room, false), "\n")
			for i, p := range pieces {
				pieces[i] = Fit(p, room, "")
			}
			raw = append(raw, pieces[:len(pieces)-1]...)
			word, ww, lineStart = pieces[len(pieces)-1], Of(pieces[len(pieces)-1]), -1
		}
		line, lineW = word, ww
	}
	raw = append(raw, line)

	pad := strings.Repeat(" ", indent+hang)
	out := make([]string, len(raw))
	var open sgrCodes
	open.follow(head)
	for i, r := range raw {
		prefix := head
		if i > 0 {
			prefix = pad + open.String()
		}
		open.follow(r)
		if len(open) > 0 && i < len(raw)-1 {
			r += "\x1b[m" // closed here, opened again on the next line
		}
		out[i] = prefix + r
	}
	return out
}

// splitIndent parts a line into its leading blanks (with any codes among
// them), the rest, and how many cells the blanks take.
func splitIndent(l string) (head, body string, indent int) {
	for i := 0; i < len(l); {
		switch {
		case l[i] == ' ':
			indent++
			i++
		case l[i] == 0x1b && i+1 < len(l) && l[i+1] == '[':
			i = SGREnd(l, i)
		default:
			return l[:i], l[i:], indent
		}
	}
	return l, "", indent
}

// wordEnd is the index of the space (outside escape sequences) that ends
// the word starting at s[i], or len(s).
func wordEnd(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[':
			i = SGREnd(s, i)
		case s[i] == ' ':
			return i
		default:
			i++
		}
	}
	return len(s)
}

// splitWords splits at the spaces outside escape sequences.
func splitWords(s string) []string {
	var words []string
	start := 0
	for i := 0; i < len(s); {
		switch {
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[':
			i = SGREnd(s, i)
		case s[i] == ' ':
			if i > start {
				words = append(words, s[start:i])
			}
			i++
			start = i
		default:
			i++
		}
	}
	if start < len(s) {
		words = append(words, s[start:])
	}
	return words
}

// SGREnd is the index after the SGR sequence starting at s[i] (in text
// cleaned by internal/termsafe every sequence is an SGR ending at its
// 'm').
func SGREnd(s string, i int) int {
	end := i + 2
	for end < len(s) && s[end] != 'm' {
		end++
	}
	return min(end+1, len(s))
}

// sgrCodes are the SGR sequences in force since the last reset; written
// again in order they restore the pen.
type sgrCodes []string

func (c *sgrCodes) follow(s string) {
	for i := 0; i < len(s); {
		if s[i] != 0x1b || i+1 >= len(s) || s[i+1] != '[' {
			i++
			continue
		}
		end := SGREnd(s, i)
		seq := s[i:end]
		params := strings.TrimSuffix(seq[2:], "m")
		if params == "" || params == "0" || strings.HasPrefix(params, "0;") {
			*c = (*c)[:0]
		}
		if params != "" && params != "0" {
			*c = append(*c, seq)
		}
		i = end
	}
}

func (c sgrCodes) String() string { return strings.Join(c, "") }
