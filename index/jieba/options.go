package jieba

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
)

// Option configures Open. An empty string argument leaves the setting
// unset, so command-line flags with "" defaults can be passed straight in.
type Option func(*options)

type options struct {
	dataDir  string
	dictDir  string
	userDict string
}

// WithDataDir sets the directory under which the embedded dictionaries
// are unpacked (into <dir>/jieba/<content-hash>/). It is ignored when
// WithDictDir is given. Without it, Open uses os.UserCacheDir()/policybot,
// falling back to os.TempDir()/policybot.
func WithDataDir(dir string) Option {
	return func(o *options) { o.dataDir = dir }
}

// WithDictDir makes Open load the dictionaries from dir instead of the
// embedded copy (an operator's --dict-dir). dir must contain
// jieba.dict.utf8, hmm_model.utf8, idf.utf8 and stop_words.utf8, in the
// formats cppjieba expects; an unpacked embedded directory is a valid
// template.
func WithDictDir(dir string) Option {
	return func(o *options) { o.dictDir = dir }
}

// WithUserDict adds a user dictionary of domain terms, one per line as
// "word", "word tag" or "word freq tag" (single spaces, UTF-8, LF line
// endings). Terms in it are kept whole by the segmenter.
func WithUserDict(path string) Option {
	return func(o *options) { o.userDict = path }
}

// selection is a resolved dictionary set: what Open loads and what the
// instance cache is keyed by.
type selection struct {
	// dictDir is the absolute operator directory, or "" for the
	// embedded dictionaries.
	dictDir  string
	userDict string // absolute path, or ""
	dataDir  string // where to unpack embedded dictionaries
}

// key identifies the dictionaries that will be loaded. For the embedded
// set it deliberately ignores dataDir: the content is fixed by the binary,
// so unpacking it somewhere else would load the very same dictionaries.
func (s selection) key() (string, error) {
	src := "dir:" + s.dictDir
	if s.dictDir == "" {
		m, err := embeddedManifest()
		if err != nil {
			return "", err
		}
		src = "embedded:" + m.id
	}
	user := ""
	if s.userDict != "" {
		// By content, not path: the same words written under another data
		// directory must not load (and leak) a second 130 MB segmenter.
		user = "path:" + s.userDict // unreadable: load reports why
		if data, err := os.ReadFile(s.userDict); err == nil {
			sum := sha256.Sum256(data)
			user = hex.EncodeToString(sum[:])
		}
	}
	return src + "\x00user:" + user, nil
}

func (o options) resolve() (selection, error) {
	var s selection
	var err error
	if o.dictDir != "" {
		if s.dictDir, err = filepath.Abs(o.dictDir); err != nil {
			return s, fmt.Errorf("jieba: dictionary directory %s: %w", o.dictDir, err)
		}
	}
	if o.userDict != "" {
		if s.userDict, err = filepath.Abs(o.userDict); err != nil {
			return s, fmt.Errorf("jieba: user dictionary %s: %w", o.userDict, err)
		}
	}
	s.dataDir = o.dataDir
	return s, nil
}

// defaultDataDir is used only when the embedded dictionaries must be
// unpacked and no data directory was given (e.g. a bleve index opened by a
// tool that never called Open).
func defaultDataDir() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "policybot")
	}
	return filepath.Join(os.TempDir(), "policybot")
}
