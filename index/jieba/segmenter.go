// Package jieba is policybot's only wrapper around gojieba (cppjieba), the
// Chinese word segmenter behind the bleve index.
//
// It ships the dictionaries inside the binary, validates every dictionary
// file in Go before cppjieba reads it (cppjieba aborts the process on bad
// input), keeps one loaded segmenter per process, and provides a bleve
// tokenizer registered as TokenizerName.
package jieba

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/yanyiwu/gojieba"
)

// Segmenter is a loaded dictionary set. It is immutable after Open (but
// for the caches of its last results), and all its methods are safe for
// concurrent use. It lives in the process-wide
// cache (see Open) until its last user releases it (see Retain, Release).
type Segmenter struct {
	users    int // Retain calls not yet released; guarded by instancesMu
	jieba    *gojieba.Jieba
	dictDir  string // directory the dictionaries were loaded from
	userDict string // absolute path, or ""
	embedded bool   // dictDir is an unpacked copy of the embedded set
	key      string // its key in instances
	// The cuts and tags of the texts segmented last: one reading of a
	// message segments the same texts again and again (its story with
	// each ask, a word checked by several rules), and a cgo call costs
	// far more than a lookup. The results depend on nothing but the
	// text and the dictionaries, which never change after Open.
	tagged  recent[[]Tagged]
	spanned [2]recent[[]span] // without, with HMM
}

// instances is the process-wide cache behind Open. It is a global on
// purpose: a loaded segmenter costs 1-1.5 s and ~120 MB of C++ heap, gojieba
// gives no reliable way to release it (freeing races with in-flight cgo
// calls), and bleve builds tokenizers from JSON config inside its own
// registry, where no handle can be injected. Keying by the resolved
// dictionary set lets the application's Open at start-up and every index
// that bleve opens later share one instance.
var (
	instancesMu sync.Mutex // held across loading, so concurrent Opens load once
	instances   = map[string]*Segmenter{}
)

// Open returns the process-wide Segmenter for the dictionary set chosen by
// opts: the embedded dictionaries (unpacked under WithDataDir) unless
// WithDictDir is given, plus an optional WithUserDict. Calls that resolve
// to the same files return the same *Segmenter; for the embedded set the
// data directory does not matter. Every file is checked before cppjieba
// reads it (SHA-256 for the embedded set, format for operator and user
// dictionaries), so bad dictionaries yield an error wrapping
// ErrInvalidDictionary (or the fs error for missing files) instead of a
// crash. Failed loads are not cached, so a fixed file is picked up by the
// next Open. Open blocks while another Open is loading.
func Open(opts ...Option) (*Segmenter, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	sel, err := o.resolve()
	if err != nil {
		return nil, err
	}
	key, err := sel.key()
	if err != nil {
		return nil, err
	}

	instancesMu.Lock()
	defer instancesMu.Unlock()
	if s, ok := instances[key]; ok {
		return s, nil
	}
	s, err := load(sel)
	if err != nil {
		return nil, err
	}
	s.key = key
	instances[key] = s
	return s, nil
}

// Release frees the segmenter's C++ memory and forgets it, so that a
// server whose lexicon changed does not keep every old dictionary loaded.
// The caller guarantees nothing uses it any more: no index open on it, no
// cut in flight (a reload calls it after closing the index it replaced).
// A later Open of the same dictionaries loads them afresh.
//
// A segmenter retained by several users (indexes sharing a dictionary set)
// is freed by the last one's Release; earlier calls only count down.
func (s *Segmenter) Release() {
	instancesMu.Lock()
	if s.users--; s.users > 0 {
		instancesMu.Unlock()
		return
	}
	if instances[s.key] == s {
		delete(instances, s.key)
	}
	instancesMu.Unlock()
	s.jieba.Free()
	trimHeap()
}

// Retain records one more user of the segmenter, who calls Release when
// done with it: an index retains its segmenter while open.
func (s *Segmenter) Retain() {
	instancesMu.Lock()
	s.users++
	instancesMu.Unlock()
}

