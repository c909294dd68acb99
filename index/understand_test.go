package index

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"policybot/seeds"
)

// TestTrainingIsDeterministic: the same bank gives the same weights, and
// the model saved with the index is the one it decides with.
func TestTrainingIsDeterministic(t *testing.T) {
	rows, err := testIndex.rows()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := testIndex.train(rows)
	b, _ := testIndex.train(nil)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two trainings differ:\n%+v\n%+v", a, b)
	}
	saved, err := loadModel(filepath.Join(testIndex.path, modelFile))
	if err != nil || !reflect.DeepEqual(saved, testIndex.model) {
		t.Errorf("saved model: %v, equal %v", err, reflect.DeepEqual(saved, testIndex.model))
	}
}

// TestFeaturesMoveProbability: more of the question covered makes an
// answer likelier; a place that is not the guide's makes it less likely.
func TestFeaturesMoveProbability(t *testing.T) {
	r, f, err := testIndex.understand(part{text: "社保能缓交吗"}, -1, testIndex.model)
	if err != nil || f == nil {
		t.Fatalf("no features: %v", err)
	}
	x := f.vector()
	p0 := r.Probability
	at := func(name string) int {
		for i, n := range featureNames {
			if n == name {
				return i
			}
		}
		t.Fatalf("no feature %s", name)
		return -1
	}
	tests := []struct {
		feature string
		delta   float64
		up      bool
	}{
		{"coverage", -0.5, false},
		{"other_places", 1, false},
		{"unknown_weight", 2, false},
	}
	for _, tt := range tests {
		y := append([]float64{}, x...)
		y[at(tt.feature)] += tt.delta
		p, _ := testIndex.model.predict(y, 0)
		if (p > p0) != tt.up || p == p0 {
			t.Errorf("%s %+.1f: probability %.3f → %.3f", tt.feature, tt.delta, p0, p)
		}
	}
	// The statement right before a subjectless ask is its subject: an
	// out-of-scope word there is evidence, one told earlier is not.
	for _, c := range []struct {
		context string
		want    float64
	}{
		{"我们公司的商标被人抢注了", 1},
		{"每个月还得交物业费,听说能改成人才公寓往外租", 0},
		{"房东是区里的国企", 0},
		{"人都快走光了,我也不忍心辞退他们", 0},
		{"人都快走光了,只能辞退他们", 1},
	} {
		_, f, _ := testIndex.understand(part{text: "现在该怎么办", context: c.context}, -1, testIndex.model)
		if f == nil || f.OutOfScope != c.want {
			t.Errorf("%s，现在该怎么办: out_of_scope %+v, want %v", c.context, f, c.want)
		}
	}
	// The ask's own clause decides when it names another place, whatever
	// home the story around it names; a story's other place does not
	// move an ask about the guide's own district.
	for _, c := range []struct {
		p    part
		want float64
	}{
		{part{text: "上海那边的社保缓缴政策跟这里一样吗", situation: "我们公司总部在密云,在上海有个分厂"}, 1},
		{part{text: "密云这边的社保能缓交吗", situation: "我们公司总部在上海"}, 0},
	} {
		_, f, _ := testIndex.understand(c.p, -1, testIndex.model)
		if f == nil || f.OtherPlaces != c.want {
			t.Errorf("%+v: other_places %+v, want %v", c.p, f, c.want)
		}
	}
	// The place feature sees only other places, never the guide's own.
	for q, want := range map[string]float64{"上海的小微企业房租能减免吗": 1, "密云的小微企业房租能减免吗": 0, "北京市小微企业房租能减免吗": 0} {
		_, f, _ := testIndex.understand(part{text: q}, -1, testIndex.model)
		if got := f.OtherPlaces; got != want {
			t.Errorf("%s: other_places %v, want %v", q, got, want)
		}
	}
}

// TestContextUnbanked: the words of a subjectless ask's context are its
// own, so one the guide's owners never use counts as unbanked (a
// suggestion of the measure naming the other words is not settled into an
// answer); the words of the wider situation do not.
func TestContextUnbanked(t *testing.T) {
	for _, c := range []struct {
		p    part
		want bool
	}{
		{part{text: "是个什么流程", context: "我开的饭馆想评个米其林星级"}, true},
		{part{text: "社保能缓交吗", situation: "我开的饭馆想评个米其林星级"}, false},
		{part{text: "能减吗", context: "房东是区里的国企"}, false},
	} {
		_, f, _ := testIndex.understand(c.p, -1, testIndex.model)
		if f == nil || (f.Unbanked > 0) != c.want {
			t.Errorf("%+v: features %+v, want unbanked %v", c.p, f, c.want)
		}
	}
}

