// Package index reads the question: it is the one place that reads a
// user's words. It normalises a message (Normalize), reads its cues (the
// cue lexicon, data/cues.txt: contact, deadline, small talk, aspects,
// verdict words, …), searches it in a bleve index of the parsed guide
// analysed with jieba and tuned by a lexicon of synonyms and stop words and
// by a bank of example questions (data/examples.txt), and decides: a
// logistic regression trained on the bank when the index is built says
// whether the best measure answers the question (a measure, a unit or a
// choice), comes close (a suggestion) or the guide does not cover it
// (nothing). Read does this for a message in a conversation (Context) and
// returns a Reading of typed asks, each decided, on the topic or not;
// Search does it for one question alone (eval, ask).
//
// Files: read.go reads a message in its context; cues.go and social.go are
// the cue lexicon and small talk; topic.go judges a message against the
// topic and the measures offered; answer.go finds the sentences and the
// verdict that answer it; search.go runs a question through the pipeline;
// rank.go analyses it once and queries bleve; weights.go weighs words and
// measures coverage; features.go, model.go and train.go are the decision
// model; decide.go maps its probability to a kind; cv.go cross-validates
// it; eval.go scores question sets.
package index

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"

	"policybot/index/jieba"
	"policybot/seeds"
)

// schemaVersion changes whenever the mapping or the documents change shape,
// so indexes built by older binaries are rebuilt.
const schemaVersion = "10"

// completeMarker is written last into a built index directory; a directory
// without it is a build that did not finish.
const completeMarker = "policybot-index-complete"

// Index is an opened search index over one guide. It is safe for
// concurrent use; Close it when done.
type Index struct {
	guide *seeds.Guide
	lex   *Lexicon
	cues  *cues // the cue lexicon, arranged for reading messages
	dir   *directory
	bi    bleve.Index
	an    analysis.Analyzer
	path  string
	fp    string
	built bool
	seg   *jieba.Segmenter

	closeOnce sync.Once
	closed    atomic.Bool // set by Close: Search then fails with ErrClosed

	rules *tagRules
	tags  map[int]Tags // check-up tags per measure

	tuning Tuning
	vocab  *vocab // word statistics over the measures and their examples
	model  *model // the answer / suggest / none decision
	// The example bank: each example's fold, the examples of each measure
	// (0: the out-of-scope ones) and each example's terms.
	fold      []int
	byMeasure map[int][]int
	exTerms   []map[string]bool
	exWords   [][]concept  // each example's words, weighed over the whole bank
	unfit     map[int]bool // measures whose examples do not fit them (see findUnfit)
	guideText string       // every measure's text, for telling the guide's places
	ownPlaces []string     // the guide's district and city, from its issuer
	// fieldTerms are the terms each measure field holds, so a query asks
	// for nothing a field cannot match.
	fieldTerms map[string]map[string]bool
}

