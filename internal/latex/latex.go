// Package latex reads the LaTeX in titles, abstracts and formulas as plain
// Unicode text. It is used by the detail pane and by the full text reader,
// so it knows nothing of terminals or Markdown beyond the emphasis marks
// its caller chooses.
package latex

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/paperdeck/paperdeck/internal/mdtext"
)

// Text turns the LaTeX fragments of a title or an abstract into readable
// text: $…$, $$…$$, \(…\) and \[…\] lose their delimiters, commands become
// the characters they draw ($2\times$ → 2×, \alpha → α, \mathcal{O} → 𝒪,
// \mathbb{R} → ℝ, \frac{a}{b} → a/b, \sqrt{x} → √x), scripts use Unicode
// super- and subscripts where they exist (^2 → ², _2 → ₂), accents combine
// (\"o → ö), and \textbf{x} / \textit{x} become Markdown **x** / *x*.
//
// Outside math only the unambiguous forms are read: a ^ after a word with
// a digit or a brace (n^2), and ~ between two words (Fig.~1). "snake_case"
// and "~10%" stay as written.
func Text(s string) string {
	return TextMarked(s, "**", "*")
}

// TextMarked is Text with the caller's marks for bold and italic, for text
// that is escaped for Markdown afterwards (private-use runes survive the
// escaping and become ** and * after it).
func TextMarked(s, bold, italic string) string {
	if !strings.ContainsAny(s, "\\$^~{}`'") {
		return s
	}
	c := converter{bold: bold, italic: italic}
	return norm.NFC.String(c.convert(s, false, 0))
}

// TeXMarked is TextMarked for text whose source is TeX itself (an arXiv
// record's title or abstract), where -- between two words or numbers, or
// standing alone between spaces, is an en dash (Artin--Tits → Artin–Tits,
// 1--5 → 1–5) and --- an em dash, as TeX prints them. A -- that opens a
// word (--flag) or sits in a URL or a path stays as written.
func TeXMarked(s, bold, italic string) string {
	if !strings.ContainsAny(s, "\\$^~{}`'") && !strings.Contains(s, "--") {
		return s
	}
	c := converter{bold: bold, italic: italic, dashes: true}
	return norm.NFC.String(c.convert(s, false, 0))
}

const (
	maxDepth      = 24   // nesting deeper than any real formula: stop interpreting
	maxInlineMath = 400  // bytes between $ and $: further is prose with two prices in it
	maxBlockMath  = 4000 // bytes between $$ and $$, \( and \), \[ and \]
)

type converter struct {
	bold, italic string
	dashes       bool // -- and --- are TeX's dashes (see TeXMarked)
}

