package ui

import (
	"strconv"
	"strings"
)

// withoutColour drops the colour parameters of every SGR sequence of a
// screen (NO_COLOR, --no-color), keeping bold, faint, reverse and the
// rest: the last guard after the styles, for colours a component brings
// itself (a text input's cursor). Other escape sequences pass unchanged.
func withoutColour(s string) string {
	if !strings.Contains(s, "\x1b[") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
			j++
		}
		if j >= len(s) || s[j] != 'm' {
			// Not SGR: copy the introducer and go on.
			b.WriteString(s[:2])
			s = s[2:]
			continue
		}
		if kept, changed := sgrWithoutColour(s[2:j]); !changed {
			b.WriteString(s[:j+1])
		} else if kept != "" {
			b.WriteString("\x1b[" + kept + "m")
		}
		s = s[j+1:]
	}
}

// sgrWithoutColour filters one SGR parameter list: 30-49 and 90-107 are
// colours, 38, 48 and 58 take their colour's arguments along.
func sgrWithoutColour(params string) (string, bool) {
	if params == "" {
		return "", false
	}
	parts := strings.Split(params, ";")
	var kept []string
	changed := false
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		head, _, colon := strings.Cut(p, ":") // 38:2:r:g:b carries its arguments
		n, err := strconv.Atoi(head)
		switch {
		case err != nil:
			kept = append(kept, p)
		case (n == 38 || n == 48 || n == 58) && !colon:
			changed = true
			if i+1 < len(parts) && parts[i+1] == "5" {
				i += 2
			} else if i+1 < len(parts) && parts[i+1] == "2" {
				i += 4
			}
		case n >= 30 && n <= 49, n >= 90 && n <= 107, n == 58, n == 59:
			changed = true
		default:
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ";"), changed
}
