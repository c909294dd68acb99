package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestOwnPlaceNames: a guide's places come from its issuer, else its title.
func TestOwnPlaceNames(t *testing.T) {
	for _, c := range []struct {
		issuer, title string
		all, home     []string
	}{
		{"北京市青溪区人民政府", "北京市青溪区人民政府关于印发《…》的通知", []string{"北京市", "青溪区", "北京", "青溪"}, []string{"青溪区", "青溪"}},
		{"湖北省武汉市云岭区人民政府办公室", "", []string{"湖北省", "武汉市", "云岭区", "湖北", "武汉", "云岭"}, []string{"云岭区", "云岭"}},
		{"", "关于石屏县助企纾困若干措施的公告", []string{"石屏县", "石屏"}, []string{"石屏县", "石屏"}},
		{"北京市人民政府办公厅", "", []string{"北京市", "北京"}, []string{"北京市", "北京"}},
		{"", "", nil, nil},
	} {
		all, home := ownPlaceNames(&seeds.Guide{Issuer: c.issuer, Title: c.title})
		slices.Sort(all)
		slices.Sort(c.all)
		if !slices.Equal(all, c.all) || !slices.Equal(home, c.home) {
			t.Errorf("%q / %q: %v home %v, want %v home %v", c.issuer, c.title, all, home, c.all, c.home)
		}
	}
}

// TestPlacesOnTwoGuides: the guide's own district is neutral in a question,
// every other one is "another place"; on the other district's guide it is
// the other way round. A unit named with another district is that
// district's, never the guide's.
func TestPlacesOnTwoGuides(t *testing.T) {
	emb := testIndex
	hr, _ := otherGuideIndex(t)
	embHome, hrHome := emb.homePlaces[0], hr.homePlaces[0] // "XX区" of each
	if embHome == hrHome {
		t.Fatalf("test premise: two districts, got %s and %s", embHome, hrHome)
	}
	for _, c := range []struct {
		ix         *Index
		q          string
		own, other []string
	}{
		{emb, hrHome + "房租能减免吗", nil, []string{hrHome}},
		{emb, embHome + "房租能减免吗", []string{embHome}, nil},
		{hr, embHome + "房租能减免吗", nil, []string{embHome}},
		{hr, hrHome + "房租能减免吗", []string{hrHome}, nil},
		{emb, "我们区的经济开发区，全国都有的东西上门服务", nil, nil},
		{emb, "便利店开新店有补贴吗", nil, nil}, // jieba knows 新店 and 老城 as districts
		{emb, "我在老城开了个饭馆", nil, nil},
		{emb, "我在上海浦东开饭馆", nil, []string{"上海"}},
		{emb, "天津市和上海市", nil, []string{"天津市", "上海市"}},
		{emb, "渝中区的消费券在哪里领", nil, []string{"渝中区"}}, // jieba tags 渝中区 an organisation (nt)
		{emb, "我们在加工区开厂", nil, nil},                // nt too, but 加工 is a word
		// A shop's name after 叫 holds no place, even glued to it by jieba
		// (叫麦 + 香坊); the district itself still counts.
		{emb, "我们做面包的，叫麦香坊，店在镇上", nil, nil},
		{emb, "我家开了个小药房，叫仁和大药房", nil, nil},
		{emb, "我在香坊区开了家面包店", nil, []string{"香坊区"}},
		// A place taken back (哦不, 说错了) is not where the asker is.
		{emb, "我是" + hrHome + "的 哦不 我是" + embHome + "的", []string{embHome}, nil},
		{emb, "我是" + hrHome + "的，说错了", nil, nil},
		// Where another party is (a supplier, a hometown) is not where the
		// asker is; the asker's own place still counts.
		{emb, "我们做汽车零配件的，上游厂在上海封着，配件进不来", nil, nil},
		{emb, "我老家河南农村的，工地停了", nil, nil},
		{emb, "我们做电机的，苏州那边供应链断了，停产半个月", nil, nil},
		{emb, "天津的供应商一直发不了货", nil, nil},
		{emb, "我们在天津那边的厂停了", nil, []string{"天津"}},
		{emb, "我们厂在上海，上游厂在天津", nil, []string{"上海"}},
		// People the asker hired are from there, the asker is not.
		{emb, "我这招了一个天津的一个山东的", nil, nil},
		{emb, "店里员工都是山东的", nil, nil},
		{emb, "我们是一家天津的公司", nil, []string{"天津"}},
		// A customer's plant (整车厂) is another party too.
		{emb, "今年上海那边整车厂停了，我们的订单直接断了", nil, nil},
		// A river's bank and a village jieba cut before its 子 are where
		// the story is, not the county or district of that name.
		{emb, "我在白河边上开茶馆", nil, nil},
		{emb, "店在新城子", nil, nil},
		{emb, "我是白河的，社保能缓交吗", nil, []string{"白河"}},
		{emb, "我们是上海子公司", nil, []string{"上海"}},
	} {
		p := c.ix.Places(c.q)
		if !slices.Equal(p.Own, c.own) || !slices.Equal(p.Other, c.other) {
			t.Errorf("%s on %s: own %v other %v, want %v %v", c.q, c.ix.homePlaces[0], p.Own, p.Other, c.own, c.other)
		}
	}
	declined := func(r Result) bool { return r.Kind == seeds.KindNone || r.Kind == seeds.KindSuggest }
	for _, ix := range []*Index{emb, hr} {
		mine, theirs := ix.homePlaces[0], embHome
		if ix == emb {
			theirs = hrHome
		}
		plain := must(ix.Search("房租能减免吗"))
		if declined(plain) {
			t.Fatalf("%s: 房租能减免吗 declined (%s)", mine, plain.Kind)
		}
		// Its own district says nothing: read as without it.
		own := must(ix.Search(mine + "房租能减免吗"))
		if own.OtherPlace || own.Kind != plain.Kind || slices.Contains(own.Terms, mine) {
			t.Errorf("%s: %s房租能减免吗 → %s other place %v terms %v; without the place %s", mine, mine, own.Kind, own.OtherPlace, own.Terms, plain.Kind)
		}
		if r := must(ix.Search(theirs + "房租能减免吗")); !r.OtherPlace || !declined(r) {
			t.Errorf("%s: %s房租能减免吗 → %s, other place %v; want declined as another place", mine, theirs, r.Kind, r.OtherPlace)
		}
		// The other district's tax office is not this guide's.
		if r := must(ix.Search(theirs + "税务局电话")); r.Kind == seeds.KindUnit || !r.OtherPlace {
			t.Errorf("%s: %s税务局电话 → %s %v, other place %v", mine, theirs, r.Kind, r.Unit, r.OtherPlace)
		}
		if r := must(ix.Search(mine + "税务局电话")); r.Kind != seeds.KindUnit || r.Unit == nil || r.Unit.Name != "区税务局" {
			t.Errorf("%s: %s税务局电话 → %s %v, want its 区税务局", mine, mine, r.Kind, r.Unit)
		}
	}
}

