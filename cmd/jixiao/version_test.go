package main

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/jixiao/jixiao/internal/msg"
)

func TestVersionText(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "b60ca6a0123456789abcdef0123456789abcdef0"},
		{Key: "vcs.time", Value: "2026-12-02T04:56:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	for _, c := range []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"clone", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: vcs},
			true, "jixiao development build, commit b60ca6a01234 (2026-12-02T04:56:00Z), with local changes, go1.26.8"},
		{"go install", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.0"}},
			true, "jixiao v1.2.0, go1.26.8"},
		{"clean clone", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.1-0.20261202045600-b60ca6a01234"}, Settings: vcs[:3]},
			true, "jixiao v1.2.1-0.20261202045600-b60ca6a01234, commit b60ca6a01234 (2026-12-02T04:56:00Z), go1.26.8"},
		{"no info", nil, false, "jixiao (version unknown: built without module information)"},
	} {
		if got := versionText(msg.Printer{Lang: msg.EN}, c.info, c.ok); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestVersionFlag: --version prints one line and reads no settings or data.
func TestVersionFlag(t *testing.T) {
	code, out, errOut := runCLI(t, "--version")
	if code != exitOK || errOut != "" || !strings.HasPrefix(out, "jixiao ") || strings.Count(out, "\n") != 1 || !strings.Contains(out, "go1.") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestVersionChinese: the same information in Chinese, the default.
func TestVersionChinese(t *testing.T) {
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "b60ca6a0123456789abcdef0123456789abcdef0"}, {Key: "vcs.modified", Value: "true"}}}
	want := "jixiao 开发版，提交 b60ca6a01234，含未提交的修改，go1.26.8 编译"
	if got := versionText(msg.Printer{Lang: msg.ZH}, info, true); got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
