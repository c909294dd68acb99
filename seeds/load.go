package seeds

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// EmbeddedName is the file name of the seed compiled into the binary.
const EmbeddedName = "000_103e651360172d0c.txt"

// embedded is the guide the binary serves by default, as received, byte
// for byte.
//
//go:embed 000_103e651360172d0c.txt
var embedded []byte

// Embedded parses the seed compiled into the binary.
func Embedded() (*Guide, error) {
	g, err := Parse(embedded)
	if err != nil {
		return nil, fmt.Errorf("embedded seed %s: %w", EmbeddedName, err)
	}
	return g, nil
}

// Load parses the seed at path: a file, or a directory whose .txt files are
// read in name order as one document (a seed may come in parts). An empty
// path means the embedded seed.
func Load(path string) (*Guide, error) {
	if path == "" {
		return Embedded()
	}
	files, err := seedFiles(path)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	var texts []string
	for _, f := range files {
		src, err := readRegular(f)
		if err != nil {
			return nil, fmt.Errorf("read seed: %w", err)
		}
		text, err := Decode(src)
		if err != nil {
			return nil, fmt.Errorf("read seed %s: %w", f, err)
		}
		texts = append(texts, text)
		if len(files) > 1 {
			fmt.Fprintf(h, "%s\x00%d\x00", filepath.Base(f), len(src))
		}
		h.Write(src)
	}
	text := strings.Join(texts, "\n")
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("read seed %s: %w", path, ErrEmpty)
	}
	g := parseText(text)
	if err := checkMeasures(text, g); err != nil {
		return nil, fmt.Errorf("read seed %s: %w", path, err)
	}
	g.Hash = hex.EncodeToString(h.Sum(nil))
	return g, nil
}

func seedFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read seed: %w", err)
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return nil, fmt.Errorf("read seed %s: not a regular file (%s)", path, fi.Mode().Type())
		}
		return []string{path}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, fmt.Errorf("read seed directory: %w", err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".txt") {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("read seed directory %s: no .txt files", path)
	}
	sort.Strings(files)
	return files, nil
}

// maxSeedSize bounds one seed file: a guide is tens of KB; anything near
// this is not a guide, and reading it whole would cost the memory.
const maxSeedSize = 16 << 20

// readRegular reads a seed file, refusing anything but a regular file
// (checked on the opened descriptor, so a FIFO swapped in after a Stat
// cannot block the read: it is opened non-blocking) and files over
// maxSeedSize.
func readRegular(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	switch {
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file (%s)", path, fi.Mode().Type())
	case fi.Size() > maxSeedSize:
		return nil, fmt.Errorf("%s: %d bytes, more than a guide can be (%d)", path, fi.Size(), maxSeedSize)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxSeedSize+1))
	if err == nil && len(b) > maxSeedSize {
		err = fmt.Errorf("%s: grew past %d bytes while read", path, maxSeedSize)
	}
	return b, err
}
