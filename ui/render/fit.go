package render

import (
	"strings"
	"unicode/utf8"

	"github.com/paperdeck/paperdeck/internal/cellwidth"
)

// fit shapes cleaned glamour output for a pane width columns wide: the
// padding glamour adds to every line goes (a line is often more SGR codes
// than text), blank lines at either end go, and every line is wrapped by
// the panes' one wrap (cellwidth.Wrap: at spaces, keeping the margin and
// the colours), then cut, so no line is ever wider than width.
func fit(s string, width int) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		for _, w := range cellwidth.Wrap(trimPadding(l), width) {
			out = append(out, cellwidth.Fit(w, width, ""))
		}
	}
	blank := func(l string) bool { return cellwidth.Of(l) == 0 }
	for len(out) > 0 && blank(out[0]) {
		out = out[1:]
	}
	for len(out) > 0 && blank(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	for i, l := range out {
		if blank(l) {
			out[i] = "" // a blank line needs no colour codes
		}
	}
	return strings.Join(out, "\n")
}

// trimPadding drops the trailing spaces of a line that nothing makes
// visible (a space with a background, reverse video, underline or
// strike-through shows, so it stays), and the codes around them.
func trimPadding(l string) string {
	var st sgrState
	keep := 0
	for i := 0; i < len(l); {
		if l[i] == 0x1b && i+1 < len(l) && l[i+1] == '[' {
			end := cellwidth.SGREnd(l, i)
			st.apply(strings.TrimSuffix(l[i+2:end], "m"))
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(l[i:])
		if r != ' ' || st.visibleSpace() {
			keep = i + size
		}
		i += size
	}
	if keep == len(l) {
		return l
	}
	t := l[:keep]
	if strings.Contains(t, "\x1b[") && !strings.HasSuffix(t, "\x1b[m") && !strings.HasSuffix(t, "\x1b[0m") {
		t += "\x1b[m" // what was cut may have held the reset
	}
	return t
}

// sgrState follows the attributes that make a blank cell visible.
type sgrState struct {
	background, reverse, underline, strike bool
}

func (st *sgrState) visibleSpace() bool {
	return st.background || st.reverse || st.underline || st.strike
}

func (st *sgrState) apply(params string) {
	ps := strings.Split(params, ";")
	for j := 0; j < len(ps); j++ {
		p := ps[j]
		switch {
		case p == "" || p == "0":
			*st = sgrState{}
		case p == "7":
			st.reverse = true
		case p == "27":
			st.reverse = false
		case p == "4" || p == "21" || strings.HasPrefix(p, "4:"):
			st.underline = p != "4:0"
		case p == "24":
			st.underline = false
		case p == "9":
			st.strike = true
		case p == "29":
			st.strike = false
		case p == "49":
			st.background = false
		case p == "38" || p == "48" || p == "58":
			// Extended colour: skip its arguments so 38;5;48 is not read
			// as a background.
			if p == "48" {
				st.background = true
			}
			if j+1 < len(ps) && ps[j+1] == "5" {
				j += 2
			} else if j+1 < len(ps) && ps[j+1] == "2" {
				j += 4
			}
		case strings.HasPrefix(p, "48:"):
			st.background = true
		case len(p) == 2 && p[0] == '4' && p[1] >= '0' && p[1] <= '7',
			len(p) == 3 && p[:2] == "10" && p[2] >= '0' && p[2] <= '7':
			st.background = true
		}
	}
}