// TestAskedMeasure: "第N条" in Arabic or Chinese numerals settles the
// question; a number whose text the guide lost, or that it lacks, is
// reported as asked with no answer.
func TestAskedMeasure(t *testing.T) {
	g := testIndex.guide
	withText := 0
	lost := 0
	for _, m := range g.Measures {
		if withText == 0 && m.Number >= 4 && m.Text != "" {
			withText = m.Number
		}
		if lost == 0 && m.Text == "" && len(m.Details) == 0 {
			lost = m.Number
		}
	}
	absent := g.MaxNumber() + 1
	tests := []struct {
		q    string
		kind seeds.Kind
		n    int
	}{
		{"第" + itoa(withText) + "条", seeds.KindMeasure, withText},
		{"第" + seeds.Numeral(withText) + "条", seeds.KindMeasure, withText},
		{"请问第 " + itoa(withText) + " 条找谁办", seeds.KindMeasure, withText},
		{"第" + seeds.Numeral(absent) + "条讲的是什么", seeds.KindNone, absent},
		{"第" + itoa(lost) + "条", seeds.KindNone, lost},
	}
	for _, tt := range tests {
		r := must(testIndex.Search(tt.q))
		if r.Kind != tt.kind || r.Asked != tt.n || tt.kind == seeds.KindMeasure && r.Measures[0].Number != tt.n {
			t.Errorf("%s: kind %s asked %d %v, want %s %d", tt.q, r.Kind, r.Asked, r.Measures, tt.kind, tt.n)
		}
	}
	if r := must(testIndex.Search("请问第4条找谁办")); !r.Contact {
		t.Errorf("第4条找谁办: contact not set")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestNotChineseAndHuman: a message without Chinese is flagged (a phone
// number still finds its unit); a request for a person is flagged, while
// 人工智能 stays a topic.
func TestNotChineseAndHuman(t *testing.T) {
	for _, q := range []string{"hello", "How do I get a VAT refund?", "???"} {
		if r := must(testIndex.Search(q)); !r.NotChinese || r.Kind != seeds.KindNone {
			t.Errorf("%q: NotChinese %v kind %s", q, r.NotChinese, r.Kind)
		}
	}
	if r := must(testIndex.Search("010-69050322")); r.Kind != seeds.KindUnit || r.NotChinese {
		t.Errorf("phone: kind %s NotChinese %v", r.Kind, r.NotChinese)
	}
	for q, want := range map[string]bool{"转人工": true, "我想找个真人聊聊": true, "有没有客服": true, "人工智能企业有什么支持": false} {
		if r := must(testIndex.Search(q)); r.Human != want {
			t.Errorf("%s: Human %v, want %v (kind %s)", q, r.Human, want, r.Kind)
		}
	}
}

// TestExamplesFile: every example names a measure of the guide, and a bad
// header is an error naming the line.
func TestExamplesFile(t *testing.T) {
	if len(testIndex.lex.Examples) == 0 {
		t.Fatal("no examples loaded")
	}
	for _, e := range testIndex.lex.Examples {
		if e.Measure != 0 && testIndex.guide.Measure(e.Measure) == nil {
			t.Errorf("example for missing measure %d: %s", e.Measure, e.Text)
		}
	}
	for _, bad := range []string{"社保能缓交吗\n", "[abc]\n社保能缓交吗\n", "[0]\n社保\n"} {
		lex := &Lexicon{}
		if err := lex.read(lexFile{name: examplesFile, key: "k"}, "x", bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	dir := t.TempDir()
	os.MkdirAll(GuideDir(dir, testIndex.guide), 0o755)
	os.WriteFile(filepath.Join(GuideDir(dir, testIndex.guide), examplesFile), []byte("[2]\n运营商说的那个社保缓缴到底咋回事\n"), 0o644)
	lex, err := LoadLexicon(dir, testIndex.guide)
	if err != nil || !hasExample(lex, 2, "运营商说的那个社保缓缴到底咋回事") {
		t.Errorf("operator examples not merged: %v", err)
	}
	if lex.hash == testIndex.lex.hash {
		t.Error("operator examples do not change the lexicon hash")
	}
}

// TestExamplesAreNotEvaluationQuestions keeps the evaluation sets honest:
// no example may be a near copy (character-bigram Jaccard ≥ 0.45, spaces
// and punctuation removed) of an evaluation question.
func TestExamplesAreNotEvaluationQuestions(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.jsonl")
	qs := readQuestions(t, files...)
	if len(qs) == 0 {
		t.Fatal("no evaluation questions")
	}
	evalGrams := make([]map[string]bool, len(qs))
	for i, q := range qs {
		evalGrams[i] = bigrams(q.Q)
	}
	for _, e := range testIndex.lex.Examples {
		g := bigrams(e.Text)
		for i, q := range qs {
			if j := jaccard(g, evalGrams[i]); j >= 0.45 {
				t.Errorf("example %q is a near copy (%.2f) of %s %q", e.Text, j, q.ID, q.Q)
			}
		}
	}
}

func bigrams(s string) map[string]bool {
	var rs []rune
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			rs = append(rs, r)
		}
	}
	out := map[string]bool{}
	for i := 0; i+1 < len(rs); i++ {
		out[string(rs[i:i+2])] = true
	}
	return out
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for g := range a {
		if b[g] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// TestRankingFixes: the ranking problems the example bank and the word
// statistics were built to fix.
func TestRankingFixes(t *testing.T) {
	if r := must(testIndex.Search("公司的社保能不能晚几个月交")); len(r.Measures) == 0 || !strings.Contains(testIndex.guide.Measure(r.Measures[0].Number).Text, "社会保险") {
		t.Errorf("社保 question: %v", r.Measures)
	}
	// One word several measures answer in full: a choice, once read as a
	// message (the search alone may only suggest them).
	if rd, err := testIndex.Read("贷款", Context{}); err != nil || len(rd.Asks) != 1 {
		t.Errorf("贷款: %+v %v", rd, err)
	} else if r := rd.Asks[0].Result; r.Kind != seeds.KindChoice || len(r.Measures) < 3 {
		t.Errorf("贷款: %s %v", r.Kind, r.Measures)
	}
	if r := must(testIndex.Search("劳动局电话")); r.Kind != seeds.KindUnit || r.Unit.Name != "区人保局" {
		t.Errorf("劳动局电话: %s %v", r.Kind, r.Unit)
	}
}

// TestDetailsOnlyMeasure: a measure whose first sentence the seed lost but
// whose follow-up sentences survive is still found, by its number and by
// the words of its details.
func TestDetailsOnlyMeasure(t *testing.T) {
	g := *testIndex.guide
	g.Measures = append([]seeds.Measure(nil), g.Measures...)
	g.Hash += "-details-only"
	n := 0
	for i := range g.Measures {
		if m := &g.Measures[i]; m.Text != "" && m.Number > 20 {
			m.Details = append([]string{m.Text}, m.Details...)
			m.Text, n = "", m.Number
			break
		}
	}
	ix, err := Open(&g, WithDataDir(t.TempDir()), WithLexiconDir(""))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if r := must(ix.Search("第" + itoa(n) + "条")); r.Kind != seeds.KindMeasure || r.Measures[0].Number != n {
		t.Errorf("第%d条: %s %v", n, r.Kind, r.Measures)
	}
	hits, err := ix.rank(ix.analyse(ix.guide.Measure(n).Details[0], -1), -1)
	if err != nil || len(hits) == 0 || hits[0].Number != n {
		t.Errorf("its own details do not find measure %d: %v %v", n, hits, err)
	}
}

// TestLeaveFoldOut: an example's training features are computed without
// its fold: the query leaves the fold's field out, and no example finds
// itself (with all folds, every example covers itself in full).
func TestLeaveFoldOut(t *testing.T) {
	exs := testIndex.examples
	self, n := 0, 0
	for i, e := range exs {
		if e.Measure == 0 || i%7 != 0 || !testIndex.usable(e) {
			continue
		}
		n++
		a := testIndex.analyse(e.Text, testIndex.fold[i])
		if exampleCoverage(testIndex, a.concepts, e.Measure, testIndex.fold[i]) >= 1 {
			self++
		}
		if all := testIndex.analyse(e.Text, -1); exampleCoverage(testIndex, all.concepts, e.Measure, -1) < 1 {
			t.Errorf("%q does not cover itself with all folds", e.Text)
		}
		q, _ := json.Marshal(testIndex.query(a.terms, nil, testIndex.fold[i]))
		if strings.Contains(string(q), `"`+exampleField(testIndex.fold[i])+`"`) {
			t.Fatalf("query for %q searches its own fold", e.Text)
		}
	}
	if n == 0 || float64(self)/float64(n) > 0.5 {
		t.Errorf("%d of %d examples fully covered by another example of their measure: the fold is not left out", self, n)
	}
}

// exampleCoverage is the largest weighted share of the question's concepts
// that one example question of measure n contains, fold excl left out.
func exampleCoverage(ix *Index, cs []concept, n, excl int) float64 {
	total := 0.0
	for _, c := range cs {
		total += c.weight
	}
	if total == 0 {
		return 0
	}
	best := 0.0
	for _, i := range ix.byMeasure[n] {
		if ix.fold[i] == excl {
			continue
		}
		terms := ix.exTerms[i]
		got := 0.0
		for _, c := range cs {
			if terms[c.term] || anyIn(terms, ix.vocab.expand[c.term]) {
				got += c.weight
			}
		}
		best = max(best, got/total)
	}
	return best
}

// TestExamplesFitTheirGuide: on another district's guide, the built-in
// bank's groups (written for the embedded guide's numbering) do not fit the
// measures of the same numbers and are left out, and every measure gets
// generated questions instead; on the embedded guide every answerable
// measure keeps its written examples.
func TestExamplesFitTheirGuide(t *testing.T) {
	written := map[int]int{}
	for _, e := range testIndex.examples {
		if !e.Generated {
			written[e.Measure]++
		}
	}
	for _, m := range testIndex.guide.Measures {
		if testIndex.answerable(m.Number) && written[m.Number] == 0 {
			t.Errorf("measure %d: its examples do not fit it", m.Number)
		}
	}
	ix := openOtherDistrict(t)
	generated := 0
	for _, e := range ix.examples {
		if !e.Generated {
			t.Errorf("other guide: measure %d keeps the built-in example %q", e.Measure, e.Text)
		}
		if e.Measure != 0 {
			generated++
		}
	}
	if generated < 5*len(ix.guide.Measures) {
		t.Errorf("other guide: %d generated examples for %d measures", generated, len(ix.guide.Measures))
	}
}

var update = flag.Bool("update", false, "rewrite data/default_model.json: the model trained on the embedded guide and the test guides")

// trainingGuides are the test guides the shipped models are trained on,
// as scrambled copies (seeds/testdata/guides/<id>/scrambled-1.txt); the
// held-out guides (yanqing-2024, fangshan-2022) are never among them.
// dayOneOnly are trained on by the day-one model alone: daxing-2022 joined
// on 2026-12-04, and the default model (the embedded guide's) trained on it
// too lost a turn of the heldout21 dialogues.
var trainingGuides = []string{"huairou-2022", "pinggu-2023", "tongzhou-2020", "mentougou-2022"}

var dayOneOnly = []string{"daxing-2022"}

// openDayOne opens an index over the embedded guide as on its first day
// (Tuning.DayOne: its written questions are training rows read through
// generated examples), closed when the test ends.
func openDayOne(t *testing.T) *Index {
	t.Helper()
	g, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tu := DefaultTuning()
	tu.DayOne = true
	ix, err := Open(g, WithDataDir(t.TempDir()), WithLexiconDir(""), WithTuning(tu))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// openGuide opens an index over a test guide's scrambled copy, closed when
// the test ends.
func openGuide(t *testing.T, id string) *Index {
	t.Helper()
	return openGuideFile(t, id, "scrambled-1.txt")
}

// openGuideFile opens an index over file (guide.txt: the clean text) of a
// test guide, closed when the test ends.
func openGuideFile(t *testing.T, id, file string) *Index {
	t.Helper()
	return openSeed(t, filepath.Join("..", "seeds", "testdata", "guides", id, file))
}

// openSeed opens an index over the guide at path, closed when the test ends.
func openSeed(t *testing.T, path string) *Index {
	t.Helper()
	g, err := seeds.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(g, WithDataDir(t.TempDir()), WithLexiconDir(""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestDefaultModel: the shipped models have the current features; the
// embedded guide decides with data/default_model.json, a guide without
// written examples with data/dayone_model.json. With -update both are
// retrained on the embedded guide and the test guides (the day-one one
// also on the embedded guide as on its first day) and rewritten.
func TestDefaultModel(t *testing.T) {
	if *update {
		ixs := []*Index{testIndex}
		for _, id := range trainingGuides {
			ixs = append(ixs, openGuide(t, id))
		}
		day := append(slices.Clone(ixs), openDayOne(t))
		for _, id := range dayOneOnly {
			day = append(day, openGuide(t, id))
		}
		for _, c := range []struct {
			file string
			ixs  []*Index
		}{{defaultModelFile, ixs}, {dayOneModelFile, day}} {
			m, err := TrainModel(c.ixs...)
			if err != nil {
				t.Fatal(err)
			}
			if err := m.Save(c.file); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %s (trained on the embedded guide and %v) and %s (also on %v and the embedded guide as on its first day)",
			defaultModelFile, trainingGuides, dayOneModelFile, dayOneOnly)
		return
	}
	m, err := defaultModel()
	if err != nil {
		t.Fatalf("%v (regenerate: go test ./index -run TestDefaultModel -update)", err)
	}
	if !reflect.DeepEqual(testIndex.model, m) {
		t.Error("embedded guide: not the shipped model")
	}
	if m, err = dayOneModel(); err != nil {
		t.Fatalf("%v (regenerate: go test ./index -run TestDefaultModel -update)", err)
	}
	ix := openOtherDistrict(t)
	if !reflect.DeepEqual(ix.model, m) {
		t.Error("other guide: not the shipped day-one model")
	}
	want := 0
	for _, mm := range ix.Guide().Measures {
		if strings.Contains(mm.Text, "用电") {
			want = mm.Number
		}
	}
	if r := must(ix.Search("用电价格有补贴吗")); want == 0 || r.Kind != seeds.KindMeasure || r.Measures[0].Number != want {
		t.Errorf("other guide: 用电价格有补贴吗 → %s %v, want measure %d", r.Kind, r.Measures, want)
	}
}

// closeModels compares weights up to floating-point noise (bleve's BM25
// sums may differ in the last bits between processes).
func closeModels(a, b *model) bool {
	near := func(x, y float64) bool { return x-y < 1e-9 && y-x < 1e-9 }
	if !near(a.Bias, b.Bias) {
		return false
	}
	for i := range a.Weights {
		if !near(a.Weights[i], b.Weights[i]) || !near(a.Mean[i], b.Mean[i]) || !near(a.Scale[i], b.Scale[i]) {
			return false
		}
	}
	return true
}

// openOtherDistrict opens an index over another district's guide
// (seeds/testdata/other_district.txt), closed when the test ends.
func openOtherDistrict(t *testing.T) *Index {
	t.Helper()
	src, err := os.ReadFile("../seeds/testdata/other_district.txt")
	if err != nil {
		t.Fatal(err)
	}
	g, err := seeds.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(g, WithDataDir(t.TempDir()), WithLexiconDir(""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestTuningValidated: Open refuses tuning values the decision cannot
// work with, naming the value.
func TestTuningValidated(t *testing.T) {
	g, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*Tuning){
		"Folds":              func(tu *Tuning) { tu.Folds = 1 },
		"SuggestProbability": func(tu *Tuning) { tu.SuggestProbability = tu.AnswerProbability + 0.1 },
		"MaxHits":            func(tu *Tuning) { tu.MaxHits = 0 },
	} {
		tu := DefaultTuning()
		change(&tu)
		ix, err := Open(g, WithDataDir(t.TempDir()), WithLexiconDir(""), WithTuning(tu))
		if err == nil {
			ix.Close()
			t.Errorf("%s: Open accepted %+v", name, tu)
		} else if !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error does not name it: %v", name, err)
		}
	}
}

// TestSearchFailsAsAnError: when the index itself fails (here: it was
// closed), Search returns an error rather than a "none" answer.
func TestSearchFailsAsAnError(t *testing.T) {
	ix := openOtherDistrict(t)
	ix.Close()
	if r, err := ix.Search("用电价格有补贴吗"); err == nil {
		t.Errorf("search on a closed index: %s %v, no error", r.Kind, r.Measures)
	}
}

// TestReadWithContactContext: Context.Contact reads a message as asking for
// contacts (/contact ARGS): a unit named beside a topic the guide does not
// cover is then about the unit, not declined.
func TestReadWithContactContext(t *testing.T) {
	for _, contact := range []bool{false, true} {
		rd, err := testIndex.Read("人社局 养老金多少", Context{Contact: contact})
		if err != nil || len(rd.Asks) != 1 {
			t.Fatalf("read: %+v %v", rd, err)
		}
		want := seeds.KindNone
		if contact {
			want = seeds.KindUnit
		}
		if a := rd.Asks[0]; a.Kind != want || a.Unit == nil || a.Contact != contact {
			t.Errorf("contact %v: kind %s unit %v contact %v, want %s", contact, a.Kind, a.Unit, a.Contact, want)
		}
	}
}

// TestRead: what Read makes of a message in a conversation.
func TestRead(t *testing.T) {
	onSocial := Context{Topic: 2, Recent: []int{3, 2}, Question: "社保能缓交吗"}
	cases := []struct {
		name, text string
		c          Context
		check      func(rd Reading) bool
	}{
		{"empty", "？？ ！", Context{}, func(rd Reading) bool { return rd.Empty && len(rd.Asks) == 0 }},
		{"a premium one cannot pay asks its deferral, not the utility bills' arrears", "社保交不上了 能缓吗", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindMeasure && rd.Asks[0].Measures[0].Number == 2
		}},
		{"a bare contact ask reads the complaint told before statements that name nothing", "政府单位欠我们货款不给 我们小厂子快撑不住了 工人工资都发不出来 找了好几回没结果 到底该找谁", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindMeasure && rd.Asks[0].Measures[0].Number == 22
		}},
		{"traditional characters are read as simplified, no typo", "我們飯館的員工社會保險能緩繳嗎", Context{}, func(rd Reading) bool {
			return len(rd.Fixes) == 0 && len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindMeasure && rd.Asks[0].Measures[0].Number == 2
		}},
		{"small talk", "谢谢啦，再见", Context{}, func(rd Reading) bool {
			return rd.Social != nil && rd.Social.Thanks && rd.Social.Bye && len(rd.Asks) == 0
		}},
		{"a question is no small talk", "谢谢，社保能缓交吗", Context{}, func(rd Reading) bool { return rd.Social == nil && len(rd.Asks) == 1 }},
		// Trial 23 kinder t14: thanks after saying the measure shown is no
		// use close the talk, though 餐饮 names a measure; a question after
		// the same words stays a question.
		{"thanks after a measure dismissed is small talk", "这个是餐饮的，我们幼儿园用不上。行吧，谢谢你了", Context{Topic: 66}, func(rd Reading) bool {
			return rd.Social != nil && rd.Social.Thanks && len(rd.Asks) == 0
		}},
		{"a question after a measure dismissed is no small talk", "这个我们用不上，有没有房租减免 谢谢", Context{Topic: 66}, func(rd Reading) bool { return rd.Social == nil && len(rd.Asks) == 1 }},
		{"more", "还有吗", onSocial, func(rd Reading) bool { return rd.More && len(rd.Asks) == 0 }},
		{"skip", "不知道", Context{}, func(rd Reading) bool { return rd.Skip }},
		{"recall", "上一个", onSocial, func(rd Reading) bool { return rd.Previous && rd.PreviousTopic == 3 && rd.Recall && len(rd.Asks) == 0 }},
		{"no previous topic", "上一个", Context{Topic: 2, Recent: []int{2}}, func(rd Reading) bool { return rd.Previous && rd.PreviousTopic == 0 }},
		{"about the previous topic", "上一个找谁", onSocial, func(rd Reading) bool {
			return rd.PreviousTopic == 3 && !rd.Recall && len(rd.Asks) == 1 && rd.Asks[0].OnTopic && rd.Asks[0].Only(AspectContact)
		}},
		{"bare follow-up needs no search", "找谁办", onSocial, func(rd Reading) bool {
			a := rd.Asks[0]
			return a.Bare && a.OnTopic && !a.Searched() && a.Only(AspectContact)
		}},
		{"a new topic in few words", "公积金呢", onSocial, func(rd Reading) bool {
			a := rd.Asks[0]
			return !a.OnTopic && a.Kind == seeds.KindMeasure && a.Measures[0].Number == 3
		}},
		{"ellipsis reads the last question", "暖气呢", Context{Topic: 7, Question: "电费能缓交吗"}, func(rd Reading) bool {
			a := rd.Asks[0]
			return !a.OnTopic && a.Kind == seeds.KindMeasure && a.Measures[0].Number == 7 && strings.Contains(a.Question, "电费")
		}},
		{"no ellipsis without a last question", "暖气呢", Context{}, func(rd Reading) bool { return rd.Asks[0].Kind == seeds.KindNone }},
		{"one word several measures answer", "贷款", Context{}, func(rd Reading) bool { return rd.Asks[0].Kind == seeds.KindChoice }},
		{"a new question leaves the topic", "房租能减免吗", onSocial, func(rd Reading) bool { return !rd.Asks[0].OnTopic }},
		{"picks an offered measure", "孵化器那个", Context{Choices: []int{5, 4, 6}}, func(rd Reading) bool { return rd.Asks[0].Pick == 5 }},
		{"picks none when the words fit none", "社保那个", Context{Choices: []int{5, 4, 6}}, func(rd Reading) bool { return rd.Asks[0].Pick == 0 }},
		{"two asks in order", "房租能减吗？另外员工社保能缓交吗", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 2 && rd.Asks[0].Kind != seeds.KindNone && rd.Asks[1].Measures[0].Number == 2
		}},
		{"a story's 上个月 is no reference back", "我们厂二十来个工人，上个月停了半个月工，社保能不能先缓一缓", Context{Topic: 4, Recent: []int{2, 4}}, func(rd Reading) bool {
			return !rd.Previous && len(rd.Asks) == 1 && rd.Asks[0].Measures[0].Number == 2
		}},
		{"the situation decides between landlords", "我在镇上开了家饭馆，房东是区里的国企，房租能减吗", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Measures[0].Number == 4 && strings.Contains(rd.Asks[0].Question, "国企")
		}},
		{"a typo is corrected and named", "社宝能缓交吗", Context{}, func(rd Reading) bool {
			return len(rd.Fixes) == 1 && rd.Fixes[0].To == "社保" && rd.Asks[0].Measures[0].Number == 2
		}},
		{"a homophone of a bill word the lexicon keeps whole", "小微企业水电器欠费了会不会给停掉", Context{}, func(rd Reading) bool {
			return len(rd.Fixes) == 1 && rd.Fixes[0].To == "水电气" && len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindMeasure && rd.Asks[0].Measures[0].Number == 7
		}},
		{"an abbreviation in capitals is no pinyin", "做AI研发有没有支持", Context{}, func(rd Reading) bool {
			return len(rd.Fixes) == 0
		}},
		{"a list ask naming its own topic keeps the measure saying it, not the story's need", "我们小公司做软件外包，办公室网络是专线，一年光网费就好几万，小微企业参加政府采购有啥照顾", Context{}, func(rd Reading) bool {
			last := rd.Asks[len(rd.Asks)-1]
			return len(last.Measures) > 0 && last.Measures[0].Number == 25
		}},
		{"ten asks: three answered, seven left", "房租能减吗？社保能缓吗？公积金能缓吗？贷款能延期吗？水电能欠费吗？宽带能降价吗？首贷有贴息吗？担保费能减吗？疫情险怎么买？留抵退税怎么办？",
			Context{}, func(rd Reading) bool {
				return len(rd.Asks) == MaxAnswered && rd.Unanswered == 7 && len(rd.Left) == 7 && rd.Left[0] == "贷款能延期吗"
			}},
		{"only emoji", "😭😭😭", Context{}, func(rd Reading) bool { return rd.Empty && len(rd.Asks) == 0 }},
		// Issue 21, trial 7: follow-ups stay with the topic; closings are small talk.
		{"an official contact follow-up is bare", "烦请提供经办科室及联系电话", Context{Topic: 1, Recent: []int{1}, Question: "留抵退税怎么办理"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].OnTopic && rd.Asks[0].Has(AspectContact) && len(rd.Asks[0].Words) == 0
		}},
		{"上述事项 points at the topic", "以上事项该找哪个部门", Context{Topic: 26, Recent: []int{26}, Question: "电子招标文件收费吗"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].OnTopic && len(rd.Asks[0].Words) == 0
		}},
		{"不会上网 asks how to apply, not about broadband", "岁数大了 不会上网 能到窗口办吗", Context{Topic: 4, Recent: []int{4}, Question: "国企房子房租能减吗"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].OnTopic && rd.Asks[0].Has(AspectOnline)
		}},
		{"a correction goes back to the topic before", "不是宽带 我说房租那个 能在窗口办吗", Context{Topic: 8, Recent: []int{4, 8}, Question: "宽带也降价吗"}, func(rd Reading) bool {
			return rd.Previous && rd.PreviousTopic == 4 && len(rd.Asks) == 1 && rd.Asks[0].OnTopic
		}},
		{"a correction whose words the topic before never says is read on its own", "不是这个 我问的是担保费按0.5%收的那个", Context{Topic: 9, Recent: []int{2, 9}, Question: "贷款利息有便宜的吗"}, func(rd Reading) bool {
			return !rd.Previous && len(rd.Asks) == 1 && len(rd.Asks[0].Measures) > 0 && rd.Asks[0].Measures[0].Number == 11
		}},
		{"a part of the owner's kind is no new subject", "我开的就是个小超市 自己播 不是什么机构 能算吗", Context{Topic: 62, Recent: []int{62}, Question: "直播卖货有补贴吗"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].OnTopic
		}},
		// Issue 21, trial 8: contact and pointer follow-ups, a story's new
		// subject, spoken assents closing a talk, the asker's kind of person.
		{"该项补贴 asks the topic's office", "该项补贴归哪个部门经办", Context{Topic: 72, Recent: []int{72}, Question: "招本市高校毕业生有补贴吗"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].OnTopic && rd.Asks[0].Has(AspectContact)
		}},
		{"对接 of a contact ask names no measure", "跟谁对接", Context{Topic: 69, Recent: []int{69}, Question: "乡村旅游线路有支持吗"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].OnTopic && rd.Asks[0].Has(AspectContact)
		}},
		{"a pointer picks the measure discussed before", "那个房租的呢", Context{Topic: 8, Recent: []int{4, 8}, Question: "宽带能便宜吗"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindMeasure && rd.Asks[0].Measures[0].Number == 4
		}},
		{"the story's thing is a new subject", "我们租的是孵化器的工位 房租能便宜点吗", Context{Topic: 62, Recent: []int{62}, Question: "直播电商有租金补贴吗"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && !rd.Asks[0].OnTopic && rd.Asks[0].Measures[0].Number == 5
		}},
		{"a landlord who will not cut is overseen", "房租不给减免 谁来管", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && len(rd.Asks[0].Measures) > 0 && rd.Asks[0].Measures[0].Number == 6
		}},
		{"我司系 is no typo of 司机", "我司系一家药店 招了应届毕业生 有补贴吗", Context{}, func(rd Reading) bool { return len(rd.Fixes) == 0 }},
		{"领失业金 is no typo of 返失业金", "下岗了 可以领失业金吗", Context{}, func(rd Reading) bool { return len(rd.Fixes) == 0 }},
		{"得嘞 with thanks is small talk", "得嘞 谢谢啦", onSocial, func(rd Reading) bool { return rd.Social != nil && rd.Social.Thanks && len(rd.Asks) == 0 }},
		{"a spoken closing jieba glues into one word is small talk", "行行行那就这样谢了啊", onSocial, func(rd Reading) bool {
			return rd.Social != nil && rd.Social.Thanks && rd.Social.Bye && len(rd.Asks) == 0
		}},
		{"an assent before an ask leaves the ask", "行行行 那个社保能缓交吗", onSocial, func(rd Reading) bool { return rd.Social == nil && len(rd.Asks) == 1 }},
		{"a person's kind weighs against another kind's measures", "我是农村的 四十多了 在饭馆打工 饭馆关了 有啥政策帮我找工作", Context{}, func(rd Reading) bool {
			if len(rd.Asks) != 1 || rd.Asks[0].Kind != seeds.KindChoice {
				return false
			}
			for _, h := range rd.Asks[0].Measures {
				if h.Number == 70 || h.Number == 72 {
					return false
				}
			}
			return true
		}},
		{"a thanks with an object is small talk", "好的，非常感谢您的解答", onSocial, func(rd Reading) bool { return rd.Social != nil && rd.Social.Thanks && len(rd.Asks) == 0 }},
		{"a closing naming whom to call is small talk", "那算了 我直接找人保局问去 谢谢", onSocial, func(rd Reading) bool { return rd.Social != nil && rd.Social.Thanks && len(rd.Asks) == 0 }},
		{"thanks with a question stays a question", "谢谢 那公积金能缓交不", onSocial, func(rd Reading) bool { return rd.Social == nil && len(rd.Asks) == 1 }},
		// Trial 44 (stop 53): an assent before a question asked by its
		// shape alone (a verb and a final 不) still asks; which website and
		// how many years ask about the measure discussed; freight whose
		// truck cannot get in is held-up transport.
		{"an assent before a question ending in 不 stays a question", "好 俺闺女出主意 说让城里游客来村里体验做豆腐 搞成旅游那种 区里支持这个不", onSocial, func(rd Reading) bool {
			return rd.Social == nil && len(rd.Asks) == 1 && len(rd.Asks[0].Measures) > 0 && rd.Asks[0].Measures[0].Number == 69
		}},
		{"which website asks the topic online", "网上怎么办 在哪个网站", Context{Topic: 1, Recent: []int{1}, Question: "增值税留抵退税怎么退"}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].OnTopic && rd.Asks[0].Has(AspectOnline)
		}},
		{"how many years a subsidy runs asks the topic", "补多少钱？补几年？", Context{Topic: 72, Recent: []int{72}, Question: "招聘高校毕业生有补贴吗"}, func(rd Reading) bool {
			for _, a := range rd.Asks {
				if !a.OnTopic {
					return false
				}
			}
			return len(rd.Asks) > 0
		}},
		{"a truck that cannot get in is freight held up", "运货 车进不去", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind != seeds.KindNone && slices.ContainsFunc(rd.Asks[0].Measures, func(h Hit) bool { return h.Number == 33 || h.Number == 28 })
		}},
		// Issue 18: a rate read aloud (百分之零点五) is the guide's 0.5%, which
		// tells the guarantee fee from the first-loan measure naming 担保费 too.
		{"a spoken rate names the measure that writes it in figures", "首次贷款贴息在哪办 还有担保费零点五那种我们可以享受不", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 2 && rd.Asks[0].Measures[0].Number == 9 && rd.Asks[1].Kind == seeds.KindMeasure && rd.Asks[1].Measures[0].Number == 11
		}},
		// Issue 18: everyday words for the guide's official ones (synonyms.txt).
		{"刚需 is the guide's 刚性住房需求, no out-of-scope purchase", "刚需房现在有啥政策", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind != seeds.KindNone && rd.Asks[0].Kind != seeds.KindSuggest && rd.Asks[0].Measures[0].Number == 59
		}},
		{"a down payment stays out of scope beside 刚需", "我们刚需买房的 首付能少点吗", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindNone
		}},
		{"快点批 asks to speed up an approval", "项目手续能批快点吗", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindMeasure && rd.Asks[0].Measures[0].Number == 53
		}},
		// Issue 18: a second ask naming again where it happens, told before
		// (孵化器), is read by its new words.
		{"a turn to a new ask is read without the words told before", "我们运营一个科技孵化器，帮入驻的小微企业减了三个月房租，这部分政府补多少？还有孵化器里一家企业想申请专精特新，有啥政策", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 2 && rd.Asks[0].Measures[0].Number == 5 && rd.Asks[1].Kind != seeds.KindNone && rd.Asks[1].Measures[0].Number == 21
		}},
		{"a second ask about the first answer's own subject stays one", "孵化器减免房租补贴怎么申请？还有孵化器的补贴什么时候能到账", Context{}, func(rd Reading) bool {
			return len(rd.Asks) >= 1 && rd.Asks[0].Measures[0].Number == 5 && (len(rd.Asks) == 1 || rd.Asks[1].Measures[0].Number == 5)
		}},
		{"borrowing hands from another firm is sharing staff", "店里缺人 能从别的厂借点人过来吗", Context{}, func(rd Reading) bool {
			return len(rd.Asks) == 1 && rd.Asks[0].Kind == seeds.KindMeasure && rd.Asks[0].Measures[0].Number == 77
		}},
		{"thanks with a contact ask stays a question", "电话 谢谢", onSocial, func(rd Reading) bool { return rd.Social == nil && len(rd.Asks) == 1 && rd.Asks[0].OnTopic }},
	}
	for _, c := range cases {
		rd, err := testIndex.Read(c.text, c.c)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !c.check(rd) {
			t.Errorf("%s: %q read as %+v", c.name, c.text, rd)
		}
	}
}

