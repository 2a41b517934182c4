package ui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Checks shared by the hostile-input, size and width tests: what a frame
// may hold, how wide its lines are, and which bytes may reach a terminal.

// frameProblem says what in a View's content could act on a terminal: any
// escape sequence but SGR, a C0 control but newline, DEL, a C1 control
// (as a rune or a raw byte), invalid UTF-8, a bidi override or another
// invisible format character. "" when the frame is clean.
func frameProblem(content string) string {
	for i := 0; i < len(content); {
		c := content[i]
		switch {
		case c == 0x1b:
			j := i + 1
			if j < len(content) && content[j] == '[' {
				j++
				for j < len(content) && (content[j] >= '0' && content[j] <= '9' || content[j] == ';' || content[j] == ':') {
					j++
				}
				if j < len(content) && content[j] == 'm' {
					i = j + 1
					continue
				}
			}
			return fmt.Sprintf("a non-SGR escape sequence at byte %d: %q", i, content[i:min(len(content), i+16)])
		case c == '\n' || c >= 0x20 && c < 0x7f:
			i++
		case c < 0x80:
			return fmt.Sprintf("control byte %#x at byte %d", c, i)
		default:
			r, size := utf8.DecodeRuneInString(content[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				return fmt.Sprintf("invalid UTF-8 byte %#x at byte %d", c, i)
			case r >= 0x80 && r <= 0x9f:
				return fmt.Sprintf("C1 control U+%04X at byte %d", r, i)
			case unicode.Is(unicode.Bidi_Control, r):
				return fmt.Sprintf("bidi control U+%04X at byte %d", r, i)
			case unicode.Is(unicode.Cf, r) && r != '\u200d' && r != '\u200c':
				return fmt.Sprintf("invisible format character U+%04X at byte %d", r, i)
			}
			i += size
		}
	}
	return ""
}

// checkFrame fails when a frame holds anything but text and SGR, or does
// not fit a w×h terminal by either of Bubble Tea's width methods.
func checkFrame(t *testing.T, label, content string, w, h int) {
	t.Helper()
	if p := frameProblem(content); p != "" {
		t.Errorf("%s: the frame holds %s", label, p)
	}
	if msg := fitProblem(content, w, h); msg != "" {
		t.Errorf("%s: %s", label, msg)
	}
}

// fitProblem says how a frame overflows a w×h terminal, counting cells
// the way Bubble Tea's renderer does: by wcwidth, or by grapheme cluster
// once the terminal reports Unicode core mode (2027). "" when it fits.
func fitProblem(content string, w, h int) string {
	if content == "" {
		return ""
	}
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		return fmt.Sprintf("%d lines drawn on a %d×%d terminal", len(lines), w, h)
	}
	for i, l := range lines {
		for _, m := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
			if got := m.StringWidth(l); got > w {
				return fmt.Sprintf("line %d is %d cells wide by %s on a %d×%d terminal: %q",
					i, got, methodName(m), w, h, ansi.Strip(l))
			}
		}
	}
	return ""
}

func methodName(m ansi.Method) string {
	if m == ansi.WcWidth {
		return "wcwidth"
	}
	return "grapheme"
}

// syncBuffer is a terminal's output for a tea.Program run in a test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// termSeq is one control sequence in a terminal's byte stream.
type termSeq struct {
	at   int
	kind string // "CSI", "OSC", "DCS", "ESC", "C0", "C1", "bad UTF-8"
	body string // everything after the introducer, terminator excluded
}

