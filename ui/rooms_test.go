package ui

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/paperdeck/paperdeck/"

// imports lists what the non-test files of dir (from the module's root)
// import from paperdeck.
func imports(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no Go files (%v)", dir, err)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range file.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			if rest, ok := strings.CutPrefix(p, module); ok {
				out = append(out, rest)
			}
		}
	}
	return out
}

// builtOn are the panes made from another: the bookmarks view draws its
// rows with the list's. The list is the one shared building block, and
// it imports no pane itself (checked like every pane below).
var builtOn = map[string]string{"ui/pane/bookmarks": "ui/pane/list"}

// The rooms keep their doors (docs/ARCHITECTURE.md): a pane imports
// neither the root nor another pane, except the list for the panes
// builtOn names; the key table imports nothing of paperdeck, so config
// can read it; what the panes share imports no pane; config reaches the
// reader only through the key table.
func TestRoomsKeepTheirImports(t *testing.T) {
	panes, err := os.ReadDir("pane")
	if err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{}
	for _, e := range panes {
		if !e.IsDir() {
			continue
		}
		self := "ui/pane/" + e.Name()
		checked[self] = true
		for _, imp := range imports(t, self) {
			if imp == "ui" || strings.HasPrefix(imp, "ui/pane/") && imp != self && imp != builtOn[self] {
				t.Errorf("%s imports %s", self, imp)
			}
		}
	}
	for pane, base := range builtOn {
		if !checked[pane] || !checked[base] {
			t.Errorf("%s or %s is not a pane any more: builtOn is out of date", pane, base)
		}
	}
	if imp := imports(t, "ui/keymap"); len(imp) != 0 {
		t.Errorf("ui/keymap imports %v", imp)
	}
	for _, imp := range imports(t, "ui/common") {
		if imp == "ui" || strings.HasPrefix(imp, "ui/pane/") {
			t.Errorf("ui/common imports %s", imp)
		}
	}
	for _, imp := range imports(t, "config") {
		if strings.HasPrefix(imp, "ui") && imp != "ui/keymap" {
			t.Errorf("config imports %s", imp)
		}
	}
}
