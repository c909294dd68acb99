//go:build race

package main

// raceDetector: under the race detector, whose runtime intercepts signals,
// a SIGHUP sent to a child started with SIGHUP ignored was observed not to
// reach the child's handler, so the crash tests only check that the
// SIGHUPs do not kill it, not that they reload.
const raceDetector = true
