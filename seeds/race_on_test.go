//go:build race

package seeds

// raceEnabled: under the race detector parsing is five to ten times slower.
// The twenty-seed figures (follow-ups kept, foreign phones, field slots)
// check what the parser reads, not concurrency: under it they run on the
// -short sample (figureSeeds), and the README's test command asserts the
// twenty-seed figures in a plain run before the race run.
const raceEnabled = true
