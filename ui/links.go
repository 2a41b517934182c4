package ui

import (
	"errors"
	"io"
	"net/url"
	"os/exec"
	"strings"
	"unicode"

	"github.com/cli/browser"

	"github.com/paperdeck/paperdeck/internal/termsafe"
)

// plainHTTPHosts may be opened over http as well as https: the sources
// paperdeck reads, which redirect to https themselves.
var plainHTTPHosts = map[string]bool{
	"huggingface.co":   true,
	"arxiv.org":        true,
	"www.arxiv.org":    true,
	"export.arxiv.org": true,
	"github.com":       true,
	"www.github.com":   true,
}

// upgradedHosts serve the same pages over https: their http links, common
// in bibliographies (http://dx.doi.org/10.…), are opened over https.
var upgradedHosts = map[string]bool{
	"doi.org":    true,
	"dx.doi.org": true,
}

const maxURLLen = 2048

// CheckURL is the one gate every link passes before a browser sees it. It
// accepts an absolute https URL (http for the sources' own hosts, made
// https for upgradedHosts) with a host, no user info, no spaces or control
// characters, at most 2048 bytes,
// and returns it rebuilt from its parsed parts, so what is opened is
// exactly what was checked and can never start with "-".
func CheckURL(raw string) (string, error) {
	switch {
	case raw == "":
		return "", errors.New("empty link")
	case len(raw) > maxURLLen:
		return "", errors.New("link longer than 2048 bytes")
	}
	for _, r := range raw {
		if unicode.IsSpace(r) || !termsafe.Keeps(r) {
			return "", errors.New("link contains spaces or control characters")
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", errors.New("link does not parse")
	}
	host := strings.ToLower(u.Hostname())
	switch {
	case u.Scheme == "":
		return "", errors.New("not an absolute link") // "-a", "--remote-debugging-port=9222"
	case u.Scheme != "https" && u.Scheme != "http":
		// The scheme is a parsed one (letters, digits, "+-."): safe to show.
		return "", errors.New(u.Scheme + ": links are not opened")
	case u.Opaque != "":
		return "", errors.New("not an absolute link")
	case u.User != nil:
		return "", errors.New("link carries a user name or password")
	case host == "":
		return "", errors.New("link has no host")
	case u.Scheme == "http" && upgradedHosts[host]:
		u.Scheme = "https"
	case u.Scheme == "http" && !plainHTTPHosts[host]:
		return "", errors.New("plain http link to " + host)
	}
	clean := url.URL{
		Scheme:   u.Scheme,
		Host:     strings.ToLower(u.Host),
		Path:     u.Path,
		RawPath:  u.RawPath,
		RawQuery: u.RawQuery,
		Fragment: u.Fragment,
	}
	return clean.String(), nil
}

// Opener hands a checked URL to a browser.
type Opener func(url string) error

// BrowserOpener honours $BROWSER (its value given as browserEnv: a program
// and optional arguments, run directly, never through a shell; an argument
// "%s" is replaced by the URL, else the URL comes last) and otherwise asks
// the system's opener. The URL is always one argument. The browser reads
// nothing from the terminal and its output is discarded, so it cannot
// scribble over the screen.
//
// The opener returns when the browser program does (a running browser
// hands the URL over and exits at once): it runs inside a command, so it
// needs no goroutine of its own and its failure reaches the status bar.
func BrowserOpener(browserEnv string) Opener {
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	// $BROWSER may list several programs separated by ':'; use the first.
	first, _, _ := strings.Cut(browserEnv, ":")
	args := strings.Fields(first)
	if len(args) == 0 {
		return browser.OpenURL
	}
	return func(u string) error {
		argv := append([]string(nil), args[1:]...)
		placed := false
		for i, a := range argv {
			if a == "%s" {
				argv[i], placed = u, true
			}
		}
		if !placed {
			argv = append(argv, u)
		}
		// Stdin, Stdout and Stderr stay nil: the null device.
		return exec.Command(args[0], argv...).Run()
	}
}
