package index

import (
	"fmt"
	"strconv"
)

// examplesFile holds example questions grouped by the measure that answers
// them; "[none]" groups questions the guide does not answer.
const examplesFile = "examples.txt"

// Example is one question of the example bank.
type Example struct {
	// Measure is the measure that answers it, or 0 for an out-of-scope question.
	Measure int
	Text    string
	// Generated: written by the index (index/generate, or the domain's
	// out-of-scope bank), not by a person for this guide.
	Generated bool
}

// readExample adds one line of examples.txt under its "[N]" or "[none]" header.
func (lex *Lexicon) readExample(section, line string) error {
	if section == "" {
		return fmt.Errorf("question before any [N] or [none] header")
	}
	n := 0
	if section != "none" {
		v, err := strconv.Atoi(section)
		if err != nil || v <= 0 {
			return fmt.Errorf("header [%s]: want a measure number or none", section)
		}
		n = v
	}
	lex.Examples = append(lex.Examples, Example{Measure: n, Text: line})
	return nil
}

// folds assigns each example a fold: the i-th example of a group (a measure
// or none) goes to fold i mod k, so every fold holds some of each group.
func folds(exs []Example, k int) []int {
	seen := map[int]int{}
	out := make([]int, len(exs))
	for i, e := range exs {
		out[i] = seen[e.Measure] % k
		seen[e.Measure]++
	}
	return out
}
