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
// model; decide.go maps its probability to a kind; cv.go prepares the
// cross-validation; build.go writes a new index and trains the model.
// Subpackages: jieba (the segmenter), tags (the policy check-up's rules and
// match), eval (question sets, cross-validation, the untuned baseline).
package index

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	bolterrors "go.etcd.io/bbolt/errors"

	"policybot/index/clause"
	"policybot/index/jieba"
	"policybot/index/pinyin"
	"policybot/index/tags"
	"policybot/seeds"
)

// schemaVersion changes whenever the mapping or the documents change shape,
// so indexes built by older binaries are rebuilt.
const schemaVersion = "10"

// completeMarker is written last into a built index directory; a directory
// without it is a build that did not finish.
const completeMarker = "policybot-index-complete"

// Index is an opened search index over one guide. It is safe for
// concurrent use and immutable once Open returns: a build trains on an
// index of its own (build.go), never on this one. Close it when done.
type Index struct {
	*knowledge
	bi    bleve.Index
	model *model // the answer / suggest / none decision
	// termFields are the fields (bits, by fieldNames) each term is in,
	// so a query asks for nothing a field cannot match.
	termFields map[string]uint32
	fieldNames []string
	path       string
	fp         string
	built      bool
	view       bool // made by WithModel: Close leaves the index open

	rowsOnce sync.Once // the training rows, for TrainModel
	rowCache []row
	rowErr   error
	// served are the places other guides served beside this one cover
	// (WithServedPlaces), names and stems.
	served map[string]bool
	id     string // the id a set gave the guide (see ID), or ""
	dict   string // the set's shared user dictionary (OpenSet), or ""
	// shown are the example questions written from the guide's measures
	// for a guide without its own (see ExampleQuestions), once.
	shownOnce sync.Once
	shown     []string

	closeOnce sync.Once
	closed    atomic.Bool // set by Close: Search then fails with ErrClosed
}

// knowledge is what an index knows besides its bleve index: the guide, the
// lexicon and cues, the word statistics over the guide and the example
// bank. Open computes it once; the served index and, during a build, the
// index that trains the model share it, read-only.
type knowledge struct {
	guide *seeds.Guide
	lex   *Lexicon
	cues  *cues // the cue lexicon, arranged for reading messages
	// english is the English glossary, arranged for reading a message
	// written mostly in English.
	english *glossary
	dir     *directory
	an      analysis.Analyzer
	seg     *jieba.Segmenter

	rules       *tags.Rules
	measureTags map[int]tags.Tags // check-up tags per measure
	// kindsIn holds, per measure, the kind words (kindWordsOf) its text
	// writes: kindScore skips the rest of them without searching the
	// text for each, once for every measure of a broad ask's overview.
	kindsIn map[int]map[string]bool
	kindAll map[string]bool // the words kindsIn was made of

	tuning Tuning
	vocab  *vocab // word statistics over the measures and their examples
	// The example bank (see bank): the examples, each example's fold, the
	// examples of each measure (0: the out-of-scope ones) and each
	// example's terms.
	examples  []Example
	fold      []int
	byMeasure map[int][]int
	exTerms   []map[string]bool
	exWords   [][]concept // each example's words, weighed over the whole bank
	// written: the bank holds examples written for this guide (ownBank);
	// without them the decision adds Tuning.DayOneShift to the log-odds.
	written   bool
	unfit     map[int]bool // measures whose examples do not fit them (see findUnfit)
	guideText string       // every measure's text and units, for telling the guide's places

	keys      map[int][]concept // each measure's key concepts (measureKeys)
	maxWeight float64           // the weight of a word only one measure uses
	oosWords  map[string]bool   // the words of the domain's out-of-scope topics
	// senses are, per everyday word, the right sides of its synonym lines
	// one by one: the things it may stand for (namedThrough).
	senses map[string][][]string
	// unnamedNames are the names of the national policies the guide does
	// not name (unnamedPolicies), read in an ask's text however it segments.
	unnamedNames []string
	// named are the names the guide quotes in only one measure's
	// sentences (“京郊之夏”), each with that measure (see namedByQuote).
	named map[string]int
	term  string // the guide's period for all its measures (seeds.Guide.Term)

	corrector *pinyin.Corrector // typos, against the guide's and the lexicon's words
	splitter  *clause.Reader    // a message into situation and asks
	// ownPlaces are the guide's places from its issuer (or title), names
	// and stems, and homePlaces the most local of them (see ownPlaceNames).
	ownPlaces, homePlaces []string
	// placeCache remembers which names jieba knows as places (knownPlace),
	// placeCached how many it was asked to hold.
	placeCache  sync.Map
	placeCached atomic.Int64
	stopword    map[string]bool // the lexicon's stop words
	gazetteer   *gazetteer      // China's divisions (gazetteer.go), shared by every index
}

