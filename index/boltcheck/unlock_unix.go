//go:build unix

package boltcheck

import (
	"os"
	"syscall"
)

// unlock releases bbolt's flock on f explicitly: closing the descriptor is
// not enough while bbolt's memory map of the file (which a failed open
// leaves behind) still references it.
func unlock(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
