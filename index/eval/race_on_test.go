//go:build race

package eval

// raceEnabled: under the race detector every search is five to ten times
// slower, and the figure tests (leave-one-guide-out, guides together) check
// figures, not concurrency. They run on a sample of the guides there; the
// README's test command asserts the figures in a plain run (see logoIDs).
const raceEnabled = true
