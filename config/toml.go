package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/paperdeck/paperdeck/internal/homepath"
	"github.com/paperdeck/paperdeck/internal/localfile"
	"github.com/paperdeck/paperdeck/internal/termsafe"
	"regexp"
	"sort"
	"strings"

	"charm.land/glamour/v2/ansi"
	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// document is a decoded config file: the values, and the line each key
// (dotted: "keys.open_page") was written on.
type document struct {
	values map[string]any
	lines  map[string]int
}

func (d document) keysByLine() []string {
	keys := make([]string, 0, len(d.values))
	for k := range d.values {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if d.lines[keys[i]] != d.lines[keys[j]] {
			return d.lines[keys[i]] < d.lines[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// decode parses TOML; a syntax error comes back as the one warning.
func decode(name string, data []byte) (document, *Warning) {
	doc := document{values: map[string]any{}}
	if err := toml.Unmarshal(data, &doc.values); err != nil {
		w := Warning{File: name, Msg: "syntax error: " + tomlMessage(err) + "; using the defaults"}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			w.Line, _ = de.Position()
			w.Key = strings.Join(de.Key(), ".")
			if w.Key == "" {
				w.Key = keyOnLine(data, w.Line)
			}
			if t := tableAbove(data, w.Line); t != "" && w.Key != t && !strings.HasPrefix(w.Key, t+".") {
				w.Key = t + "." + w.Key
			}
		}
		return doc, &w
	}
	doc.lines = keyLines(data)
	return doc, nil
}

// tomlMessage is the parser's message without its "toml: " prefix and
// with anything unprintable from the file dropped.
func tomlMessage(err error) string {
	var de *toml.DecodeError
	msg := err.Error()
	if errors.As(err, &de) {
		msg = de.Error()
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, msg)
}

var keyLine = regexp.MustCompile(`^\s*\[*\s*([A-Za-z0-9_.-]+)`)

// keyOnLine guesses the key a broken line was about, for the message.
func keyOnLine(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return ""
	}
	m := keyLine.FindSubmatch(lines[line-1])
	if m == nil {
		return ""
	}
	return string(m[1])
}

var tableHeader = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]`)

// tableAbove is the [table] a line belongs to, "" for the top level.
func tableAbove(data []byte, line int) string {
	lines := bytes.Split(data, []byte("\n"))
	for i := min(line-1, len(lines)) - 1; i >= 0; i-- {
		if m := tableHeader.FindSubmatch(lines[i]); m != nil {
			return string(m[1])
		}
	}
	return ""
}

// keyLines maps every key of a valid document to its line, walking the
// parser's syntax tree: the decoder keeps no positions.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	keyPath := func(it unstable.Iterator) ([]string, int) {
		var parts []string
		line := 0
		for it.Next() {
			n := it.Node()
			parts = append(parts, string(n.Data))
			if line == 0 {
				line = p.Shape(n.Raw).Start.Line
			}
		}
		return parts, line
	}
	var walk func(prefix []string, kv *unstable.Node)
	walk = func(prefix []string, kv *unstable.Node) {
		parts, line := keyPath(kv.Key())
		full := append(append([]string{}, prefix...), parts...)
		record(lines, full, line)
		if v := kv.Value(); v.Kind == unstable.InlineTable {
			children := v.Children()
			for children.Next() {
				if c := children.Node(); c.Kind == unstable.KeyValue {
					walk(full, c)
				}
			}
		}
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			parts, line := keyPath(e.Key())
			table = parts
			record(lines, parts, line)
		case unstable.KeyValue:
			walk(table, e)
		}
	}
	return lines
}

// record keeps the first line a key (and each of its parents) appears on.
func record(lines map[string]int, parts []string, line int) {
	for i := 1; i <= len(parts); i++ {
		k := strings.Join(parts[:i], ".")
		if _, ok := lines[k]; !ok {
			lines[k] = line
		}
	}
}

// checkStyleFile makes sure a theme file is a glamour style the renderer
// will accept, so a bad one is reported with the config, not later.
func checkStyleFile(path string) error {
	data, err := localfile.Read(path, maxFileSize)
	var notRegular *localfile.NotRegularError
	var tooLarge *localfile.TooLargeError
	switch {
	case errors.As(err, &notRegular):
		return fmt.Errorf("%s is %s, not a style file", termsafe.Name(homepath.Tilde(path)), notRegular.Kind)
	case errors.As(err, &tooLarge):
		return fmt.Errorf("%s: larger than 1 MiB", termsafe.Name(homepath.Tilde(path)))
	case err != nil:
		return fmt.Errorf("%s: %s", termsafe.Name(homepath.Tilde(path)), plainErr(err))
	}
	var style ansi.StyleConfig
	if err := json.Unmarshal(data, &style); err != nil {
		return fmt.Errorf("%s is not a glamour style (JSON): %s", termsafe.Name(homepath.Tilde(path)), jsonMessage(data, err))
	}
	return nil
}

// jsonMessage says where in a JSON file the decoder stopped.
func jsonMessage(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Sprintf("line %d: %s", line, se.Error())
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line := 1 + bytes.Count(data[:min(int(te.Offset), len(data))], []byte("\n"))
		return fmt.Sprintf("line %d: %s should be %s, not %s", line, te.Field, te.Type, te.Value)
	}
	return err.Error()
}
