//go:build !unix

package boltcheck

import "os"

// unlock is a no-op where bbolt does not lock with flock: closing the file
// is what there is.
func unlock(*os.File) {}
