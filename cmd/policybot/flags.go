package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// flagSet is a flag.FlagSet whose flags each have a POLICYBOT_* environment
// variable: the variable sets the default, a flag on the command line wins.
type flagSet struct {
	*flag.FlagSet
	envs []string // in definition order, for usage
}

func newFlagSet(name, usage string, stderr io.Writer) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError)}
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "%s\n\nFlags (each also read from the environment variable shown):\n", strings.TrimSpace(usage))
		fs.PrintDefaults()
	}
	return fs
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
		if b, err := strconv.ParseBool(v); err == nil {
			def = b
		}
	}
	return fs.Bool(name, def, fs.usage(name, usage))
}

func (fs *flagSet) int(name string, def int, usage string) *int {
	if v, ok := os.LookupEnv(envName(name)); ok {
		if n, err := strconv.Atoi(v); err == nil {
			def = n
		}
	}
	return fs.Int(name, def, fs.usage(name, usage))
}