// TestServedPlaces: beside a guide of the district named, a question about
// it is for that guide, not about "another place" here (issue 23).
func TestServedPlaces(t *testing.T) {
	hr, dir := otherGuideIndex(t)
	q := testIndex.homePlaces[0] + "房租能减免吗"
	if p := hr.Places(q); len(p.Other) != 1 {
		t.Fatalf("test premise: %s is another place (%+v)", q, p)
	}
	served := WithServedPlaces(testIndex.OwnPlaces()...)
	fp, err := Fingerprint(hr.guide, WithDataDir(dir), WithLexiconDir(""), served)
	if err != nil || fp != hr.Fingerprint() {
		t.Errorf("the places served beside a guide change its index: %s, %s (%v)", fp, hr.Fingerprint(), err)
	}
	ix, err := Open(hr.guide, WithDataDir(t.TempDir()), WithLexiconDir(""), served)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if p := ix.Places(q); len(p.Other) != 0 || len(p.Served) != 1 {
		t.Errorf("%s beside its guide: %+v, want it served", q, p)
	}
	if r := must(ix.Search(q)); r.OtherPlace {
		t.Errorf("%s beside its guide: read as another place", q)
	}
}

// TestPlacesOfUnitsAndAbroad: a zone named only by a unit of the guide
// (daxing-2022's "临空区管委会", in no measure's text) is the guide's own
// place, and a continent an exporter ships to is no place at all: neither
// is "another place" that turns an answerable question away.
func TestPlacesOfUnitsAndAbroad(t *testing.T) {
	ix := openGuide(t, "daxing-2022")
	for _, c := range []struct {
		q          string
		own, other []string
	}{
		{"临空区那个稳岗补贴问谁", []string{"临空区"}, nil},
		{"主要往欧洲出口五金工具，展位费区里能补吗", nil, nil},
		{"货卖到东亚和亚洲别的国家", nil, nil},
		{"我在上海开了个厂，能补吗", nil, []string{"上海"}},
		// A village or street bearing a province's or city's name is local.
		{"我在河南寨有个小作坊，许可证能延吗", nil, nil},
		{"店开在天津路上，房租能减吗", nil, nil},
		{"我在天津开了个小饭馆", nil, []string{"天津"}},
	} {
		p := ix.Places(c.q)
		if !slices.Equal(p.Own, c.own) || !slices.Equal(p.Other, c.other) {
			t.Errorf("%s: own %v other %v, want %v %v", c.q, p.Own, p.Other, c.own, c.other)
		}
	}
}

