package jieba

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
)

func TestTokenizerConfig(t *testing.T) {
	def, user := openDefault(t), openUser(t)
	if got, want := def.TokenizerConfig(), map[string]interface{}{"type": TokenizerName}; !reflect.DeepEqual(got, want) {
		t.Errorf("default TokenizerConfig = %v, want %v", got, want)
	}
	if got, want := user.TokenizerConfig(), map[string]interface{}{"type": TokenizerName, "user_dict": user.UserDict()}; !reflect.DeepEqual(got, want) {
		t.Errorf("user TokenizerConfig = %v, want %v", got, want)
	}
}

func TestTokenizerConstructor(t *testing.T) {
	user := openUser(t)
	for _, tc := range []struct {
		name    string
		config  map[string]interface{}
		wantSeg *Segmenter
		wantErr string
	}{
		{"from TokenizerConfig", user.TokenizerConfig(), user, ""},
		{"empty config", map[string]interface{}{}, openDefault(t), ""},
		{"nil config", nil, openDefault(t), ""},
		{"unknown key", map[string]interface{}{"userdict": "x"}, nil, `unknown key "userdict"`},
		{"not a string", map[string]interface{}{"user_dict": 3.0}, nil, "must be a string"},
		{"bad user dict", map[string]interface{}{"user_dict": "/nonexistent/u.utf8"}, nil, "/nonexistent/u.utf8"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tok, err := tokenizerConstructor(tc.config, registry.NewCache())
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := tok.(*Tokenizer).seg; got != tc.wantSeg {
				t.Errorf("constructor used segmenter %p, want %p", got, tc.wantSeg)
			}
		})
	}
}

// TestBleveIndex runs the tokenizer the way the index package will: as a
// custom tokenizer in a custom analyzer, through a mapping that has been
// serialized to JSON and back (as bleve does when an index is reopened).
func TestBleveIndex(t *testing.T) {
	seg := openUser(t)

	im := bleve.NewIndexMapping()
	if err := im.AddCustomTokenizer("zh_jieba", seg.TokenizerConfig()); err != nil {
		t.Fatal(err)
	}
	if err := im.AddCustomAnalyzer("zh", map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     "zh_jieba",
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		t.Fatal(err)
	}
	body := bleve.NewTextFieldMapping()
	body.Analyzer = "zh"
	doc := bleve.NewDocumentMapping()
	doc.AddFieldMappingsAt("body", body)
	im.DefaultMapping = doc

	raw, err := json.Marshal(im)
	if err != nil {
		t.Fatal(err)
	}
	var reloaded mapping.IndexMappingImpl
	if err := json.Unmarshal(raw, &reloaded); err != nil {
		t.Fatalf("mapping does not survive JSON: %v\n%s", err, raw)
	}

	idx, err := bleve.NewMemOnly(&reloaded)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	const text = "2022年6月30日前，符合条件的企业可申请留抵退税ABC，社保能缓交吗？"
	if err := idx.Index("doc1", map[string]interface{}{"body": text}); err != nil {
		t.Fatal(err)
	}
	if err := idx.Index("doc2", map[string]interface{}{"body": "今天天气很好"}); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		query string
		marks []string // highlighted spans expected in the fragment
	}{
		{"留抵退税", []string{"留抵退税"}},
		{"abc", []string{"ABC"}}, // lower-cased term, original text highlighted
		{"社保缓交", []string{"社保", "缓交"}},
		{"6月30日", []string{"6", "月", "30"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			q := bleve.NewMatchQuery(tc.query)
			q.SetField("body")
			req := bleve.NewSearchRequest(q)
			req.Highlight = bleve.NewHighlightWithStyle(html.Name)
			res, err := idx.Search(req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 1 || res.Hits[0].ID != "doc1" {
				t.Fatalf("hits = %v, want only doc1", res.Hits)
			}
			frags := res.Hits[0].Fragments["body"]
			if len(frags) == 0 {
				t.Fatal("no highlight fragments")
			}
			for _, m := range tc.marks {
				if !strings.Contains(frags[0], "<mark>"+m+"</mark>") {
					t.Errorf("fragment %q lacks <mark>%s</mark>", frags[0], m)
				}
			}
			t.Log(frags[0])
		})
	}
}
