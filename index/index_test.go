package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"policybot/seeds"
)

func TestAnalyzer(t *testing.T) {
	tests := []struct {
		in   string
		want []string // every term, in order
	}{
		{"社保能缓交吗", []string{"社保", "缓交"}},
		{"留抵退税的事", []string{"留抵", "退税", "留抵退税"}},
		{"欠费不停供", []string{"欠费", "不停", "停供", "不停供", "欠费不停供"}},
		{"专精特新ABC企业", []string{"专精特新", "abc", "企业"}},
		{"😀🎉", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range testIndex.an.Analyze([]byte(tt.in)) {
			got = append(got, string(tok.Term))
			if src := tt.in[tok.Start:tok.End]; strings.ToLower(src) != string(tok.Term) {
				t.Errorf("%q: token %q has offsets [%d,%d) = %q", tt.in, tok.Term, tok.Start, tok.End, src)
			}
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q -> %v, missing %q", tt.in, got, w)
			}
		}
		for _, stop := range []string{"能", "吗", "的", "事"} {
			if slices.Contains(got, stop) {
				t.Errorf("%q -> %v keeps stop word %q", tt.in, got, stop)
			}
		}
	}
}

// TestBM25IsOn guards bleve's trap: the scoring model applies only to an
// on-disk (scorch) index; a MemOnly index with the same mapping silently
// stays on tf-idf.
func TestBM25IsOn(t *testing.T) {
	explain := func(bi bleve.Index) string {
		q := bleve.NewMatchQuery("留抵退税")
		q.SetField("text")
		req := bleve.NewSearchRequestOptions(q, 1, 0, true)
		res, err := bi.SearchInContext(context.Background(), req)
		if err != nil || len(res.Hits) == 0 {
			t.Fatalf("search: %v, %d hits", err, len(res.Hits))
		}
		return res.Hits[0].Expl.String()
	}
	if e := explain(testIndex.bi); !strings.Contains(e, "saturation") {
		t.Errorf("index does not score with BM25:\n%s", e)
	}
	mem, err := bleve.NewMemOnly(testIndex.bi.Mapping())
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	g := testIndex.guide
	mem.Index("m1", newMeasureDoc(g, g.Measure(1), nil))
	mem.Index("m2", newMeasureDoc(g, g.Measure(2), nil))
	if e := explain(mem); strings.Contains(e, "saturation") {
		t.Errorf("expected the MemOnly trap to hold (tf-idf); if bleve fixed it, drop this half:\n%s", e)
	}
}

// TestSynonymsAtQueryTime checks that the query expands synonyms: 网费 is
// not a word of the guide, yet the query built for it finds the broadband
// measure through the lexicon.
func TestSynonymsAtQueryTime(t *testing.T) {
	dict, err := testIndex.bi.FieldDict("text")
	if err != nil {
		t.Fatal(err)
	}
	for e, err := dict.Next(); e != nil && err == nil; e, err = dict.Next() {
		if e.Term == "网费" {
			t.Fatal("网费 should not be a term of the guide")
		}
	}
	dict.Close()
	for q, want := range map[string]int{"网费": 8, "社保": 2, "个体户": 4, "应届生": 72} {
		hits, err := testIndex.rank(testIndex.analyse(q, -1), -1)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range hits {
			found = found || h.Number == want
		}
		if !found {
			t.Errorf("%s: synonym expansion did not reach %d (%v)", q, want, hits)
		}
		// The example bank also holds these everyday words: the guide's
		// own text must be reached through the synonyms.
		if testIndex.textCoverage(testIndex.concepts(q), want) == 0 {
			t.Errorf("%s: no synonym leads to the text of measure %d", q, want)
		}
	}
}

// TestSynonymKeysAreWholeTokens: a left word the analyzer splits would
// never be looked up.
func TestSynonymKeysAreWholeTokens(t *testing.T) {
	for _, s := range testIndex.lex.Synonyms {
		for _, w := range s.From {
			if terms := longestTerms(testIndex.an, w); !slices.Contains(terms, strings.ToLower(w)) && len(terms) > 0 {
				t.Errorf("synonym word %q is cut into %v: it would never be looked up", w, terms)
			}
		}
		for _, p := range s.To {
			if len(longestTerms(testIndex.an, p)) == 0 {
				t.Errorf("synonym target %q analyzes to nothing", p)
			}
		}
	}
}