// TestGazetteerPlaces: every district, county, city and province of China
// is a place (the gazetteer), also where jieba's dictionary does not know
// it (渝中区 is an organisation to it, 历城区 a noun, 琼中县 glued to
// the next word); a common word that is a stem (新华, 和平) or a name
// across two words ("想上城区", "市和县") is none; the guide's own district
// and city, with and without ending, are its own — on a Beijing and a
// Chongqing guide alike.
func TestGazetteerPlaces(t *testing.T) {
	bj := testIndex // 北京市密云区
	cq := openSeed(t, "../seeds/testdata/guides/yubei-2022/scrambled-1.txt")
	for _, c := range []struct {
		ix         *Index
		q          string
		own, other []string
	}{
		// Districts and counties jieba lacks, in several provinces.
		{cq, "渝中区的消费券在哪里领？", nil, []string{"渝中区"}},
		{bj, "渝中区的消费券在哪里领？", nil, []string{"渝中区"}},
		{cq, "大渡口区的企业稳岗补贴怎么申请", nil, []string{"大渡口区"}},
		{bj, "我在历城区开了个饭馆，房租能减吗", nil, []string{"历城区"}},
		{bj, "福州鼓楼区的店能领消费券吗", nil, []string{"福州", "鼓楼区"}},
		{cq, "宜昌点军区有什么补贴", nil, []string{"宜昌", "点军区"}},
		{cq, "我们是贺州八步区的企业，能补吗", nil, []string{"贺州", "八步区"}},
		{bj, "琼中县有什么补贴", nil, []string{"琼中县"}},
		{bj, "歙县的茶厂能贷款吗", nil, []string{"歙县"}},
		{bj, "苏尼特右旗的牧场能补吗", nil, []string{"苏尼特右旗"}},
		{cq, "漾濞彝族自治县的核桃厂能贴息吗", nil, []string{"漾濞彝族自治县"}},
		{cq, "恩施州的企业呢", nil, []string{"恩施州"}},
		{bj, "厂在内蒙古，能申请吗", nil, []string{"内蒙古"}},
		// A neighbouring district of the guide's.
		{cq, "江北区的消费券在哪里领？", nil, []string{"江北区"}},
		{cq, "重庆市沙坪坝区的店呢", []string{"重庆市"}, []string{"沙坪坝区"}},
		// Common words, and names across words, are no places.
		{bj, "新华书店旁边的小超市能领消费券吗", nil, nil},
		{bj, "和平饭店的房租能减吗", nil, nil},
		{bj, "新建厂房的环评手续怎么走", nil, nil}, // jieba knows 新建区, 宿舍区 and 和平区 as places
		{bj, "宿舍能补吗", nil, nil},
		{bj, "顺义的企业呢", nil, []string{"顺义"}}, // rare as a word: a place alone
		{cq, "长安的门店能补吗", nil, nil},
		{cq, "南县和新县的企业", nil, []string{"南县", "新县"}},
		{bj, "我儿子想上城区的小学", nil, nil},
		{bj, "市和县两级都有补贴吗", nil, nil},
		{bj, "店在城区，老城区也有一家", nil, nil},
		{bj, "长安街上的店能减房租吗", nil, nil},
		{cq, "海港的集装箱运费能补吗", nil, nil},
		{cq, "开发区和高新区的企业能申请吗", nil, nil},
		// Their short forms are the asker's own zone too (stop 49).
		{cq, "我们厂在经开区，做注塑的，电费能缓吗", nil, nil},
		{bj, "我们是经开区一家做包装的，区里能帮着协调物流吗", nil, nil},
		// The guide's own district and city, with and without ending.
		{cq, "渝北区的消费券在哪里领？", []string{"渝北区"}, nil},
		{cq, "渝北的消费券在哪里领？", []string{"渝北"}, nil},
		{cq, "重庆市渝北区的消费券在哪里领？", []string{"重庆市", "渝北区"}, nil},
		{cq, "重庆的消费券在哪里领？", []string{"重庆"}, nil},
		{bj, "密云区的消费券在哪里领？", []string{"密云区"}, nil},
		{bj, "北京密云的消费券在哪里领？", []string{"北京", "密云"}, nil},
		{cq, "密云区的消费券在哪里领？", nil, []string{"密云区"}},
		{bj, "重庆渝北区的消费券在哪里领？", nil, []string{"重庆", "渝北区"}},
	} {
		p := c.ix.Places(c.q)
		if !slices.Equal(p.Own, c.own) || !slices.Equal(p.Other, c.other) {
			t.Errorf("%s on %s: own %v other %v, want %v %v", c.q, c.ix.homePlaces[0], p.Own, p.Other, c.own, c.other)
		}
	}
	// The question: another district's is declined as another place.
	for _, q := range []string{"渝中区的消费券在哪里领？", "江北区的消费券在哪里领？"} {
		if r := must(cq.Search(q)); !r.OtherPlace || r.Kind != seeds.KindNone && r.Kind != seeds.KindSuggest {
			t.Errorf("%s on 渝北区: %s, other place %v; want declined as another place", q, r.Kind, r.OtherPlace)
		}
	}
}

