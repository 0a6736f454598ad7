package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSettingsDuplicateKeys: viper reads settings ignoring case and lets
// the last of two JSON keys win, so a setting given twice (in any case)
// is refused where the second is; one given once is read as before.
func TestSettingsDuplicateKeys(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ file, src, want string }{
		{"a.yaml", "format: json\nruleset: dept-2013\nFormat: csv\n", `a.yaml:3:1: key "Format" means the same as "format" (line 1, column 1): keep one`},
		{"b.yml", "format: json\nformat: csv\n", `b.yml:2:1: duplicate key "format" (first at line 1, column 1): keep one`},
		{"c.json", "{\"format\": \"json\",\n \"format\": \"csv\"}", `c.json:2:2: duplicate key "format" (first at line 1, column 2): keep one`},
		{"d.json", "{\"format\": \"json\", \"ruleset\": \"dept-2013\"}", ""},
		{"e.yaml", "format: json\nruleset: dept-2013\n", ""},
	} {
		path := filepath.Join(dir, tc.file)
		if err := os.WriteFile(path, []byte(tc.src), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCLI(t, "--config", path, "eval")
		if tc.want == "" {
			if code != exitOK || !strings.Contains(out, `"id":"dept-2013"`) {
				t.Errorf("%s: exit %d, stderr %s, output %.100s", tc.file, code, errOut, out)
			}
			continue
		}
		if code != exitNothing || !strings.HasPrefix(errOut, filepath.Join(dir, tc.want)) || out != "" {
			t.Errorf("%s: exit %d, stderr %s\nwant %s", tc.file, code, errOut, tc.want)
		}
	}
}

// TestSettingsUnknownKeys: a key of the settings file that no command has
// as a flag is warned of where it is, with the closest flag name; the run
// goes on with the keys it knows. A flag of another command (workers:
// while running lint) is no unknown key.
func TestSettingsUnknownKeys(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jixiao.yaml")
	if err := os.WriteFile(path, []byte("ruleset: dept-2013\nfromat: json\nworkers: 2\ncolour: red\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "--config", path, "--lang", "zh", "eval")
	want := "警告：" + path + ":2:1：未知的设置项 fromat，已忽略（可用的设置项即各命令的参数名，如 ruleset、format）；是否想写 format？\n" +
		"警告：" + path + ":4:1：未知的设置项 colour，已忽略（可用的设置项即各命令的参数名，如 ruleset、format）\n"
	if code != exitOK || !strings.HasPrefix(errOut, want) || !strings.Contains(out, "dept-2013") {
		t.Errorf("exit %d, stderr:\n%s\nwant it to start with:\n%s", code, errOut, want)
	}
	t.Chdir(dir)
	_, _, errOut = runCLI(t, "--lang", "en", "lint", "grid-center")
	if !strings.Contains(errOut, "warning: jixiao.yaml:2:1: unknown setting fromat, ignored (settings are the commands' flag names, such as ruleset, format); did you mean format?\n") || strings.Contains(errOut, "workers") {
		t.Errorf("lint with ./jixiao.yaml: stderr:\n%s", errOut)
	}
}