// convert reads s as text (math false) or as the inside of a formula.
func (c *converter) convert(s string, math bool, depth int) string {
	if depth > maxDepth {
		return stripTeX(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		ch := s[i]
		switch {
		case ch == '\\':
			i = c.command(s, i, math, depth, &b)
		case ch == '$' && !math:
			if out, next, ok := c.mathSpan(s, i, depth); ok {
				b.WriteString(out)
				i = next
			} else {
				b.WriteByte('$')
				i++
			}
		case ch == '^' && (math || textSuperscript(s, i)):
			i = c.script(s, i+1, depth, superscripts, "^", &b)
		case ch == '_' && math:
			i = c.script(s, i+1, depth, subscripts, "_", &b)
		case ch == '{' && (math || switchGroup(s, i)):
			end := matchBrace(s, i)
			if end < 0 {
				i++ // an unmatched brace groups nothing
				continue
			}
			b.WriteString(c.convert(s[i+1:end], math, depth+1))
			i = end + 1
		case ch == '}' && math:
			i++
		case ch == '~':
			if math || tieTilde(s, i) {
				b.WriteByte(' ')
			} else {
				b.WriteByte('~')
			}
			i++
		case ch == '-' && !math && c.dashes:
			n := 1
			for i+n < len(s) && s[i+n] == '-' {
				n++
			}
			if (n == 2 || n == 3) && texDash(s, i, i+n) {
				b.WriteString([]string{"–", "—"}[n-2])
			} else {
				b.WriteString(s[i : i+n])
			}
			i += n
		case ch == '&' && math: // alignment tab
			b.WriteByte(' ')
			i++
		case ch == '\'' && math:
			n := 0
			for i < len(s) && s[i] == '\'' {
				n++
				i++
			}
			b.WriteString([]string{"′", "″", "‴"}[min(n, 3)-1])
		case ch == '`' && !math && strings.HasPrefix(s[i:], "``"):
			b.WriteString("“")
			i += 2
		case ch == '\'' && !math && strings.HasPrefix(s[i:], "''"):
			b.WriteString("”")
			i += 2
		default:
			b.WriteByte(ch)
			i++
		}
	}
	return b.String()
}

// mathSpan reads $…$ or $$…$$ at s[i]. An inline formula follows Pandoc's
// rule: no space just inside either dollar and no digit just after the
// closing one, so "costs $5 or $10" stays prose.
func (c *converter) mathSpan(s string, i, depth int) (string, int, bool) {
	if strings.HasPrefix(s[i:], "$$") {
		rest := s[i+2:]
		end := strings.Index(rest[:min(len(rest), maxBlockMath)], "$$")
		if end <= 0 {
			return "", 0, false
		}
		return c.convert(rest[:end], true, depth+1), i + 2 + end + 2, true
	}
	if i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == '\n' || s[i+1] == '\t' {
		return "", 0, false
	}
	limit := min(len(s), i+1+maxInlineMath)
	for j := i + 2; j < limit; j++ {
		if s[j] != '$' {
			continue
		}
		if s[j-1] == '\\' {
			continue // \$ is a dollar sign inside the formula
		}
		if s[j-1] == ' ' || s[j-1] == '\n' || s[j-1] == '\t' || (j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
			continue
		}
		return c.convert(s[i+1:j], true, depth+1), j + 1, true
	}
	return "", 0, false
}

// command reads a control sequence at s[i] (a backslash) and writes what it
// stands for; it returns the index after what it consumed.
func (c *converter) command(s string, i int, math bool, depth int, b *strings.Builder) int {
	j := i + 1
	if j >= len(s) {
		return j
	}
	ch := s[j]
	if isASCIILetter(ch) {
		k := j
		for k < len(s) && isASCIILetter(s[k]) {
			k++
		}
		name := s[j:k]
		if k < len(s) && s[k] == '*' && (plainFonts[name] || name == "operatorname") {
			k++
		}
		return c.word(name, s, k, math, depth, b)
	}
	switch ch {
	case '(', '[':
		closer := `\)`
		if ch == '[' {
			closer = `\]`
		}
		rest := s[j+1:]
		if end := strings.Index(rest[:min(len(rest), maxBlockMath)], closer); end >= 0 {
			b.WriteString(c.convert(rest[:end], true, depth+1))
			return j + 1 + end + 2
		}
		b.WriteByte(ch)
		return j + 1
	case ')', ']', '!', '/', '-':
		return j + 1 // stray closers, negative space, italic correction, soft hyphen
	case ',', ';', ':', '>', ' ', '\n', '\\':
		b.WriteByte(' ')
		return j + 1
	case '|':
		b.WriteString("‖")
		return j + 1
	}
	if mark, ok := symbolAccents[ch]; ok {
		arg, next, ok := readArg(s, j+1)
		if !ok {
			return next
		}
		b.WriteString(accent(c.convert(arg, false, depth+1), mark))
		return next
	}
	// \$ \% \& \# \_ \{ \} and any other escaped character: itself.
	_, size := utf8.DecodeRuneInString(s[j:])
	b.WriteString(s[j : j+size])
	return j + size
}

// word handles a control word \name whose letters end at k.
func (c *converter) word(name, s string, k int, math bool, depth int, b *strings.Builder) int {
	argMath := math && !textArgs[name]
	arg := func(from int) (string, int, bool) {
		a, next, ok := readArg(s, from)
		if !ok {
			return "", next, false
		}
		return c.convert(a, argMath, depth+1), next, true
	}
	switch {
	case boldCmds[name] || italicCmds[name]:
		a, next, _ := arg(k)
		mark := c.bold
		if italicCmds[name] {
			mark = c.italic
		}
		mdtext.Mark(b, a, mark)
		return next
	case boldSwitch[name] || italicSwitch[name]:
		mark := c.bold
		if italicSwitch[name] {
			mark = c.italic
		}
		mdtext.Mark(b, c.convert(s[k:], math, depth+1), mark)
		return len(s) // a switch lasts to the end of its group
	case plainSwitch[name]:
		return skipSpaces(s, k)
	case name == "cal":
		// Plain TeX's {\cal L}: a switch to the end of its group, as \mathcal{L}.
		b.WriteString(mapEach(c.convert(s[skipSpaces(s, k):], math, depth+1), calligraphic))
		return len(s)
	case name == "frac" || name == "dfrac" || name == "tfrac" || name == "cfrac":
		num, next, _ := c.mathArg(s, k, depth)
		den, next, _ := c.mathArg(s, next, depth)
		b.WriteString(operand(num) + "/" + operand(den))
		return next
	case name == "sqrt":
		index, next := "", k
		if n := skipSpaces(s, k); n < len(s) && s[n] == '[' {
			if end := strings.IndexByte(s[n:], ']'); end > 0 {
				index, next = c.convert(s[n+1:n+end], true, depth+1), n+end+1
			}
		}
		x, next, _ := c.mathArg(s, next, depth)
		if index != "" {
			b.WriteString(toScript(index, superscripts, "^"))
		}
		b.WriteString("√" + operand(x))
		return next
	case name == "binom" || name == "tbinom" || name == "dbinom":
		n, next, _ := c.mathArg(s, k, depth)
		r, next, _ := c.mathArg(s, next, depth)
		b.WriteString("C(" + n + ", " + r + ")")
		return next
	case name == "href":
		target, next, _ := readArg(s, k)
		text, next, _ := arg(next)
		if strings.TrimSpace(text) == "" || text == target {
			b.WriteString(target)
		} else {
			b.WriteString(text + " (" + target + ")")
		}
		return next
	case name == "textsuperscript" || name == "textsubscript":
		a, next, _ := arg(k)
		if name == "textsuperscript" {
			b.WriteString(toScript(a, superscripts, "^"))
		} else {
			b.WriteString(toScript(a, subscripts, "_"))
		}
		return next
	case name == "mathcal" || name == "mathscr" || name == "mathbb" || name == "mathds" || name == "mathbbm" || name == "Bbb":
		a, next, _ := c.mathArg(s, k, depth)
		table := calligraphic
		if strings.HasPrefix(name, "mathb") || name == "mathds" || name == "Bbb" {
			table = doubleStruck
		}
		b.WriteString(mapEach(a, table))
		return next
	case name == "not":
		a, next, ok := c.mathArg(s, k, depth)
		if ok {
			b.WriteString(accent(a, '\u0338')) // NFC makes ≠ into ≠, ∉ into ∉
		}
		return next
	case name == "textcolor" || name == "colorbox":
		_, next, _ := readArg(s, k) // the colour
		a, next, _ := arg(next)
		b.WriteString(a)
		return next
	case name == "pmod":
		a, next, _ := arg(k)
		b.WriteString("(mod " + a + ")")
		return next
	case name == "footnote":
		a, next, _ := arg(k)
		b.WriteString(" (" + strings.TrimSpace(a) + ")")
		return next
	case droppedWithArg[name]:
		next := skipSpaces(s, k)
		if next < len(s) && s[next] == '[' {
			if end := strings.IndexByte(s[next:], ']'); end > 0 {
				next += end + 1
			}
		}
		_, next, _ = readArg(s, next)
		return next
	case dropped[name]:
		next := skipSpaces(s, k)
		if (name == "left" || name == "right" || name == "middle") && next < len(s) && s[next] == '.' {
			next++ // \left. is an invisible delimiter
		}
		return next
	case plainFonts[name]:
		a, next, _ := arg(k)
		b.WriteString(a)
		return next
	}
	if mark, ok := accents[name]; ok {
		a, next, ok := arg(k)
		if ok {
			b.WriteString(accent(a, mark))
		}
		return next
	}
	if sym, ok := symbols[name]; ok {
		b.WriteString(sym)
		return afterSymbol(s, k, math && letterLike[name])
	}
	// Unknown: its argument if it has one (\mathop{x}), else its name
	// (\log, \max, \argmax read as the word).
	if n := skipSpaces(s, k); n < len(s) && s[n] == '{' {
		a, next, _ := arg(n)
		b.WriteString(a)
		return next
	}
	b.WriteString(name)
	return afterSymbol(s, k, false)
}

// mathArg reads one argument and converts it as math.
func (c *converter) mathArg(s string, i, depth int) (string, int, bool) {
	a, next, ok := readArg(s, i)
	if !ok {
		return "", next, false
	}
	return c.convert(a, true, depth+1), next, true
}

// script reads the argument of ^ or _ at s[i] and writes it in script form.
func (c *converter) script(s string, i, depth int, table map[rune]rune, sym string, b *strings.Builder) int {
	a, next, ok := readArg(s, i)
	if !ok {
		b.WriteString(sym)
		return next
	}
	b.WriteString(toScript(c.convert(a, true, depth+1), table, sym))
	return next
}

// afterSymbol skips the {} that ends a control word in text ("\LaTeX{} is")
// and, for letter-like symbols in math, the space TeX would ignore.
func afterSymbol(s string, k int, eatSpace bool) int {
	if strings.HasPrefix(s[k:], "{}") {
		return k + 2
	}
	if eatSpace && k+1 < len(s) && s[k] == ' ' && isASCIILetter(s[k+1]) {
		return k + 1
	}
	return k
}

// readArg reads one macro argument at or after s[i]: a braced group (its
// inside), a control word, or one character. ok is false at the end of s.
func readArg(s string, i int) (string, int, bool) {
	i = skipSpaces(s, i)
	if i >= len(s) {
		return "", i, false
	}
	switch s[i] {
	case '{':
		end := matchBrace(s, i)
		if end < 0 {
			return s[i+1:], len(s), true
		}
		return s[i+1 : end], end + 1, true
	case '\\':
		k := i + 1
		for k < len(s) && isASCIILetter(s[k]) {
			k++
		}
		if k == i+1 && k < len(s) {
			_, size := utf8.DecodeRuneInString(s[k:])
			k += size
		}
		return s[i:k], k, true
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i : i+size], i + size, true
}

// matchBrace returns the index of the } that closes the { at s[i], or -1.
// It looks no further than maxBlockMath bytes: a longer group is not a
// formula, and an unbounded look for every brace of "{{{…" would make the
// conversion quadratic.
func matchBrace(s string, i int) int {
	depth := 0
	for j := i; j < len(s) && j-i < maxBlockMath; j++ {
		switch s[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// toScript writes x in super- or subscript letters when Unicode has all
// of them, else as ^x or ^(x y) so the meaning survives.
func toScript(x string, table map[rune]rune, sym string) string {
	x = strings.TrimSpace(x)
	if x == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range x {
		m, ok := table[r]
		if !ok {
			if utf8.RuneCountInString(x) == 1 || isAlnum(x) {
				return sym + x
			}
			return sym + "(" + x + ")"
		}
		b.WriteRune(m)
	}
	return b.String()
}

// operand wraps a fraction's or root's operand in parentheses when it is
// more than one term.
func operand(x string) string {
	x = strings.TrimSpace(x)
	if utf8.RuneCountInString(x) > 1 && strings.ContainsAny(x, " +-−*/·×=<>≤≥,±∓") {
		return "(" + x + ")"
	}
	return x
}

// accent puts a combining mark on a single letter; on longer text (\hat{xy})
// the mark would land on one letter only, so the text stays bare.
func accent(x string, mark rune) string {
	if utf8.RuneCountInString(x) != 1 {
		return x
	}
	return x + string(mark)
}

func mapEach(x string, table map[rune]rune) string {
	var b strings.Builder
	for _, r := range x {
		if m, ok := table[r]; ok {
			r = m
		}
		b.WriteRune(r)
	}
	return b.String()
}

// textSuperscript: outside math, ^ is a superscript only in n^2 or
// 10^{-3} form, right after a word.
func textSuperscript(s string, i int) bool {
	if i == 0 || i+1 >= len(s) || s[i-1] == ' ' || s[i-1] == '\n' {
		return false
	}
	return s[i+1] == '{' || (s[i+1] >= '0' && s[i+1] <= '9')
}

// tieTilde: ~ between two words is LaTeX's non-breaking space; elsewhere
// ("~10%", "a ~ b") it means "about" and stays.
func tieTilde(s string, i int) bool {
	if i == 0 || i+1 >= len(s) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+1:])
	return !unicode.IsSpace(before) && !unicode.IsSpace(after) && before != '~' && after != '~'
}

// texDash reports whether the dashes s[i:j] are a TeX dash: between two
// words or numbers, or alone between spaces, and not in a URL, a path or
// an option (a word that starts with them).
func texDash(s string, i, j int) bool {
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(s[:i])
	}
	if j < len(s) {
		after, _ = utf8.DecodeRuneInString(s[j:])
	}
	wordy := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '$' || r == '}' }
	switch {
	case unicode.IsSpace(before) && unicode.IsSpace(after):
		return true
	case !wordy(before) || !(wordy(after) || after == '{' || after == '\\'):
		return false
	}
	start := strings.LastIndexFunc(s[:i], unicode.IsSpace) + 1
	end := strings.IndexFunc(s[j:], unicode.IsSpace)
	if end < 0 {
		end = len(s)
	} else {
		end += j
	}
	word := s[start:end]
	return !strings.ContainsAny(word, "/@=") && !strings.Contains(word, "www.")
}

