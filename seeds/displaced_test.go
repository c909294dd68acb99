package seeds

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestOutOfRun(t *testing.T) {
	for _, tt := range []struct {
		keys []int
		want []int // indexes out of every longest rising run
	}{
		{[]int{1, 2, 9, 3, 4, 5}, []int{2}},
		{[]int{1, 2, 4, 3, 5}, nil}, // 4 or 3 moved: not known which
		{[]int{5, 1, 2, 3}, []int{0}},
		{[]int{1, 2, 3}, nil},
		{nil, nil},
	} {
		var got []int
		for i, out := range outOfRun(tt.keys) {
			if out {
				got = append(got, i)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("outOfRun(%v) = %v, want %v", tt.keys, got, tt.want)
		}
	}
}

// movedStartGuide is a guide of n measures, each "N.正文。补充句N。" and a
// contact block glued to the next number, with the sentence that starts
// measure moved (with the block glued before it) into measure into's
// text, between its start and its follow-up.
func movedStartGuide(n, moved, into int) string {
	sents := []string{"某区人民政府关于印发若干措施的通知发布日期：2022-06-18为帮助企业纾困，特制定以下措施："}
	topics := []string{"房租减免", "社保缓缴", "贷款贴息", "稳岗返还", "消费券发放", "技术改造", "上市奖励", "水电缓缴", "招聘补贴", "物流保障", "培训补贴", "展会补贴"}
	block := func(k int) string {
		return fmt.Sprintf("牵头单位：区第%d局联系人：区第%d局张%d联系方式：010-6905%04d", k, k, k, k)
	}
	for k := 1; k <= n; k++ {
		start := fmt.Sprintf("%d.对符合条件的企业落实%s政策。", k, topics[(k-1)%len(topics)])
		if k > 1 {
			start = block(k-1) + start
		}
		sents = append(sents, start, fmt.Sprintf("%s申请材料第%d项按规定提交。", topics[(k-1)%len(topics)], k))
	}
	sents = append(sents, block(n))
	s := sents[2*moved-1]
	sents = slices.Delete(sents, 2*moved-1, 2*moved)
	at := 2*into - 1 + 1 // after into's start
	sents = slices.Insert(sents, at, s)
	return strings.Join(sents, "\n")
}

// TestMovedStartLookedThrough: a measure start moved alone into another
// measure's text does not cut that measure's follow-up from its start.
func TestMovedStartLookedThrough(t *testing.T) {
	g, err := Parse([]byte(movedStartGuide(12, 9, 3)))
	if err != nil {
		t.Fatal(err)
	}
	m := g.Measure(3)
	if m == nil || !slices.Contains(m.Details, "贷款贴息申请材料第3项按规定提交。") {
		t.Fatalf("measure 3: %+v\n%+v", m, g.Report.Orphans)
	}
	for _, o := range g.Report.Orphans {
		if strings.Contains(o.Sentence, "第3项") && o.Method != ByPosition {
			t.Errorf("measure 3's follow-up placed %s, want by position", o.Method)
		}
	}
	if m := g.Measure(9); m == nil || m.Text != "对符合条件的企业落实招聘补贴政策。" {
		t.Errorf("measure 9: %+v", m)
	}
}

// TestMovedStartAheadOfItsNeighbour: measure 7's start moved into 4's
// text stands three starts ahead of 6, the start numbered before it: a
// stretch moved together keeps its order, so 7 is a lone move, looked
// through, and 4 keeps its follow-up by position.
func TestMovedStartAheadOfItsNeighbour(t *testing.T) {
	g, err := Parse([]byte(movedStartGuide(12, 7, 4)))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range g.Report.Orphans {
		if strings.Contains(o.Sentence, "第4项") && (o.Measure != 4 || o.Method != ByPosition) {
			t.Errorf("measure 4's follow-up placed on %d %s, want 4 by position", o.Measure, o.Method)
		}
	}
	if m := g.Measure(7); m == nil || m.Text != "对符合条件的企业落实上市奖励政策。" {
		t.Errorf("measure 7: %+v", m)
	}
}

// TestFollowUpMovedWithDisplacedStart: in wuhou-2022's scrambled copy
// of seed 7, measure 2's start moved into 7's text, carrying 1's contact
// block glued before it and the end of 1's 政策依据 line before that,
// "（2022年第14号）" (no 。 until the start's text): the words stay 1's,
// not 7's whose text they landed in.
func TestFollowUpMovedWithDisplacedStart(t *testing.T) {
	clean, err := os.ReadFile("testdata/guides/wuhou-2022/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, g, err := parseScrambled(clean, 7)
	if err != nil {
		t.Fatal(err)
	}
	const issue = "（2022年第14号）"
	on := func(n int) bool {
		m := g.Measure(n)
		return m != nil && slices.Contains(m.Details, issue)
	}
	if !on(1) || on(7) {
		t.Errorf("%s moved with 2's start: on 1 %v, on 7 %v, want 1 only", issue, on(1), on(7))
	}
}

func TestAlone(t *testing.T) {
	for _, tt := range []struct {
		keys []int
		j    int
		want bool
	}{
		{[]int{1, 2, 3, 4, 9, 5, 6, 7, 8, 10}, 4, true},  // 8 is four starts after
		{[]int{1, 2, 3, 4, 7, 5, 6, 8, 9}, 4, true},      // 6 and 8 stand in the run
		{[]int{1, 2, 3, 4, 5, 9, 10, 6, 7, 8}, 5, false}, // 9, 10 moved together
		{[]int{1, 2, 3, 4, 5, 9, 10, 6, 7, 8}, 6, false},
		{[]int{1, 2, 6, 3, 4, 5, 7}, 2, true},
	} {
		if got := alone(tt.keys, outOfRun(tt.keys), tt.j); got != tt.want {
			t.Errorf("alone(%v, %d) = %v, want %v", tt.keys, tt.j, got, tt.want)
		}
	}
}

// TestClauseAfterMovedBlock: the sentence holding measure 3's clause and
// contact, glued to （四）, was moved ahead; the clause read after （三）'s
// start then closes （四）, which has no units yet, not （三）, which has.
func TestClauseAfterMovedBlock(t *testing.T) {
	sents := []string{
		"某区人民政府办公室关于印发支持中小微企业若干措施实施细则的通知\n发布日期：2020-02-20\n为帮助企业共渡难关，制定本实施细则。",
		"一、减轻企业负担\n（一）对承租区属国有房屋的甲类企业减免三个月房租。",
		"（责任单位：区丁局）\n联系人：张三\n咨询电话：010-33333333\n（四）对受疫情影响的丁类企业新增贷款给予贷款贴息。", // moved ahead
		"（责任单位：区甲局）\n联系人：张一\n咨询电话：010-11111111\n（二）对生产经营困难的乙类企业缓缴社会保险费。",
		"（责任单位：区乙局）\n联系人：张二\n咨询电话：010-22222222\n（三）对坚持营业的丙类企业发放一次性经营补贴。",
		"丁类企业贴息按季度申请。",
		"（责任单位：区财政局、区金融办）\n具体流程：\n1. 企业提交贴息申请。",
		"2. 区财政局审核后拨付。",
		"联系人：张四\n咨询电话：010-44444444\n（五）对新开设门店的戊类企业给予一次性奖励。",
		"（责任单位：区戊局）\n具体流程：\n1. 企业报名。",
		"2. 区戊局审核后发放。",
		"联系人：张五\n咨询电话：010-55555555",
	}
	g, err := Parse([]byte(strings.Join(sents, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	m := g.Measure(4)
	if m == nil || !slices.Equal(m.Lead, []string{"区财政局", "区金融办"}) || !slices.Contains(m.Details, "2.区财政局审核后拨付。") {
		t.Fatalf("measure 4: %+v", m)
	}
	if m := g.Measure(3); m == nil || !slices.Equal(m.Lead, []string{"区丁局"}) || len(m.Details) > 0 {
		t.Errorf("measure 3: %+v", m)
	}
}

// TestLoneClauseAfterLostStart: （二）'s start sentence was lost, and with
// it, glued to the number, （一）'s clause and contact (nothing with a 。
// stood between them). The one clause between （一）'s start and （三）'s
// is （二）'s, and so are the steps after it.
func TestLoneClauseAfterLostStart(t *testing.T) {
	const src = "某区关于支持中小微企业若干措施的实施细则\n发布日期：2020-02-20\n为帮助企业共渡难关，制定本实施细则。\n" +
		"一、减轻企业负担\n（一）对承租区属国有房屋的甲类企业减免三个月房租。\n" +
		"（责任单位：区乙局）\n具体流程：\n1. 企业提交缓缴申请。\n2. 区乙局审核后办结。\n" +
		"联系人：张二\n咨询电话：010-22222222\n（三）对坚持营业的丙类企业发放一次性经营补贴。\n" +
		"（责任单位：区丙局）\n具体流程：\n1. 企业报名。\n2. 区丙局审核后发放。\n联系人：张三\n咨询电话：010-33333333"
	g, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := g.Measure(2)
	if m == nil || m.HasText() || !slices.Equal(m.Lead, []string{"区乙局"}) || !slices.Contains(m.Details, "2.区乙局审核后办结。") {
		t.Fatalf("measure 2: %+v", m)
	}
	if m := g.Measure(1); m == nil || len(m.Lead) > 0 || len(m.Details) > 0 {
		t.Errorf("measure 1: %+v", m)
	}
}

// TestEchoBeforeOwnBlock: in a corrupted text, a follow-up between its
// measure's start and contact that shares next to nothing with that
// measure and much with another moves there (a sentence displaced alone),
// unless it also stands directly before the measure's own contact block,
// or the measure it echoes is the next one or the one before (neighbours
// share a topic, see nearNumber): there it stays, in doubt.
func TestEchoBeforeOwnBlock(t *testing.T) {
	const echo = "企业通过公共就业服务平台线上提交招聘岗位申请。" // echoes measure 2
	const far = "承租国有房屋的小微企业提交房租减免申请材料。"   // echoes measure 1
	block := func(k int) string {
		return fmt.Sprintf("牵头单位：区第%d局联系人：区第%d局张%d联系方式：010-6905%04d", k, k, k, k)
	}
	guide := func(third []string) string {
		sents := []string{
			"某区人民政府关于印发若干措施的通知。",
			"房租减免申请材料按规定提交。", // an early copy: the text shows the corruption
			"1.对承租国有房屋的小微企业减免房租。", "房租减免申请材料按规定提交。",
			block(1) + "2.企业通过公共就业服务平台线上发布招聘岗位的，给予招聘补贴。", "招聘补贴按季度拨付。",
			block(2) + "3.困难企业可申请缓缴社会保险费。",
		}
		sents = append(sents, third...)
		sents = append(sents, block(3)+"4.对技术改造项目给予贴息。", "贴息资金按年度拨付。", block(4))
		return strings.Join(sents, "\n")
	}
	tests := []struct {
		name     string
		third    []string // measure 3's follow-ups, in text order
		echo     string   // the one watched
		measure  int      // where it goes
		doubtful bool
	}{
		{"moved alone into 3's text", []string{far, "缓缴期间免收滞纳金。"}, far, 1, true},
		{"directly before 3's block", []string{"缓缴期间免收滞纳金。", echo}, echo, 3, true},
		{"echoing the measure before", []string{echo, "缓缴期间免收滞纳金。"}, echo, 3, true},
	}
	for _, tt := range tests {
		g, err := Parse([]byte(guide(tt.third)))
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(g.Report.Orphans, func(o Orphan) bool { return o.Sentence == tt.echo })
		if i < 0 {
			t.Fatalf("%s: %q not among the follow-ups", tt.name, tt.echo)
		}
		if o := g.Report.Orphans[i]; o.Measure != tt.measure || o.Doubtful != tt.doubtful {
			t.Errorf("%s: %q on %d (%s, doubtful %v), want %d (doubtful %v)", tt.name, tt.echo, o.Measure, o.Method, o.Doubtful, tt.measure, tt.doubtful)
		}
	}
}

// TestClauseAfterMovedStart: in a guide whose measures close with a clause
// （责任单位：…） and steps, the sentence starting （九） (with （八）'s contact
// glued before it) was moved alone between （三）'s start and （三）'s clause.
// The moved start brackets nothing there: the clause and the steps after
// it are still （三）'s.
func TestClauseAfterMovedStart(t *testing.T) {
	nums := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
	units := []rune("甲乙丙丁戊己庚辛壬癸子丑")
	sents := []string{"某区人民政府办公室关于印发支持中小微企业若干措施实施细则的通知\n发布日期：2020-02-20\n为帮助企业共渡难关，制定本实施细则。\n一、减轻企业负担"}
	for k := 1; k <= len(nums); k++ {
		start := fmt.Sprintf("（%s）对第%d类企业给予第%d项补贴。", nums[k-1], k, k)
		if k > 1 {
			start = fmt.Sprintf("联系人：张%d\n咨询电话：010-6100%04d\n", k-1, k-1) + start
		}
		sents = append(sents, start,
			fmt.Sprintf("（责任单位：区%c局）\n具体流程：\n1. 企业向区%c局提交第%d项申请。", units[k-1], units[k-1], k),
			fmt.Sprintf("2. 区%c局审核第%d项后拨付。", units[k-1], k))
	}
	sents = append(sents, fmt.Sprintf("联系人：张%d\n咨询电话：010-6100%04d", len(nums), len(nums)))
	moved := sents[1+3*8] // （九）'s start
	sents = slices.Delete(sents, 1+3*8, 2+3*8)
	sents = slices.Insert(sents, 1+3*2+1, moved) // after （三）'s start
	g, err := Parse([]byte(strings.Join(sents, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	m := g.Measure(3)
	if m == nil || !slices.Equal(m.Lead, []string{"区丙局"}) || !slices.Contains(m.Details, "2.区丙局审核第3项后拨付。") {
		t.Fatalf("measure 3: %+v", m)
	}
	if m := g.Measure(9); m == nil || m.Text != "对第9类企业给予第9项补贴。" || slices.ContainsFunc(m.Details, func(d string) bool { return strings.Contains(d, "第3项") }) {
		t.Errorf("measure 9: %+v", m)
	}
}
