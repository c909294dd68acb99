//go:build !race

package dialog

const raceEnabled = false
