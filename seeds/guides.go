package seeds

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// EmbeddedArg names the embedded guide in a list of seeds (LoadGuides).
const EmbeddedArg = "embedded"

// LoadGuides loads the guides a bot serves from spec, a comma-separated
// list of seeds, each:
//
//   - "embedded": the guide compiled into the binary;
//   - a file: one guide (Load);
//   - a directory with subdirectories holding guide.txt: one guide each,
//     in name order (a subdirectory without guide.txt is skipped);
//   - a directory of .txt files that each read as a guide of its own (a
//     title and numbered measures, two files or more): one guide each, in
//     name order;
//   - any other directory: one guide in parts, its .txt files read in name
//     order as one document (Load).
//
// An empty spec is the embedded guide alone. The guides are returned in
// the order named; a seed that fails to load is an error naming it.
func LoadGuides(spec string) ([]*Guide, error) {
	if strings.TrimSpace(spec) == "" {
		g, err := Embedded()
		if err != nil {
			return nil, err
		}
		return []*Guide{g}, nil
	}
	var out []*Guide
	for _, item := range strings.Split(spec, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		gs, err := loadItem(item)
		if err != nil {
			return nil, err
		}
		out = append(out, gs...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read seeds %q: no guide", spec)
	}
	return out, nil
}

func loadItem(item string) ([]*Guide, error) {
	if item == EmbeddedArg {
		g, err := Embedded()
		if err != nil {
			return nil, err
		}
		return []*Guide{g}, nil
	}
	fi, err := os.Stat(item)
	if err != nil {
		return nil, fmt.Errorf("read seed: %w", err)
	}
	if !fi.IsDir() {
		g, err := Load(item)
		if err != nil {
			return nil, err
		}
		return []*Guide{g}, nil
	}
	if gs, err := loadSubdirs(item); err != nil || len(gs) > 0 {
		return gs, err
	}
	files, err := seedFiles(item)
	if err != nil {
		return nil, err
	}
	if len(files) > 1 {
		var gs []*Guide
		for _, f := range files {
			g, err := Load(f)
			if errors.Is(err, ErrFewMeasures) {
				// A part without its own measures: the parts are read as
				// one document below, and checked as a whole.
				gs = nil
				break
			}
			if err != nil {
				return nil, err
			}
			if g.Title == "" || len(g.Measures) == 0 {
				gs = nil // parts of one guide
				break
			}
			gs = append(gs, g)
		}
		if len(gs) > 0 {
			return gs, nil
		}
	}
	g, err := Load(item)
	if err != nil {
		return nil, err
	}
	return []*Guide{g}, nil
}

// loadSubdirs loads dir/*/guide.txt in name order.
func loadSubdirs(dir string) ([]*Guide, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read seed directory: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), "guide.txt")); err == nil {
				names = append(names, e.Name())
			}
		}
	}
	sort.Strings(names)
	var gs []*Guide
	for _, n := range names {
		g, err := Load(filepath.Join(dir, n, "guide.txt"))
		if err != nil {
			return nil, err
		}
		gs = append(gs, g)
	}
	return gs, nil
}
