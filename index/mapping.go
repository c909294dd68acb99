package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenmap"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"policybot/index/jieba"
)

// Names in the index mapping.
const (
	analyzerName   = "policybot_zh"    // jieba + lower case + stop words
	tokenizerName  = "policybot_jieba" // jieba search mode, this process's dictionaries
	stopMapName    = "policybot_stopwords"
	stopFilterName = "policybot_stop"
	typeMeasure    = "measure"
	typeUnit       = "unit"
)

// Measure document fields and their query boosts: a word in the measure's
// own text says more than one in its section title or supporting units.
var measureFields = []struct {
	name  string
	boost float64
}{
	{"text", 1.0},
	{"details", 0.6},
	{"subsection", 0.5},
	{"section", 0.15},
	{"lead", 0.4},
	{"support", 0.1},
	{"contacts", 0.2},
}

// exampleBoost is the query boost of each fold's example questions: they
// are how owners ask, but many, and not the guide's word.
const exampleBoost = 0.5

// Unit document fields and boosts.
var unitFields = []struct {
	name  string
	boost float64
}{
	{"name", 1.0},
	{"aliases", 1.0},
	{"people", 0.8},
	{"departments", 0.5},
	{"topics", 0.1},
}

// newMapping builds the index mapping: jieba analysis with these stop
// words and BM25 scoring. Synonyms are expanded by the query (see
// Index.query), from the same analysis as the rest of the question.
func newMapping(seg *jieba.Segmenter, userDict string, stopwords []string, folds int) (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.ScoringModel = bleveindex.BM25Scoring
	im.TypeField = "type"
	im.DefaultAnalyzer = keyword.Name
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()

	tok := seg.TokenizerConfig()
	tok[jieba.ConfigHMM] = "off"
	tok[jieba.ConfigUserDict] = userDict
	stops := make([]interface{}, len(stopwords))
	for i, w := range stopwords {
		stops[i] = w
	}
	steps := []struct {
		what string
		err  error
	}{
		{"tokenizer", im.AddCustomTokenizer(tokenizerName, tok)},
		{"stop words", im.AddCustomTokenMap(stopMapName, map[string]interface{}{"type": tokenmap.Name, "tokens": stops})},
		{"stop filter", im.AddCustomTokenFilter(stopFilterName, map[string]interface{}{"type": stop.Name, "stop_token_map": stopMapName})},
		{"analyzer", im.AddCustomAnalyzer(analyzerName, map[string]interface{}{
			"type": custom.Name, "tokenizer": tokenizerName, "token_filters": []string{lowercase.Name, stopFilterName},
		})},
	}
	for _, s := range steps {
		if s.err != nil {
			return nil, fmt.Errorf("index mapping: %s: %w", s.what, s.err)
		}
	}

	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzerName
		f.Store = store
		f.IncludeTermVectors = store // for highlighting
		f.IncludeInAll = false
		return f
	}
	keywordField := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.IncludeInAll = false
		return f
	}

	md := bleve.NewDocumentStaticMapping()
	md.AddFieldMappingsAt("type", keywordField())
	md.AddFieldMappingsAt("number", keywordField())
	for _, f := range measureFields {
		md.AddFieldMappingsAt(f.name, text(f.name == "text" || f.name == "details"))
	}
	ex := bleve.NewDocumentStaticMapping()
	for f := 0; f < folds; f++ {
		ex.AddFieldMappingsAt(foldKey(f), text(false))
	}
	md.AddSubDocumentMapping("examples", ex)
	im.AddDocumentMapping(typeMeasure, md)

	ud := bleve.NewDocumentStaticMapping()
	ud.AddFieldMappingsAt("type", keywordField())
	ud.AddFieldMappingsAt("phones", keywordField())
	for _, f := range unitFields {
		ud.AddFieldMappingsAt(f.name, text(false))
	}
	im.AddDocumentMapping(typeUnit, ud)

	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	return im, nil
}
