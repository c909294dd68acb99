package main

import (
	"fmt"
	"strings"

	"policybot/index/tags"
	"policybot/seeds"
)

const matchUsage = `usage: policybot match [--type T] [--industry I] [--need N] [--json]

Policy check-up (政策体检): the measures that may apply to an enterprise of
this profile, grouped by need, with the contacts to call. Any question may be
left out. Values: see policybot guide --tags, or the [type], [industry] and
[need] sections of index/data/tags.txt.

Examples:
  policybot match --type 小微企业 --industry 餐饮 --need 房租
  policybot match --type 个体工商户 --json`

func runMatch(env *environment, args []string) error {
	fs := newFlagSet("match", matchUsage, env.stderr)
	f := addIndexFlags(fs)
	typ := fs.string("type", "", "enterprise type, e.g. 小微企业, 个体工商户, 外资企业")
	industry := fs.string("industry", "", "industry, e.g. 餐饮, 零售, 物流运输")
	need := fs.string("need", "", "main need, e.g. 房租, 社保, 贷款融资")
	asJSON := fs.bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ix, done, err := f.open(env)
	if err != nil {
		return err
	}
	defer done()
	p := tags.Profile{Type: *typ, Industry: *industry, Need: *need}
	for dim, v := range map[string]string{tags.DimType: p.Type, tags.DimIndustry: p.Industry, tags.DimNeed: p.Need} {
		if v != "" && !contains(ix.ProfileValues(dim), v) {
			return usageError("unknown %s %q; one of: %s", dim, v, strings.Join(ix.ProfileValues(dim), ", "))
		}
	}
	hits := ix.Match(p)
	type hitJSON struct {
		Number  int       `json:"number"`
		Need    string    `json:"need"`
		Matched []string  `json:"matched"`
		Text    string    `json:"text"`
		Contact []contact `json:"contacts"`
	}
	out := struct {
		Profile  tags.Profile `json:"profile"`
		Measures []hitJSON    `json:"measures"`
	}{p, []hitJSON{}}
	for _, h := range hits {
		m := ix.Guide().Measure(h.Number)
		out.Measures = append(out.Measures, hitJSON{h.Number, h.Need, seeds.OrEmpty(h.Matched), m.Text, contacts(m.Contacts)})
	}
	if *asJSON {
		return writeJSON(env, out)
	}
	fmt.Fprintf(env.stdout, "profile: type=%q industry=%q need=%q — %d measures may apply\n", p.Type, p.Industry, p.Need, len(hits))
	for _, h := range out.Measures {
		fmt.Fprintf(env.stdout, "  [%s] %d. %s\n", orDash(h.Need), h.Number, seeds.Clip(h.Text, 40))
		for _, c := range h.Contact {
			fmt.Fprintf(env.stdout, "        %s %s %s %s\n", c.Unit, c.Department, strings.Join(c.People, "、"), strings.Join(c.Phones, "、"))
		}
	}
	return nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
