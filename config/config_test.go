package config

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

// load writes body as a config.toml in a fresh folder and loads it.
func load(t *testing.T, body string) (Config, []Warning, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, warns := Load(path)
	for _, w := range warns {
		if strings.ContainsAny(w.String(), "\n\r") {
			t.Errorf("warning spans lines: %q", w.String())
		}
	}
	return cfg, warns, path
}

func TestMissingFileIsTheDefaults(t *testing.T) {
	cfg, warns := Load(filepath.Join(t.TempDir(), "nope", "config.toml"))
	if len(warns) != 0 {
		t.Fatalf("warnings for a missing file: %v", warns)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Fatalf("missing file: %+v, want the defaults", cfg)
	}
}

// The file `config init` writes loads back to exactly the defaults.
func TestDefaultFileLoadsBackToTheDefaults(t *testing.T) {
	cfg, warns, path := load(t, DefaultFile())
	if len(warns) != 0 {
		t.Fatalf("the default file has problems: %v", warns)
	}
	want := Default()
	want.Path = path
	if !reflect.DeepEqual(cfg, want) {
		t.Fatalf("default file loads as %+v", cfg)
	}
}

// A changed config written with Format reads back the same.
func TestFormatRoundTrip(t *testing.T) {
	c := Default()
	c.View = "arxiv:math.AG"
	c.ArxivCategories = []string{"math.AG", "hep-th"}
	c.Theme = ThemeLight
	c.Browser = "sh -c"
	c.DateFormat = `%d "%b" \ %Y`
	c.Mouse = false
	c.Keys["open_page"] = []string{"O"}
	c.Keys["open_pdf"] = []string{}
	got, warns, path := load(t, c.Format())
	if len(warns) != 0 {
		t.Fatalf("warnings: %v", warns)
	}
	c.Path = path
	if !reflect.DeepEqual(got, c) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, c)
	}
}

func TestSettingsApplied(t *testing.T) {
	cfg, warns, _ := load(t, `
view = "hf:week"
arxiv_categories = ["cs.RO", "stat.ML", "cs.RO"]
theme = "Light"
browser = "sh -c 'echo'"
date_format = "%a %-d %b"
mouse = false

[keys]
open_page = ["O"]
open_pdf = "shift+p"
refresh = ["ctrl+R", "f5"]
bookmarks = []
`)
	if len(warns) != 0 {
		t.Fatalf("warnings: %v", warns)
	}
	if cfg.View != "hf:week" || cfg.Theme != ThemeLight || cfg.Mouse || cfg.Browser != "sh -c 'echo'" {
		t.Errorf("settings: %+v", cfg)
	}
	if !slices.Equal(cfg.ArxivCategories, []string{"cs.RO", "stat.ML"}) {
		t.Errorf("categories %v, want cs.RO, stat.ML once each", cfg.ArxivCategories)
	}
	for action, want := range map[string][]string{
		"open_page": {"O"}, "open_pdf": {"P"}, "refresh": {"ctrl+r", "f5"}, "bookmarks": {}, "open_code": {"c"},
	} {
		if got := cfg.Keys[action]; !slices.Equal(got, want) || got == nil {
			t.Errorf("%s = %q, want %q", action, got, want)
		}
	}
	if got := cfg.FormatDate("2025-01-09"); got != "Thu 9 Jan" {
		t.Errorf("date %q, want Thu 9 Jan", got)
	}
	now := time.Date(2025, 1, 9, 12, 0, 0, 0, time.UTC)
	if p := cfg.StartPeriod(now); p != (model.Period{Kind: model.Week, Value: "2025-W02"}) {
		t.Errorf("start %v, want week 2025-W02", p)
	}
}

// A syntax error keeps every default, even the keys before it, and the
// one line names the file, the line and the key.
func TestSyntaxErrorKeepsTheDefaults(t *testing.T) {
	cfg, warns, path := load(t, "view = \"hf:week\"\nmouse = false\n\ntheme = light\n")
	if len(warns) != 1 {
		t.Fatalf("%d warnings, want 1: %v", len(warns), warns)
	}
	w := warns[0].String()
	if !strings.HasPrefix(w, path+":4: theme: syntax error") || !strings.Contains(w, "using the defaults") {
		t.Errorf("warning %q, want %s:4: theme: syntax error … using the defaults", w, path)
	}
	if !reflect.DeepEqual(cfg, Default()) {
		t.Errorf("a broken file applied %+v", cfg)
	}
}

func TestSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		body string
		line int
		key  string
	}{
		{"view = \"hf:week\"\n[keys\nopen_page = [\"O\"]\n", 2, "keys"},
		{"arxiv_categories = [\"cs.LG\",\n  \"cs.CL\"\nmouse = true\n", 3, ""},
		{"mouse = true\nmouse = false\n", 2, "mouse"},
		{"browser = \"firefox\n", 1, "browser"},
		{"\x00\x01binary", 1, ""},
	} {
		_, warns, path := load(t, tc.body)
		if len(warns) != 1 || warns[0].Line != tc.line || (tc.key != "" && warns[0].Key != tc.key) {
			t.Errorf("%q: %v, want one warning at line %d key %q", tc.body, warns, tc.line, tc.key)
			continue
		}
		if !strings.HasPrefix(warns[0].String(), path+":") {
			t.Errorf("%q: %q does not name the file", tc.body, warns[0])
		}
	}
}

// Each bad value is reported at its line and keeps its default; the good
// keys around it still apply.
func TestBadValues(t *testing.T) {
	for _, tc := range []struct {
		line, want string
	}{
		{`view = "hf:year"`, `view: want hf:day, hf:week, hf:month, hf:trending, arxiv or arxiv:CATEGORY (got "hf:year")`},
		{`view = "arxiv:CS LG"`, `view: "CS LG" is not an arXiv category`},
		{`view = 3`, `view: want a string, got a number`},
		{`arxiv_categories = "cs.LG"`, `arxiv_categories: want a list of arXiv categories`},
		{`arxiv_categories = ["cs.LG", 7]`, `arxiv_categories: want a list of arXiv categories, but one item is a number`},
		{`arxiv_categories = ["cs.LG", "../etc"]`, `arxiv_categories: "../etc" is not an arXiv category`},
		{`theme = "purple"`, `theme: want auto, dark, light or a style file (`},
		{`theme = ""`, `theme: want auto, dark, light or a style file, got an empty string`},
		{`theme = true`, `theme: want a string, got true/false`},
		{`browser = "no-such-browser-paperdeck --tab"`, `browser: "no-such-browser-paperdeck" is not a program paperdeck can find`},
		{`date_format = "%Y-%q"`, `date_format: %q is not a date directive (known: %Y`},
		{`date_format = "%Y %"`, `date_format: a lone % at the end`},
		{`date_format = ""`, `date_format: an empty format`},
		{`mouse = "yes"`, `mouse: want true or false, got a string`},
		{`mouse = 1979-05-27`, `mouse: want true or false, got a date or time`},
		{`colour = "dark"`, `colour: unknown key (known: view, arxiv_categories, theme, browser, date_format, mouse, keys)`},
		{`them = "dark"`, `them: unknown key (did you mean theme?)`},
		{`keys = ["O"]`, `keys: want a table of action = ["key", …], got a list`},
		{`keys.opne_page = ["O"]`, `keys.opne_page: unknown action (did you mean open_page?)`},
		{`keys.frobnicate = ["O"]`, `keys.frobnicate: unknown action (paperdeck man lists them)`},
		{`keys.open_page = ["ctrl+"]`, `keys.open_page: "ctrl+" is not a key: nothing after the last +`},
		{`keys.open_page = ["hyperspace"]`, `keys.open_page: "hyperspace" is not a key (a single character, or a name such as enter`},
		{`keys.open_page = ["cmd+o"]`, `keys.open_page: "cmd+o" is not a key: "cmd" is not a modifier`},
		{`keys.open_page = [1]`, `keys.open_page: want a list of keys, but one item is a number`},
		{`keys.open_page = {o = 1}`, `keys.open_page: want a list of keys, e.g. ["O"], got a table`},
	} {
		body := "mouse = false\n\n" + tc.line + "\n"
		if strings.HasPrefix(tc.line, "mouse") {
			body = "date_format = \"%d\"\n\n" + tc.line + "\n"
		}
		cfg, warns, path := load(t, body)
		want := path + ":3: " + tc.want
		if len(warns) != 1 || !strings.HasPrefix(warns[0].String(), want) {
			t.Errorf("%s:\n got %v\nwant %s…", tc.line, warns, want)
			continue
		}
		def := Default()
		if strings.HasPrefix(tc.line, "mouse") {
			if cfg.Mouse != def.Mouse || cfg.DateFormat != "%d" {
				t.Errorf("%s: mouse %v date %q; want the default mouse and the good date_format", tc.line, cfg.Mouse, cfg.DateFormat)
			}
			continue
		}
		if cfg.Mouse {
			t.Errorf("%s: the good key (mouse = false) was not applied", tc.line)
		}
		if cfg.View != def.View || cfg.Theme != def.Theme || cfg.DateFormat != def.DateFormat || cfg.Browser != def.Browser ||
			!slices.Equal(cfg.ArxivCategories, def.ArxivCategories) || !reflect.DeepEqual(cfg.Keys, def.Keys) {
			t.Errorf("%s: the bad value did not keep its default: %+v", tc.line, cfg)
		}
	}
}

