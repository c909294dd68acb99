package index

import (
	"log/slog"
	"path/filepath"
)

// Option configures Open.
type Option func(*options)

type options struct {
	dataDir    string
	dictDir    string
	lexiconDir string
	lexiconSet bool
	indexDir   string
	rebuild    bool
	keepStale  bool
	logger     *slog.Logger // see WithLogger (recover.go)
	tuning     Tuning
	served     []string
	// sharedDict is the user dictionary of a set of guides (OpenSet),
	// which every index of the set tokenizes with, so that they share one
	// segmenter; "" for the index's own.
	sharedDict string
	id         string // the guide's id within its set
}

func resolve(opts []Option) options {
	o := options{dataDir: "data", tuning: DefaultTuning()}
	for _, opt := range opts {
		opt(&o)
	}
	if !o.lexiconSet {
		o.lexiconDir = o.dataDir
	}
	if o.indexDir == "" {
		o.indexDir = filepath.Join(o.dataDir, "index")
	}
	return o
}

// WithDataDir sets the directory the index, the unpacked jieba dictionaries
// and the generated user dictionary live in. Default "./data".
func WithDataDir(dir string) Option {
	return func(o *options) {
		if dir != "" {
			o.dataDir = dir
		}
	}
}

// WithDictDir loads jieba's dictionaries from dir instead of the copy
// embedded in the binary (see jieba.WithDictDir).
func WithDictDir(dir string) Option {
	return func(o *options) { o.dictDir = dir }
}

// WithLexiconDir sets where operator additions to the lexicon files are
// read from: the domain files (synonyms.txt, userdict.txt, stopwords.txt,
// cues.txt, outofscope.txt, english.txt, tags.txt) in the directory itself, the
// guide's own (examples.txt, aliases.txt, cues.txt with [examples]) in
// its guides/<key>/ (see GuideDir). Default: the data directory. ""
// disables operator additions.
func WithLexiconDir(dir string) Option {
	return func(o *options) { o.lexiconDir, o.lexiconSet = dir, true }
}

// WithRebuild forces a rebuild even if an up-to-date index exists.
func WithRebuild() Option {
	return func(o *options) { o.rebuild = true }
}

// WithoutCleanup keeps the indexes of other fingerprints that Open would
// otherwise delete after a build: while reloading, the running index still
// serves from its directory. Call RemoveStale once it is closed.
func WithoutCleanup() Option {
	return func(o *options) { o.keepStale = true }
}

// WithIndexDir keeps the index (and its generated user dictionary) in dir
// instead of <data-dir>/index; the jieba dictionaries and the operator's
// lexicon files stay in the data directory. Read-only commands use it to
// build a private index while a running bot holds the shared one.
func WithIndexDir(dir string) Option {
	return func(o *options) { o.indexDir = dir }
}

// WithTuning replaces DefaultTuning. Invalid values make Open fail.
func WithTuning(t Tuning) Option {
	return func(o *options) { o.tuning = t }
}

// WithServedPlaces names the places that other guides served beside this
// one cover (their OwnPlaces), for a bot serving several: a question about
// one of them is for that guide, so this index does not read it as about
// "another place" (Places.Served, not Places.Other). It changes how
// questions are read, not the index, which is not rebuilt for it.
func WithServedPlaces(places ...string) Option {
	return func(o *options) { o.served = append(o.served, places...) }
}

// servedSet is the set of served places, each also without its ending.
func servedSet(places []string) map[string]bool {
	set := map[string]bool{}
	for _, p := range places {
		set[p] = true
		if stem, ok := cutPlaceSuffix(p); ok {
			set[stem] = true
		}
	}
	return set
}
