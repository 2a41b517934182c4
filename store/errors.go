package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/paperdeck/paperdeck/internal/homepath"
)

// CorruptError says a data file does not parse. Such a file is never
// overwritten: the user decides whether to repair it or restore Backup.
type CorruptError struct {
	Path   string // the damaged file
	Backup string // the previous generation (path.bak) when it exists, else ""
	Err    error  // what is wrong, e.g. a JSON syntax error with its line

	what string // "bookmarks file", "read marks file"; empty means bookmarks
}

func (e *CorruptError) Error() string {
	what := e.what
	if what == "" {
		what = "bookmarks file"
	}
	state := "is damaged"
	if errors.Is(e.Err, errNewerVersion) {
		state = "cannot be read by this paperdeck"
	}
	msg := fmt.Sprintf("%s %s %s (%v); it is left as it was", what, homepath.Tilde(e.Path), state, e.Err)
	if e.Backup != "" {
		return msg + "; a backup is at " + homepath.Tilde(e.Backup)
	}
	return msg + " and nothing is saved until it is repaired; there is no backup"
}

func (e *CorruptError) Unwrap() error { return e.Err }

// describeJSONError turns a decoding error into words with a line and
// column, which a person repairing the file by hand needs.
func describeJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := lineCol(data, syn.Offset)
		return fmt.Errorf("%s at line %d, column %d", syn.Error(), line, col)
	case errors.As(err, &typ):
		line, col := lineCol(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "the top level"
		}
		return fmt.Errorf("%s holds a JSON %s where %s was expected, at line %d, column %d",
			field, typ.Value, typ.Type, line, col)
	}
	return err
}

func lineCol(data []byte, offset int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < offset && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
