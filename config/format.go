package config

import (
	"fmt"
	"strings"
)

// settingDocs are the comments above each key of the written file (and
// of `paperdeck config show`), in file order.
var settingDocs = []struct {
	key string
	doc string
}{
	{"view", `The listing paperdeck opens on when the command line names none:
"hf:day" (the latest daily list), "hf:week", "hf:month", "hf:trending",
"arxiv" (the first of arxiv_categories) or "arxiv:CATEGORY" ("arxiv:cs.LG").`},
	{"arxiv_categories", `The arXiv categories the arxiv key (a) steps through, in order.`},
	{"theme", `The colours: "auto" follows the terminal's background, "dark", "light",
or the path of a glamour style file (JSON) for the paper's detail; a relative
path is read from this file's folder. NO_COLOR or --no-color override it.`},
	{"browser", `The command that opens links, e.g. "firefox --new-tab"; the link is added
as its last argument and no shell is involved. Empty: $BROWSER, else the
system's opener (xdg-open, open).`},
	{"date_format", `How the list writes a paper's date, strftime-like:
` + dateDirectiveList + `.`},
	{"mouse", `The mouse wheel scrolls. While it is on, hold shift to select text with
the mouse; set it to false to leave the mouse to the terminal.`},
}

const fileHeader = `# paperdeck configuration (TOML). Every key is shown with its default;
# delete a line to go back to the default. A problem in this file is
# reported in one line when paperdeck starts, and the key keeps its default.
# "paperdeck man" documents each key; "paperdeck config show" prints what
# paperdeck reads.
`

const keysHeader = `# Key bindings: action = ["key", ...]. Keys are written as the terminal
# reports them: "o", "O" (or "shift+o"), "ctrl+o", "alt+o", "enter", "esc",
# "space", "tab", "up", "pgdown", "home", "f1". An empty list unbinds an
# action. Two actions on one key in the same pane are reported at start.
# In the link picker, enter, esc and the digits 1-9 are fixed.
`

// DefaultFile is the config file `paperdeck config init` writes.
func DefaultFile() string { return Default().Format() }

// Format writes the configuration as a commented config file that loads
// back to the same values.
func (c Config) Format() string {
	var b strings.Builder
	b.WriteString(fileHeader)
	values := c.values()
	for _, s := range settingDocs {
		b.WriteString("\n")
		for _, line := range strings.Split(s.doc, "\n") {
			b.WriteString("# " + line + "\n")
		}
		fmt.Fprintf(&b, "%s = %s\n", s.key, values[s.key])
	}
	b.WriteString("\n" + keysHeader + "[keys]\n")
	width := 0
	for _, a := range Actions() {
		width = max(width, len(a.Name)+3+len(quoteList(c.keysOf(a.Name))))
	}
	group := ""
	for _, a := range Actions() {
		if a.Group != group {
			group = a.Group
			fmt.Fprintf(&b, "# %s\n", group)
		}
		line := a.Name + " = " + quoteList(c.keysOf(a.Name))
		fmt.Fprintf(&b, "%-*s  # %s\n", width, line, a.Desc)
	}
	return b.String()
}

// values are the top-level settings as written in the file.
func (c Config) values() map[string]string {
	return map[string]string{
		"view":             quote(c.View),
		"arxiv_categories": quoteList(c.ArxivCategories),
		"theme":            quote(c.Theme),
		"browser":          quote(c.Browser),
		"date_format":      quote(c.DateFormat),
		"mouse":            fmt.Sprint(c.Mouse),
	}
}

func (c Config) keysOf(action string) []string {
	if ks, ok := c.Keys[action]; ok {
		return ks
	}
	a, _ := LookupAction(action)
	return a.Keys
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func quoteList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// Setting is one top-level key of config.toml, for documentation (the man
// page): its name, its default as written in the file, and what it does.
type Setting struct {
	Key     string
	Default string
	Doc     string
}

// Settings lists the keys of config.toml in file order, [keys] last.
func Settings() []Setting {
	values := Default().values()
	out := make([]Setting, 0, len(settingDocs)+1)
	for _, s := range settingDocs {
		out = append(out, Setting{Key: s.key, Default: values[s.key], Doc: strings.ReplaceAll(s.doc, "\n", " ")})
	}
	out = append(out, Setting{Key: "[keys]", Default: "the keymap under KEYS",
		Doc: strings.ReplaceAll(strings.TrimSpace(strings.ReplaceAll(keysHeader, "# ", "")), "\n", " ")})
	return out
}
