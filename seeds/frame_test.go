package seeds

import (
	"os"
	"slices"
	"testing"

	"policybot/seeds/scramble"
)

func TestSpeaksOfGuide(t *testing.T) {
	const title = "北京市大兴区人民政府办公室关于印发《大兴区助企纾困促进经济平稳发展政策清单》的通知"
	p := &parser{g: &Guide{Title: title}}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"清单所列政策除另有注明外，执行期限至2022年12月31日。", true},
		{"企业可登录“大兴区企业服务平台”查询申报，或按各条所列电话咨询。", true},
		{"各项措施均列明责任单位和咨询电话,企业和个体工商户可直接咨询办理。", true},
		{"本实施细则自印发之日起施行，有效期至疫情解除后3个月。", true},
		{"北京市大兴区人民政府办公室2022年6月23日大兴区助企纾困促进经济平稳发展政策清单为贯彻落实…", true},
		// A measure's own follow-ups, including ones that name a list of
		// their own or the guide's district.
		{"通过大数据比对确定符合条件的企业名单，资金直接拨付至企业对公账户。", false},
		{"办理方式：企业向所在镇（街道）社会保障事务所提交申请。", false},
		{"梳理2022年区级重大项目清单，列入清单的项目实行专班推进。", false},
		{"对在大兴区注册的科技型中小微企业给予补贴。", false},
		// A notice's closing formula.
		{"特此通知。", true},
	} {
		if got := p.speaksOfGuide(c.s); got != c.want {
			t.Errorf("speaksOfGuide(%q) = %v, want %v", c.s, got, c.want)
		}
	}
	// A title without a quoted name gives no name to find.
	q := &parser{g: &Guide{Title: "关于支持中小微企业的若干措施"}}
	if q.speaksOfGuide("对在大兴区注册的科技型中小微企业给予补贴。") {
		t.Error("a title without 《》 matched a plain follow-up")
	}
	// A title without 《》 whose preamble issues the document by name:
	// the name in the signature marks it, a policy the preamble cites
	// does not.
	r := &parser{g: &Guide{
		Title:    "北京市柳溪区人民政府办公室印发本区关于应对疫情影响促进企业平稳发展若干措施的通知",
		Preamble: "为贯彻落实《关于支持中小微企业应对疫情的若干措施》，经区政府研究同意,现将《柳溪区关于应对疫情影响促进企业平稳发展的若干措施》印发给你们。",
	}}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"北京市柳溪区人民政府办公室2020年5月20日柳溪区关于应对疫情影响促进企业平稳发展的若干措施为统筹推进…", true},
		{"按照《关于支持中小微企业应对疫情的若干措施》规定的条件申请。", false},
	} {
		if got := r.speaksOfGuide(c.s); got != c.want {
			t.Errorf("preamble name: speaksOfGuide(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestFrameMeasureKeeps: in a corrupted copy, a sentence speaking of the
// whole guide after the start of an article that speaks of the guide too
// (its scope, its term) stays that article's follow-up; the same sentence
// after an ordinary measure is the frame, moved there, and no follow-up.
func TestFrameMeasureKeeps(t *testing.T) {
	p := &parser{g: &Guide{}, measures: map[int]*Measure{
		1: {Number: 1, Text: "【适用对象】本措施所称市场主体，是指在本区依法登记注册的中小微企业。"},
		2: {Number: 2, Text: "对新招用高校毕业生的企业给予每人3000元补贴。"},
		9: {Number: 9, Text: "【施行期限】本措施自印发之日起施行。"},
	}}
	const s = "本措施由区发展改革委会同各责任单位负责解释。"
	for _, c := range []struct {
		between    [2]int
		method     string
		want       bool
		wantMethod string
	}{
		{[2]int{1, 1}, ByPosition, true, ByPosition},
		{[2]int{9, 0}, "", true, ByPosition}, // after the last start
		{[2]int{2, 2}, ByPosition, false, ByPosition},
		{[2]int{1, 2}, "", false, ""}, // between two measures: position proves nothing
	} {
		o := &Orphan{Sentence: s, Between: c.between, Method: c.method}
		if got := p.frameMeasureKeeps(o); got != c.want || o.Method != c.wantMethod {
			t.Errorf("between %v: keeps %v method %q, want %v %q", c.between, got, o.Method, c.want, c.wantMethod)
		}
	}
}

// TestFrameBeforeLastContact: the guide's closing words written into its
// last measure's block, directly before that measure's contact, stay
// there in a corrupted copy, in doubt; the same sentence elsewhere in the
// last measure's stretch, or before another measure's contact, is the
// frame, moved there.
func TestFrameBeforeLastContact(t *testing.T) {
	p := &parser{g: &Guide{}, measures: map[int]*Measure{
		1: {Number: 1, Text: "对新招用高校毕业生的企业给予每人3000元补贴。"},
		2: {Number: 2, Text: "对小微企业减免房屋租金。"},
		3: {Number: 3, Text: "畅通企业诉求反映渠道。"},
	}}
	const s = "对本措施未列明的其他政策，由各责任单位按上级要求落实。"
	for _, c := range []struct {
		at, before    int
		want, doubted bool
	}{
		{3, 3, true, true},
		{3, 0, false, false},
		{2, 2, false, false},
	} {
		o := &Orphan{Sentence: s, Between: [2]int{c.at, c.at}, Before: c.before, Measure: c.at, Method: ByPosition}
		if got := p.frameMeasureKeeps(o); got != c.want || o.Doubtful != c.doubted {
			t.Errorf("in 第%d条 before %d: keeps %v doubtful %v, want %v %v", c.at, c.before, got, o.Doubtful, c.want, c.doubted)
		}
	}
}

// TestTerm: the sentence by which a guide states when all its measures
// apply, from its preamble or among a measure's sentences; none when two
// such sentences differ, and no preamble sentence that only cites a plan
// (实施方案) with a year.
func TestTerm(t *testing.T) {
	m := func(text string) Measure { return Measure{Text: text} }
	for _, c := range []struct {
		name string
		g    Guide
		want string
	}{
		{"preamble", Guide{Preamble: "为帮助企业渡过难关，制定本清单。清单所列政策除另有注明外，执行期限至2022年12月31日。", Measures: []Measure{m("对小微企业减免房租。")}},
			"清单所列政策除另有注明外，执行期限至2022年12月31日"},
		{"closing article", Guide{Measures: []Measure{m("对小微企业减免房租。"), m("本办法自2022年6月1日起施行，有效期至2022年12月31日。")}},
			"本办法自2022年6月1日起施行，有效期至2022年12月31日"},
		{"a follow-up", Guide{Measures: []Measure{{Text: "对小微企业减免房租。", Details: []string{"本细则自印发之日起施行，有效期至2022年12月31日。"}}}},
			"本细则自印发之日起施行，有效期至2022年12月31日"},
		{"each measure its own", Guide{Measures: []Measure{m("本措施执行至2022年6月30日。"), m("本措施执行至2022年12月31日。")}}, ""},
		{"a cited plan", Guide{Preamble: "为落实《稳定经济增长的实施方案》（2022年），结合本区实际，制定本措施。"}, ""},
		{"a measure's own date", Guide{Measures: []Measure{m("缓缴期限至2022年12月31日。")}}, ""},
	} {
		if got := c.g.Term(); got != c.want {
			t.Errorf("%s: Term() = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestMarkFrame: the articles of a regulation's 总则 and 附则 chapters, and
// those whose first sentence is a provision on the document (its purpose,
// scope, interpretation, entry into force), are no measures to answer
// with; they keep their numbers, the measures between keep theirs, the
// annex still gives its contacts and the period is still read. An article
// naming its own unit stays a measure, as does one that mentions the
// document further in.
func TestMarkFrame(t *testing.T) {
	head := "某市某区人民政府关于印发《某区稳企实施办法》的通知\n发布日期：2022-06-01\n各街道办事处：\n现印发给你们，请认真贯彻执行。\n某区稳企实施办法\n"
	for _, tt := range []struct {
		name, text string
		frame      []int
		contact    map[int]bool // measure -> whether it has a contact
		term       string
	}{
		{"chapters by name",
			"第一章　总则\n第1条　为稳定市场主体，制定本办法。\n第2条　本办法所需资金由区财政统筹。\n第3条　本办法规定的补贴统一通过兑现平台受理。\n" +
				"第二章　减税\n第4条　对小规模纳税人免征增值税。\n第5条　对小微企业减征六税两费，本办法另有规定的除外。\n" +
				"第三章　附则\n第6条　本办法第4条至第5条由区税务局负责解释，联系人：秦某，咨询电话：0555-1234567。\n第7条　本办法自2022年6月1日起施行，有效期至2022年12月31日。\n某区人民政府\n2022年6月1日\n",
			[]int{1, 2, 3, 6, 7}, map[int]bool{4: true, 5: true, 6: false},
			"本办法自2022年6月1日起施行，有效期至2022年12月31日"},
		{"an article with its own unit in the 总则 stays a measure",
			"第一章　总则\n第一条　【适用对象】本措施所称市场主体，是指在本区登记注册的中小微企业。\n第二条　【兑现服务】在区政务服务中心设立惠企政策兑现专窗。（责任单位：区政务服务办）\n" +
				"第二章　减税\n第三条　【免征增值税】对小规模纳税人免征增值税。（责任单位：区税务局；联系电话：0555-1234567）\n" +
				"第四条　【施行期限】本措施自印发之日起施行，有效期至2022年12月31日。\n某区人民政府\n2022年6月1日\n",
			[]int{1, 4}, map[int]bool{2: true, 3: true}, "【施行期限】本措施自印发之日起施行，有效期至2022年12月31日"},
		{"by content, without chapters",
			"第一条　为稳定市场主体，根据有关规定，制定本办法。\n第二条　本办法适用于在本区登记注册的中小微企业。\n第三条　对小规模纳税人免征增值税。\n" +
				"第四条　对小微企业减征六税两费。\n第五条　本办法由区发展改革委负责解释。\n第六条　本办法自2022年6月1日起施行。\n某区人民政府\n2022年6月1日\n",
			[]int{1, 2, 5, 6}, nil, "本办法自2022年6月1日起施行"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := parseText(head + tt.text)
			var frame []int
			for i := range g.Measures {
				m := &g.Measures[i]
				if m.Frame {
					frame = append(frame, m.Number)
				}
				if m.Answerable() == m.Frame {
					t.Errorf("第%d条: frame %v but answerable %v", m.Number, m.Frame, m.Answerable())
				}
				if m.Frame && slices.Contains(g.Report.MissingContact, m.Number) {
					t.Errorf("第%d条: a provision listed as a measure without contact", m.Number)
				}
			}
			if !slices.Equal(frame, tt.frame) {
				t.Errorf("frame articles %v, want %v", frame, tt.frame)
			}
			for n, want := range tt.contact {
				if m := g.Measure(n); m == nil || m.HasContact() != want {
					t.Errorf("第%d条: has contact %v, want %v", n, m != nil && m.HasContact(), want)
				}
			}
			if got := g.Term(); got != tt.term {
				t.Errorf("Term() = %q, want %q", got, tt.term)
			}
		})
	}
}

// TestFrameGuides: the provisions of the article guides, clean and
// scrambled (a copy may lose a chapter heading; the content still tells
// most), and the follow-up of the last provision kept on it.
func TestFrameGuides(t *testing.T) {
	for _, tt := range []struct {
		path  string
		frame []int
	}{
		{"testdata/formats/yunyu-2022-chapter-articles/guide.txt", []int{1, 2, 3, 4, 24, 25, 26, 27}},
		{"testdata/formats/yunyu-2022-chapter-articles/scrambled-1.txt", []int{1, 2, 3, 4, 24, 25, 26, 27}},
		{"testdata/formats/chengchuan-2023-articles/guide.txt", []int{1, 2, 32}},
		{"testdata/formats/rongxi-2022-arabic-articles/guide.txt", []int{1, 2, 3, 19, 20}},
		{"testdata/formats/rongxi-2022-arabic-articles/scrambled-1.txt", []int{1, 2, 3, 19, 20}},
		// 第二条 (兑现专窗) names its own unit: a measure, though in 总则.
		{"testdata/guides/xiqing-2022/guide.txt", []int{1, 38}},
		{"testdata/formats/shunyi-2022-fields/guide.txt", nil},
	} {
		g := mustParseFile(t, tt.path)
		var frame []int
		for _, m := range g.Measures {
			if m.Frame {
				frame = append(frame, m.Number)
			}
		}
		if !slices.Equal(frame, tt.frame) {
			t.Errorf("%s: provisions %v, want %v", tt.path, frame, tt.frame)
		}
	}
	g := mustParseFile(t, "testdata/formats/rongxi-2022-arabic-articles/guide.txt")
	if m := g.Measure(20); len(m.Details) != 1 || m.Details[0] != "国家、省、市出台新规定的，从其规定。" {
		t.Errorf("article 20's follow-ups %q", m.Details)
	}
	if m := g.Measure(8); len(m.Details) != 1 {
		t.Errorf("article 8's follow-ups %q", m.Details)
	}
	if got := g.Term(); got != "本细则自2022年8月1日起施行，有效期至2023年7月31日" {
		t.Errorf("Term() = %q", got)
	}
}

// TestFrameScrambled: over 20 scrambled copies of each article guide, the
// provisions are those its README lists (a copy that loses a chapter
// heading still tells them by content), none missed and none added, where
// the copy kept the article's text.
func TestFrameScrambled(t *testing.T) {
	t.Parallel()
	frameOf := func(g *Guide) []int {
		var out []int
		for _, m := range g.Measures {
			if m.Frame {
				out = append(out, m.Number)
			}
		}
		return out
	}
	for path, want := range map[string][]int{
		"testdata/formats/yunyu-2022-chapter-articles/guide.txt": {1, 2, 3, 4, 24, 25, 26, 27},
		"testdata/formats/chengchuan-2023-articles/guide.txt":    {1, 2, 32},
		"testdata/formats/rongxi-2022-arabic-articles/guide.txt": {1, 2, 3, 19, 20},
		"testdata/guides/xiqing-2022/guide.txt":                  {1, 38},
	} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for seed := 1; seed <= 20; seed++ {
			g, err := Parse([]byte(scramble.Scramble(string(b), scramble.Options{Seed: uint64(seed)}).Text))
			if err != nil {
				t.Fatal(err)
			}
			got := frameOf(g)
			for _, m := range g.Measures {
				if slices.Contains(want, m.Number) != slices.Contains(got, m.Number) && m.HasText() {
					t.Errorf("%s seed %d: 第%d条 %q provision %v, clean %v", path, seed, m.Number, Clip(m.Text, 20), m.Frame, !m.Frame)
				}
			}
		}
	}
}