// load unpacks (if needed), validates and loads one dictionary set.
func load(sel selection) (*Segmenter, error) {
	s := &Segmenter{dictDir: sel.dictDir, userDict: sel.userDict}
	if s.dictDir == "" {
		dataDir := sel.dataDir
		if dataDir == "" {
			dataDir = defaultDataDir()
		}
		dir, err := unpackEmbedded(dataDir)
		if err != nil {
			return nil, err
		}
		// No format check needed: unpackEmbedded has just verified every
		// file's SHA-256, and TestUnpackReuseAndRepair checks that the
		// embedded set passes validateDictDir. Saves ~70 ms per load.
		s.dictDir, s.embedded = dir, true
	} else if err := validateDictDir(s.dictDir); err != nil {
		return nil, err
	}
	// gojieba replaces an empty path with a file under its compiled-in
	// module-cache directory, which does not exist in deployed binaries,
	// so "no user dictionary" must be an existing empty file.
	userDict := os.DevNull
	if s.userDict != "" {
		if err := validateUserDict(s.userDict); err != nil {
			return nil, err
		}
		userDict = s.userDict
	}
	j, err := newJieba(
		filepath.Join(s.dictDir, dictFile),
		filepath.Join(s.dictDir, hmmFile),
		userDict,
		filepath.Join(s.dictDir, idfFile),
		filepath.Join(s.dictDir, stopWordsFile),
	)
	if err != nil {
		return nil, err
	}
	s.jieba = j
	return s, nil
}

// newJieba turns gojieba's panic on a missing file (possible if a file
// vanishes after validation) into an error. cppjieba's abort() cannot be
// caught, which is why everything is validated beforehand.
func newJieba(paths ...string) (j *gojieba.Jieba, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("jieba: load dictionaries: %v", r)
		}
	}()
	return gojieba.NewJieba(paths...), nil
}

// DictDir returns the absolute directory the dictionaries were loaded
// from: the operator's WithDictDir, or where the embedded set was unpacked.
func (s *Segmenter) DictDir() string { return s.dictDir }

// UserDict returns the absolute path of the user dictionary, or "".
func (s *Segmenter) UserDict() string { return s.userDict }

// Cut segments text in search mode and returns exactly the terms the
// Tokenizer emits for it (same order, not lower-cased): besides each word,
// search mode also yields the dictionary words inside long words, e.g.
// 清华 华大 大学 before 清华大学. Meant for query-side use and debugging.
func (s *Segmenter) Cut(text string) []string {
	spans := s.spans(text, true)
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = text[sp.start:sp.end]
	}
	return out
}

// Tagged is a word with its part of speech, as jieba's tagger gives it
// ("n" noun, "ns" place name, "v" verb, …; user dictionary words are "n").
type Tagged struct {
	Word, POS string
}

// Tag segments text in jieba's accurate mode (with HMM) and tags each
// word's part of speech. Like Cut, it feeds cppjieba runs of valid UTF-8
// only; punctuation and spaces come back as words tagged "x".
func (s *Segmenter) Tag(text string) []Tagged {
	if out, ok := s.tagged.get(text); ok {
		return slices.Clone(out) // the caller may change its copy
	}
	out := s.tag(text)
	s.tagged.put(text, out)
	return slices.Clone(out)
}