// Open opens the index of guide g under the data directory, building it
// first if it does not exist or was built from other seeds, another lexicon
// or an older schema. An up-to-date index is opened as is.
func Open(g *seeds.Guide, opts ...Option) (*Index, error) {
	o := resolve(opts)
	if err := o.tuning.validate(); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	lex, err := LoadLexicon(o.lexiconDir)
	if err != nil {
		return nil, err
	}
	rules, err := loadTagRules(o.lexiconDir)
	if err != nil {
		return nil, err
	}
	dir := newDirectory(g, lex.Aliases)
	root := o.indexDir
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	fp := indexFingerprint(g, lex, o)
	userDict, err := writeUserDict(root, fp, lex, dir)
	if err != nil {
		return nil, err
	}
	seg, err := jieba.Open(jieba.WithDataDir(o.dataDir), jieba.WithDictDir(o.dictDir), jieba.WithUserDict(userDict))
	if err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}

	ix := &Index{guide: g, lex: lex, cues: newCues(lex.Cues), dir: dir, path: filepath.Join(root, fp), fp: fp, rules: rules, tags: map[int]Tags{}, seg: seg, tuning: o.tuning}
	for i := range g.Measures {
		ix.tags[g.Measures[i].Number] = rules.tag(&g.Measures[i])
	}
	ix.bank()
	jieba.GeneralIDF("") // load the table now, not on the first question and not while training
	if !o.rebuild {
		ix.bi, err = openChecked(ix.path, g, o.logger) // damage → nil: rebuilt below
		if err != nil {
			return nil, err
		}
		if ix.bi != nil {
			if ix.model, err = loadModel(filepath.Join(ix.path, modelFile)); err != nil {
				ix.bi.Close() // an index without its model is rebuilt
				ix.bi = nil
			}
		}
	}
	if ix.bi == nil {
		if err := build(ix.path, ix, userDict); err != nil {
			return nil, err
		}
		if ix.bi, err = openExisting(ix.path); err != nil {
			return nil, err
		}
		if ix.bi == nil {
			return nil, fmt.Errorf("open index %s: built but not found", ix.path)
		}
		ix.built = true
		if !o.keepStale {
			removeStale(root, fp)
		}
	}
	if err := ix.attach(ix.bi); err != nil {
		ix.bi.Close()
		return nil, err
	}
	seg.Retain() // released by Close
	return ix, nil
}

// attach makes bi the index searched and computes the word statistics, once.
func (ix *Index) attach(bi bleve.Index) error {
	ix.bi = bi
	ix.an = bi.Mapping().AnalyzerNamed(analyzerName)
	if ix.an == nil {
		return fmt.Errorf("open index: analyzer %s missing", analyzerName)
	}
	if err := ix.loadFieldTerms(); err != nil {
		return err
	}
	if ix.vocab == nil {
		ix.analyseBank()
	}
	return nil
}

// analyseBank computes the word statistics over the guide and the example
// bank, leaving out the groups of examples that do not fit their measure.
func (ix *Index) analyseBank() {
	ix.prepare()
	if ix.unfit = ix.findUnfit(); len(ix.unfit) > 0 {
		for n := range ix.unfit {
			delete(ix.byMeasure, n)
		}
		ix.prepare()
	}
	{
		for i, e := range ix.lex.Examples {
			set := map[string]bool{}
			for _, t := range ix.an.Analyze([]byte(e.Text)) {
				set[string(t.Term)] = true
			}
			ix.exTerms[i] = set
			if e.Measure == 0 {
				ix.exWords[i] = ix.concepts(e.Text)
			}
		}
	}
}

// bank assigns the example bank's folds and groups it by measure.
func (ix *Index) bank() {
	ix.fold = folds(ix.lex.Examples, ix.tuning.Folds)
	ix.byMeasure = map[int][]int{}
	for i, e := range ix.lex.Examples {
		ix.byMeasure[e.Measure] = append(ix.byMeasure[e.Measure], i) // 0: out of scope
	}
	ix.exTerms = make([]map[string]bool, len(ix.lex.Examples))
	ix.exWords = make([][]concept, len(ix.lex.Examples))
	var b strings.Builder
	for _, m := range ix.guide.Measures {
		b.WriteString(m.Text + strings.Join(m.Details, "") + "\n")
	}
	ix.guideText = b.String()
	ix.ownPlaces = ix.findOwnPlaces()
}

// examplesByFold returns measure n's example questions by fold.
func (ix *Index) examplesByFold(n int) map[int][]string {
	out := map[int][]string{}
	for _, i := range ix.byMeasure[n] {
		out[ix.fold[i]] = append(out[ix.fold[i]], ix.lex.Examples[i].Text)
	}
	return out
}

// Guide returns the guide the index was built from.
func (ix *Index) Guide() *seeds.Guide { return ix.guide }

// Built reports whether Open had to build the index.
func (ix *Index) Built() bool { return ix.built }

// Fingerprint identifies what the index was built from: seeds, lexicon,
// schema and dictionaries. Equal fingerprints mean identical indexes.
func (ix *Index) Fingerprint() string { return ix.fp }

