package seeds

import (
	"os"
	"path/filepath"
	"testing"
)

func TestByShapeDebug(t *testing.T) {
	if os.Getenv("BYSHAPE_DEBUG") == "" {
		t.Skip()
	}
	paths, _ := filepath.Glob("testdata/guides/*/*.txt")
	more, _ := filepath.Glob("testdata/formats/*/*.txt")
	paths = append(paths, more...)
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		text, _ := Decode(src)
		byShapeOff = true
		g := parseText(text)
		byShapeOff = false
		r := readByShape(text)
		rep, fill := poorReading(g, r)
		if rep || fill {
			t.Logf("%s: read %d blocks %d replace %v fill %v", p, len(g.Measures), len(r.blocks), rep, fill)
		}
	}
}
