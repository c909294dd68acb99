//go:build unix

package seeds

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestFIFOSeed: a FIFO given as the seed, or as a .txt in a seed
// directory, is refused at once with a clear error; it never blocks.
func TestFIFOSeed(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "guide.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	for _, path := range []string{fifo, dir} {
		done := make(chan error, 1)
		go func() { _, err := Load(path); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("Load(%s): %v", path, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Load(%s) blocked on a FIFO", path)
		}
	}
	if _, err := readRegular(os.DevNull); err == nil {
		t.Error("a device was read as a seed")
	}
}
