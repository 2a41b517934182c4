package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// date_format is strftime-like, the notation newsboat, mutt and date(1)
// users already know. Only the date directives make sense for a paper's
// publication day, so only they are accepted.
var dateDirectives = map[string]func(t time.Time) string{
	"Y":  func(t time.Time) string { return strconv.Itoa(t.Year()) },
	"y":  func(t time.Time) string { return fmt.Sprintf("%02d", t.Year()%100) },
	"m":  func(t time.Time) string { return fmt.Sprintf("%02d", int(t.Month())) },
	"-m": func(t time.Time) string { return strconv.Itoa(int(t.Month())) },
	"d":  func(t time.Time) string { return fmt.Sprintf("%02d", t.Day()) },
	"-d": func(t time.Time) string { return strconv.Itoa(t.Day()) },
	"e":  func(t time.Time) string { return fmt.Sprintf("%2d", t.Day()) },
	"b":  func(t time.Time) string { return t.Format("Jan") },
	"B":  func(t time.Time) string { return t.Format("January") },
	"a":  func(t time.Time) string { return t.Format("Mon") },
	"A":  func(t time.Time) string { return t.Format("Monday") },
	"j":  func(t time.Time) string { return fmt.Sprintf("%03d", t.YearDay()) },
	"V":  func(t time.Time) string { _, w := t.ISOWeek(); return fmt.Sprintf("%02d", w) },
	"G":  func(t time.Time) string { y, _ := t.ISOWeek(); return strconv.Itoa(y) },
	"F":  func(t time.Time) string { return t.Format(time.DateOnly) },
	"%":  func(time.Time) string { return "%" },
}

const dateDirectiveList = "%Y %y %m %-m %d %-d %e %b %B %a %A %j %V %G %F %%"

// checkDateFormat reports the first directive paperdeck does not know.
func checkDateFormat(f string) error {
	if f == "" {
		return fmt.Errorf("an empty format (want e.g. %%Y-%%m-%%d)")
	}
	_, err := formatDate(f, time.Date(2025, 1, 9, 0, 0, 0, 0, time.UTC))
	return err
}

func formatDate(f string, t time.Time) (string, error) {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			b.WriteByte(f[i])
			continue
		}
		name := ""
		switch {
		case i+1 >= len(f):
			return "", fmt.Errorf("a lone %% at the end (write %%%% for a percent sign)")
		case f[i+1] == '-' && i+2 < len(f):
			name = f[i+1 : i+3]
		default:
			name = f[i+1 : i+2]
		}
		fn, ok := dateDirectives[name]
		if !ok {
			return "", fmt.Errorf("%%%s is not a date directive (known: %s)", name, dateDirectiveList)
		}
		b.WriteString(fn(t))
		i += len(name)
	}
	return b.String(), nil
}

// FormatDate writes a paper's publication day ("YYYY-MM-DD") in the
// configured format; anything else (an empty or partial date) is returned
// as it is.
func (c Config) FormatDate(published string) string {
	t, err := time.Parse(time.DateOnly, published)
	if err != nil {
		return published
	}
	out, err := formatDate(c.DateFormat, t)
	if err != nil {
		return published
	}
	return out
}