// Fingerprint returns the fingerprint Open would give an index of g with
// opts, without opening anything, so a reload can tell that nothing changed.
func Fingerprint(g *seeds.Guide, opts ...Option) (string, error) {
	o := resolve(opts)
	lex, err := LoadLexicon(o.lexiconDir)
	if err != nil {
		return "", err
	}
	return indexFingerprint(g, lex, o), nil
}

// Segmenter returns the jieba segmenter the index analyses text with. The
// index retains it while open and releases it on Close, so the segmenter of
// a replaced index is freed once no open index uses it.
func (ix *Index) Segmenter() *jieba.Segmenter { return ix.seg }

// RemoveStale deletes the data directory's indexes other than this one.
func (ix *Index) RemoveStale() {
	removeStale(filepath.Dir(ix.path), ix.fp)
}

// Path returns the index directory.
func (ix *Index) Path() string { return ix.path }

// Units returns every unit the guide names, by name.
func (ix *Index) Units() []*Unit { return ix.dir.units }

// Unit returns the unit with this name or alias ("区人保局", "人社局"), or nil.
func (ix *Index) Unit(name string) *Unit { return ix.dir.lookup(name) }

// ErrClosed is returned by Search on an index that was closed.
var ErrClosed = errors.New("index is closed")

// Close releases the index and its hold on the jieba segmenter (freed when
// no other open index uses it). Later calls do nothing and return nil.
// Searches must not run concurrently with Close (the dialog engine waits
// for its turns before closing a replaced index); later ones fail with
// ErrClosed.
func (ix *Index) Close() error {
	var err error
	ix.closeOnce.Do(func() {
		ix.closed.Store(true)
		if e := ix.bi.Close(); e != nil {
			err = fmt.Errorf("close index: %w", e)
		}
		ix.seg.Release()
	})
	return err
}

// indexFingerprint names what an index is built from: the seeds, the
// lexicon and example bank, the schema, the dictionaries, the tuning and
// the default model.
func indexFingerprint(g *seeds.Guide, lex *Lexicon, o options) string {
	return fingerprint(g.Hash, lex.hash, schemaVersion, o.dictDir, o.tuning.String(), string(defaultModelJSON))
}

func fingerprint(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%s\x00", p)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// bleveConfig makes a second process on the same index fail fast instead of
// waiting forever on bleve's root.bolt lock. It is a fresh map each time:
// bleve writes the index path into the map it is given.
func bleveConfig() map[string]interface{} {
	return map[string]interface{}{"bolt_timeout": "3s"}
}

// ErrLocked is returned (wrapped) by Open when another process, such as a
// running bot, holds the index: bleve's bbolt file allows one writer and
// no reader beside it. Open the index elsewhere (WithIndexDir) meanwhile.
var ErrLocked = errors.New("index is in use by another process")

func openExisting(path string) (bleve.Index, error) {
	if _, err := os.Stat(filepath.Join(path, completeMarker)); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	bi, err := bleve.OpenUsing(filepath.Join(path, "bleve"), bleveConfig())
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("open index %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", path, err)
	}
	return bi, nil
}

