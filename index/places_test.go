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
