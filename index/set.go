package index

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"policybot/seeds"
)

// A bot may serve several guides (a city's districts). OpenSet opens one
// index per guide, each under its own directory, sharing one jieba
// segmenter: its user dictionary is the union of every guide's words (unit
// names, aliases, places, the domain lexicon), so one loaded dictionary set
// (~130 MB) serves them all. Each index is told the districts the others
// serve (their HomePlaces, by which the dialog routes), so a question about
// one of them is "served", not "another place".

// OpenSet opens an index for each guide, in order, under
// <index-dir>/<key>/ (the index directory of opts, default
// <data-dir>/index), sharing one segmenter. Ids are GuideID, with "-2",
// "-3" … added to a repeated one. Indexes of a guide whose seeds, lexicon
// or companions changed are rebuilt; unchanged ones are opened as they
// are. On error, the indexes opened so far are closed.
func OpenSet(guides []*seeds.Guide, opts ...Option) ([]*Index, error) {
	plans, err := PlanSet(guides, opts...)
	if err != nil {
		return nil, err
	}
	// Builds train a model each; they run side by side, one per CPU.
	out := make([]*Index, len(plans))
	errs := make([]error, len(plans))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(plans)) {
		wg.Go(func() {
			for i := range work {
				out[i], errs[i] = Open(plans[i].Guide, plans[i].Options...)
			}
		})
	}
	for i := range plans {
		work <- i
	}
	close(work)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			for _, ix := range out {
				if ix != nil {
					ix.Close()
				}
			}
			return nil, fmt.Errorf("open guide %s: %w", plans[i].ID, err)
		}
	}
	return out, nil
}

// SetPlan is how OpenSet opens one guide of a set: its id, and the options
// (shared dictionary, served places, its own index directory) to give
// Open or Fingerprint. A reload compares Fingerprint(Guide, Options...)
// with a running index's to keep the unchanged ones.
type SetPlan struct {
	ID      string
	Guide   *seeds.Guide
	Options []Option
}

// PlanSet writes the set's shared user dictionary and returns how each
// guide is to be opened (see OpenSet).
func PlanSet(guides []*seeds.Guide, opts ...Option) ([]SetPlan, error) {
	if len(guides) == 0 {
		return nil, fmt.Errorf("open guides: no guide")
	}
	if len(guides) == 1 {
		// One guide: as Open alone, under the index directory itself.
		return []SetPlan{{ID: GuideID(guides[0]), Guide: guides[0], Options: slices.Clone(opts)}}, nil
	}
	o := resolve(opts)
	var words []string
	tags := map[string]string{}
	var owns [][]string
	ids := map[string]int{}
	var plans []SetPlan
	for _, g := range guides {
		lex, err := LoadLexicon(o.lexiconDir, g)
		if err != nil {
			return nil, err
		}
		own, home := ownPlaceNames(g)
		w, _ := userWords(lex, newDirectory(g, lex.Aliases), own, tags)
		words = append(words, w...)
		// Served are the districts the dialog routes to (HomePlaces), not
		// the city around one: with a Tianjin district's guide loaded,
		// "天津市…" asked of a Beijing guide is still another place.
		owns = append(owns, home)
		id := GuideID(g)
		if ids[id]++; ids[id] > 1 {
			id += "-" + strconv.Itoa(ids[id])
		}
		plans = append(plans, SetPlan{ID: id, Guide: g})
	}
	if err := os.MkdirAll(o.indexDir, 0o755); err != nil {
		return nil, fmt.Errorf("open guides: %w", err)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	h := sha256.New()
	for _, w := range words {
		fmt.Fprintf(h, "%s %s\n", w, tags[w])
	}
	dict, err := writeDictFile(filepath.Join(o.indexDir, "userdict-set-"+hex.EncodeToString(h.Sum(nil))[:16]+".txt"), words, tags)
	if err != nil {
		return nil, err
	}
	for i := range plans {
		var served []string
		for j, own := range owns {
			if j != i {
				served = append(served, own...)
			}
		}
		key := plans[i].Guide.Key()
		plans[i].Options = append(slices.Clone(opts), WithIndexDir(filepath.Join(o.indexDir, key)), WithServedPlaces(served...),
			func(o *options) { o.sharedDict, o.id = dict, plans[i].ID })
	}
	return plans, nil
}

// RemoveStaleGuides deletes what the indexes of a set (OpenSet) no longer
// need beside them: the indexes of other fingerprints, of guides no longer
// in the set, and other sets' user dictionaries. A reload calls it once the
// indexes it replaced are closed. For one index it is RemoveStale.
func RemoveStaleGuides(set []*Index) {
	if len(set) == 1 {
		set[0].RemoveStale()
	}
	if len(set) < 2 || set[0].dict == "" {
		return
	}
	root := filepath.Dir(filepath.Dir(set[0].path))
	keep := map[string]bool{}
	for _, ix := range set {
		if filepath.Dir(filepath.Dir(ix.path)) != root {
			return // not one set's layout: leave everything
		}
		keep[filepath.Base(filepath.Dir(ix.path))] = true
		keep[filepath.Base(ix.dict)] = true
		ix.RemoveStale()
	}
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if !keep[e.Name()] && (e.IsDir() || strings.HasPrefix(e.Name(), "userdict-")) {
			os.RemoveAll(filepath.Join(root, e.Name())) // errors cost disk, not correctness
		}
	}
}
