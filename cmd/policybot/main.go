// Command policybot answers enterprise owners' questions about a district's
// relief-policy work guide (the one embedded in the binary, or --seeds), in
// a terminal or on Telegram.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	// The zone database, so --time-zone Asia/Shanghai works on a machine
	// (or a container image) without one.
	_ "time/tzdata"

	"policybot/seeds"
)

// environment is what a command may touch; tests substitute their own.
type environment struct {
	ctx    context.Context
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	summary string
	run     func(env *environment, args []string) error
}

var commands = map[string]command{
	"guide":   {"print the parsed guide's outline and integrity report (or --json)", runGuide},
	"index":   {"rebuild the search index now", runIndex},
	"ask":     {"search the guide for one question and show the decision and ranking", runAsk},
	"eval":    {"measure search quality on a question set (--baseline compares with bleve's CJK analyzer)", runEval},
	"serve":   {"run the Telegram bot (long polling or webhook), with an admin listener", runServe},
	"chat":    {"talk to the bot in the terminal (no token, no network); --jsonl for transcripts", runChat},
	"stats":   {"most asked, unanswered and down-voted questions, for tuning the lexicon", runStats},
	"match":   {"policy check-up: measures that may apply to an enterprise profile", runMatch},
	"version": {"print version and build information", runVersion},
	"backup":  {"write a consistent snapshot of the chat store (also while the bot runs)", runBackup},
	"store":   {"store check: look for damage in the chat store (or a backup)", runStore},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &environment{ctx: ctx, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
	os.Exit(run(env, os.Args[1:]))
}

// run executes one command line and returns the process exit code.
func run(env *environment, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		printUsage(env.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "policybot: unknown command %q\n\n", args[0])
		printUsage(env.stderr)
		return 2
	}
	err := cmd.run(env, args[1:])
	var ue usageErr
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(env.stderr, "policybot %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(env.stderr, "policybot %s: %v\n", args[0], err)
		return 1
	}
}

type usageErr struct{ msg string }

func (e usageErr) Error() string { return e.msg }

func usageError(format string, args ...any) error {
	return usageErr{fmt.Sprintf(format, args...)}
}

func printUsage(w io.Writer) {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("policybot answers questions about a district's relief-policy work guide")
	if g, err := seeds.Embedded(); err == nil && g.Title != "" {
		// Named from the parsed guide, so another seed never shows a stale name.
		fmt.Fprintf(&b, ";\nthe one embedded in this binary is %s", g.Title)
		if g.Published != "" {
			fmt.Fprintf(&b, " (%s)", g.Published)
		}
	}
	b.WriteString(".\n\n")
	b.WriteString("usage: policybot COMMAND [flags]\n\ncommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-8s %s\n", n, commands[n].summary)
	}
	b.WriteString(`
Examples:
  policybot chat                                  # talk to the bot in the terminal
  policybot ask 社保能缓交吗                        # one question: decision, ranking, contacts
  policybot ask 人社局电话
  printf '房租能减免吗\n找谁办\n' | policybot chat --jsonl
  policybot match --type 小微企业 --industry 餐饮 --need 房租
  policybot guide --json                          # the parsed guide as JSON
  TELEGRAM_BOT_TOKEN=… policybot serve            # the Telegram bot (see deploy/README.md)

Run 'policybot COMMAND --help' for a command's flags; every flag can also be set
with a POLICYBOT_* environment variable (--data-dir → POLICYBOT_DATA_DIR).
The bot token is read from $TELEGRAM_BOT_TOKEN or --token-file, never printed.
`)
	io.WriteString(w, b.String())
}