// TestGazetteerPlacesInASet: in a set of guides, a district another guide
// of the set serves is served, one no guide serves is another place, the
// guide's own is its own — with names jieba lacks as with those it knows.
func TestGazetteerPlacesInASet(t *testing.T) {
	emb, err := seeds.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	yubei, err := seeds.Load("../seeds/testdata/guides/yubei-2022/scrambled-1.txt")
	if err != nil {
		t.Fatal(err)
	}
	set, err := OpenSet([]*seeds.Guide{emb, yubei}, WithDataDir(t.TempDir()), WithLexiconDir(""))
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for _, ix := range set {
			ix.Close()
		}
	}()
	bj, cq := set[0], set[1]
	for _, c := range []struct {
		ix                 *Index
		q                  string
		own, other, served []string
	}{
		{bj, "渝北区的消费券在哪里领？", nil, nil, []string{"渝北区"}},
		{bj, "渝中区的消费券在哪里领？", nil, []string{"渝中区"}, nil},
		{bj, "密云区的消费券在哪里领？", []string{"密云区"}, nil, nil},
		{cq, "密云的消费券在哪里领？", nil, nil, []string{"密云"}},
		{cq, "渝中区的消费券在哪里领？", nil, []string{"渝中区"}, nil},
		{cq, "大渡口区和渝北区哪个补得多", []string{"渝北区"}, []string{"大渡口区"}, nil},
	} {
		p := c.ix.Places(c.q)
		if !slices.Equal(p.Own, c.own) || !slices.Equal(p.Other, c.other) || !slices.Equal(p.Served, c.served) {
			t.Errorf("%s on %s: own %v other %v served %v, want %v %v %v", c.q, c.ix.homePlaces[0], p.Own, p.Other, p.Served, c.own, c.other, c.served)
		}
	}
}

// TestGazetteerFile: the embedded gazetteer parses, holds every level, and
// leaves out the statistics' zones and placeholders.
func TestGazetteerFile(t *testing.T) {
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]placeLevel{
		"河北省": levelProvince, "广西壮族自治区": levelProvince, "石家庄市": levelCity, "恩施州": levelCity,
		"渝中区": levelCounty, "长阳土家族自治县": levelCounty, "长阳县": levelCounty, "苏尼特右旗": levelCounty, "义乌市": levelCounty,
		"市辖区": 0, "苏州工业园区": 0, "城区": 0, "西沙群岛": 0,
	} {
		if got := g.names[name]; got&want != want || want == 0 && got != 0 {
			t.Errorf("%s: level %b, want %b", name, got, want)
		}
	}
	if g.stems["广西"]&levelProvince == 0 || g.stems["长阳"]&levelCounty == 0 {
		t.Errorf("stems: 广西 %b, 长阳 %b", g.stems["广西"], g.stems["长阳"])
	}
	// gazetteerName stops at a join that starts no name: every shorter
	// start of a name must be a start, a whole name no longer one only.
	for start, want := range map[string]bool{
		"长": true, "长阳": true, "长阳土家族自治": true, "渝中": true, "广西壮族自治": true,
		"长阳土家族自治县": false, "渝中区": false, "的": false, "": false,
	} {
		if g.starts[start] != want {
			t.Errorf("start %q: %v, want %v", start, g.starts[start], want)
		}
	}
	for name := range g.names {
		for i := range name {
			if i > 0 && !g.starts[name[:i]] {
				t.Errorf("%s: its start %s is no start", name, name[:i])
			}
		}
	}
	for _, bad := range []string{"county\t渝中区", "town\t某镇\t某", "county\t渝中区\t江北"} {
		if _, err := parseGazetteer(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
