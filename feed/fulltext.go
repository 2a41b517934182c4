package feed

import "errors"

// ErrNoHTML: arXiv has no HTML version of the paper (a 404, or arXiv's
// page saying the HTML is not available). The PDF is the way to read it.
var ErrNoHTML = errors.New("arXiv has no HTML version of this paper; open the PDF instead")
