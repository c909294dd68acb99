package main

import (
	"encoding/json"
	"fmt"

	"policybot/seeds"
)

const guideUsage = `usage: policybot guide [--seeds PATH] [--json]

Parse the policy guide and print its outline and integrity report: measures,
lead units, contacts, and what the corrupted seed lost (missing texts and
contacts, lost headings, where displaced sentences went, inconsistencies).
With --json, print the parsed guide as one JSON document instead.

Examples:
  policybot guide
  policybot guide --json | jq '.measures[] | select(.number == 2)'
  policybot guide --seeds ./other-district/`

func runGuide(env *environment, args []string) error {
	fs := newFlagSet("guide", guideUsage, env.stderr)
	seedPath := seedsFlag(fs)
	asJSON := fs.bool("json", false, "print the parsed guide as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("guide takes no arguments, got %q", fs.Arg(0))
	}
	g, err := seeds.Load(*seedPath)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(g); err != nil {
			return fmt.Errorf("write guide: %w", err)
		}
		return nil
	}
	return g.WriteOutline(env.stdout)
}

func seedsFlag(fs *flagSet) *string {
	return fs.string("seeds", "", "seed file, or directory of .txt files read in name order (default: the embedded Miyun guide)")
}
