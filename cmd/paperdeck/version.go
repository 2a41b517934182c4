package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Set at link time for release builds:
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD)"
//
// Otherwise they come from the build info (a module version when built by
// `go install …@v1.2.0`, the VCS revision when built in a checkout).
var (
	version = ""
	commit  = ""
)

// buildVersion is what --version prints, one fact per line.
type buildVersion struct {
	Version  string // "v1.2.0", or "dev"
	Commit   string // a revision, or "" when unknown
	Time     string // the commit's time, when known
	Modified bool   // built from a checkout with uncommitted changes
	Go       string // "go1.26.7 linux/amd64"
}

func readBuildVersion() buildVersion {
	info, _ := debug.ReadBuildInfo()
	return buildVersionOf(info, version, commit)
}

// buildVersionOf merges the -X overrides with the build info (nil when the
// binary has none).
func buildVersionOf(info *debug.BuildInfo, version, commit string) buildVersion {
	v := buildVersion{Version: version, Commit: commit, Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if info != nil {
		if info.GoVersion != "" {
			v.Go = info.GoVersion + " " + runtime.GOOS + "/" + runtime.GOARCH
		}
		if v.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v.Version = info.Main.Version
		}
		if v.Commit == "" {
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					v.Commit = s.Value
				case "vcs.time":
					v.Time = s.Value
				case "vcs.modified":
					v.Modified = s.Value == "true"
				}
			}
		}
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	return v
}

func (v buildVersion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "paperdeck %s\n", v.Version)
	switch {
	case v.Commit == "":
		b.WriteString("commit unknown\n")
	default:
		b.WriteString("commit " + v.Commit)
		if v.Time != "" {
			b.WriteString(" (" + v.Time + ")")
		}
		if v.Modified {
			b.WriteString(", with uncommitted changes")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "built with %s\n", v.Go)
	return b.String()
}

// setVersion makes `paperdeck --version` print the build's version,
// commit and Go version.
func setVersion(root *cobra.Command) {
	root.Version = readBuildVersion().Version
	// The template is printed as is: the braces in it are cobra's.
	root.SetVersionTemplate(strings.ReplaceAll(readBuildVersion().String(), "{{", "{{`{{`}}"))
	root.Flags().BoolP("version", "v", false, "print the version, commit and Go version")
}