// Open opens the index of guide g under the data directory, building it
// first if it does not exist or was built from other seeds, another lexicon
// or an older schema. An up-to-date index is opened as is.
func Open(g *seeds.Guide, opts ...Option) (*Index, error) {
	o := resolve(opts)
	if err := o.tuning.validate(); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	lex, err := LoadLexicon(o.lexiconDir, g)
	if err != nil {
		return nil, err
	}
	rules, err := tags.Load(o.lexiconDir)
	if err != nil {
		return nil, err
	}
	root := o.indexDir
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	fp := indexFingerprint(g, lex, o)
	k, im, err := newKnowledge(g, lex, rules, root, fp, o)
	if err != nil {
		return nil, err
	}
	ix := &Index{knowledge: k, path: filepath.Join(root, fp), fp: fp, served: servedSet(o.served), id: o.id, dict: o.sharedDict}
	if err := ix.openOrBuild(im, root, o); err != nil {
		return nil, err
	}
	if err := ix.loadFieldTerms(); err != nil {
		ix.bi.Close()
		return nil, err
	}
	k.seg.Retain() // released by Close
	return ix, nil
}

// newKnowledge reads what guide g's index knows besides the bleve index:
// its units, check-up tags, segmenter (with the user dictionary written
// under root for fingerprint fp, unless the set shares one), analyzer,
// typo corrector, word statistics and clause splitter. im is the mapping
// the bleve index is built with.
func newKnowledge(g *seeds.Guide, lex *Lexicon, rules *tags.Rules, root, fp string, o options) (*knowledge, *mapping.IndexMappingImpl, error) {
	dir := newDirectory(g, lex.Aliases)
	own, home := ownPlaceNames(g)
	gaz, err := loadGazetteer()
	if err != nil {
		return nil, nil, fmt.Errorf("open index: %w", err)
	}
	userDict := o.sharedDict
	if userDict == "" {
		if userDict, err = writeUserDict(root, fp, lex, dir, own); err != nil {
			return nil, nil, err
		}
	}
	seg, err := jieba.Open(jieba.WithDataDir(o.dataDir), jieba.WithDictDir(o.dictDir), jieba.WithUserDict(userDict))
	if err != nil {
		return nil, nil, fmt.Errorf("open index: %w", err)
	}
	k := &knowledge{guide: g, lex: lex, cues: newCues(lex.Cues), english: newGlossary(lex.English), dir: dir, rules: rules, measureTags: map[int]tags.Tags{}, seg: seg, tuning: o.tuning,
		ownPlaces: own, homePlaces: home, stopword: map[string]bool{}, gazetteer: gaz}
	for _, w := range lex.Stopwords {
		k.stopword[w] = true
	}
	for i := range g.Measures {
		k.measureTags[g.Measures[i].Number] = rules.Tag(&g.Measures[i])
	}
	k.kindAll, k.kindsIn = kindWordsIn(g, k.cues)
	// The guide's own places say nothing in a question about it: they are
	// stop words of its index (and are one word each to jieba).
	im, err := newMapping(seg, userDict, append(slices.Clone(lex.Stopwords), own...), o.tuning.Folds)
	if err != nil {
		return nil, nil, err
	}
	if k.an = im.AnalyzerNamed(analyzerName); k.an == nil {
		return nil, nil, fmt.Errorf("open index: analyzer %s missing", analyzerName)
	}
	jieba.GeneralIDF("") // load the table now, not on the first question and not while training
	if k.corrector, err = k.newCorrector(); err != nil {
		return nil, nil, fmt.Errorf("open index: %w", err)
	}
	k.analyse()
	k.splitter = k.newSplitter()
	return k, im, nil
}

