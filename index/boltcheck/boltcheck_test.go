package boltcheck

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func sample(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucketIfNotExists([]byte("log"))
		small, _ := tx.CreateBucketIfNotExists([]byte("small")) // inline bucket
		small.Put([]byte("k"), []byte("v"))
		for i := range 3000 {
			b.Put(fmt.Appendf(nil, "key%05d", i), bytes.Repeat([]byte{'x'}, 100+i%300))
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	return b
}

func TestPrecheck(t *testing.T) {
	good := sample(t)
	page := os.Getpagesize()
	tests := []struct {
		name    string
		damage  func([]byte) []byte
		damaged bool
	}{
		{"intact", func(b []byte) []byte { return b }, false},
		{"empty", func([]byte) []byte { return nil }, false},
		{"half", func(b []byte) []byte { return b[:len(b)/2] }, true},
		{"one page", func(b []byte) []byte { return b[:page] }, true},
		{"zeroed metas", func(b []byte) []byte { clear(b[:2*page]); return b }, true},
		{"zeroed meta 0 only", func(b []byte) []byte { clear(b[:page]); return b }, false}, // meta 1 is a valid fallback, as in bbolt
		{"zeroed data pages", func(b []byte) []byte { clear(b[4*page : 8*page]); return b }, true},
		{"zeroed everything", func(b []byte) []byte { return make([]byte, len(b)) }, true},
		// Every page readable, but the keys out of order: bbolt's own check
		// (run at open on a file without a freelist, in a goroutine where it
		// crashes the process) reports it, so Precheck must.
		{"keys out of order", func(b []byte) []byte {
			i := bytes.Index(b, []byte("key00010"))
			copy(b[i:], "key00099")
			return b
		}, true},
		{"a key beyond its parent's bound", func(b []byte) []byte {
			i := bytes.LastIndex(b, []byte("key02999"))
			copy(b[i:], "key00000")
			return b
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			os.WriteFile(path, tt.damage(bytes.Clone(good)), 0o600)
			err := Precheck(path)
			if got := errors.Is(err, ErrDamaged); got != tt.damaged || !got && err != nil {
				t.Errorf("Precheck: %v, want damaged=%v", err, tt.damaged)
			}
		})
	}
}

func TestGuard(t *testing.T) {
	err := Guard(func() error { var m map[string]int; m["x"] = 1; return nil })
	if !errors.Is(err, ErrDamaged) {
		t.Errorf("panic not turned into an error: %v", err)
	}
	if err := Guard(func() error { return nil }); err != nil {
		t.Error(err)
	}
}

func TestCheckIntact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	os.WriteFile(path, sample(t), 0o600)
	db, err := Open(path, 0o600, bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if errs := Check(db, 5); len(errs) != 0 {
		t.Errorf("intact file: %v", errs)
	}
}

// BenchmarkOpenChecks measures what the checks add to opening a store of
// about 12 MiB (the question log of some 10,000 chats).
func BenchmarkOpenChecks(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	for batch := range 40 {
		db.Update(func(tx *bolt.Tx) error {
			bk, _ := tx.CreateBucketIfNotExists([]byte("asked"))
			for i := range 1000 {
				bk.Put(fmt.Appendf(nil, "%08d-%04d", batch, i), bytes.Repeat([]byte{'q'}, 250))
			}
			return nil
		})
	}
	db.Close()
	fi, _ := os.Stat(path)
	b.Logf("store file: %.1f MiB", float64(fi.Size())/(1<<20))
	for b.Loop() {
		if err := Precheck(path); err != nil {
			b.Fatal(err)
		}
		db, err := Open(path, 0o600, bolt.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		if errs := Check(db, 5); len(errs) > 0 {
			b.Fatal(errs)
		}
		db.Close()
	}
}
