package main

import "github.com/spf13/cobra"

// selectors are the flags that pick a listing; the TUI and `list` share them.
type selectors struct {
	date, week, month, search, arxiv string
	trending, offline, demo, verbose bool
}

func (s *selectors) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&s.date, "date", "", "the Hugging Face daily list of a day (YYYY-MM-DD)")
	f.StringVar(&s.week, "week", "", "the Hugging Face list of an ISO week (YYYY-Www)")
	f.StringVar(&s.month, "month", "", "the Hugging Face list of a month (YYYY-MM)")
	f.BoolVar(&s.trending, "trending", false, "the Hugging Face trending papers")
	f.StringVar(&s.search, "search", "", "search Hugging Face papers")
	f.StringVar(&s.arxiv, "arxiv", "", "an arXiv category's new submissions (e.g. cs.LG)")
	f.BoolVar(&s.offline, "offline", false, "read only the cache and the bundled snapshot")
	f.BoolVar(&s.demo, "demo", false, "open the bundled snapshot")
	f.BoolVar(&s.verbose, "verbose", false, "say where each listing came from")
}
