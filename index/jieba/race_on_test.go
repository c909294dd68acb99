//go:build race

package jieba

// raceEnabled: the race detector keeps shadow memory for every byte the
// process touches, so a resident-set budget says nothing under it.
const raceEnabled = true
