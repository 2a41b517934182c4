package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is what a listing covers.
type PeriodKind string

const (
	Day      PeriodKind = "day"
	Week     PeriodKind = "week"
	Month    PeriodKind = "month"
	Trending PeriodKind = "trending"
	Search   PeriodKind = "search"
	Arxiv    PeriodKind = "arxiv" // an arXiv category's new submissions
	File     PeriodKind = "file"  // a local file
	Latest   PeriodKind = "latest"
)

// Period names a listing: a kind and its value ("2025-01-09", "2025-W02",
// "2025-01", a search query, an arXiv category, a file path).
type Period struct {
	Kind  PeriodKind `json:"kind"`
	Value string     `json:"value,omitempty"`
}

func (p Period) IsZero() bool { return p.Kind == "" }

// Dated reports whether the period is a day, week or month, the kinds that
// have a previous and a next.
func (p Period) Dated() bool { return p.Kind == Day || p.Kind == Week || p.Kind == Month }

func (p Period) String() string {
	switch p.Kind {
	case Day:
		if t, err := time.Parse(time.DateOnly, p.Value); err == nil {
			return t.Format("Monday 2006-01-02")
		}
	case Week:
		return "week " + p.Value
	case Month:
		if t, err := time.Parse("2006-01", p.Value); err == nil {
			return t.Format("January 2006")
		}
	case Trending:
		return "trending"
	case Latest:
		return "latest"
	case Search:
		return fmt.Sprintf("search %q", p.Value)
	case Arxiv:
		return "arXiv " + p.Value
	}
	return p.Value
}

// DayPeriod, WeekPeriod and MonthPeriod build periods from a time.
func DayPeriod(t time.Time) Period { return Period{Day, t.Format(time.DateOnly)} }

func WeekPeriod(t time.Time) Period {
	y, w := t.ISOWeek()
	return Period{Week, fmt.Sprintf("%04d-W%02d", y, w)}
}

func MonthPeriod(t time.Time) Period { return Period{Month, t.Format("2006-01")} }

// ParsePeriod reads a day (YYYY-MM-DD), week (YYYY-Www) or month (YYYY-MM)
// and says what was expected when the value is none of them.
func ParsePeriod(kind PeriodKind, value string) (Period, error) {
	p := Period{kind, value}
	if _, err := p.Start(); err != nil {
		return Period{}, err
	}
	return p, nil
}

// Start is the first day of a dated period.
func (p Period) Start() (time.Time, error) {
	switch p.Kind {
	case Day:
		t, err := time.Parse(time.DateOnly, p.Value)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q is not a date: want YYYY-MM-DD", p.Value)
		}
		return t, nil
	case Month:
		t, err := time.Parse("2006-01", p.Value)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q is not a month: want YYYY-MM", p.Value)
		}
		return t, nil
	case Week:
		return weekStart(p.Value)
	}
	return time.Time{}, fmt.Errorf("a %s listing has no date", p.Kind)
}

// weekStart is the Monday of an ISO week "YYYY-Www".
func weekStart(v string) (time.Time, error) {
	bad := fmt.Errorf("%q is not a week: want YYYY-Www, e.g. 2025-W02", v)
	year, week, ok := strings.Cut(v, "-W")
	if !ok || len(year) != 4 || len(week) != 2 {
		return time.Time{}, bad
	}
	y, err1 := strconv.Atoi(year)
	w, err2 := strconv.Atoi(week)
	if err1 != nil || err2 != nil || w < 1 || w > 53 {
		return time.Time{}, bad
	}
	// January 4th is always in week 1.
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	t := monday.AddDate(0, 0, 7*(w-1))
	if gy, gw := t.ISOWeek(); gy != y || gw != w {
		return time.Time{}, bad
	}
	return t, nil
}

// Shift moves a dated period by n days, weeks or months; other kinds are
// returned unchanged.
func (p Period) Shift(n int) Period {
	t, err := p.Start()
	if err != nil {
		return p
	}
	switch p.Kind {
	case Day:
		return DayPeriod(t.AddDate(0, 0, n))
	case Week:
		return WeekPeriod(t.AddDate(0, 0, 7*n))
	case Month:
		return MonthPeriod(t.AddDate(0, n, 0))
	}
	return p
}

// As converts a dated period to another dated kind around the same start
// (day → its week, week → its month…); for an undated period it uses now.
func (p Period) As(kind PeriodKind, now time.Time) Period {
	t, err := p.Start()
	if err != nil {
		t = now
	}
	switch kind {
	case Day:
		return DayPeriod(t)
	case Week:
		return WeekPeriod(t)
	case Month:
		return MonthPeriod(t)
	}
	return Period{Kind: kind}
}
