package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"policybot/index/tags"
	"policybot/seeds"
)

const guideUsage = `usage: policybot guide [--seeds PATH] [--json | --tags]

Parse the policy guide and print its outline and integrity report: measures,
lead units, contacts, and what the corrupted seed lost (missing texts and
contacts, lost headings, where displaced sentences went, inconsistencies).
With --json, print the parsed guide as one JSON document instead: each
measure's "details" are its follow-up sentences and "details_evidence" says
what placed each one ("between 第3条's start and its contact", "before
第52条's contact block", "by content"); a measure with "text_lost" true and
details keeps only those sentences of its wording. With
--tags, list each measure's policy check-up tags (computed from its text by
the rules in index/data/tags.txt) for review.

Examples:
  policybot guide
  policybot guide --json | jq '.measures[] | select(.number == 2)'
  policybot guide --seeds ./other-district/
  policybot guide --tags`

func runGuide(env *environment, args []string) error {
	fs := newFlagSet("guide", guideUsage, env.stderr)
	f := addIndexFlags(fs)
	seedPath := f.seeds
	asJSON := fs.bool("json", false, "print the parsed guide as JSON")
	tags := fs.bool("tags", false, "list each measure's check-up tags")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("guide takes no arguments, got %q", fs.Arg(0))
	}
	if *tags {
		return writeTags(env, f)
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
	return fs.string("seeds", "", "seed file, or directory of .txt files read in name order (default: the guide embedded in the binary)")
}

func writeTags(env *environment, f indexFlags) error {
	ix, done, err := f.open(env)
	if err != nil {
		return err
	}
	defer done()
	for _, m := range ix.Guide().Measures {
		t := ix.Tags(m.Number)
		audience := "enterprise"
		if !t.Enterprise {
			audience = "government/none"
		}
		var parts []string
		for _, dim := range tags.Dimensions {
			if v := t.Values[dim]; len(v) > 0 {
				parts = append(parts, dim+"="+strings.Join(v, ","))
			}
		}
		fmt.Fprintf(env.stdout, "%3d  %-15s %s\n     %s\n", m.Number, audience, strings.Join(parts, "  "), seeds.Clip(m.Text, 40))
	}
	return nil
}
