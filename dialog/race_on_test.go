//go:build race

package dialog

// raceEnabled: the race detector slows every turn about tenfold, so the
// longest tests run a sample of their questions under it.
const raceEnabled = true
