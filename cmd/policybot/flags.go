package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// flagSet is a flag.FlagSet whose flags each have a POLICYBOT_* environment
// variable: the variable sets the default, a flag on the command line wins.
// A variable that does not parse, a value out of range, and positional
// arguments to a command that takes none are errors from Parse, naming the
// variable or flag: nothing bad is silently ignored.
type flagSet struct {
	*flag.FlagSet
	envs []string // in definition order, for usage
	// envErrs holds, by flag name, the error of a variable that did not
	// parse; it matters only if the flag is not given on the command line.
	envErrs map[string]error
	checks  []func() error // range checks, run after parsing
	// positional is set by commands that take arguments (acceptArgs);
	// args are those arguments, flags taken out wherever they stood.
	positional bool
	args       []string
}

func newFlagSet(name, usage string, stderr io.Writer) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), envErrs: map[string]error{}}
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\nFlags (each also read from the environment variable shown):\n", strings.TrimSpace(usage))
		fs.PrintDefaults()
	}
	return fs
}

// acceptArgs declares that the command takes positional arguments. Flags
// may then stand before, between or after them ("ask 房租能减免吗 --json");
// everything after "--" is an argument.
func (fs *flagSet) acceptArgs() { fs.positional = true }

// Args returns the positional arguments.
func (fs *flagSet) Args() []string {
	if fs.positional {
		return fs.args
	}
	return fs.FlagSet.Args()
}

// NArg returns the number of positional arguments.
func (fs *flagSet) NArg() int { return len(fs.Args()) }

// Arg returns the i-th positional argument, or "".
func (fs *flagSet) Arg(i int) string {
	if a := fs.Args(); i >= 0 && i < len(a) {
		return a[i]
	}
	return ""
}

// parseInterleaved parses flags wherever they stand among the arguments.
// An unknown flag is an error naming it, as before the arguments.
func (fs *flagSet) parseInterleaved(args []string) error {
	args, verbatim, dashes := cutDashes(args)
	fs.args = nil
	for {
		if err := fs.FlagSet.Parse(args); err != nil {
			return err
		}
		rest := fs.FlagSet.Args()
		i := 0
		for i < len(rest) && !isFlagArg(rest[i]) {
			i++
		}
		fs.args = append(fs.args, rest[:i]...)
		if i == len(rest) {
			break
		}
		args = rest[i:]
	}
	if dashes {
		fs.args = append(fs.args, verbatim...)
	}
	return nil
}

// cutDashes splits args at the first "--": what follows is all arguments.
func cutDashes(args []string) (before, after []string, found bool) {
	for i, a := range args {
		if a == "--" {
			return args[:i], args[i+1:], true
		}
	}
	return args, nil, false
}

// isFlagArg reports whether a command-line word is a flag ("-json",
// "--data-dir=x"), not an argument ("-", a question).
func isFlagArg(a string) bool { return len(a) > 1 && a[0] == '-' }

// Parse parses args, then reports the first bad environment variable of a
// flag not given on the command line, a range check that fails, or
// positional arguments the command does not take, as a usage error.
func (fs *flagSet) Parse(args []string) error {
	parse := fs.FlagSet.Parse
	if fs.positional {
		parse = fs.parseInterleaved
	}
	if err := parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		// An unknown or malformed flag is a usage error (exit 2); the
		// flag package has printed the usage already.
		return usageErr{err.Error()}
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	names := make([]string, 0, len(fs.envErrs))
	for name := range fs.envErrs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if !given[name] {
			return usageErr{fs.envErrs[name].Error()}
		}
	}
	for _, check := range fs.checks {
		if err := check(); err != nil {
			return usageErr{err.Error()}
		}
	}
	if !fs.positional && fs.NArg() > 0 {
		return usageError("%s takes no arguments, got %q", fs.Name(), strings.Join(fs.Args(), " "))
	}
	return nil
}

// source names where a flag's value came from, for error messages: the
// flag if given on the command line, else its environment variable.
func (fs *flagSet) source(name string) string {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	if v, ok := os.LookupEnv(envName(name)); ok && !given {
		return fmt.Sprintf("%s=%q", envName(name), v)
	}
	return "--" + name
}

// envName is the environment variable for a flag: --data-dir → POLICYBOT_DATA_DIR.
func envName(flagName string) string {
	return "POLICYBOT_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func (fs *flagSet) usage(name, usage string) string {
	fs.envs = append(fs.envs, envName(name))
	return fmt.Sprintf("%s [$%s]", usage, envName(name))
}

func (fs *flagSet) string(name, def, usage string) *string {
	if v, ok := os.LookupEnv(envName(name)); ok {
		def = v
	}
	return fs.String(name, def, fs.usage(name, usage))
}

func (fs *flagSet) bool(name string, def bool, usage string) *bool {
	if v, ok := os.LookupEnv(envName(name)); ok {
		if b, err := strconv.ParseBool(strings.TrimSpace(v)); err == nil {
			def = b
		} else {
			fs.envErrs[name] = fmt.Errorf("%s=%q is not a boolean (true, false, 1, 0)", envName(name), v)
		}
	}
	return fs.Bool(name, def, fs.usage(name, usage))
}

func (fs *flagSet) int(name string, def int, usage string) *int {
	if v, ok := os.LookupEnv(envName(name)); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			def = n
		} else {
			fs.envErrs[name] = fmt.Errorf("%s=%q is not a whole number", envName(name), v)
		}
	}
	return fs.Int(name, def, fs.usage(name, usage))
}

// intMin is int with a lower bound, checked by Parse.
func (fs *flagSet) intMin(name string, def, min int, usage string) *int {
	p := fs.int(name, def, usage)
	fs.checks = append(fs.checks, func() error {
		if *p < min {
			return fmt.Errorf("%s: must be at least %d, got %d", fs.source(name), min, *p)
		}
		return nil
	})
	return p
}

// oneOf is string restricted to a set of values, checked by Parse.
func (fs *flagSet) oneOf(name, def string, values []string, usage string) *string {
	p := fs.string(name, def, usage+" ("+strings.Join(values, "|")+")")
	fs.checks = append(fs.checks, func() error {
		for _, v := range values {
			if *p == v {
				return nil
			}
		}
		return fmt.Errorf("%s: must be one of %s", fs.source(name), strings.Join(values, ", "))
	})
	return p
}