func TestArxivViewNeedsACategory(t *testing.T) {
	cfg, warns, _ := load(t, "view = \"arxiv\"\narxiv_categories = []\n")
	if len(warns) != 1 || warns[0].Line != 1 || !strings.Contains(warns[0].Msg, "arxiv needs a category") || cfg.View != "hf:day" {
		t.Fatalf("view arxiv without categories: %v, view %q", warns, cfg.View)
	}
	cfg, warns, _ = load(t, "view = \"arxiv\"\narxiv_categories = [\"hep-th\"]\n")
	if len(warns) != 0 || cfg.StartPeriod(time.Now()) != (model.Period{Kind: model.Arxiv, Value: "hep-th"}) {
		t.Fatalf("view arxiv: %v, start %v", warns, cfg.StartPeriod(time.Now()))
	}
}

func TestStartPeriod(t *testing.T) {
	now := time.Date(2025, 1, 9, 12, 0, 0, 0, time.UTC)
	for view, want := range map[string]model.Period{
		"hf:day":       {Kind: model.Latest},
		"hf:week":      {Kind: model.Week, Value: "2025-W02"},
		"hf:month":     {Kind: model.Month, Value: "2025-01"},
		"hf:trending":  {Kind: model.Trending},
		"arxiv":        {Kind: model.Arxiv, Value: "cs.LG"},
		"arxiv:cs.CV":  {Kind: model.Arxiv, Value: "cs.CV"},
		"arxiv:hep-th": {Kind: model.Arxiv, Value: "hep-th"},
	} {
		c := Default()
		c.View = view
		if got := c.StartPeriod(now); got != want {
			t.Errorf("%s: %v, want %v", view, got, want)
		}
	}
}

func TestThemeFile(t *testing.T) {
	dir := t.TempDir()
	style := `{"document": {"color": "#222222"}, "h1": {"bold": true}}`
	if err := os.WriteFile(filepath.Join(dir, "paper.json"), []byte(style), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, []byte(`theme = "paper.json"`), 0o644)
	cfg, warns := Load(path)
	if len(warns) != 0 || cfg.Theme != filepath.Join(dir, "paper.json") || !cfg.ThemeFile() {
		t.Fatalf("relative style file: theme %q, %v", cfg.Theme, warns)
	}

	os.WriteFile(filepath.Join(dir, "broken.json"), []byte("{\n  \"document\": {\n    \"bold\": \"very\"\n  }\n}"), 0o644)
	os.WriteFile(path, []byte("\ntheme = \"broken.json\""), 0o644)
	cfg, warns = Load(path)
	if len(warns) != 1 || warns[0].Line != 2 || cfg.Theme != ThemeAuto ||
		!strings.Contains(warns[0].Msg, "broken.json is not a glamour style (JSON): line 3") {
		t.Fatalf("bad style file: theme %q, %v", cfg.Theme, warns)
	}
	os.WriteFile(filepath.Join(dir, "syntax.json"), []byte("{\n\"document\": {,}\n}"), 0o644)
	os.WriteFile(path, []byte(`theme = "syntax.json"`), 0o644)
	if _, warns = Load(path); len(warns) != 1 || !strings.Contains(warns[0].Msg, "line 2") {
		t.Fatalf("style file with a syntax error: %v", warns)
	}
}

func TestThemeFileUnderHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	os.WriteFile(filepath.Join(home, "s.json"), []byte(`{}`), 0o644)
	cfg, warns, _ := load(t, `theme = "~/s.json"`)
	if len(warns) != 0 || cfg.Theme != filepath.Join(home, "s.json") {
		t.Fatalf("~/s.json: %q %v", cfg.Theme, warns)
	}
	// Warnings show a path under home as ~/….
	w := Warning{File: filepath.Join(home, ".config", "paperdeck", "config.toml"), Line: 7, Key: "theme", Msg: "x"}
	if got := w.String(); got != "~/.config/paperdeck/config.toml:7: theme: x" {
		t.Errorf("warning %q", got)
	}
}

func TestUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	cfg, warns := Load(dir)
	if len(warns) != 1 || !strings.Contains(warns[0].String(), "is a folder") || !reflect.DeepEqual(cfg, Default()) {
		t.Fatalf("a folder: %v", warns)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, []byte("# "+strings.Repeat("x", maxFileSize)), 0o644)
	if _, warns = Load(big); len(warns) != 1 || !strings.Contains(warns[0].Msg, "larger than 1 MiB") {
		t.Fatalf("a huge file: %v", warns)
	}
	if os.Getuid() != 0 {
		locked := filepath.Join(dir, "locked.toml")
		os.WriteFile(locked, []byte("mouse = false"), 0o000)
		if _, warns = Load(locked); len(warns) != 1 || !strings.Contains(warns[0].Msg, "permission denied") {
			t.Fatalf("an unreadable file: %v", warns)
		}
	}
}

// Keys may be written in a [keys] table, dotted, or inline; the warnings
// point at the right line in each case.
func TestKeyLines(t *testing.T) {
	// The parser takes TOML 1.1's multi-line inline tables too.
	_, warns, _ := load(t, "keys = { open_page = \"O\",\n  nope = \"x\" }\n")
	if len(warns) != 1 || warns[0].Line != 2 || warns[0].Key != "keys.nope" {
		t.Fatalf("multi-line inline table: %v", warns)
	}
	cfg, warns, _ := load(t, "mouse = true\nkeys = { open_page = \"O\", nope = \"x\" }\n")
	if len(warns) != 1 || warns[0].Line != 2 || warns[0].Key != "keys.nope" || !slices.Equal(cfg.Keys["open_page"], []string{"O"}) {
		t.Fatalf("inline table: %v", warns)
	}
	_, warns, _ = load(t, "# a comment\n\n[keys]\n# moving\nup = \"k\"\n\n\"down\" = [\"j\", \"hyperspace\"]\n")
	if len(warns) != 1 || warns[0].Line != 7 || warns[0].Key != "keys.down" {
		t.Fatalf("quoted key in a table: %v", warns)
	}
}

func TestDocumentsEveryKeyAndAction(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	def := Default()
	for key, value := range map[string]string{
		"view": quote(def.View), "arxiv_categories": quoteList(def.ArxivCategories), "theme": quote(def.Theme),
		"browser": quote(def.Browser), "date_format": quote(def.DateFormat), "mouse": "true",
	} {
		if !strings.Contains(text, key+" (default "+value+")") {
			t.Errorf("doc.go lacks %q", key+" (default "+value+")")
		}
		if !strings.Contains(DefaultFile(), "\n"+key+" = "+value+"\n") {
			t.Errorf("the default file lacks %s = %s", key, value)
		}
	}
	for _, a := range Actions() {
		if !strings.Contains(text, " "+a.Name+" "+strings.Join(a.Keys, "/")) {
			t.Errorf("doc.go lacks the action %s %s", a.Name, strings.Join(a.Keys, "/"))
		}
		if !strings.Contains(DefaultFile(), "\n"+a.Name+" = "+quoteList(a.Keys)) {
			t.Errorf("the default file lacks the action %s", a.Name)
		}
	}
	for _, s := range directiveNames() {
		if !strings.Contains(text, "%"+s) {
			t.Errorf("doc.go lacks the date directive %%%s", s)
		}
	}
}

func directiveNames() []string {
	var out []string
	for k := range dateDirectives {
		out = append(out, k)
	}
	return out
}

func TestPath(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/tmp/xdg")
	if p, err := Path(); err != nil || p != "/tmp/xdg/paperdeck/config.toml" {
		t.Errorf("Path = %q, %v", p, err)
	}
	t.Setenv("XDG_CONFIG_HOME", "relative/ignored")
	t.Setenv("HOME", "/home/reader")
	if p, err := Path(); err != nil || p != "/home/reader/.config/paperdeck/config.toml" {
		t.Errorf("relative XDG_CONFIG_HOME: Path = %q, %v", p, err)
	}
}

// A syntax error inside a table names the key with its table.
func TestSyntaxErrorInATable(t *testing.T) {
	_, warns, path := load(t, "view = \"hf:week\"\n\n[keys]\nopen_page = [\"O\"\n")
	if len(warns) != 1 || !strings.HasPrefix(warns[0].String(), path+":4: keys.open_page: syntax error") {
		t.Fatalf("%v", warns)
	}
	// A broken header names itself, not a table above it.
	_, warns, _ = load(t, "[keys]\nup = \"k\"\n[keys\n")
	if len(warns) != 1 || warns[0].Line != 3 || warns[0].Key != "keys" {
		t.Fatalf("%v", warns)
	}
}
