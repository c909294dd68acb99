// Package tags is the policy check-up (政策体检): word rules (data/tags.txt,
// to which an operator's tags.txt in the data directory adds) tag each
// measure of a guide with the kinds of enterprise, industries and needs it
// names, and Match lists the measures that may apply to an enterprise's
// profile. Reading a typed answer to a profile question is the index's job
// (index.Index.ProfileValue).
package tags

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"policybot/seeds"
)

// Profile questions of the policy check-up (政策体检), in the order asked.
const (
	DimType     = "type"
	DimIndustry = "industry"
	DimNeed     = "need"
)

// Dimensions lists the profile questions in the order they are asked.
var Dimensions = []string{DimType, DimIndustry, DimNeed}

// File is the name of the rules file, built in and in an operator's data
// directory.
const File = "tags.txt"

//go:embed data/tags.txt
var builtin []byte

// Rules are the check-up rules of data/tags.txt: per dimension, the
// values in file order and the words that tag a measure with each.
type Rules struct {
	values   map[string][]string            // dimension -> values in order
	words    map[string]map[string][]string // dimension -> value -> words
	audience []string
	govern   []string
}

// Load reads the built-in rules and, when dir is not "", adds those of
// dir/tags.txt if there is one. A malformed line is an error naming it.
func Load(dir string) (*Rules, error) {
	r := &Rules{values: map[string][]string{}, words: map[string]map[string][]string{}}
	sources := []func() ([]byte, error){func() ([]byte, error) { return builtin, nil }}
	if dir != "" {
		sources = append(sources, func() ([]byte, error) { return os.ReadFile(filepath.Join(dir, File)) })
	}
	for _, read := range sources {
		data, err := read()
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("load tag rules: %w", err)
		}
		if err := r.parse(string(data)); err != nil {
			return nil, fmt.Errorf("load tag rules: %w", err)
		}
	}
	return r, nil
}

func (r *Rules) parse(data string) error {
	return seeds.EachLine(data, func(n int, section, line string) error {
		value, list, ok := strings.Cut(line, ":")
		value = strings.TrimSpace(value)
		words := seeds.SplitWords(list)
		if !ok || value == "" || len(words) == 0 || section == "" {
			return fmt.Errorf("%s line %d: want 'value: word, word' under a [section]: %q", File, n, line)
		}
		switch section {
		case "audience":
			r.audience = append(r.audience, words...)
		case "government":
			r.govern = append(r.govern, words...)
		default:
			if r.words[section] == nil {
				r.words[section] = map[string][]string{}
			}
			if _, seen := r.words[section][value]; !seen {
				r.values[section] = append(r.values[section], value)
			}
			r.words[section][value] = append(r.words[section][value], words...)
		}
		return nil
	})
}

// Tags is what the check-up rules find in one measure.
type Tags struct {
	Enterprise bool                // addressed to enterprises, not internal government work
	Values     map[string][]string // dimension -> values, in rule order
}

// Tag finds the tags of measure m in its text and follow-up sentences.
func (r *Rules) Tag(m *seeds.Measure) Tags {
	text := m.Text + strings.Join(m.Details, "")
	t := Tags{Values: map[string][]string{}}
	t.Enterprise = containsAnyWord(text, r.audience) && !containsAnyWord(text, r.govern)
	for dim, values := range r.values {
		for _, v := range values {
			if containsAnyWord(text, r.words[dim][v]) {
				t.Values[dim] = append(t.Values[dim], v)
			}
		}
	}
	return t
}

func containsAnyWord(text string, words []string) bool {
	for _, w := range words {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// Values returns the values a profile question offers, in order.
func (r *Rules) Values(dim string) []string { return r.values[dim] }

// Names reports whether text names value v of dimension dim: the value
// itself or one of its words.
func (r *Rules) Names(text, dim, v string) bool {
	return strings.Contains(text, v) || containsAnyWord(text, r.words[dim][v])
}

// Profile is an enterprise's answers to the check-up; "" means skipped.
type Profile struct {
	Type, Industry, Need string
}

func (p Profile) value(dim string) string {
	switch dim {
	case DimType:
		return p.Type
	case DimIndustry:
		return p.Industry
	}
	return p.Need
}

// Hit is a measure that may apply to a profile, and why.
type Hit struct {
	Number  int
	Matched []string // profile values the measure names
	Need    string   // the need it serves ("" if none of the profile's)
}

// Match returns the enterprise-facing measures that may apply to p, best
// first: a measure naming one of p's values qualifies unless it names only
// other values of the same question (a measure for 个体工商户 and 小微企业 does
// not fit a 大型企业); one naming none stays generic and qualifies when p has
// no answers at all.
// tagged holds each measure's tags by number.
func Match(g *seeds.Guide, tagged map[int]Tags, p Profile) []Hit {
	var hits []Hit
	answered := p.Type != "" || p.Industry != "" || p.Need != ""
	for _, m := range g.Measures {
		t := tagged[m.Number]
		if !t.Enterprise || m.Text == "" {
			continue
		}
		h := Hit{Number: m.Number}
		fits := true
		for _, dim := range Dimensions {
			want, have := p.value(dim), t.Values[dim]
			switch {
			case want == "":
			case slices.Contains(have, want):
				h.Matched = append(h.Matched, want)
			case len(have) > 0 || dim == DimNeed:
				fits = false // names other kinds of enterprise, or meets another need
			}
		}
		if !fits || answered && len(h.Matched) == 0 {
			continue
		}
		if needs := t.Values[DimNeed]; p.Need != "" && slices.Contains(needs, p.Need) {
			h.Need = p.Need
		} else if len(needs) > 0 {
			h.Need = needs[0]
		}
		hits = append(hits, h)
	}
	sort.SliceStable(hits, func(i, j int) bool { return len(hits[i].Matched) > len(hits[j].Matched) })
	return hits
}
