package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestStandingOutOfRanking: the asker's standing put as a condition (户口)
// is no topic the ranking weighs, so the measure of the topic leads as it
// does without it; alone, the ask names nothing and stays declined.
func TestStandingOutOfRanking(t *testing.T) {
	for _, c := range []struct {
		q    string
		kind seeds.Kind
		want int
	}{
		{"不是北京户口能享受房租减免吗", seeds.KindMeasure, 4},
		{"我们老板是外地户口，门店房租能减免吗", seeds.KindMeasure, 4},
		{"不是北京户口能享受吗", seeds.KindNone, 0},
	} {
		r, err := testIndex.Search(c.q)
		if err != nil {
			t.Fatal(err)
		}
		if r.Kind != c.kind || c.want != 0 && (len(r.Measures) == 0 || r.Measures[0].Number != c.want) {
			t.Errorf("Search(%q) = %s %v; want %s %d", c.q, r.Kind, r.Measures, c.kind, c.want)
		}
	}
}

// TestPersonPaperDeclined: a person's paper for a trade against a measure
// that extends a firm's licences is declined naming it, the measure kept
// first as the near one with the kinds it names; a firm's paper the
// measure does not name stays its answer.
func TestPersonPaperDeclined(t *testing.T) {
	for _, c := range []struct {
		q       string
		missing string // "" for an answer of measure 16
	}{
		{"网约车驾驶员证到期了 疫情那阵子没来得及换 能顺延吗", "驾驶员证"},
		{"我在饭馆当厨师，健康证过期了，疫情期间能延期吗", "健康证"},
		{"营业执照快到期了 能顺延吗", ""},
		{"食品经营许可证到期了能顺延吗", ""},
	} {
		rd, err := testIndex.Read(c.q, Context{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rd.Asks) != 1 || len(rd.Asks[0].Measures) == 0 || rd.Asks[0].Measures[0].Number != 16 {
			t.Errorf("Read(%q): %+v; want one ask near measure 16", c.q, rd.Asks)
			continue
		}
		a := rd.Asks[0]
		if c.missing == "" {
			if a.Kind != seeds.KindMeasure || a.Missing != "" {
				t.Errorf("Read(%q) = %s missing %q; want measure 16", c.q, a.Kind, a.Missing)
			}
			continue
		}
		if a.Kind != seeds.KindNone || a.Missing != c.missing || !slices.Contains(a.MissingBeside, "工业产品生产许可证") {
			t.Errorf("Read(%q) = %s missing %q beside %v; want none missing %q beside 工业产品生产许可证", c.q, a.Kind, a.Missing, a.MissingBeside, c.missing)
		}
	}
}

// TestPerMatter: an ask pointing at the matters its story told (这两件事)
// is asked of each, each ranked on its own; a pointer whose number the
// story's matters do not come to reads the ask whole.
func TestPerMatter(t *testing.T) {
	for _, c := range []struct {
		msg  string
		want []int
	}{
		{"去年封控那阵子门店没按时整改受了行政处罚，到现在信用记录上还挂着。另外我们的门面是区里国企的房子，当时房租也没减。这两件事现在还能处理吗？", []int{17, 4}},
		{"我们是做物流的，封控时两辆货车的车贷晚还了。还有员工社保也断缴了两个月。这两个事现在还能处理吗", []int{10, 2}},
	} {
		if _, got := answeredFirsts(t, c.msg); !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with %v; want %v", c.msg, got, c.want)
		}
	}
}

// TestMannerSuffix: the spoken 怎么个X法 is read as 怎么X.
func TestMannerSuffix(t *testing.T) {
	for in, want := range map[string]string{
		"具体是怎么个支持法":   "具体是怎么支持",
		"房租咋个减法":      "房租咋减",
		"这个办法好":       "这个办法好",
		"社保怎么个缴法 找谁办": "社保怎么缴 找谁办",
	} {
		if got := prepare(in); got != want {
			t.Errorf("prepare(%q) = %q, want %q", in, got, want)
		}
	}
}
