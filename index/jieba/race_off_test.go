//go:build !race

package jieba

const raceEnabled = false
