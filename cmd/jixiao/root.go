package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/jixiao/jixiao/diag"
	"github.com/jixiao/jixiao/internal/msg"
	"github.com/jixiao/jixiao/spill"
)

// Exit statuses (README "Exit status").
const (
	exitOK          = 0 // all went well; failed checks are warnings
	exitUnitsFailed = 1 // the run finished but some units failed (or tests failed, or lint warned)
	exitNothing     = 2 // nothing was evaluated: bad flags, a ruleset that does not compile, unreadable data
	// exitInterrupted is the shells' status for a run stopped by Ctrl-C
	// (128 + SIGINT): nothing was written.
	exitInterrupted = 130
	// exitTerminated is the status of a run stopped by SIGTERM (128 +
	// SIGTERM), as a service manager or kill stops it.
	exitTerminated = 143
)

// stopSignal is the cause of a run's cancellation by a signal.
type stopSignal struct{ sig syscall.Signal }

func (s stopSignal) Error() string { return s.sig.String() + " signal received" }

// exitStatus is the shells' status of a process the signal stopped.
func (s stopSignal) exitStatus() int { return 128 + int(s.sig) }

// exitError carries an exit status with the error to print, if any.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// failWith returns an error that makes run exit with code; err may be nil
// when everything was already said.
func failWith(code int, err error) error { return &exitError{code: code, err: err} }

// streams are the command's standard streams; tests pass buffers. msg
// words the messages in the language of the run (--lang, else the
// environment).
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	msg    msg.Printer
}

// run executes the command line and returns the exit status. Ctrl-C
// (SIGINT) or SIGTERM cancels the run: evaluation stops, as does a wait to
// open or read a FIFO, no output file is written or left half-written,
// and the status is exitInterrupted (SIGINT) or exitTerminated (SIGTERM).
// A second signal kills the process at once.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case sig := <-sigs:
			// The default action comes back for the next signal.
			signal.Stop(sigs)
			cancel(stopSignal{sig.(syscall.Signal)})
		case <-done:
		}
	}()
	return runContext(ctx, args, stdin, stdout, stderr)
}

// runContext is run under a context that tests may cancel.
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	io := &streams{In: stdin, Out: stdout, ErrOut: stderr, msg: msg.Printer{Lang: langOf(args, os.Getenv)}}
	var prof profile
	root := newRootCmd(io, &prof)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if perr := prof.stop(ctx); perr != nil && err == nil {
		err = failWith(exitNothing, perr)
	}
	if err == nil {
		return exitOK
	}
	if ctx.Err() != nil {
		return interrupted(io.ErrOut, io.msg, ctx, err)
	}
	return exitCode(io, err)
}

// interrupted says how a cancelled run ended and gives its exit status:
// 128 + the signal's number, or exitInterrupted when a caller cancelled.
func interrupted(w io.Writer, p msg.Printer, ctx context.Context, err error) int {
	code := exitInterrupted
	var sig stopSignal
	if errors.As(context.Cause(ctx), &sig) {
		code = sig.exitStatus()
	}
	how := p.Sprintf(msg.RunInterrupted)
	if code == exitTerminated {
		how = p.Sprintf(msg.RunTerminated)
	}
	var part *partialOutput
	if errors.As(err, &part) {
		fmt.Fprintln(w, p.Sprintf(msg.RunPartOutput, how, part.path))
	} else {
		fmt.Fprintln(w, p.Sprintf(msg.RunNoOutput, how))
	}
	return code
}

// exitCode prints err once and maps it to an exit status.
func exitCode(io *streams, err error) int {
	var ee *exitError
	code := exitNothing
	if errors.As(err, &ee) {
		if ee.err == nil {
			return ee.code
		}
		code, err = ee.code, ee.err
	}
	// Positioned errors start with FILE:LINE:COL, as editors expect.
	var list diag.List
	var one *diag.Error
	if l, ok := err.(diag.List); ok {
		fmt.Fprintln(io.ErrOut, l.Text(
			func(n int) string { return io.msg.Sprintf(msg.RunMoreErrors, n) },
			func(n int) string { return io.msg.Count(msg.RunErrorCount, n) }))
		return code
	}
	if errors.As(err, &list) || errors.As(err, &one) {
		fmt.Fprintln(io.ErrOut, err)
		return code
	}
	// A temporary file that could not be written (the disk full, TMPDIR
	// missing) is the user's to fix, whichever stage spilled: say so in
	// the run's language, with the system's own words.
	var sp *spill.Error
	if errors.As(err, &sp) {
		fmt.Fprintln(io.ErrOut, io.msg.Sprintf(msg.RunPrefix, io.msg.Sprintf(msg.ErrSpill, sp.Err)))
		return code
	}
	if ee != nil {
		fmt.Fprintln(io.ErrOut, io.msg.Sprintf(msg.RunPrefix, err))
		return code
	}
	// Anything else comes from cobra's flag parsing or our own usage checks.
	fmt.Fprintln(io.ErrOut, io.msg.Sprintf(msg.RunPrefix, usageError(io.msg, err)))
	fmt.Fprintln(io.ErrOut, io.msg.Sprintf(msg.RunUsage))
	return exitNothing
}

