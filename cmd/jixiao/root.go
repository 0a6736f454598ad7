package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/jixiao/jixiao/diag"
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

// streams are the command's standard streams; tests pass buffers.
type streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
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
	io := &streams{In: stdin, Out: stdout, ErrOut: stderr}
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
		return interrupted(io.ErrOut, ctx, err)
	}
	return exitCode(io, err)
}

// interrupted says how a cancelled run ended and gives its exit status:
// 128 + the signal's number, or exitInterrupted when a caller cancelled.
func interrupted(w io.Writer, ctx context.Context, err error) int {
	code := exitInterrupted
	var sig stopSignal
	if errors.As(context.Cause(ctx), &sig) {
		code = sig.exitStatus()
	}
	how := "interrupted"
	if code == exitTerminated {
		how = "terminated"
	}
	var part *partialOutput
	if errors.As(err, &part) {
		fmt.Fprintf(w, "jixiao: %s; %s got part of the output (a FIFO or device is written as the output is made)\n", how, part.path)
	} else {
		fmt.Fprintf(w, "jixiao: %s; no output was written\n", how)
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
	if errors.As(err, &list) || errors.As(err, &one) {
		fmt.Fprintln(io.ErrOut, err)
		return code
	}
	if ee != nil {
		fmt.Fprintln(io.ErrOut, "jixiao:", err)
		return code
	}
	// Anything else comes from cobra's flag parsing or our own usage checks.
	fmt.Fprintln(io.ErrOut, "jixiao:", err)
	fmt.Fprintln(io.ErrOut, "Run 'jixiao --help' for usage.")
	return exitNothing
}

func newRootCmd(io *streams, prof *profile) *cobra.Command {
	v := viper.New()
	var configFile string
	root := &cobra.Command{
		Use:   "jixiao",
		Short: "Score budget-performance self-evaluations (绩效自评) against a ruleset",
		Long: `jixiao scores the yearly performance self-evaluations (绩效自评) of budget units.

A ruleset (YAML) defines the indicator system once: inputs, indicators with
their formulas, weights, targets and scoring rules (财预〔2020〕10号), consistency
checks and grade bands. jixiao runs it over every unit's reported data (CSV,
XLSX, YAML, JSON, JSON Lines) and gives each unit its points per indicator, a
total, a grade (优/良/中/差), a rank and an explanation of every number.

App settings come from flags, JIXIAO_* environment variables (JIXIAO_FORMAT,
JIXIAO_RULESET, ...) and a config file jixiao.yaml in the working directory
(or --config), in that order of precedence.`,
		Example: `  $ jixiao eval                                   # demo units, default ruleset
  $ jixiao eval -r grid-center -d fixtures/lusong-grid-2022.yaml -f json
  $ jixiao explain -r grid-center -d fixtures/lusong-grid-2022.yaml LS2022
  $ jixiao rulesets
  $ jixiao test`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := loadSettings(v, configFile, cmd); err != nil {
				return err
			}
			return prof.start(cmd.Context(), inputFiles(cmd, io))
		},
	}
	root.PersistentFlags().StringVar(&configFile, "config", "", "settings file (default ./jixiao.yaml when it exists)")
	prof.addFlags(root.PersistentFlags())
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
		newServeCmd(io),
	)
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
func loadSettings(v *viper.Viper, configFile string, cmd *cobra.Command) error {
	v.SetEnvPrefix("JIXIAO")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	if configFile != "" {
		if err := checkSettingsKeys(configFile); err != nil {
			return failWith(exitNothing, err)
		}
		v.SetConfigFile(configFile)
		if err := v.ReadInConfig(); err != nil {
			return failWith(exitNothing, fmt.Errorf("read settings %s: %w", configFile, err))
		}
	} else if _, err := os.Stat("jixiao.yaml"); err == nil {
		if err := checkSettingsKeys("jixiao.yaml"); err != nil {
			return failWith(exitNothing, err)
		}
		v.SetConfigFile("jixiao.yaml")
		if err := v.ReadInConfig(); err != nil {
			return failWith(exitNothing, fmt.Errorf("read settings jixiao.yaml: %w", err))
		}
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
		if err != nil {
			err = failWith(exitNothing, fmt.Errorf("setting %s=%q: %w", key, val, err))
		}
	})
	return err
}
