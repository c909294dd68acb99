package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadAdminToken(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	os.WriteFile(good, []byte("  s3cret-admin-token-0123456789\n"), 0o600)
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("\n"), 0o600)
	spaced := filepath.Join(dir, "spaced")
	os.WriteFile(spaced, []byte("s3cret admin-token-0123456789"), 0o600)
	for _, c := range []struct {
		name, env, file, listen string
		want                    string // token, or "error: …" substring
	}{
		{"none on loopback", "", "", "127.0.0.1:9090", ""},
		{"none on ::1", "", "", "[::1]:9090", ""},
		{"none on localhost", "", "", "localhost:9090", ""},
		{"none on all addresses", "", "", "0.0.0.0:9090", "error: not a loopback"},
		{"none on empty host", "", "", ":9090", "error: not a loopback"},
		{"env on all addresses", "s3cret-admin-token-0123456789", "", "0.0.0.0:9090", "s3cret-admin-token-0123456789"},
		{"file", "", good, "0.0.0.0:9090", "s3cret-admin-token-0123456789"},
		{"file wins over env", "other-token-0123456789", good, "127.0.0.1:9090", "s3cret-admin-token-0123456789"},
		{"empty file", "", empty, "127.0.0.1:9090", "error: is empty"},
		{"missing file", "", filepath.Join(dir, "nope"), "127.0.0.1:9090", "error: reading the admin token file"},
		{"whitespace inside", "", spaced, "127.0.0.1:9090", "error: whitespace"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(adminTokenEnv, c.env)
			got, err := readAdminToken(c.file, c.listen)
			if want, ok := strings.CutPrefix(c.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Fatalf("got %q, %v; want an error with %q", got, err, want)
				}
				if strings.Contains(err.Error(), "s3cret") {
					t.Errorf("the error shows the token: %v", err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}
