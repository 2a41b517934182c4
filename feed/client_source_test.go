package feed

import (
	"strings"
	"testing"

	"github.com/paperdeck/paperdeck/model"
)

func TestSourceRequest(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want model.Period
	}{
		{"https://huggingface.co/papers", model.Period{Kind: model.Latest}},
		{"https://huggingface.co/papers/", model.Period{Kind: model.Latest}},
		{"https://huggingface.co/papers/date/2025-01-09", model.Period{Kind: model.Day, Value: "2025-01-09"}},
		{"https://huggingface.co/papers?date=2025-01-09", model.Period{Kind: model.Day, Value: "2025-01-09"}},
		{"https://huggingface.co/papers/week/2025-W02", model.Period{Kind: model.Week, Value: "2025-W02"}},
		{"https://huggingface.co/papers/month/2025-01", model.Period{Kind: model.Month, Value: "2025-01"}},
		{"https://huggingface.co/papers/trending", model.Period{Kind: model.Trending}},
		{"https://huggingface.co/papers?q=flow+matching", model.Period{Kind: model.Search, Value: "flow matching"}},
		{"https://huggingface.co/papers/2501.04519", model.Period{Kind: model.Search, Value: "2501.04519"}},
		{"huggingface.co/papers/date/2025-01-09", model.Period{Kind: model.Day, Value: "2025-01-09"}},
		{"https://hf.co/papers/trending", model.Period{Kind: model.Trending}},
		{"https://arxiv.org/list/cs.LG/new", model.Period{Kind: model.Arxiv, Value: "cs.LG"}},
		{"https://arxiv.org/list/hep-th/recent", model.Period{Kind: model.Arxiv, Value: "hep-th"}},
		{"https://arxiv.org/abs/2407.21783v3", model.Period{Kind: model.Arxiv, Value: "2407.21783"}},
		{"https://arxiv.org/pdf/2407.21783.pdf", model.Period{Kind: model.Arxiv, Value: "2407.21783"}},
		{"arxiv.org/abs/hep-th/9901001", model.Period{Kind: model.Arxiv, Value: "hep-th/9901001"}},
		{"saved/day.html", model.Period{Kind: model.File, Value: "saved/day.html"}},
	} {
		got, err := SourceRequest(tc.in)
		if err != nil || got.Period != tc.want {
			t.Errorf("%s: %v, %v; want %v", tc.in, got.Period, err, tc.want)
		}
	}
}

func TestSourceRequestRejectsWhatItCannotRead(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/papers":                 "huggingface.co/papers and arxiv.org URLs only",
		"https://huggingface.co/models":              "not a huggingface.co/papers page",
		"https://huggingface.co/papers/date/2025-13": "not a date",
		"https://huggingface.co/papers/x/y/z":        "not a huggingface.co/papers listing",
		"https://arxiv.org/help/api":                 "not an arxiv.org/list/CATEGORY",
		"":                                           "empty SOURCE",
	} {
		if _, err := SourceRequest(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", in, err, want)
		}
	}
}
