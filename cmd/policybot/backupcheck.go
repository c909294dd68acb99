package main

import (
	"fmt"

	"os"
	"path/filepath"
	"policybot/bot/admin"
)

// storeHeader names, in the admin listener's GET /backup response, the
// absolute path of the store being served, so that `backup --admin-url`
// can refuse another bot's database.
const storeHeader = admin.StoreHeader

// storePath is the absolute path of the store in dataDir.
func storePath(dataDir string) string {
	p := filepath.Join(dataDir, storeFile)
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// sameStore checks that the store an admin listener reports serving is the
// local one (the same file, however either path is spelled).
func sameStore(local, served, adminURL string) error {
	if served == "" {
		return fmt.Errorf("the admin listener at %s does not say which store it serves (an older policybot?); refusing to write its data as %s's backup", adminURL, local)
	}
	a, errA := os.Stat(local)
	b, errB := os.Stat(served)
	if errA == nil && errB == nil && os.SameFile(a, b) {
		return nil
	}
	if errB != nil && storePath(filepath.Dir(local)) == served {
		return nil // same path; the server sees it, this process may not (container)
	}
	return fmt.Errorf("the admin listener at %s serves %s, not %s; give the --data-dir of that bot, or the --admin-url of this one", adminURL, served, local)
}
