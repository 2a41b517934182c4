package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/model"
)

const viewWant = "want hf:day, hf:week, hf:month, hf:trending, arxiv or arxiv:CATEGORY"

// checkView validates a view value; "arxiv" alone needs a category in
// arxiv_categories, which the caller checks.
func checkView(v string) error {
	switch v {
	case "hf:day", "hf:week", "hf:month", "hf:trending", "arxiv":
		return nil
	}
	if cat, ok := strings.CutPrefix(v, "arxiv:"); ok {
		if !model.IsArxivCategory(cat) {
			return fmt.Errorf("%q is not an arXiv category (e.g. cs.LG)", cat)
		}
		return nil
	}
	return fmt.Errorf("%s (got %q)", viewWant, v)
}

func checkCategory(c string) error {
	if !model.IsArxivCategory(c) {
		return fmt.Errorf("%q is not an arXiv category (e.g. cs.LG)", c)
	}
	return nil
}

// StartPeriod is the listing the reader opens on when the command line
// names none: hf:day is the latest daily list, hf:week and hf:month the
// current week and month, arxiv the first of arxiv_categories.
func (c Config) StartPeriod(now time.Time) model.Period {
	switch c.View {
	case "hf:week":
		return model.WeekPeriod(now)
	case "hf:month":
		return model.MonthPeriod(now)
	case "hf:trending":
		return model.Period{Kind: model.Trending}
	case "arxiv":
		if len(c.ArxivCategories) > 0 {
			return model.Period{Kind: model.Arxiv, Value: c.ArxivCategories[0]}
		}
	}
	if cat, ok := strings.CutPrefix(c.View, "arxiv:"); ok {
		return model.Period{Kind: model.Arxiv, Value: cat}
	}
	return model.Period{Kind: model.Latest}
}