func TestSearch(t *testing.T) {
	tests := []struct {
		q       string
		kind    seeds.Kind
		first   int    // expected best measure, 0 to skip
		among   []int  // measures that must all be offered (choice)
		unit    string // expected unit name (seeds.KindUnit)
		contact bool
	}{
		{q: "社保能缓交吗", kind: seeds.KindMeasure, first: 2},
		{q: "公积金能晚点交吗", kind: seeds.KindMeasure, first: 3},
		{q: "租国企的房子能免房租吗", kind: seeds.KindMeasure, first: 4},
		{q: "宽带费能便宜点吗", kind: seeds.KindMeasure, first: 8},
		{q: "留抵退税找谁", kind: seeds.KindMeasure, first: 1, contact: true},
		{q: "人社局电话", kind: seeds.KindUnit, unit: "区人保局", contact: true},
		{q: "税务局怎么联系", kind: seeds.KindUnit, unit: "区税务局", contact: true},
		{q: "公共资源交易中心电话多少", kind: seeds.KindUnit, unit: "区政务服务局（区公共资源交易中心）", contact: true},
		{q: "010-69050322是哪个部门", kind: seeds.KindUnit, unit: "区人保局"},
		{q: "房租能减免吗", kind: seeds.KindChoice, among: []int{4, 5}},
		{q: "有哪些保险方面的政策", kind: seeds.KindChoice, among: []int{12, 13, 14}},
		{q: "公司注销流程", kind: seeds.KindNone},
		{q: "明天下雨吗", kind: seeds.KindNone},
		{q: "商标被抢注了怎么办", kind: seeds.KindNone},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := must(testIndex.Search(tt.q))
			if r.Kind != tt.kind {
				t.Fatalf("kind %s, want %s (%+v)", r.Kind, tt.kind, r.Measures)
			}
			if tt.first > 0 && (len(r.Measures) == 0 || r.Measures[0].Number != tt.first) {
				t.Errorf("best %+v, want %d", r.Measures, tt.first)
			}
			for _, n := range tt.among {
				if !slices.ContainsFunc(r.Measures, func(h Hit) bool { return h.Number == n }) {
					t.Errorf("choice %+v lacks %d", r.Measures, n)
				}
			}
			if tt.unit != "" && (r.Unit == nil || r.Unit.Name != tt.unit) {
				t.Errorf("unit %v, want %s", r.Unit, tt.unit)
			}
			if tt.contact && !r.Contact {
				t.Errorf("contact intent not seen")
			}
		})
	}
}

func TestUnitPhones(t *testing.T) {
	u := testIndex.Unit("人社局")
	if u == nil || u.Name != "区人保局" {
		t.Fatalf("人社局 -> %v", u)
	}
	want := []string{"010-69050322", "010-89038051", "010-69042124", "010-89037309"}
	if got := u.Phones(); !slices.Equal(sorted(got), sorted(want)) {
		t.Errorf("区人保局 phones %v, want %v", got, want)
	}
	for _, u := range testIndex.Units() {
		if strings.HasPrefix(u.Name, "各") || strings.HasPrefix(u.Name, "相关") {
			t.Errorf("%q is not a unit", u.Name)
		}
	}
}

func sorted(xs []string) []string {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	return ys
}

// TestBadQuestions: anything a user can type is answered without error.
func TestBadQuestions(t *testing.T) {
	long := strings.Repeat("社保缓缴怎么办理", 700) // 5,600 characters
	for _, q := range []string{
		"", "   ", "\n\t", long, "😀😀😀", "🙏", `+-:^~*?"()`, `社保 AND 公积金`, `text:社保^5`, `"社保`,
		"社保\x00缓缴", "社保\xff\xfe缓缴", "<script>alert(1)</script>", "SELECT * FROM measures", "？？？", "。。。",
	} {
		r := must(testIndex.Search(q))
		switch r.Kind {
		case seeds.KindMeasure, seeds.KindUnit, seeds.KindChoice, seeds.KindSuggest, seeds.KindNone:
		default:
			t.Errorf("%.20q: kind %q", q, r.Kind)
		}
	}
	if r := must(testIndex.Search(long)); r.Kind == seeds.KindNone || r.Measures[0].Number != 2 {
		t.Errorf("long question: %s %+v", r.Kind, r.Measures)
	}
}

