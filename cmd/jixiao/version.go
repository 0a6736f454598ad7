package main

import (
	"runtime/debug"

	"github.com/jixiao/jixiao/internal/msg"
)

// versionText is what `jixiao --version` prints: the module version, and
// the VCS commit when the binary was built from a clone. `go run` and
// `go build` in a clone give the module version "(devel)", which means
// nothing to a user: the commit (and whether the tree had local changes)
// then identifies the build.
func versionText(p msg.Printer, info *debug.BuildInfo, ok bool) string {
	if !ok || info == nil {
		return p.Sprintf(msg.VersionUnknown)
	}
	version := info.Main.Version
	if version == "" || version == "(devel)" {
		version = p.Sprintf(msg.VersionDevel)
	}
	var rev, when, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	out := "jixiao " + version
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += p.Sprintf(msg.VersionCommit, rev)
		if when != "" {
			out += " (" + when + ")"
		}
		if modified == "true" {
			out += p.Sprintf(msg.VersionModified)
		}
	}
	return p.Sprintf(msg.VersionGo, out, info.GoVersion)
}