// openOrBuild opens the bleve index and model at ix.path, or, when they
// are missing, damaged, or o asks for a rebuild, builds and trains them
// with mapping im and then (unless o keeps them) removes the stale indexes
// of other fingerprints under root. On success ix.bi is open.
func (ix *Index) openOrBuild(im *mapping.IndexMappingImpl, root string, o options) error {
	var err error
	if !o.rebuild {
		ix.bi, err = openChecked(ix.path, ix.guide, o.logger) // damage → nil: rebuilt below
		if err != nil {
			return err
		}
		if ix.bi != nil {
			if ix.model, err = loadModel(filepath.Join(ix.path, modelFile)); err != nil {
				ix.bi.Close() // an index without its model is rebuilt
				ix.bi = nil
			}
		}
	}
	if ix.bi != nil {
		return nil
	}
	if ix.model, err = build(ix.path, ix.knowledge, im); err != nil {
		return err
	}
	if ix.bi, err = openExisting(ix.path); err != nil {
		return err
	}
	if ix.bi == nil {
		return fmt.Errorf("open index %s: built but not found", ix.path)
	}
	ix.built = true
	if !o.keepStale {
		removeStale(root, ix.fp)
	}
	return nil
}

// analyse computes the word statistics over the guide and the example
// bank (see bank), leaving out the groups of written examples that do not
// fit their measure.
func (k *knowledge) analyse() {
	var b strings.Builder
	for _, m := range k.guide.Measures {
		b.WriteString(m.Text + strings.Join(m.Details, "") + "\n")
		// A place in a unit's name is the guide's too: the XX区 of
		// "XX区管委会", a zone its measures may name otherwise.
		b.WriteString(strings.Join(m.Lead, "、") + "、" + strings.Join(m.Support, "、") + "\n")
		for _, c := range m.Contacts {
			b.WriteString(c.Unit + "\n")
		}
	}
	k.guideText = b.String()
	// The statistics are computed by an index without a bleve index: only
	// the words are needed, no search.
	ix := &Index{knowledge: k}
	k.setBank(k.lex.Examples)
	k.vocab = ix.prepare()
	k.unfit = ix.findUnfit()
	k.setBank(ix.bank())
	k.written = ix.ownBank()
	k.unfit = map[int]bool{}
	k.vocab = ix.prepare()
	k.keys = ix.measureKeys()
	k.maxWeight = math.Log(1 + float64(len(k.guide.Measures))/1.5)
	k.named = quotedByOne(k.guide)
	k.term = k.guide.Term()
	k.oosWords = map[string]bool{}
	k.senses = map[string][][]string{}
	for _, syn := range slices.Concat(k.lex.Synonyms, k.lex.Senses) {
		for _, w := range syn.From {
			k.senses[w] = append(k.senses[w], syn.To)
		}
	}
	for _, t := range k.lex.OutOfScopeTopics {
		for _, w := range t {
			k.oosWords[strings.ToLower(w)] = true
		}
	}
	for _, t := range ix.unnamedPolicies() {
		for _, w := range t {
			k.oosWords[strings.ToLower(w)] = true
			k.unnamedNames = append(k.unnamedNames, strings.ToLower(w))
		}
	}
	k.exTerms = make([]map[string]bool, len(k.examples))
	k.exWords = make([][]concept, len(k.examples))
	for i, e := range k.examples {
		set := map[string]bool{}
		for _, t := range k.an.Analyze([]byte(e.Text)) {
			set[string(t.Term)] = true
		}
		k.exTerms[i] = set
		if e.Measure == 0 {
			k.exWords[i] = ix.concepts(e.Text)
		}
	}
}

// setBank makes exs the example bank: each example's fold and the examples
// of each measure (0: out of scope).
func (k *knowledge) setBank(exs []Example) {
	k.examples = exs
	k.fold = folds(exs, k.tuning.Folds)
	k.byMeasure = map[int][]int{}
	for i, e := range exs {
		k.byMeasure[e.Measure] = append(k.byMeasure[e.Measure], i)
	}
}

// examplesByFold returns measure n's example questions by fold.
func (k *knowledge) examplesByFold(n int) map[int][]string {
	out := map[int][]string{}
	for _, i := range k.byMeasure[n] {
		out[k.fold[i]] = append(out[k.fold[i]], k.examples[i].Text)
	}
	return out
}

// Guide returns the guide the index was built from.
func (ix *Index) Guide() *seeds.Guide { return ix.guide }

// Term is the sentence by which the guide states when all its measures
// apply (seeds.Guide.Term), read once when the index opens; "" when it
// states none.
func (ix *Index) Term() string { return ix.term }

// Built reports whether Open had to build the index.
func (ix *Index) Built() bool { return ix.built }

// Fingerprint identifies what the index was built from: seeds, lexicon,
// schema and dictionaries. Equal fingerprints mean identical indexes.
func (ix *Index) Fingerprint() string { return ix.fp }

