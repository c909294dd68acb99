package seeds

import "slices"

// Small text and slice helpers every package uses.

// Clip shortens s to its first n runes followed by "…", or returns it as
// is when it has at most n runes. Every package that shows a shortened
// text (a measure's start, a question in a log line, an error) uses it.
func Clip(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j] + "…"
		}
		i++
	}
	return s
}

// AppendNew appends the xs that dst does not hold yet, in order.
func AppendNew(dst []string, xs ...string) []string {
	for _, x := range xs {
		if !slices.Contains(dst, x) {
			dst = append(dst, x)
		}
	}
	return dst
}

// OrEmpty returns xs, or an empty slice for nil, so that JSON shows [] and
// never null.
func OrEmpty[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