// TestOthersAsked: "还有别的政策吗" after a subject asks for that subject's
// other measures, searched afresh; with no subject (还有别的政策吗, 这个
// 还有别的吗) or asking an aspect (还有别的要求吗) it is no such ask.
func TestOthersAsked(t *testing.T) {
	cases := []struct {
		text, subject string // subject "" for no such ask
	}{
		{"贷款这块还有别的政策吗", "贷款这块"},
		{"社保还有没有别的措施", "社保"},
		{"贷款还有别的吗", "贷款"},
		{"还有别的政策吗", ""},
		{"这个还有别的吗", ""},
		{"社保还有别的要求吗", ""},
		// The subject may follow the phrase, after an example's lead.
		{"还有别的吗 比如贷款方面", "贷款方面"},
		{"除了这个 直播公司还能享受别的吗 比如房租", "房租"},
		{"还能享受别的吗", ""},
	}
	for _, c := range cases {
		subject, ok := testIndex.othersAsked(c.text)
		if ok != (c.subject != "") || subject != c.subject {
			t.Errorf("othersAsked(%q) = %q, %v; want %q", c.text, subject, ok, c.subject)
		}
		rd, err := testIndex.Read(c.text, Context{Topic: 9})
		if err != nil {
			t.Fatal(err)
		}
		if want := 0; c.subject != "" {
			want = 9
			if rd.Others != want || len(rd.Asks) != 1 {
				t.Errorf("Read(%q).Others = %d with %d asks, want %d with one", c.text, rd.Others, len(rd.Asks), want)
			}
		} else if rd.Others != 0 {
			t.Errorf("Read(%q).Others = %d, want 0", c.text, rd.Others)
		}
	}
}