func newRootCmd(io *streams, prof *profile) *cobra.Command {
	v := viper.New()
	var configFile string
	root := &cobra.Command{
		Use:           "jixiao",
		Short:         io.msg.Sprintf(msg.HelpRoot),
		Long:          io.msg.Sprintf(msg.HelpRootLong),
		Example:       io.msg.Sprintf(msg.HelpRootExample),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := loadSettings(io, v, configFile, cmd); err != nil {
				return err
			}
			return prof.start(cmd.Context(), inputFiles(cmd, io))
		},
	}
	info, ok := debug.ReadBuildInfo()
	root.Version = versionText(io.msg, info, ok)
	root.SetVersionTemplate("{{.Version}}\n")
	root.PersistentFlags().StringVar(&configFile, "config", "", io.msg.Sprintf(msg.FlagConfig))
	// --lang was read before the commands were made (their help is in
	// its language); here it is declared, and checked.
	root.PersistentFlags().Var(langFlag{}, "lang", io.msg.Sprintf(msg.FlagLang))
	root.Flags().Bool("version", false, io.msg.Sprintf(msg.FlagVersion))
	prof.addFlags(root.PersistentFlags(), io.msg)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetIn(io.In)
	root.AddCommand(
		newEvalCmd(io),
		newRulesetsCmd(io),
		newIndicatorsCmd(io),
		newTestCmd(io),
		newReviewCmd(io),
		newLintCmd(io),
		newExplainCmd(io),
		newDiffCmd(io),
		newGenCmd(io),
		newMonitorCmd(io),
		newServeCmd(io),
	)
	wordHelp(root, io.msg)
	return root
}

// settingsFile is the settings file of --config flag: the flag's file, or
// jixiao.yaml in the working directory (read when it exists).
func settingsFile(flag string) string {
	if flag != "" {
		return flag
	}
	return "jixiao.yaml"
}

// loadSettings reads app settings (config file, JIXIAO_* environment) and
// applies them to every flag of cmd that the command line did not set.
// Rulesets and data are never read through viper: it lower-cases keys and
// treats dots as nesting, which would corrupt user-defined ids.
func loadSettings(st *streams, v *viper.Viper, configFile string, cmd *cobra.Command) error {
	v.SetEnvPrefix("JIXIAO")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	if configFile != "" {
		if err := checkSettingsKeys(configFile); err != nil {
			return failWith(exitNothing, err)
		}
		v.SetConfigFile(configFile)
		if err := v.ReadInConfig(); err != nil {
			return failWith(exitNothing, st.msg.Wrap(err, msg.ErrSettingsLead, configFile))
		}
		warnUnknownSettings(st.ErrOut, st.msg, configFile, cmd.Root())
	} else if _, err := os.Stat("jixiao.yaml"); err == nil {
		if err := checkSettingsKeys("jixiao.yaml"); err != nil {
			return failWith(exitNothing, err)
		}
		v.SetConfigFile("jixiao.yaml")
		if err := v.ReadInConfig(); err != nil {
			return failWith(exitNothing, st.msg.Wrap(err, msg.ErrSettingsLead, "jixiao.yaml"))
		}
		warnUnknownSettings(st.ErrOut, st.msg, "jixiao.yaml", cmd.Root())
	}
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || f.Hidden || f.Name == "config" || f.Name == "help" {
			return
		}
		key := f.Name
		if !v.IsSet(key) {
			return
		}
		val := v.GetString(key)
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			err = sv.Replace(v.GetStringSlice(key))
		} else {
			err = f.Value.Set(val)
		}
		// lang from the settings file words the run's messages from here
		// on (the help, made before, keeps the language langOf found).
		if l, lerr := msg.Parse(val); key == "lang" && err == nil && lerr == nil {
			st.msg.Lang = l
		}
		if err != nil {
			err = failWith(exitNothing, st.msg.Wrap(err, msg.ErrSettingLead, key, val))
		}
	})
	return err
}
