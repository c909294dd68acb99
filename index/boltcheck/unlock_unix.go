//go:build unix

package boltcheck

import (
	"os"
	"syscall"
	"time"
)

// unlock releases bbolt's flock on f explicitly: closing the descriptor is
// not enough while bbolt's memory map of the file (which a failed open
// leaves behind) still references it.
func unlock(f *os.File) {
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// waitUnlocked polls for a shared flock on path (bbolt's writer holds an
// exclusive one) until it gets it, releasing it at once, or until timeout.
func waitUnlocked(path string, timeout time.Duration) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		if err == nil {
			syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
			return nil
		}
		if err != syscall.EWOULDBLOCK {
			return err
		}
		if time.Now().After(deadline) {
			return ErrLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}
