//go:build !unix

package boltcheck

import (
	"os"
	"time"
)

// unlock is a no-op where bbolt does not lock with flock: closing the file
// is what there is.
func unlock(*os.File) {}

// waitUnlocked cannot see another process's lock here; bbolt's own open
// reports it.
func waitUnlocked(string, time.Duration) error { return nil }