// switchGroup reports a text-mode {\bf …} group, the only braces outside
// math that are LaTeX rather than prose.
func switchGroup(s string, i int) bool {
	if !strings.HasPrefix(s[i:], "{\\") {
		return false
	}
	k := i + 2
	for k < len(s) && isASCIILetter(s[k]) {
		k++
	}
	name := s[i+2 : k]
	return (boldSwitch[name] || italicSwitch[name] || plainSwitch[name]) && matchBrace(s, i) > 0
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
		i++
	}
	return i
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isAlnum(x string) bool {
	for _, r := range x {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// stripTeX is the fallback past maxDepth: drop the syntax, keep the words.
func stripTeX(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune("\\{}$^_", r) {
			return -1
		}
		return r
	}, s)
}

var unescapedDollar = regexp.MustCompile(`(^|[^\\])\$`)

// Math reads the inside of a formula, as LaTeXML keeps it in a <math>
// element's alttext: no delimiters, every character math. LaTeXML breaks
// long alttexts with a comment ("%" and a newline), which TeX ignores.
func Math(s string) string {
	s = strings.ReplaceAll(s, "%\n", "")
	s = unescapedDollar.ReplaceAllString(s, "$1") // $…$ inside \text{} inside math
	if !strings.ContainsAny(s, "\\^_{}~&'") {
		return strings.Join(strings.Fields(s), " ")
	}
	c := converter{}
	return strings.Join(strings.Fields(norm.NFC.String(c.convert(s, true, 0))), " ")
}
