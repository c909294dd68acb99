package index

import (
	"bytes"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"policybot/seeds"
)

// pristine is a built index data directory the damage tests copy.
var pristine struct {
	once sync.Once
	dir  string
	fp   string
	err  error
}

func pristineIndex(t *testing.T) (dir, fp string) {
	t.Helper()
	pristine.once.Do(func() {
		var g *seeds.Guide
		if g, pristine.err = seeds.Embedded(); pristine.err != nil {
			return
		}
		if pristine.dir, pristine.err = os.MkdirTemp("", "policybot-damage"); pristine.err != nil {
			return
		}
		var ix *Index
		if ix, pristine.err = Open(g, WithDataDir(pristine.dir), WithLexiconDir("")); pristine.err != nil {
			return
		}
		pristine.fp = ix.Fingerprint()
		pristine.err = ix.Close()
	})
	if pristine.err != nil {
		t.Fatal(pristine.err)
	}
	return pristine.dir, pristine.fp
}

// copyTree copies the index part of a data directory.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func segment(t *testing.T, bleveDir string) string {
	t.Helper()
	zaps, _ := filepath.Glob(filepath.Join(bleveDir, "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no segment")
	}
	return zaps[0]
}

func zero(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, make([]byte, fi.Size()), 0o600); err != nil {
		t.Fatal(err)
	}
}

func halve(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, fi.Size()/2); err != nil {
		t.Fatal(err)
	}
}

func flipBits(t *testing.T, path string, seed uint64, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	for range n {
		b[rng.IntN(len(b))] ^= 1 << rng.IntN(8)
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedIndexIsRebuilt damages a built index the ways an operator's
// disk can: each time Open must log why at ERROR, rebuild from the seeds,
// and the rebuilt index must answer.
func TestDamagedIndexIsRebuilt(t *testing.T) {
	base, fp := pristineIndex(t)
	g, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	type damage struct {
		name string
		do   func(t *testing.T, b string) // b: the bleve directory
	}
	cases := []damage{
		{"missing segment", func(t *testing.T, b string) { os.Remove(segment(t, b)) }},
		{"missing root.bolt", func(t *testing.T, b string) { os.Remove(filepath.Join(b, "store", "root.bolt")) }},
		{"missing index_meta.json", func(t *testing.T, b string) { os.Remove(filepath.Join(b, "index_meta.json")) }},
		{"truncated segment", func(t *testing.T, b string) { halve(t, segment(t, b)) }},
		{"truncated root.bolt", func(t *testing.T, b string) { halve(t, filepath.Join(b, "store", "root.bolt")) }},
		{"root.bolt cut to 8 pages", func(t *testing.T, b string) { os.Truncate(filepath.Join(b, "store", "root.bolt"), 8*4096) }},
		{"root.bolt cut to 3 pages", func(t *testing.T, b string) { os.Truncate(filepath.Join(b, "store", "root.bolt"), 3*4096) }},
		{"truncated index_meta.json", func(t *testing.T, b string) { halve(t, filepath.Join(b, "index_meta.json")) }},
		{"empty segment", func(t *testing.T, b string) { os.Truncate(segment(t, b), 0) }},
		{"zeroed segment", func(t *testing.T, b string) { zero(t, segment(t, b)) }},
		{"zeroed root.bolt", func(t *testing.T, b string) { zero(t, filepath.Join(b, "store", "root.bolt")) }},
		{"zeroed index_meta.json", func(t *testing.T, b string) { zero(t, filepath.Join(b, "index_meta.json")) }},
		{"missing checksum list", func(t *testing.T, b string) { os.Remove(filepath.Join(filepath.Dir(b), sumsFile)) }},
	}
	for seed := uint64(1); seed <= 8; seed++ {
		cases = append(cases, damage{"bit flips in the segment", func(t *testing.T, b string) { flipBits(t, segment(t, b), seed, 50) }})
	}
	for seed := uint64(1); seed <= 4; seed++ {
		cases = append(cases, damage{"bit flips in root.bolt", func(t *testing.T, b string) {
			flipBits(t, filepath.Join(b, "store", "root.bolt"), seed, 200)
		}})
	}
	survived := 0
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, filepath.Join(base, "index"), filepath.Join(dir, "index"))
			c.do(t, filepath.Join(dir, "index", fp, "bleve"))
			var logs bytes.Buffer
			ix, err := Open(g, WithDataDir(dir), WithLexiconDir(""), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer ix.Close()
			r, err := ix.Search("社保能缓交吗")
			if err != nil {
				t.Fatalf("after %s: search: %v", c.name, err)
			}
			if r.Kind != seeds.KindMeasure || len(r.Measures) == 0 || r.Measures[0].Number != 2 {
				t.Errorf("after %s: %s %+v", c.name, r.Kind, r.Measures)
			}
			// Rebuilding is what was asked; flips that leave the file
			// bytes as they were are impossible, so every case rebuilds.
			if !ix.Built() {
				t.Errorf("%s: the damaged index was used as is", c.name)
			}
			wantLevel := "level=ERROR"
			if c.name == "missing checksum list" {
				wantLevel = "level=WARN"
			}
			if !strings.Contains(logs.String(), wantLevel) || !strings.Contains(logs.String(), "reason=") {
				t.Errorf("%s: no %s log with the reason: %q", c.name, wantLevel, logs.String())
			}
			if !t.Failed() {
				survived++
			}
		})
	}
	t.Logf("index damage: %d tried, %d survived (opened, rebuilt, answered)", len(cases), survived)
}

// TestIndexInUseIsNotRebuilt: an index locked by another opener is not
// damage; Open says so and leaves it alone.
func TestIndexInUseIsNotRebuilt(t *testing.T) {
	base, fp := pristineIndex(t)
	g, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyTree(t, filepath.Join(base, "index"), filepath.Join(dir, "index"))
	first, err := Open(g, WithDataDir(dir), WithLexiconDir(""))
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	var logs bytes.Buffer
	second, err := Open(g, WithDataDir(dir), WithLexiconDir(""), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	if err == nil {
		second.Close()
		t.Fatal("a second open of a locked index succeeded")
	}
	if !strings.Contains(err.Error(), "another policybot process") || strings.Contains(logs.String(), "damaged") {
		t.Errorf("err %v, logs %q", err, logs.String())
	}
	if r, err := first.Search("社保能缓交吗"); err != nil || r.Kind != seeds.KindMeasure || r.Measures[0].Number != 2 {
		t.Errorf("the first index stopped answering: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "index", fp, sumsFile)); err != nil {
		t.Errorf("the index in use was touched: %v", err)
	}
}
