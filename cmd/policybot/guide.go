package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"policybot/index"
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
details keeps only those sentences of its wording, and one with "frame"
true is an article on the document itself (总则, 附则: its scope, who
interprets it, when it takes effect), never an answer. With
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
	f.addGuideFlag(fs)
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
	gs, err := seeds.LoadGuides(*seedPath)
	if err != nil {
		return err
	}
	if len(gs) > 1 {
		return writeGuides(env, gs, *asJSON)
	}
	g := gs[0]
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(g); err != nil {
			return fmt.Errorf("write guide: %w", err)
		}
		return nil
	}
	fmt.Fprintf(env.stdout, "ID: %s (%s, as a bot serving several guides names it)\n", index.GuideID(g), index.GuideLabel(g))
	return g.WriteOutline(env.stdout)
}

// writeGuides lists several guides: id, key, label and size, or (JSON)
// each parsed guide with its id.
func writeGuides(env *environment, gs []*seeds.Guide, asJSON bool) error {
	if asJSON {
		var out []map[string]any
		for _, g := range gs {
			out = append(out, map[string]any{"id": index.GuideID(g), "key": g.Key(), "guide": g})
		}
		return writeJSON(env, out)
	}
	for _, g := range gs {
		fmt.Fprintf(env.stdout, "%-18s %-22s %-36s %3d measures\n", index.GuideID(g), g.Key(), index.GuideLabel(g), len(g.Measures))
	}
	fmt.Fprintln(env.stdout, "(one guide's outline and report: policybot guide --seeds FILE)")
	return nil
}

func seedsFlag(fs *flagSet) *string {
	return fs.string("seeds", "", "the guides to serve, comma-separated: a seed file; \"embedded\" (the guide compiled into the binary); a directory of guides "+
		"(subdirectories with guide.txt, or .txt files that are each a guide); or a directory of one guide's parts (.txt files read in name order). "+
		"Default: the embedded guide alone; given, it replaces the embedded guide unless \"embedded\" is listed")
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
