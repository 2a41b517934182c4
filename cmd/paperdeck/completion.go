package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/paperdeck/paperdeck/internal/termsafe"
	"github.com/paperdeck/paperdeck/model"
	"github.com/paperdeck/paperdeck/store"
	"github.com/spf13/cobra"
)

// commonArxivCategories are offered after the config's own.
var commonArxivCategories = []string{"cs.LG", "cs.CL", "cs.CV", "cs.AI", "cs.RO", "cs.IR", "cs.NE", "stat.ML", "math.OC", "eess.AS", "q-bio.NC"}

// addCompletions teaches cobra's completion command (paperdeck completion
// bash|zsh|fish|powershell) the values of our flags, wherever they are.
func addCompletions(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	standaloneBash(root)
	now := time.Now
	values := map[string]func(cmd *cobra.Command) []string{
		"arxiv": func(cmd *cobra.Command) []string {
			cfg, _ := loadConfig(cmd)
			out := slices.Clone(cfg.ArxivCategories)
			for _, c := range commonArxivCategories {
				if !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
			return out
		},
		"date":  func(*cobra.Command) []string { return recent(now(), model.DayPeriod, 0, 0, -1) },
		"week":  func(*cobra.Command) []string { return recent(now(), model.WeekPeriod, 0, 0, -7) },
		"month": func(*cobra.Command) []string { return recent(now(), model.MonthPeriod, 0, -1, 0) },
		"tag":   func(*cobra.Command) []string { return bookmarkTags() },
	}
	formats := map[string][]string{
		"paperdeck list":             {"text", "markdown", "json"},
		"paperdeck bookmarks export": {"bibtex", "markdown", "json"},
	}
	for _, c := range commands(root) {
		for name, fn := range values {
			if c.Flags().Lookup(name) != nil {
				_ = c.RegisterFlagCompletionFunc(name, func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
					return fn(cmd), cobra.ShellCompDirectiveNoFileComp
				})
			}
		}
		if c.CommandPath() == "paperdeck bookmarks tag" {
			for _, name := range []string{"add", "remove"} {
				_ = c.RegisterFlagCompletionFunc(name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
					return bookmarkTags(), cobra.ShellCompDirectiveNoFileComp
				})
			}
		}
		if f, ok := formats[c.CommandPath()]; ok && c.Flags().Lookup("format") != nil {
			_ = c.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(f, cobra.ShellCompDirectiveNoFileComp))
		}
	}
}

// bookmarkTags are the bookmarks' tags, the most used first; none when
// the file cannot be read.
func bookmarkTags() []string {
	_, list, err := readBookmarks()
	if err != nil {
		return nil
	}
	var out []string
	for _, tc := range store.CountTags(list) {
		// A tag with escapes or line breaks (a hand-edited file) would
		// come out cleaned, or as two candidates: it would match nothing.
		if termsafe.Name(tc.Tag) == tc.Tag && !strings.ContainsAny(tc.Tag, "\t\n") {
			out = append(out, tc.Tag)
		}
	}
	return out
}

// recent is the last eight days, weeks or months, newest first.
func recent(t time.Time, period func(time.Time) model.Period, years, months, days int) []string {
	var out []string
	for range 8 {
		out = append(out, period(t).Value)
		t = t.AddDate(years, months, days)
	}
	return out
}

// bashShim stands in for bash-completion's _get_comp_words_by_ref, which
// cobra's bash script calls, when that package is not installed: the words
// up to the cursor, split at blanks only (so --format=json stays whole).
const bashShim = `# paperdeck: without the bash-completion package, a minimal stand-in for
# the one function of it that this script uses.
if ! declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
_get_comp_words_by_ref() {
    [[ "$1" == -n ]] && shift 2
    local __line="${COMP_LINE:0:COMP_POINT}" __ws
    read -ra __ws <<<"$__line"
    if [[ ${#__ws[@]} -eq 0 || "$__line" =~ [[:space:]]$ ]]; then __ws+=(""); fi
    while (($#)); do
        case "$1" in
        cur) cur="${__ws[${#__ws[@]}-1]}" ;;
        prev) prev=""; if ((${#__ws[@]} > 1)); then prev="${__ws[${#__ws[@]}-2]}"; fi ;;
        words) words=("${__ws[@]}") ;;
        cword) cword=$((${#__ws[@]} - 1)) ;;
        esac
        shift
    done
}
fi

`

// standaloneBash makes `paperdeck completion bash` work in a bash without
// the bash-completion package, which cobra's script otherwise needs.
func standaloneBash(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		for _, sh := range c.Commands() {
			if sh.Name() != "bash" || sh.RunE == nil {
				continue
			}
			gen := sh.RunE
			sh.RunE = func(cmd *cobra.Command, args []string) error {
				fmt.Fprint(cmd.OutOrStdout(), bashShim)
				return gen(cmd, args)
			}
			sh.Long = strings.Replace(sh.Long, "This script depends on the 'bash-completion' package.\nIf it is not installed already, you can install it via your OS's package manager.",
				"The script works with or without the bash-completion package.", 1)
		}
	}
}
