package index

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// The gazetteer: China's provinces, prefecture-level cities and
// county-level divisions (data/gazetteer.tsv, generated once from a public
// dataset by internal/gengazetteer; see there for its source and licence).
// It lets places.go know a district jieba's dictionary lacks (or tags an
// organisation) as a place, the same for every guide.

//go:generate go run ./internal/gengazetteer -tgz china-division-2.7.0.tgz -o data/gazetteer.tsv

//go:embed data/gazetteer.tsv
var gazetteerTSV string

// placeLevel is an administrative level of the gazetteer.
type placeLevel uint8

const (
	levelProvince placeLevel = 1 << iota
	levelCity
	levelCounty
)

// gazetteer holds the names of the divisions, with and without endings.
type gazetteer struct {
	names map[string]placeLevel // full names (长阳县, 长阳土家族自治县), by level
	stems map[string]placeLevel // names without ending (长阳), by level
	// starts holds every start of a full name shorter than the name (长,
	// 长阳, 长阳土, …): gazetteerName stops joining words as soon as what
	// it joined starts no name, so most words cost one lookup.
	starts map[string]bool
}

// loadGazetteer parses the embedded gazetteer once per process: every index
// shares it.
var loadGazetteer = sync.OnceValues(func() (*gazetteer, error) { return parseGazetteer(gazetteerTSV) })

func parseGazetteer(data string) (*gazetteer, error) {
	g := &gazetteer{names: map[string]placeLevel{}, stems: map[string]placeLevel{}, starts: map[string]bool{}}
	for n, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || !isHan(f[1]) || !isHan(f[2]) || !strings.HasPrefix(f[1], f[2]) {
			return nil, fmt.Errorf("gazetteer line %d: %q: want level, name, stem", n+1, line)
		}
		var level placeLevel
		switch f[0] {
		case "province":
			level = levelProvince
		case "city":
			level = levelCity
		case "county":
			level = levelCounty
		default:
			return nil, fmt.Errorf("gazetteer line %d: unknown level %q", n+1, f[0])
		}
		g.names[f[1]] |= level
		g.stems[f[2]] |= level
		for i := range f[1] {
			if i > 0 {
				g.starts[f[1][:i]] = true
			}
		}
	}
	if len(g.names) == 0 {
		return nil, fmt.Errorf("gazetteer: no names")
	}
	return g, nil
}
