package model

import (
	"testing"
	"time"
)

func TestPeriodShift(t *testing.T) {
	tests := []struct {
		from Period
		n    int
		want string
	}{
		{Period{Day, "2025-01-10"}, 1, "2025-01-11"},
		{Period{Day, "2025-03-01"}, -1, "2025-02-28"},
		{Period{Day, "2024-03-01"}, -1, "2024-02-29"},
		{Period{Week, "2025-W01"}, -1, "2024-W52"},
		{Period{Week, "2020-W53"}, 1, "2021-W01"},
		{Period{Week, "2025-W02"}, 1, "2025-W03"},
		{Period{Month, "2025-01"}, -1, "2024-12"},
		{Period{Month, "2025-12"}, 1, "2026-01"},
	}
	for _, tt := range tests {
		if got := tt.from.Shift(tt.n); got.Value != tt.want || got.Kind != tt.from.Kind {
			t.Errorf("%v shifted %d = %v, want %s", tt.from, tt.n, got, tt.want)
		}
	}
	if got := (Period{Kind: Trending}).Shift(1); got != (Period{Kind: Trending}) {
		t.Errorf("trending has no neighbours, got %v", got)
	}
}

func TestParsePeriod(t *testing.T) {
	good := []Period{{Day, "2025-01-09"}, {Week, "2025-W02"}, {Week, "2020-W53"}, {Month, "2025-01"}}
	for _, p := range good {
		if _, err := ParsePeriod(p.Kind, p.Value); err != nil {
			t.Errorf("%v: %v", p, err)
		}
	}
	bad := []Period{{Day, "2025-13-01"}, {Day, "09.01.2025"}, {Week, "2025-W54"}, {Week, "2025-W00"},
		{Week, "2025-2"}, {Week, "2021-W53"}, {Month, "2025-1"}, {Day, ""}}
	for _, p := range bad {
		if _, err := ParsePeriod(p.Kind, p.Value); err == nil {
			t.Errorf("%v accepted", p)
		}
	}
}

func TestPeriodAsAndString(t *testing.T) {
	day := Period{Day, "2025-01-11"}
	if got := day.As(Week, time.Time{}); got.Value != "2025-W02" {
		t.Errorf("week of %v = %v", day, got)
	}
	if got := day.As(Month, time.Time{}); got.Value != "2025-01" {
		t.Errorf("month of %v = %v", day, got)
	}
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	if got := (Period{Kind: Trending}).As(Day, now); got.Value != "2026-11-28" {
		t.Errorf("day of trending = %v, want today", got)
	}
	for p, want := range map[Period]string{
		day:                       "Saturday 2025-01-11",
		{Week, "2025-W02"}:        "week 2025-W02",
		{Month, "2025-01"}:        "January 2025",
		{Search, "flow matching"}: `search "flow matching"`,
		{Arxiv, "cs.LG"}:          "arXiv cs.LG",
		{Kind: Trending}:          "trending",
	} {
		if got := p.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", p, got, want)
		}
	}
}

func TestAllLinks(t *testing.T) {
	p := Paper{URL: "https://huggingface.co/papers/1", PDFURL: "https://arxiv.org/pdf/1", GitHub: "https://github.com/a/b",
		Links: []string{"https://github.com/a/b", "https://x.org"}}
	links := p.AllLinks()
	if len(links) != 4 || links[2].Label != "code" || links[3].URL != "https://x.org" {
		t.Errorf("links %+v: want page, pdf, code, then the abstract's other link, each once", links)
	}
}
