package index

import "log/slog"

// Option configures Open.
type Option func(*options)

type options struct {
	dataDir    string
	dictDir    string
	lexiconDir string
	lexiconSet bool
	rebuild    bool
	keepStale  bool
	logger     *slog.Logger // see WithLogger (recover.go)
}

func resolve(opts []Option) options {
	o := options{dataDir: "data"}
	for _, opt := range opts {
		opt(&o)
	}
	if !o.lexiconSet {
		o.lexiconDir = o.dataDir
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

// WithLexiconDir sets where operator additions to the lexicon files
// (synonyms.txt, userdict.txt, stopwords.txt, aliases.txt, intents.txt) are
// read from. Default: the data directory. "" disables operator additions.
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
