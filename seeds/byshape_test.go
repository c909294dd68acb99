package seeds

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"policybot/seeds/relayout"
)

// shapeWant is what one measure of a guide in a layout no reader was told
// about must keep: an opening of its text, its units and its phones.
type shapeWant struct {
	text   string
	units  []string
	phones []string
}

// TestByShapeReadsUnknownLayouts: guides in layouts the layout readers do
// not know (circled numbers, unnumbered paragraphs under bullets, contacts
// listed after a section or in an appendix by measure number, labels read
// into a name) are read by their shape. Each case fails without the
// fallback (checked below).
func TestByShapeReadsUnknownLayouts(t *testing.T) {
	cases := []struct {
		file   string
		want   []shapeWant
		unread []string // lines the integrity report must list
	}{
		{"circled.txt", []shapeWant{
			{"对承租县属国有房屋", []string{"县国资委"}, []string{"0999-1234567"}},
			{"对缴纳税款确有困难", []string{"县税务局"}, []string{"12366"}},
			{"对不裁员或少裁员", []string{"县人社局"}, []string{"0999-1234568"}},
			{"对招用应届高校毕业生", []string{"县人社局"}, []string{"0999-1234568"}},
			{"对按期返还失业保险费", []string{"县人社局"}, []string{"0999-1234568"}},
		}, nil},
		{"bullets.txt", []shapeWant{
			{"小规模纳税人免征增值税：对增值税", []string{"区税务局"}, []string{"0888-7654321"}},
			{"房产税和城镇土地使用税减免：", []string{"区税务局"}, []string{"0888-7654321"}},
			{"首次贷款贴息：", []string{"区金融办"}, []string{"0888-7654322"}},
			{"应急转贷支持：", []string{"区金融办"}, []string{"0888-7654322"}},
			{"融资担保降费：", []string{"区金融办"}, []string{"0888-7654322"}},
		}, nil},
		{"grouped.txt", []shapeWant{
			{"对开展促销活动", []string{"区商务局"}, []string{"0777-6543210"}},
			{"对新开业的餐饮门店", []string{"区商务局"}, []string{"0777-6543210"}},
			{"对举办体育赛事", []string{"区体育局"}, []string{"0777-6543211"}},
			{"对吸纳困难人员", []string{"区人社局"}, []string{"0777-6543212"}},
			{"对开展以工代训", []string{"区人社局"}, []string{"0777-6543212"}},
		}, nil},
		{"appendix.txt", []shapeWant{
			{"留抵退税：", []string{"区税务局"}, []string{"0666-5432109"}},
			{"社保缓缴：", []string{"区人社局"}, []string{"0666-5432108"}},
			{"房土两税减免：", []string{"区税务局"}, []string{"0666-5432109"}},
			{"贷款贴息：", []string{"区金融办"}, []string{"0666-5432107"}},
			{"担保降费：", []string{"区金融办"}, []string{"0666-5432107"}},
		}, []string{"第9项 区发改委 某某 0666-5432100"}},
		{"labels.txt", []shapeWant{
			{"减免国有房屋租金：", []string{"区国资委", "区财政局"}, []string{"0555-3456789", "0555-3456790"}},
			{"支持非国有房屋减租：", []string{"区商务局", "区科委"}, []string{"0555-3456791", "0555-3456792"}},
			{"降低宽带资费：", []string{"区经信局"}, []string{"0555-3456793"}},
			{"水电气欠费不停供：", []string{"区城管委", "区水务局"}, []string{"0555-3456794", "0555-3456795"}},
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "byshape", c.file))
			if err != nil {
				t.Fatal(err)
			}
			text := string(src)
			check := func(g *Guide) []string {
				var errs []string
				if err := checkMeasures(text, g); err != nil {
					errs = append(errs, "does not load: "+err.Error())
				}
				if len(g.Measures) != len(c.want) {
					errs = append(errs, "measures: "+strings.Repeat("|", len(g.Measures)))
				}
				for i, w := range c.want {
					if i >= len(g.Measures) {
						break
					}
					m := g.Measures[i]
					var units []string
					for _, ct := range m.Contacts {
						units = AppendNew(units, ct.Unit)
					}
					if !strings.HasPrefix(m.Text, w.text) || !slices.Equal(m.Lead, w.units) || !slices.Equal(units, w.units) || !slices.Equal(m.Phones(), w.phones) {
						errs = append(errs, Clip(m.Text, 16)+" lead "+strings.Join(m.Lead, "、")+" phones "+strings.Join(m.Phones(), "、"))
					}
				}
				for _, line := range c.unread {
					if !slices.ContainsFunc(g.Report.Unread, func(u Unread) bool { return u.Line == line }) {
						errs = append(errs, "not in the report: "+line)
					}
				}
				return errs
			}
			for _, e := range check(parseText(text)) {
				t.Error(e)
			}
			byShapeOff = true
			defer func() { byShapeOff = false }()
			if len(check(parseText(text))) == 0 {
				t.Error("the layout readers alone read it as well: the case does not test the fallback")
			}
		})
	}
}

