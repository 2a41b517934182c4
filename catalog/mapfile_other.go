//go:build !(linux || darwin)

package catalog

import (
	"errors"
	"os"
)

// mapFile is not offered here: the side index is read into memory.
func mapFile(*os.File, int64) ([]byte, func(), error) {
	return nil, nil, errors.ErrUnsupported
}