// build writes a fresh index beside any existing one and moves it into
// place only when complete, so a crash never leaves a half-built index
// where Open would trust it.
//
// The decision model is trained on the new index before it is complete
// and saved beside it.
func build(path string, ix *Index, userDict string) error {
	g, lex, dir := ix.guide, ix.lex, ix.dir
	im, err := newMapping(ix.seg, userDict, lex, ix.tuning.Folds)
	if err != nil {
		return err
	}
	tmp := path + ".tmp-" + randomSuffix()
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	defer os.RemoveAll(tmp)
	bi, err := bleve.NewUsing(filepath.Join(tmp, "bleve"), im, scorch.Name, scorch.Name, bleveConfig())
	if err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	// The bank is analysed before the documents are written: the groups
	// of examples that do not fit their measure are left out of them.
	if ix.an = bi.Mapping().AnalyzerNamed(analyzerName); ix.an == nil {
		bi.Close()
		return fmt.Errorf("build index: analyzer %s missing", analyzerName)
	}
	ix.analyseBank()
	b := bi.NewBatch()
	for i := range g.Measures {
		m := &g.Measures[i]
		if err := b.Index(measureID(m.Number), newMeasureDoc(g, m, ix.examplesByFold(m.Number))); err != nil {
			bi.Close()
			return fmt.Errorf("build index: measure %d: %w", m.Number, err)
		}
	}
	for _, u := range dir.units {
		if err := b.Index(unitID(u.Name), newUnitDoc(g, u)); err != nil {
			bi.Close()
			return fmt.Errorf("build index: unit %s: %w", u.Name, err)
		}
	}
	if err := bi.Batch(b); err != nil {
		bi.Close()
		return fmt.Errorf("build index: %w", err)
	}
	if err := ix.attach(bi); err != nil {
		bi.Close()
		return fmt.Errorf("build index: %w", err)
	}
	m, err := ix.train(nil)
	if err == nil {
		err = m.save(filepath.Join(tmp, modelFile))
	}
	ix.bi = nil
	if err != nil {
		bi.Close()
		return fmt.Errorf("build index: %w", err)
	}
	ix.model = m
	if err := bi.Close(); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	if err := writeSums(tmp); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	if err := os.WriteFile(filepath.Join(tmp, completeMarker), []byte(g.Hash+"\n"), 0o644); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	if _, err := os.Stat(path); err == nil {
		old := path + ".old-" + randomSuffix()
		if err := os.Rename(path, old); err != nil {
			return fmt.Errorf("build index: %w", err)
		}
		defer os.RemoveAll(old)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("build index: %w", err)
	}
	return nil
}

// removeStale deletes indexes of other fingerprints and abandoned builds.
// Errors are ignored: a leftover directory costs disk, not correctness.
func removeStale(root, keep string) {
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		if e.IsDir() && e.Name() != keep && !strings.HasPrefix(e.Name(), keep+".tmp-") {
			os.RemoveAll(filepath.Join(root, e.Name()))
		}
		if !e.IsDir() && strings.HasPrefix(e.Name(), "userdict-") && e.Name() != "userdict-"+keep+".txt" {
			os.Remove(filepath.Join(root, e.Name()))
		}
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// writeUserDict writes jieba's user dictionary for this index: the
// lexicon's domain words, every synonym and alias word, and every unit name
// the guide uses, so that each is one token.
func writeUserDict(root, fp string, lex *Lexicon, dir *directory) (string, error) {
	words := append([]string{}, lex.UserWords...)
	for _, s := range lex.Synonyms {
		words = append(words, s.From...)
	}
	for _, w := range lex.Stopwords {
		if len([]rune(w)) > 1 {
			words = append(words, w) // so "能不能" is one token, and dropped
		}
	}
	for name := range dir.byName {
		words = append(words, name)
	}
	sort.Strings(words)
	var b strings.Builder
	seen := map[string]bool{}
	for _, w := range words {
		// Names with brackets are found by their parts, which are aliases.
		if w = strings.TrimSpace(w); w != "" && !seen[w] && !strings.ContainsAny(w, " \t|;（）()") {
			seen[w] = true
			// A high frequency makes jieba prefer the domain word over
			// splits its general dictionary scores higher (应届/大/学生).
			tag := lex.userTags[w]
			if tag == "" {
				tag = "n"
			}
			b.WriteString(w + " 20000 " + tag + "\n")
		}
	}
	path := filepath.Join(root, "userdict-"+fp+".txt")
	if old, err := os.ReadFile(path); err == nil && string(old) == b.String() {
		return path, nil
	}
	tmp := path + ".tmp-" + randomSuffix()
	if err := os.WriteFile(tmp, []byte(b.String()), 0o644); err != nil {
		return "", fmt.Errorf("write user dictionary: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", fmt.Errorf("write user dictionary: %w", err)
	}
	return path, nil
}