// TestByShapeLeavesWellReadGuides: on every development guide and its
// scrambled copy the fallback changes nothing (the sealed guides are the
// lead's to check), and most skip it: the readers' own result shows it
// cannot help (shapeCannotHelp), which keeps the tests that parse these
// guides many times affordable.
func TestByShapeLeavesWellReadGuides(t *testing.T) {
	paths, _ := filepath.Glob("testdata/guides/*/*.txt")
	more, _ := filepath.Glob("testdata/formats/*/*.txt")
	paths = append(paths, more...)
	// The corrupted copy of a JSON export is no JSON and no guide the
	// readers read (see TestScrambledCopies): left out.
	paths = slices.DeleteFunc(paths, func(p string) bool {
		clean, err := os.ReadFile(filepath.Join(filepath.Dir(p), "guide.txt"))
		return filepath.Base(p) != "guide.txt" && err == nil && json.Valid(clean)
	})
	// The guides no layout reader claims (see secondReadGuides) are read
	// by the generic path, the fallback included, by design: left out.
	paths = slices.DeleteFunc(paths, func(p string) bool {
		return slices.Contains(secondReadGuides, filepath.Base(filepath.Dir(p)))
	})
	if len(paths) < 20 {
		t.Fatalf("only %d guides found", len(paths))
	}
	shapeCheckOff = true
	defer func() { shapeCheckOff = false }()
	skipped := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text, err := Decode(src)
		if err != nil {
			t.Fatal(err)
		}
		with := parseText(text)
		byShapeOff = true
		without := parseText(text)
		byShapeOff = false
		if !reflect.DeepEqual(with, without) {
			t.Errorf("%s: the fallback changed a guide the readers read", p)
		}
		// byShape is the parse's last step: without is what it sees.
		if _, sls, appendix := shapeLines(text); shapeCannotHelp(without, sls[:appendix]) {
			skipped++
		}
	}
	if skipped*10 < len(paths)*8 {
		t.Errorf("only %d of %d well-read guides skip the shape reading", skipped, len(paths))
	}
	g, err := Parse(embedded)
	if err != nil {
		t.Fatal(err)
	}
	byShapeOff = true
	h, _ := Parse(embedded)
	byShapeOff = false
	if !reflect.DeepEqual(g, h) {
		t.Error("the fallback changed the embedded guide")
	}
}

// TestShapeCannotHelpIsExact: where shapeCannotHelp skips the fallback, the
// fallback would have changed nothing, on guides it does change: the
// unknown layouts above (which it must not skip) and a development guide
// re-laid out by every perturbation of the relayout figure (one guide: the
// test parses each text twice, and CI runs it under -race).
func TestShapeCannotHelpIsExact(t *testing.T) {
	texts := map[string]string{}
	fixtures, _ := filepath.Glob("testdata/byshape/*.txt")
	for _, p := range fixtures {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts[p] = string(src)
	}
	ps := append([]relayout.Perturbation{{Name: "plain", Draw: func(*rand.Rand) relayout.Style { return relayout.Style{} }}},
		relayout.Perturbations...)
	for gi, p := range []string{"testdata/guides/tongzhou-2020/guide.txt"} {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		g, err := Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		d := docOf(g)
		for _, pt := range ps {
			texts[p+" "+pt.Name] = relayout.Render(d, pt.Draw(relayout.New(uint64(gi))))
		}
	}
	shapeCheckOff = true
	defer func() { shapeCheckOff, byShapeOff = false, false }()
	skipped, changed := 0, 0
	for name, text := range texts {
		full := parseText(text)
		byShapeOff = true
		without := parseText(text)
		byShapeOff = false
		_, sls, appendix := shapeLines(text)
		skip := shapeCannotHelp(without, sls[:appendix])
		same := reflect.DeepEqual(full, without)
		switch {
		case skip && !same:
			t.Errorf("%s: shapeCannotHelp skips the fallback, which changes the guide", name)
		case skip:
			skipped++
		case !same:
			changed++
		}
		if strings.HasPrefix(name, "testdata/byshape/") && skip {
			t.Errorf("%s: a guide in an unknown layout skips the fallback", name)
		}
	}
	t.Logf("%d texts: %d skip the fallback, %d are changed by it", len(texts), skipped, changed)
	if skipped == 0 || changed < len(fixtures) {
		t.Errorf("%d texts skipped, %d changed: the check is not exercised both ways", skipped, changed)
	}
}

// TestTriples: unit–person–phone triples wherever they stand, labels or
// none.
func TestTriples(t *testing.T) {
	cases := []struct {
		in   string
		want []string // unit/person/phone
	}{
		{"区税务局 张某 010-12345678", []string{"区税务局/张某/010-12345678"}},
		{"咨询单位:区商务局|经办人:李某|咨询方式:0771-1234567", []string{"区商务局/李某/0771-1234567"}},
		{"区国资委 王某 010-11111111；区财政局 赵某 010-22222222", []string{"区国资委/王某/010-11111111", "区财政局/赵某/010-22222222"}},
		{"牵头单位：区科委", []string{"区科委//"}},
		{"咨询电话：12366", []string{"//12366"}},
		{"2022年12月31日前完成", nil},
	}
	for _, c := range cases {
		var got []string
		for _, ct := range triples(c.in) {
			got = append(got, ct.Unit+"/"+strings.Join(ct.People, "、")+"/"+strings.Join(ct.Phones, "、"))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("triples(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
