package seeds

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
