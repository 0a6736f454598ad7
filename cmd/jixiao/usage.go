package main

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/jixiao/jixiao/internal/msg"
)

// cobraErrors are the errors cobra makes of a command line as plain
// text (its argument checks, an unknown command), and their wording.
var cobraErrors = []struct {
	re   *regexp.Regexp
	code msg.Code
}{
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), msg.ErrArgsExact},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), msg.ErrArgsMin},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), msg.ErrArgsMax},
}

// unknownCommand is cobra's error for a word that names no command, with
// its suggestions, if any.
var unknownCommand = regexp.MustCompile(`(?s)^unknown command "(.*)" for "(.*?)"(?:\n\nDid you mean this\?\n(.*?))?\n?$`)

// usageError is err, an error of the command line from cobra or pflag,
// in p's language. English is theirs as it is; in Chinese, an error of a
// kind not known here is left as they word it.
func usageError(p msg.Printer, err error) string {
	if p.Lang == msg.EN {
		return err.Error()
	}
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			return p.Sprintf(msg.ErrUnknownShorthand, rune(notExist.GetSpecifiedName()[0]), short)
		}
		return p.Sprintf(msg.ErrUnknownFlag, notExist.GetSpecifiedName())
	case errors.As(err, &needs):
		if short := needs.GetSpecifiedShortnames(); short != "" {
			return p.Sprintf(msg.ErrShortNeedsValue, rune(needs.GetSpecifiedName()[0]), short)
		}
		return p.Sprintf(msg.ErrFlagNeedsValue, needs.GetSpecifiedName())
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		name := "--" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			name = "-" + f.Shorthand + ", " + name
		}
		var cause any = errors.Unwrap(invalid)
		if _, ok := cause.(*strconv.NumError); ok {
			cause = msg.WordWantNumber
		}
		return p.Sprintf(msg.ErrFlagValue, invalid.GetValue(), name, cause)
	case errors.As(err, &syntax):
		return p.Sprintf(msg.ErrFlagSyntax, syntax.GetSpecifiedFlag())
	}
	text := err.Error()
	if m := unknownCommand.FindStringSubmatch(text); m != nil {
		s := p.Sprintf(msg.ErrUnknownCommand, m[1], m[2])
		if m[3] != "" {
			s += p.Sprintf(msg.ErrDidYouMean, strings.TrimRight(m[3], "\n"))
		}
		return s
	}
	for _, e := range cobraErrors {
		if m := e.re.FindStringSubmatch(text); m != nil {
			want, _ := strconv.Atoi(m[1])
			got, _ := strconv.Atoi(m[2])
			return p.Sprintf(e.code, want, got)
		}
	}
	return text
}
