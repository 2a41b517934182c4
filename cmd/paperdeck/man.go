package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/paperdeck/paperdeck/config"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the manual page (roff); read it with: paperdeck man | man -l -",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			writeManPage(cmd.OutOrStdout(), cmd.Root())
			return nil
		},
	}
}

// writeManPage writes one paperdeck(1) page from the command tree, so the
// page and --help cannot drift apart, with the keys and the config file's
// keys from package config.
func writeManPage(w io.Writer, root *cobra.Command) {
	m := &manWriter{w: w}
	v := readBuildVersion()
	date := ""
	if len(v.Time) >= 10 {
		date = v.Time[:10]
	}
	m.macro("TH", "PAPERDECK", "1", date, "paperdeck "+v.Version, "User Commands")
	// Flags and paths must copy as typed: no hyphenation, no justification.
	m.raw(".nh")
	m.raw(".ad l")
	m.section("NAME")
	m.text(root.Name() + " - " + strings.ToLower(root.Short[:1]) + root.Short[1:])

	m.section("SYNOPSIS")
	for i, c := range commands(root) {
		if i > 0 {
			m.raw(".br")
		}
		m.synopsis(c)
	}

	m.section("DESCRIPTION")
	m.paragraphs(root.Long)

	m.section("OPTIONS")
	m.flags(root.NonInheritedFlags())

	m.section("COMMANDS")
	for _, c := range commands(root)[1:] {
		m.macro("SS", c.CommandPath())
		if c.Name() == "completion" {
			m.text("Print a script that completes paperdeck's commands, flags and their values in SHELL: " +
				"bash, zsh, fish or powershell. In bash: source <(paperdeck completion bash). " +
				"paperdeck completion SHELL --help says how to load it for every session.")
			continue
		}
		m.paragraphs(firstOf(c.Long, c.Short))
		m.flags(c.LocalNonPersistentFlags())
	}

	m.section("KEYS")
	m.text("In the reader; the [keys] table of the config file (below) changes any of them.")
	group := ""
	for _, a := range config.Actions() {
		if a.Group != group {
			group = a.Group
			m.macro("SS", group)
		}
		m.raw(".TP")
		m.raw(`.B ` + m.escape(strings.Join(a.Keys, ", ")))
		m.text(a.Desc + " (" + a.Name + ")")
	}

	m.section("CONFIGURATION")
	m.text("paperdeck reads $XDG_CONFIG_HOME/paperdeck/config.toml (else ~/.config/paperdeck/config.toml), " +
		"or the file --config names. It is optional; paperdeck config init writes it with every key at its default. " +
		"A problem in it is reported in one line naming the file, the line and the key, " +
		"and paperdeck starts anyway, with the default for what it cannot use.")
	for _, s := range config.Settings() {
		m.raw(".TP")
		m.raw(`.BR ` + m.quoteArg(s.Key) + ` " (default " ` + m.quoteArg(s.Default) + ` ")"`)
		m.text(s.Doc)
	}

	m.section("ENVIRONMENT")
	for _, e := range [][2]string{
		{"PAPERDECK_HF_URL", "Fetch Hugging Face pages from this base URL instead (a mirror, a test server). The links paperdeck shows and opens stay on huggingface.co."},
		{"PAPERDECK_ARXIV_URL", "The same for arXiv."},
		{"BROWSER", "The program that opens links, when the config file sets no browser."},
		{"NO_COLOR", "When set to anything, no colours (as --no-color)."},
		{"HTTPS_PROXY, HTTP_PROXY, NO_PROXY", "The proxy for network requests."},
		{"XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_STATE_HOME", "Where the files below live (an absolute path; a relative one is ignored)."},
	} {
		m.raw(".TP")
		m.raw(".B " + m.escape(e[0]))
		m.text(e[1])
	}

	m.section("FILES")
	for _, f := range [][2]string{
		{"$XDG_CONFIG_HOME/paperdeck/config.toml", "The settings (see CONFIGURATION)."},
		{"$XDG_DATA_HOME/paperdeck/bookmarks.json", "Bookmarks, with the whole paper record, tags and notes; bookmarks.json.bak is the previous version."},
		{"$XDG_DATA_HOME/paperdeck/readmarks.json", "Which papers were opened, and when each listing was last visited."},
		{"$XDG_CACHE_HOME/paperdeck/", "Cached pages and listings, read when offline."},
		{"$XDG_STATE_HOME/paperdeck/", "Crash logs."},
	} {
		m.raw(".TP")
		m.raw(".I " + m.escape(f[0]))
		m.text(f[1])
	}

	m.section("EXIT STATUS")
	m.text("0 on success; 1 on an error, explained in one line on stderr; 2 on a bad flag or argument; " +
		"3 when the listing asked for could be had neither from its source nor from the cache (nothing is printed); " +
		"130 when interrupted.")

	m.section("EXAMPLES")
	for _, ex := range [][2]string{
		{"paperdeck", "The latest Hugging Face daily papers."},
		{"paperdeck --week 2025-W02", "A week's papers."},
		{"paperdeck --arxiv cs.LG", "arXiv's new cs.LG submissions."},
		{"paperdeck list --date 2025-01-09 --format markdown", "A day's papers as a Markdown digest, without the reader."},
		{"paperdeck ~/Downloads/papers.html", "A saved page, read offline."},
		{"source <(paperdeck completion bash)", "Tab completion in bash."},
	} {
		m.raw(".TP")
		m.raw(".B " + m.escape(ex[0]))
		m.text(ex[1])
	}
}

