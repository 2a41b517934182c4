package fulltext

import "github.com/paperdeck/paperdeck/internal/cellwidth"

// tableCells writes every cell with write and pads the rows to one
// length; widths are each column's widest cell in terminal cells.
func tableCells(rows [][]Inline, write func(Inline) string) ([][]string, []int) {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil, nil
	}
	widths := make([]int, cols)
	cells := make([][]string, 0, len(rows))
	for _, r := range rows {
		row := make([]string, cols)
		for i, c := range r {
			row[i] = write(c)
			widths[i] = max(widths[i], cellwidth.Of(row[i]))
		}
		cells = append(cells, row)
	}
	return cells, widths
}

// fits: the table with its borders ("| a | b |") is at most width wide.
func fits(widths []int, width int) bool {
	total := 1
	for _, w := range widths {
		total += w + 3
	}
	return total <= width
}
