package main

import (
	"net/http"
	"strings"
	"testing"
)

// answer503 makes the mirror answer 503 to every request.
func (m *netMirror) answer503() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.before = func(w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	}
}

// Hugging Face and arXiv answering 503 to everything, nothing cached: every
// selector prints nothing and exits with the "no data" status, saying why.
// Each run waits out its real retries, so they run side by side.
func TestListAgainst503PrintsNothingAndExitsNoData(t *testing.T) {
	m := newNetMirror(t, nil)
	m.answer503()
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--date", "2025-01-09"}, "paperdeck: could not load Thursday 2025-01-09 (no cached copy): fetching Thursday 2025-01-09 from "},
		{[]string{"--search", "flow matching"}, `paperdeck: could not search "flow matching" (no cached copy): `},
		{[]string{"--week", "2025-W02"}, "paperdeck: could not load week 2025-W02 (no cached copy): fetching week 2025-W02 from "},
		{[]string{"--arxiv", "cs.LG"}, "paperdeck: could not load arXiv cs.LG (no cached copy): fetching arXiv cs.LG from "},
		{[]string{"--offline", "--date", "2025-01-09"}, "paperdeck: offline: no cached copy of Thursday 2025-01-09\n"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			args := append([]string{"list", "--json"}, tc.args...)
			out, errOut, code := runPaperdeck(t, m.env(t.TempDir()), args...)
			if code != exitNoData || out != "" {
				t.Errorf("exit %d, stdout %q; want %d and nothing", code, out, exitNoData)
			}
			if !strings.HasPrefix(errOut, tc.stderr) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("stderr %q, want one line starting %q", errOut, tc.stderr)
			}
			if tc.args[0] != "--offline" && !strings.Contains(errOut, "503 Service Unavailable") {
				t.Errorf("stderr %q does not say the source answered 503", errOut)
			}
		})
	}
}

// --demo and a stale cached copy are answers: printed, exit 0, a notice.
func TestListAgainst503DemoAndStaleCacheArePrinted(t *testing.T) {
	m := newNetMirror(t, map[string]string{"/papers/week/2025-W02": "handmade_hf_week_2025-W02.html"})
	cache := t.TempDir()
	online, _, code := runInProcess(t, m.env(cache), "list", "--week", "2025-W02", "--json")
	if code != 0 || len(decodePapers(t, online)) != 2 {
		t.Fatalf("online run: exit %d", code)
	}
	m.answer503()

	out, errOut, code := runInProcess(t, m.env(cache), "list", "--week", "2025-W02", "--json")
	if code != 0 || out != online {
		t.Errorf("stale cache: exit %d, stdout %q; want 0 and the cached papers", code, out)
	}
	want := "paperdeck: could not load week 2025-W02: Hugging Face answered 503; showing the cached copy of week 2025-W02 from "
	if !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stale cache: stderr %q, want one line starting %q", errOut, want)
	}

	out, errOut, code = runInProcess(t, m.env(t.TempDir()), "list", "--demo", "--json")
	if code != 0 || len(decodePapers(t, out)) != 13 || errOut != "paperdeck: demo: showing the bundled snapshot of Thursday 2024-08-01\n" {
		t.Errorf("--demo: exit %d, stderr %q", code, errOut)
	}
}

// A typo is a usage error (2), not "no data" (3) and not a failure (1).
func TestListExitStatusesTellUsageFromNoDataFromFailure(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"list", "--week", "2024-31"}, exitUsage},
		{[]string{"list", "--date", "2024-08-01", "--trending"}, exitUsage},
		{[]string{"list", "--format", "xml"}, exitUsage},
		{[]string{"list", "--no-such-flag"}, exitUsage},
		{[]string{"list", "a.json", "b.json"}, exitUsage},
		{[]string{"list", "https://example.org/papers"}, exitUsage},
		{[]string{"list", testdata("no-such-file.json")}, exitFailed},
		{[]string{"list", "--offline", "--month", "2025-01"}, exitNoData},
	} {
		out, errOut, code := runInProcess(t, nil, tc.args...)
		if code != tc.code || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d", tc.args, code, out, errOut, tc.code)
		}
	}
}
