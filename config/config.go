package config

import (
	"errors"
	"fmt"
	"github.com/paperdeck/paperdeck/internal/homepath"
	"github.com/paperdeck/paperdeck/internal/localfile"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Config is paperdeck's settings: the defaults with config.toml's values
// over them. See the package documentation for each key.
type Config struct {
	View            string              // "hf:day", "hf:week", "hf:month", "hf:trending", "arxiv" or "arxiv:CAT"
	ArxivCategories []string            // the categories the arxiv key steps through
	Theme           string              // "auto", "dark", "light", or the absolute path of a glamour style file
	Browser         string              // a command and its arguments; "" for $BROWSER or the system opener
	DateFormat      string              // strftime-like, e.g. "%Y-%m-%d"
	Mouse           bool                // the mouse wheel scrolls (and the terminal's own selection needs shift)
	Keys            map[string][]string // every action's keys, normalised, defaults included

	Path string // the file the values came from; "" when none was read
}

// Themes that are not a style file.
const (
	ThemeAuto  = "auto"
	ThemeDark  = "dark"
	ThemeLight = "light"
)

// Default is the configuration without a config file.
func Default() Config {
	return Config{
		View:            "hf:day",
		ArxivCategories: []string{"cs.LG", "cs.CL", "cs.CV", "cs.AI"},
		Theme:           ThemeAuto,
		Browser:         "",
		DateFormat:      "%Y-%m-%d",
		Mouse:           true,
		Keys:            DefaultKeys(),
	}
}

// ThemeFile reports whether the theme is a glamour style file.
func (c Config) ThemeFile() bool {
	switch c.Theme {
	case ThemeAuto, ThemeDark, ThemeLight:
		return false
	}
	return c.Theme != ""
}

// Warning is one problem with the config file, in a single line:
// "~/.config/paperdeck/config.toml:7: theme: want auto, dark, light or a
// style file". The value it concerns keeps its default.
type Warning struct {
	File string // as given to Load
	Line int    // 0 when the problem has no line (an unreadable file)
	Key  string // "theme", "keys.open_page"; "" when unknown
	Msg  string
}

func (w Warning) String() string {
	var b strings.Builder
	b.WriteString(termsafe.Name(homepath.Tilde(w.File)))
	if w.Line > 0 {
		fmt.Fprintf(&b, ":%d", w.Line)
	}
	b.WriteString(": ")
	if w.Key != "" {
		b.WriteString(termsafe.Name(w.Key) + ": ")
	}
	b.WriteString(w.Msg)
	return b.String()
}

func (w Warning) Error() string { return w.String() }

// maxFileSize bounds what is read: a config file is a few kilobytes.
const maxFileSize = 1 << 20

// Load reads the config file at path. A missing file is no problem: the
// defaults, no warnings. A broken one never stops paperdeck: what cannot
// be used is reported, one line per problem, and keeps its default (a
// syntax error keeps every default).
func Load(path string) (Config, []Warning) {
	data, err := localfile.Read(path, maxFileSize)
	var notRegular *localfile.NotRegularError
	var tooLarge *localfile.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Default(), nil
	case errors.As(err, &notRegular):
		// A FIFO or a device is refused before it is opened: never a hang.
		return Default(), []Warning{{File: path, Msg: "is " + notRegular.Kind + ", not a config file; using the defaults"}}
	case errors.As(err, &tooLarge):
		return Default(), []Warning{{File: path, Msg: "larger than 1 MiB, not a config file; using the defaults"}}
	case err != nil:
		return Default(), []Warning{{File: path, Msg: "cannot read it: " + plainErr(err) + "; using the defaults"}}
	}
	return Parse(path, data)
}

// Parse reads a config file's contents; name is used in the warnings and
// to resolve a relative theme path.
func Parse(name string, data []byte) (Config, []Warning) {
	cfg := Default()
	doc, syntaxErr := decode(name, data)
	if syntaxErr != nil {
		return cfg, []Warning{*syntaxErr}
	}
	cfg.Path = name
	p := parser{name: name, lines: doc.lines, cfg: &cfg}
	for _, k := range doc.keysByLine() {
		p.setting(k, doc.values[k])
	}
	p.finish()
	sort.SliceStable(p.warnings, func(i, j int) bool { return p.warnings[i].Line < p.warnings[j].Line })
	return cfg, p.warnings
}

// parser applies one decoded file to a Config, collecting warnings.
type parser struct {
	name     string
	lines    map[string]int
	cfg      *Config
	warnings []Warning
	userKeys map[string]bool // actions the file binds
}

