// Package snapshot is the listing built into the binary: the real Hugging
// Face daily papers page of 2024-08-01 (13 papers, saved verbatim), so that
// paperdeck shows papers on a machine with no network at all. The tests
// read the same file through testdata/'s link to it.
package snapshot

import (
	_ "embed"
	"io"
	"strings"
)

// Date is the day the page lists.
const Date = "2024-08-01"

//go:embed hf_daily_papers_2024-08-01.html
var page string

// Page reads the embedded page.
func Page() io.Reader { return strings.NewReader(page) }