// commands is the root and every command under it that --help shows;
// cobra's completion command counts as one (its shells are its argument).
func commands(root *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{root}
	if root.Name() == "completion" {
		return out
	}
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand() || c.Name() == "help" {
			continue
		}
		out = append(out, commands(c)...)
	}
	return out
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// manWriter writes roff, escaping every piece of text it is given.
type manWriter struct{ w io.Writer }

func (m *manWriter) raw(line string) { fmt.Fprintln(m.w, line) }

func (m *manWriter) section(name string) { m.raw(".SH " + m.quoteArg(name)) }

func (m *manWriter) macro(name string, args ...string) {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = m.quoteArg(a)
	}
	m.raw("." + name + " " + strings.Join(q, " "))
}

// text writes a filled paragraph's lines.
func (m *manWriter) text(s string) {
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			m.raw(".PP")
			continue
		}
		m.raw(m.escape(line))
	}
}

// paragraphs keeps the blank lines of a cobra Long text as paragraphs.
func (m *manWriter) paragraphs(s string) {
	for i, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if i > 0 {
			m.raw(".PP")
		}
		m.text(p)
	}
}

func (m *manWriter) synopsis(c *cobra.Command) {
	name := c.CommandPath()
	rest := strings.TrimSpace(strings.TrimPrefix(c.UseLine(), name))
	switch {
	case c.Name() == "completion":
		rest = "bash|zsh|fish|powershell"
	case !strings.Contains(rest, "[flags]"):
		rest = "[flags] " + rest
	}
	m.raw(".B " + m.quoteArg(name))
	if rest != "" {
		m.raw(m.escape(rest))
	}
}

func (m *manWriter) flags(fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		head := `\fB` + m.escape("--"+f.Name) + `\fR`
		if f.Shorthand != "" {
			head = `\fB` + m.escape("-"+f.Shorthand) + `\fR, ` + head
		}
		varname, usage := pflag.UnquoteUsage(f)
		if varname != "" {
			head += ` \fI` + m.escape(varname) + `\fR`
		}
		if f.Value.Type() != "bool" && f.DefValue != "" && f.DefValue != "[]" {
			usage += " (default " + f.DefValue + ")"
		}
		m.raw(".TP")
		m.raw(head)
		m.text(usage)
	})
}

// escape makes text safe as roff: backslashes and hyphens written out (so
// "--date" copies as typed), non-ASCII as \[uXXXX], and no line may start
// like a request.
func (m *manWriter) escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r == '\t':
			b.WriteByte(' ')
		case r < ' ' || r == 0x7f:
		case r > 0x7f:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if strings.HasPrefix(out, ".") || strings.HasPrefix(out, "'") {
		out = `\&` + out
	}
	return out
}

// quoteArg is a macro argument: escaped and in quotes.
func (m *manWriter) quoteArg(s string) string {
	return `"` + strings.ReplaceAll(m.escape(s), `"`, `\(dq`) + `"`
}