// Fingerprint returns the fingerprint Open would give an index of g with
// opts, without opening anything, so a reload can tell that nothing changed.
func Fingerprint(g *seeds.Guide, opts ...Option) (string, error) {
	o := resolve(opts)
	lex, err := LoadLexicon(o.lexiconDir, g)
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
		if ix.view {
			return
		}
		if e := ix.bi.Close(); e != nil {
			err = fmt.Errorf("close index: %w", e)
		}
		ix.seg.Release()
	})
	return err
}

// indexFingerprint names what an index is built from: the seeds, the
// lexicon and example bank, the schema, the dictionaries, the tuning and
// the shipped models.
func indexFingerprint(g *seeds.Guide, lex *Lexicon, o options) string {
	// The gazetteer tells places, which the trained model reads: a new one
	// rebuilds the index.
	parts := []string{g.Hash, lex.hash, schemaVersion, o.dictDir, o.tuning.String(), string(defaultModelJSON), string(dayOneModelJSON), gazetteerTSV}
	if o.sharedDict != "" {
		// The set's dictionary is named by its content.
		parts = append(parts, filepath.Base(o.sharedDict))
	}
	return fingerprint(parts...)
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

// writeUserDict writes jieba's user dictionary for this index: the
// lexicon's domain words, every synonym and alias word, every unit name
// the guide uses and the guide's own places (tagged places), so that each
// is one token.
func writeUserDict(root, fp string, lex *Lexicon, dir *directory, places []string) (string, error) {
	words, tags := userWords(lex, dir, places, nil)
	return writeDictFile(filepath.Join(root, "userdict-"+fp+".txt"), words, tags)
}

// userWords adds to words (tagged by tags, "n" if untagged) what the user
// dictionary of an index of the guide with lex, dir and places holds.
func userWords(lex *Lexicon, dir *directory, places []string, tags map[string]string) ([]string, map[string]string) {
	words := append([]string{}, lex.UserWords...)
	if tags == nil {
		tags = map[string]string{}
	}
	for w, t := range lex.userTags {
		if _, ok := tags[w]; !ok {
			tags[w] = t
		}
	}
	for _, p := range places {
		words = append(words, p)
		tags[p] = "ns"
	}
	for _, s := range lex.Synonyms {
		words = append(words, s.From...)
	}
	for _, t := range slices.Concat(lex.OutOfScopeTopics, lex.NamedPolicies) {
		words = append(words, t...)
	}
	for _, w := range lex.Stopwords {
		if len([]rune(w)) > 1 {
			words = append(words, w) // so "能不能" is one token, and dropped
		}
	}
	for name := range dir.byName {
		words = append(words, name)
	}
	return words, tags
}

// writeDictFile writes words as a jieba user dictionary at path, unless
// the file there already says exactly that.
func writeDictFile(path string, words []string, tags map[string]string) (string, error) {
	sort.Strings(words)
	var b strings.Builder
	seen := map[string]bool{}
	for _, w := range words {
		// Names with brackets are found by their parts, which are aliases.
		if w = strings.TrimSpace(w); w != "" && !seen[w] && !strings.ContainsAny(w, " \t|;（）()") {
			seen[w] = true
			// A high frequency makes jieba prefer the domain word over
			// splits its general dictionary scores higher (应届/大/学生).
			tag := tags[w]
			if tag == "" {
				tag = "n"
			}
			b.WriteString(w + " 20000 " + tag + "\n")
		}
	}
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

// unnamedPolicies are the lexicon's named national policies (稳岗返还,
// 六税两费) of which the guide names no word, in its title, preamble,
// headings or any measure's text, or through the synonyms: asked about by
// name, they are out of its scope, as a passport is. A guide that names
// one answers about it (a preamble's 落实稳岗返还 may stand for a measure).
func (ix *Index) unnamedPolicies() [][]string {
	var text strings.Builder
	text.WriteString(ix.guide.Title + "\n" + ix.guide.Preamble + "\n")
	for _, sec := range ix.guide.Sections {
		text.WriteString(sec.Title + "\n")
	}
	for _, sub := range ix.guide.Subsections {
		text.WriteString(sub.Title + "\n")
	}
	for i := range ix.guide.Measures {
		text.WriteString(measureWords(&ix.guide.Measures[i]))
		text.WriteByte('\n')
	}
	all := strings.ToLower(text.String())
	var out [][]string
	for _, t := range slices.Concat(ix.lex.NamedPolicies, ix.lex.NamedAsWritten) {
		if !slices.ContainsFunc(t, func(w string) bool {
			w = strings.ToLower(w)
			return strings.Contains(all, w) || ix.namedThrough(all, w)
		}) {
			out = append(out, t)
		}
	}
	return out
}