// scanTerminal splits what a program wrote to the terminal into its
// control sequences, as a terminal's parser would read them.
func scanTerminal(out string) []termSeq {
	var seqs []termSeq
	for i := 0; i < len(out); {
		c := out[i]
		switch {
		case c == 0x1b && i+1 < len(out) && out[i+1] == '[':
			j := i + 2
			for j < len(out) && (out[j] < 0x40 || out[j] > 0x7e) {
				j++
			}
			j = min(j, len(out)-1)
			seqs = append(seqs, termSeq{i, "CSI", out[i+2 : j+1]})
			i = j + 1
		case c == 0x1b && i+1 < len(out) && strings.IndexByte("]P_^X", out[i+1]) >= 0:
			kind := map[byte]string{']': "OSC", 'P': "DCS", '_': "APC", '^': "PM", 'X': "SOS"}[out[i+1]]
			j, end := i+2, len(out)
			for ; j < len(out); j++ {
				if out[j] == 0x07 {
					end = j + 1
					break
				}
				if out[j] == 0x1b && j+1 < len(out) && out[j+1] == '\\' {
					end = j + 2
					break
				}
			}
			seqs = append(seqs, termSeq{i, kind, out[i+2 : min(j, len(out))]})
			i = end
		case c == 0x1b:
			seqs = append(seqs, termSeq{i, "ESC", out[i+1 : min(i+2, len(out))]})
			i += 2
		case c < 0x20 || c == 0x7f:
			if c != '\r' && c != '\n' {
				seqs = append(seqs, termSeq{i, "C0", string(c)})
			}
			i++
		case c < 0x80:
			i++
		default:
			r, size := utf8.DecodeRuneInString(out[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				seqs = append(seqs, termSeq{i, "bad UTF-8", string(c)})
			case r <= 0x9f:
				seqs = append(seqs, termSeq{i, "C1", string(r)})
			}
			i += size
		}
	}
	return seqs
}

// rendererSeq reports whether s is one Bubble Tea's renderer makes on its
// own, whatever the model's text: SGR; cursor moves; erasing a line, some
// characters, or the screen right after homing the cursor (its full
// redraw); inserting and deleting lines; scrolling; the modes it sets
// (cursor, alternate screen, bracketed paste, mouse, synchronised output,
// Unicode core, focus, kitty keyboard) and its queries; ESC M (reverse
// index), ESC 7/8 and the keypad modes. The one OSC it may send is the
// background colour query; OSC 52 (our copy command) is checked apart.
func rendererSeq(out string, s termSeq) bool {
	switch s.kind {
	case "CSI":
		body := s.body
		if body == "" {
			return false
		}
		final, params := body[len(body)-1], body[:len(body)-1]
		numeric := strings.Trim(params, "0123456789;:") == ""
		switch {
		case final == 'm' && numeric:
			return true
		case strings.IndexByte("ABCDEFGHdf`KXLMSTr@P", final) >= 0 && numeric:
			return true
		case final == 'J' && (params == "" || params == "0" || params == "1"):
			return true
		case final == 'J' && params == "2":
			return strings.HasSuffix(out[:s.at], "\x1b[H")
		case (final == 'h' || final == 'l') && strings.HasPrefix(params, "?"):
			for _, mode := range strings.Split(params[1:], ";") {
				switch mode {
				case "25", "1049", "2004", "1000", "1002", "1003", "1006", "2026", "2027", "1004", "7":
				default:
					return false
				}
			}
			return true
		case final == 'p' && strings.HasPrefix(params, "?") && strings.HasSuffix(params, "$"):
			return true // DECRQM: asks which modes the terminal knows
		case final == 'u' && (params == "" || strings.Trim(params, "<>=?0123456789;") == ""):
			return true // kitty keyboard protocol
		case final == 'c' || final == 'n':
			return numeric || strings.Trim(params, "?>0123456789;") == ""
		}
		return false
	case "ESC":
		return s.body == "M" || s.body == "7" || s.body == "8" || s.body == "=" || s.body == ">"
	case "OSC":
		return s.body == "11;?" || s.body == "10;?"
	}
	return false
}

// clipboardText decodes an OSC 52 write; ok is false for anything else.
func clipboardText(s termSeq) (string, bool) {
	if s.kind != "OSC" || !strings.HasPrefix(s.body, "52;") {
		return "", false
	}
	_, payload, _ := strings.Cut(s.body[3:], ";")
	text, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		return "(undecodable " + payload + ")", true
	}
	return string(text), true
}
