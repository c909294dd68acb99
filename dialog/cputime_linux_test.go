//go:build linux

package dialog_test

import (
	"syscall"
	"time"
)

// processCPU is the user and system CPU time of the whole process: a
// turn's own cost including the goroutines it fans out to, which a
// machine busy with other work inflates far less than wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
