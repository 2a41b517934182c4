package fulltext

import "github.com/paperdeck/paperdeck/internal/cellwidth"

func displayWidth(s string) int { return cellwidth.Of(s) }