func (p *parser) warn(key, format string, args ...any) {
	p.warnings = append(p.warnings, Warning{File: p.name, Line: p.lines[key], Key: key, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) setting(key string, v any) {
	switch key {
	case "view":
		if s, ok := p.str(key, v); ok {
			if err := checkView(s); err != nil {
				p.warn(key, "%v", err)
				return
			}
			p.cfg.View = s
		}
	case "arxiv_categories":
		p.categories(key, v)
	case "theme":
		if s, ok := p.str(key, v); ok {
			p.theme(key, s)
		}
	case "browser":
		if s, ok := p.str(key, v); ok {
			p.browser(key, s)
		}
	case "date_format":
		if s, ok := p.str(key, v); ok {
			if err := checkDateFormat(s); err != nil {
				p.warn(key, "%v", err)
				return
			}
			p.cfg.DateFormat = s
		}
	case "mouse":
		if b, ok := v.(bool); ok {
			p.cfg.Mouse = b
			return
		}
		p.warn(key, "want true or false, got %s", describe(v))
	case "keys":
		p.keys(key, v)
	default:
		p.warn(key, "unknown key%s", suggest(key, topKeys))
	}
}

var topKeys = []string{"view", "arxiv_categories", "theme", "browser", "date_format", "mouse", "keys"}

func (p *parser) str(key string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		p.warn(key, "want a string, got %s", describe(v))
		return "", false
	}
	return strings.TrimSpace(s), true
}

func (p *parser) categories(key string, v any) {
	list, ok := v.([]any)
	if !ok {
		p.warn(key, "want a list of arXiv categories, e.g. [\"cs.LG\", \"cs.CL\"], got %s", describe(v))
		return
	}
	var cats []string
	for _, item := range list {
		s, ok := item.(string)
		if !ok {
			p.warn(key, "want a list of arXiv categories, but one item is %s", describe(item))
			return
		}
		s = strings.TrimSpace(s)
		if err := checkCategory(s); err != nil {
			p.warn(key, "%v", err)
			return
		}
		if !slices.Contains(cats, s) {
			cats = append(cats, s)
		}
	}
	p.cfg.ArxivCategories = cats
}

func (p *parser) theme(key, s string) {
	switch strings.ToLower(s) {
	case ThemeAuto, ThemeDark, ThemeLight:
		p.cfg.Theme = strings.ToLower(s)
		return
	case "":
		p.warn(key, "want auto, dark, light or a style file, got an empty string")
		return
	}
	path := resolvePath(p.name, s)
	if err := checkStyleFile(path); err != nil {
		p.warn(key, "want auto, dark, light or a style file (%v)", err)
		return
	}
	p.cfg.Theme = path
}

func (p *parser) browser(key, s string) {
	args := strings.Fields(s)
	if len(args) == 0 {
		p.cfg.Browser = ""
		return
	}
	if _, err := exec.LookPath(args[0]); err != nil {
		p.warn(key, "%q is not a program paperdeck can find (give a command in PATH or a full path)", args[0])
		return
	}
	p.cfg.Browser = s
}

func (p *parser) keys(key string, v any) {
	table, ok := v.(map[string]any)
	if !ok {
		p.warn(key, "want a table of action = [\"key\", …], got %s", describe(v))
		return
	}
	p.userKeys = map[string]bool{}
	names := make([]string, 0, len(table))
	for name := range table {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return p.lines[key+"."+names[i]] < p.lines[key+"."+names[j]] })
	for _, name := range names {
		full := key + "." + name
		if _, ok := LookupAction(name); !ok {
			p.warn(full, "unknown action%s", suggest(name, actionNames()))
			continue
		}
		keys, err := keyList(table[name])
		if err != nil {
			p.warn(full, "%v", err)
			continue
		}
		p.cfg.Keys[name] = keys
		p.userKeys[name] = true
	}
}

// keyList reads "O" or ["O", "ctrl+o"]; [] unbinds the action.
func keyList(v any) ([]string, error) {
	var raw []any
	switch v := v.(type) {
	case string:
		raw = []any{v}
	case []any:
		raw = v
	default:
		return nil, fmt.Errorf("want a list of keys, e.g. [\"O\"], got %s", describe(v))
	}
	keys := []string{}
	for _, item := range raw {
		s, ok := item.(string)
		if !ok {
			return nil, fmt.Errorf("want a list of keys, but one item is %s", describe(item))
		}
		k, err := NormalizeKey(s)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys, nil
}

// finish checks what involves several keys at once.
func (p *parser) finish() {
	if p.cfg.View == "arxiv" && len(p.cfg.ArxivCategories) == 0 {
		p.warn("view", "arxiv needs a category: name one (arxiv:cs.LG) or list some in arxiv_categories")
		p.cfg.View = Default().View
	}
	p.refuseConflicts()
}

// refuseConflicts keeps the default of a binding that takes a key another
// action has in the same pane (the later line of the two the user wrote),
// and says so: a key means one thing, and no action goes dead.
func (p *parser) refuseConflicts() {
	defaults := DefaultKeys()
	for range len(defaults) { // each round takes one binding back
		conflicts := CheckKeys(p.cfg.Keys)
		if len(conflicts) == 0 {
			return
		}
		c := conflicts[0]
		at := ""
		for _, a := range []string{c.A, c.B} {
			if p.userKeys[a] && (at == "" || p.lines["keys."+a] > p.lines["keys."+at]) {
				at = a
			}
		}
		if at == "" {
			return // the defaults conflict: a test of this package says they do not
		}
		p.cfg.Keys[at] = defaults[at]
		delete(p.userKeys, at)
		msg := fmt.Sprintf("%s; %s keeps its default %s", c, at, quoteList(defaults[at]))
		p.warnings = append(p.warnings, Warning{File: p.name, Line: p.lines["keys."+at], Key: "keys." + at, Msg: msg})
	}
}

// resolvePath expands ~/ and reads a relative path from the config
// file's folder, so a style file can sit beside config.toml.
func resolvePath(configFile, s string) string {
	if rest, ok := strings.CutPrefix(s, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	if !filepath.IsAbs(s) {
		return filepath.Join(filepath.Dir(configFile), s)
	}
	return filepath.Clean(s)
}

// describe names a decoded TOML value's type for a message; the value
// itself is left out, so nothing odd from the file reaches the screen.
func describe(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "true/false"
	case int64, float64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}

// suggest says which known name a misspelt one probably meant.
func suggest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(strings.ToLower(name), k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	if len(known) <= 8 {
		return " (known: " + strings.Join(known, ", ") + ")"
	}
	return " (paperdeck man lists them)"
}

// distance is the Levenshtein distance between two short names.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// plainErr drops the operation and path an *fs.PathError repeats.
func plainErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
