package main

import (
	"fmt"
	"regexp"
	"strings"
	"text/template"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jixiao/jixiao/internal/msg"
)

// wordHelp words in p's language the parts of the help cobra and pflag
// would write in English: the help and completion commands cobra adds
// (made here, before cobra would make them, so that they can be worded),
// every command's --help flag, and the usage with its headings, its
// "[flags]" and pflag's "(default …)".
func wordHelp(root *cobra.Command, p msg.Printer) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	name := root.Name()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			wordHelpCmd(c, p, name)
		case "completion":
			c.Short = p.Sprintf(msg.HelpCompletion)
			c.Long = p.Sprintf(msg.HelpCompletionLong, name)
			for _, sh := range c.Commands() {
				sh.Short = p.Sprintf(msg.HelpCompletionShell, sh.Name())
				if long, ok := completionLong(sh.Name()); ok {
					sh.Long = p.Sprintf(long, name)
				}
				if f := sh.Flags().Lookup("no-descriptions"); f != nil {
					f.Usage = p.Sprintf(msg.FlagNoDescriptions)
				}
			}
		}
	}
	// A --help declared by us, not by cobra at its run, is known when
	// cobra looks for the command among the arguments: "--help --lang
	// en" then reads en as --lang's value, not as a command.
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().BoolP("help", "h", false, p.Sprintf(msg.FlagHelp, c.Name()))
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	tmpl := template.Must(template.New("usage").Funcs(template.FuncMap{
		"rpad":                    func(s string, n int) string { return fmt.Sprintf("%-*s", n, s) },
		"trimTrailingWhitespaces": func(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) },
		"useLine":                 func(c *cobra.Command) string { return useLine(c, p) },
		"flagUsages":              func(fs *pflag.FlagSet) string { return flagUsages(fs, p) },
	}).Parse(p.Sprintf(msg.HelpUsage)))
	root.SetUsageFunc(func(c *cobra.Command) error {
		return tmpl.Execute(c.OutOrStderr(), c)
	})
}

// wordHelpCmd words cobra's help command, and has it say in p's language
// that it knows no such command.
func wordHelpCmd(c *cobra.Command, p msg.Printer, name string) {
	c.Use = p.Sprintf(msg.HelpHelpUse)
	c.Short = p.Sprintf(msg.HelpHelp)
	c.Long = p.Sprintf(msg.HelpHelpLong, name)
	c.Run = nil
	c.RunE = func(c *cobra.Command, args []string) error {
		cmd, _, err := c.Root().Find(args)
		if cmd == nil || err != nil {
			fmt.Fprint(c.OutOrStdout(), p.Sprintf(msg.HelpUnknownTopic, strings.Join(args, " ")))
			return c.Root().Usage()
		}
		cmd.InitDefaultVersionFlag()
		return cmd.Help()
	}
}

// completionLong is the long help of cobra's completion command for a
// shell.
func completionLong(shell string) (msg.Code, bool) {
	switch shell {
	case "bash":
		return msg.HelpCompletionBash, true
	case "zsh":
		return msg.HelpCompletionZsh, true
	case "fish":
		return msg.HelpCompletionFish, true
	case "powershell":
		return msg.HelpCompletionPwsh, true
	}
	return "", false
}

// useLine is the command's usage line, its "[flags]" worded.
func useLine(c *cobra.Command, p msg.Printer) string {
	line := c.UseLine()
	if s, ok := strings.CutSuffix(line, " [flags]"); ok {
		return s + " " + p.Sprintf(msg.HelpFlagsPlaceholder)
	}
	return line
}

// pflagDefault is the default pflag adds at the end of a flag's line.
var pflagDefault = regexp.MustCompile(` \(default (.*)\)$`)

// flagUsages is pflag's list of the flags, each flag's default worded.
func flagUsages(fs *pflag.FlagSet, p msg.Printer) string {
	lines := strings.Split(fs.FlagUsages(), "\n")
	for i, line := range lines {
		if m := pflagDefault.FindStringSubmatchIndex(line); m != nil {
			lines[i] = line[:m[0]] + p.Sprintf(msg.HelpDefault, line[m[2]:m[3]])
		}
	}
	return strings.Join(lines, "\n")
}
