package jieba

import (
	"fmt"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TokenizerName is the bleve registry type of the jieba tokenizer. Its
// config map (see Segmenter.TokenizerConfig) may carry three strings:
// "dict_dir", an operator dictionary directory (absent = embedded
// dictionaries), "user_dict", a user dictionary path (absent = none), and
// ConfigHMM.
// Used with an empty config it means the embedded dictionaries without a
// user dictionary.
const TokenizerName = "policybot_jieba"

// Keys of the tokenizer config map. bleve stores the map as JSON inside
// the index mapping, so it can only carry strings, not a *Segmenter.
const (
	configDictDir = "dict_dir"
	// ConfigUserDict is the user dictionary's path. Segmenters are shared
	// by dictionary content, so a Segmenter may have been loaded from a
	// copy at another path: an index sets its own copy's path here.
	ConfigUserDict = "user_dict"
	// ConfigHMM set to "off" turns off cppjieba's HMM guessing of words
	// missing from the dictionaries. In short questions it mostly glues
	// function characters into junk words ("事该", "费能"), which then look
	// like rare topic words.
	ConfigHMM = "hmm"
)

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, tokenizerConstructor); err != nil {
		panic(fmt.Sprintf("jieba: %v", err))
	}
}

// tokenizerConstructor builds the tokenizer from a mapping's config by
// asking Open for the matching process-wide Segmenter. Call Open with
// WithDataDir at start-up so embedded dictionaries are unpacked there;
// otherwise the first index to open unpacks them to the default location.
func tokenizerConstructor(config map[string]interface{}, _ *registry.Cache) (analysis.Tokenizer, error) {
	var opts []Option
	hmm := true
	for k, v := range config {
		s, isString := v.(string)
		switch k {
		case "type":
			continue
		case ConfigHMM:
			if s != "on" && s != "off" {
				return nil, fmt.Errorf("jieba: tokenizer config: %q must be \"on\" or \"off\", got %v", k, v)
			}
			hmm = s == "on"
		case configDictDir:
			opts = append(opts, WithDictDir(s))
		case ConfigUserDict:
			opts = append(opts, WithUserDict(s))
		default:
			return nil, fmt.Errorf("jieba: tokenizer config: unknown key %q", k)
		}
		if !isString {
			return nil, fmt.Errorf("jieba: tokenizer config: %q must be a string, got %T", k, v)
		}
	}
	seg, err := Open(opts...)
	if err != nil {
		return nil, err
	}
	t := NewTokenizer(seg)
	t.hmm = hmm
	return t, nil
}

// TokenizerConfig returns the config for a bleve custom tokenizer that
// uses this Segmenter's dictionaries, for
// IndexMappingImpl.AddCustomTokenizer(name, seg.TokenizerConfig()). The
// embedded set is recorded as "no dict_dir" rather than its unpack path,
// so the stored mapping stays valid when the data directory moves or the
// binary is upgraded. The map is freshly allocated on each call.
func (s *Segmenter) TokenizerConfig() map[string]interface{} {
	cfg := map[string]interface{}{"type": TokenizerName}
	if !s.embedded {
		cfg[configDictDir] = s.dictDir
	}
	if s.userDict != "" {
		cfg[ConfigUserDict] = s.userDict
	}
	return cfg
}

// Tokenizer is a bleve analysis.Tokenizer that segments text with a
// Segmenter in search mode. Token Start/End are byte offsets into the
// input, Position counts emitted tokens from 1, and Type is Ideographic
// for tokens with CJK characters, Numeric for numbers and AlphaNumeric
// otherwise. Whitespace, punctuation and symbol-only tokens are dropped.
// It is safe for concurrent use.
type Tokenizer struct {
	seg *Segmenter
	hmm bool
}

// NewTokenizer returns a Tokenizer backed by seg, which must come from Open.
func NewTokenizer(seg *Segmenter) *Tokenizer {
	return &Tokenizer{seg: seg, hmm: true}
}

// Tokenize implements analysis.Tokenizer. It does not modify input, and
// the returned Terms do not alias it.
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	text := string(input)
	spans := t.seg.spans(text, t.hmm)
	if len(spans) == 0 {
		return nil
	}
	// Search mode emits overlapping tokens (清华, 大学, 清华大学), and
	// filters such as to_lower rewrite Term in place, so terms must not
	// share bytes with each other or with the caller's input. One arena
	// and one Token array keep that to two allocations.
	n := 0
	for _, sp := range spans {
		n += sp.end - sp.start
	}
	arena := make([]byte, 0, n)
	tokens := make([]analysis.Token, len(spans))
	stream := make(analysis.TokenStream, len(spans))
	for i, sp := range spans {
		from := len(arena)
		arena = append(arena, text[sp.start:sp.end]...)
		tokens[i] = analysis.Token{
			Start:    sp.start,
			End:      sp.end,
			Term:     arena[from:len(arena):len(arena)],
			Position: i + 1,
			Type:     sp.typ,
		}
		stream[i] = &tokens[i]
	}
	return stream
}