func TestConcurrentSearch(t *testing.T) {
	qs := []string{"社保能缓交吗", "人社局电话", "房租能减免吗", "公司注销流程", "首贷贴息"}
	want := map[string]Result{}
	for _, q := range qs {
		want[q] = must(testIndex.Search(q))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 40; i++ {
				q := qs[(g+i)%len(qs)]
				if r := must(testIndex.Search(q)); r.Kind != want[q].Kind || fmt.Sprint(r.Measures) != fmt.Sprint(want[q].Measures) {
					t.Errorf("%s: concurrent result differs", q)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

// TestLifecycle: built on first use, reused when up to date, rebuilt when
// the seed or the lexicon changes or when asked.
func TestLifecycle(t *testing.T) {
	dir := t.TempDir()
	g := testIndex.guide
	open := func(g *seeds.Guide, opts ...Option) *Index {
		t.Helper()
		ix, err := Open(g, append([]Option{WithDataDir(dir)}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	if ix := open(g); !ix.Built() {
		t.Error("first open did not build")
	} else {
		ix.Close()
	}
	if ix := open(g); ix.Built() {
		t.Error("up-to-date index was rebuilt")
	} else {
		ix.Close()
	}
	if ix := open(g, WithRebuild()); !ix.Built() {
		t.Error("WithRebuild did not rebuild")
	} else {
		ix.Close()
	}
	changed, err := seeds.Parse(append([]byte("牵头单位：区某局联系人：张三联系方式：010-12345678。"), mustRead(t, "../seeds/"+seeds.EmbeddedName)...))
	if err != nil {
		t.Fatal(err)
	}
	ix := open(changed)
	if !ix.Built() {
		t.Error("changed seed did not rebuild")
	}
	ix.Close()
	entries, _ := os.ReadDir(filepath.Join(dir, "index"))
	dirs := 0
	for _, e := range entries {
		if e.IsDir() {
			dirs++
		}
	}
	if dirs != 1 {
		t.Errorf("%d index directories left, want 1", dirs)
	}
	// The operator's lexicon files, the cue lexicon among them: read with
	// the rest (a reload that reopens the index re-reads them).
	if rd, _ := testIndex.Read("感恩", Context{}); rd.Social != nil {
		t.Fatal("感恩 is small talk before the operator says so")
	}
	os.WriteFile(filepath.Join(dir, "synonyms.txt"), []byte("小卖部 => 零售\n"), 0o644)
	os.WriteFile(filepath.Join(dir, CuesFile), []byte("[thanks]\n感恩\n[human]\n找真人聊\n"), 0o644)
	ix = open(changed)
	if !ix.Built() {
		t.Error("operator synonyms and cues did not rebuild")
	}
	if r := must(ix.Search("小卖部")); len(r.Measures) == 0 {
		t.Error("operator synonym not applied")
	}
	if rd, _ := ix.Read("感恩", Context{}); rd.Social == nil || !rd.Social.Thanks {
		t.Errorf("operator's thanks not small talk: %+v", rd)
	}
	if r := must(ix.Search("社保的事我想找真人聊")); !r.Human {
		t.Errorf("operator's human cue not read by the search: %+v", r)
	}
}

func TestCuesStrict(t *testing.T) {
	cases := []struct {
		name, file string
		ok         bool
	}{
		{"operator adds thanks", "[thanks]\n多谢啦\n", true},
		{"unknown section", "[thanx]\n多谢啦\n", false},
		{"phrase before section", "多谢啦\n", false},
		{"aspect section", "[ask.online]\n掌上办\n", true},
		{"unknown aspect", "[ask.colour]\n颜色\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := t.TempDir()
			os.WriteFile(filepath.Join(d, CuesFile), []byte(c.file), 0o644)
			lex, err := LoadLexicon(d, nil)
			if (err == nil) != c.ok {
				t.Fatalf("err = %v, want ok %v", err, c.ok)
			}
			if err == nil && c.name == "operator adds thanks" && !newCues(lex.Cues).only("多谢啦", cueThanks) {
				t.Error("operator phrase not merged")
			}
		})
	}
	// The files the cues were split over before are not silently ignored.
	for _, old := range retiredFiles {
		d := t.TempDir()
		os.WriteFile(filepath.Join(d, old), []byte("[contact]\n电话\n"), 0o644)
		if _, err := LoadLexicon(d, nil); err == nil || !strings.Contains(err.Error(), CuesFile) {
			t.Errorf("%s: %v, want an error naming %s", old, err, CuesFile)
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "synonyms.txt"), []byte("只有一个词\n"), 0o644)
	if _, err := LoadLexicon(dir, nil); err == nil || !strings.Contains(err.Error(), "synonyms.txt line 1") {
		t.Errorf("bad synonyms line: %v", err)
	}
	os.Remove(filepath.Join(dir, "synonyms.txt"))
	gd := GuideDir(dir, testIndex.guide)
	os.MkdirAll(gd, 0o755)
	os.WriteFile(filepath.Join(gd, "aliases.txt"), []byte("人社局\n"), 0o644)
	if _, err := LoadLexicon(dir, testIndex.guide); err == nil || !strings.Contains(err.Error(), filepath.Join(gd, "aliases.txt")+" line 1") {
		t.Errorf("alias line without unit: %v", err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