func (s *Segmenter) tag(text string) []Tagged {
	var out []Tagged
	for i := 0; i < len(text); {
		j := validRunEnd(text, i)
		if j > i {
			for _, wt := range s.jieba.Tag(text[i:j]) {
				k := strings.LastIndexByte(wt, '/')
				if k <= 0 {
					continue
				}
				out = append(out, Tagged{Word: wt[:k], POS: wt[k+1:]})
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	return out
}

// span is one token: byte offsets into the original text and its type.
type span struct {
	start, end int
	typ        analysis.TokenType
}

// spans runs search-mode segmentation and keeps the searchable tokens.
// hmm turns on cppjieba's HMM guessing of words missing from the
// dictionaries. cppjieba sees C strings and decodes UTF-8 all-or-nothing (one
// bad byte and it returns no words at all), so the text is fed in runs of
// valid UTF-8 without NUL bytes and offsets are shifted back.
func (s *Segmenter) spans(text string, hmm bool) []span {
	cache := &s.spanned[0]
	if hmm {
		cache = &s.spanned[1]
	}
	if out, ok := cache.get(text); ok {
		return out // read only: Cut and Tokenize copy what they keep
	}
	out := s.segment(text, hmm)
	cache.put(text, out)
	return out
}

func (s *Segmenter) segment(text string, hmm bool) []span {
	var out []span
	for i := 0; i < len(text); {
		j := validRunEnd(text, i)
		if j > i {
			words := s.jieba.Tokenize(text[i:j], gojieba.SearchMode, hmm)
			out = slices.Grow(out, len(words))
			for _, w := range words {
				// gojieba's Word.Start/End are BYTE offsets (cppjieba's
				// Word::offset, length = word.size()), relative to text[i:j].
				if sp, ok := classify(text, i+w.Start, i+w.End); ok {
					out = append(out, sp)
				}
			}
		}
		if j == i {
			j++ // skip one invalid or NUL byte
		}
		i = j
	}
	if !hmm {
		out = mergeASCII(text, out)
	}
	return out
}

// mergeASCII joins adjacent runs of ASCII letters and digits back into one
// token: without HMM, cppjieba cuts an unknown Latin word letter by letter
// ("ABC" → A, B, C).
func mergeASCII(text string, in []span) []span {
	out := in[:0]
	for _, sp := range in {
		if n := len(out); n > 0 && sp.typ != analysis.Ideographic && out[n-1].typ != analysis.Ideographic &&
			out[n-1].end == sp.start && isASCII(text[out[n-1].start:sp.end]) {
			out[n-1].end = sp.end
			if sp.typ != analysis.Numeric {
				out[n-1].typ = analysis.AlphaNumeric
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// validRunEnd returns the end of the run of valid, NUL-free UTF-8 that
// starts at text[i].
func validRunEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c == 0 {
			return i
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return i
}

// classify decides whether text[start:end] is worth indexing and its
// type. Like bleve's unicode tokenizer, only tokens containing a letter or
// a number are kept, so whitespace, punctuation, symbols and emoji are
// dropped. cppjieba's number rule swallows a trailing '.' ("2022." at the
// end of a sentence); it is trimmed so the term matches "2022".
func classify(text string, start, end int) (span, bool) {
	tok := text[start:end]
	hasLetterOrNumber, cjk, numeric := false, false, true
	for _, r := range tok {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			hasLetterOrNumber, cjk, numeric = true, true, false
		case unicode.IsNumber(r):
			hasLetterOrNumber = true
		case unicode.IsLetter(r):
			hasLetterOrNumber, numeric = true, false
		case r != '.':
			numeric = false
		}
	}
	switch {
	case !hasLetterOrNumber:
		return span{}, false
	case cjk:
		return span{start, end, analysis.Ideographic}, true
	case numeric:
		return span{start, start + len(strings.TrimRight(tok, ".")), analysis.Numeric}, true
	default:
		return span{start, end, analysis.AlphaNumeric}, true
	}
}

// recentTexts bounds the texts each cache of a segmenter remembers (up to
// twice as many: the current generation and the one before), and
// recentBytes the length of a text worth remembering, so that the caches
// hold at most a few megabytes.
const (
	recentTexts = 128
	recentBytes = 1024
)

// recent remembers the results of the texts looked up last, in two
// generations: when the current one is full it becomes the old one, and a
// text found in the old one moves back to the current.
type recent[V any] struct {
	mu       sync.Mutex
	cur, old map[string]V
}

func (r *recent[V]) get(text string) (V, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if v, ok := r.cur[text]; ok {
		return v, true
	}
	v, ok := r.old[text]
	if ok {
		r.putLocked(text, v)
	}
	return v, ok
}

func (r *recent[V]) put(text string, v V) {
	if len(text) > recentBytes {
		return
	}
	text = strings.Clone(text) // not the message a word was cut from
	r.mu.Lock()
	defer r.mu.Unlock()
	r.putLocked(text, v)
}

func (r *recent[V]) putLocked(text string, v V) {
	if len(r.cur) >= recentTexts {
		r.old, r.cur = r.cur, nil
	}
	if r.cur == nil {
		r.cur = make(map[string]V, recentTexts)
	}
	r.cur[text] = v
}
