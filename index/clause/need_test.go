package clause

import (
	"strings"
	"testing"
)

// needCases: statements voicing a need are offered as Message.Needs (the
// caller decides whether the guide answers them), and SplitKeeping reads
// them as asks. want is the needs' texts joined by " | ", then, after
// " => ", the message read with every need kept.
var needCases = []struct{ msg, want string }{
	// A first ask with no question word, only a trouble and a wish.
	{"我开了家小超市 店里五个员工 社保实在交不起了想缓一缓 还有超市的电费拖了两个月 会不会断电",
		"社保实在交不起了想缓一缓 => S:我开了家小超市 | S:店里五个员工 | A:社保实在交不起了想缓一缓 | A:还有超市的电费拖了两个月 会不会断电"},
	// A price complained of is a need; 另外 after it opens the next ask.
	{"店里的宽带一个月好几百 太贵了 另外购置税能减半吗",
		"店里的宽带一个月好几百 太贵了 => A:店里的宽带一个月好几百 太贵了 | A:另外购置税能减半吗"},
	// A question, then a second need stated as trouble.
	{"房租能不能减 员工社保也交不上了", "员工社保也交不上了 => A:房租能不能减 | A:员工社保也交不上了"},
	{"租的国企门面房，房租能减几个月？店里员工社保也交不起了",
		"店里员工社保也交不起了 => S:租的国企门面房 | A:房租能减几个月 | A:店里员工社保也交不起了"},
	// A subjectless wish joins the need before it.
	{"开了个健身房 员工社保实在交不上 想申请缓缴 店里的宽带费能不能便宜点",
		"员工社保实在交不上 想申请缓缴 => S:开了个健身房 | A:员工社保实在交不上 想申请缓缴 | A:店里的宽带费能不能便宜点"},
	{"做批发的，去年贷了一笔经营贷，下个月到期还不上了，想申请延期。另外留抵税额能退吗",
		"下个月到期还不上了，想申请延期 => S:做批发的 | S:去年贷了一笔经营贷 | A:下个月到期还不上了，想申请延期 | A:另外留抵税额能退吗"},
	// No question at all: the need before the implied ask is one too.
	{"厂房租的是国企的，房租希望能减一减，员工公积金也想缓交",
		"房租希望能减一减 => S:厂房租的是国企的 | A:房租希望能减一减 | A:员工公积金也想缓交"},
	// A subjectless ask after a need asked takes no context across it.
	{"想申请首贷贴息 民宿的电和燃气欠了费 会给停吗",
		"想申请首贷贴息 => A:想申请首贷贴息 | S:民宿的电和燃气欠了费 | A:会给停吗 <民宿的电和燃气欠了费>"},
	// Overdue or not stretching: troubles too. 听说 with a relief verb is
	// a need heard of.
	{"开出租的 车贷已经逾期了 另外网约车证怎么办", "车贷已经逾期了 => S:开出租的 | A:车贷已经逾期了 | A:另外网约车证怎么办"},
	{"听说房租能减免，我们的电费怎么缴", "听说房租能减免 => A:听说房租能减免 | A:我们的电费怎么缴"},
	// A cost that runs on while nothing is earned, and goods that cannot
	// move, are needs told in a story that asks nothing.
	{"开了家台球厅 停业三个月了 店员工资社保照发 真熬不下去了",
		"店员工资社保照发 => S:开了家台球厅 | S:停业三个月了 | A:店员工资社保照发 | A:真熬不下去了"},
	{"我们做豆腐的小作坊 封路那阵原料进不来 货也拉不出去 亏惨了",
		"封路那阵原料进不来 | 货也拉不出去 => S:我们做豆腐的小作坊 | A:封路那阵原料进不来 | A:货也拉不出去 | A:亏惨了"},
	{"健身房一直没让开门 房租物业费一分没少 另外宽带能降价吗",
		"房租物业费一分没少 => S:健身房一直没让开门 | A:房租物业费一分没少 | A:另外宽带能降价吗"},
	// A story closing on hardship alone asks nothing of the statement
	// before that line: a need told there is a need like the others.
	{"开了家网吧 关门俩月了 员工工资照发 房租也一分没少 我太难了",
		"员工工资照发 | 房租也一分没少 => S:开了家网吧 | S:关门俩月了 | A:员工工资照发 | A:房租也一分没少 | A:我太难了"},
	// The statement a subjectless ask is about is no need of its own.
	{"我们厂有十几个工人，疫情停工两个月了，社保交不上了，能缓吗", ""},
	// Plans, not needs: a wish without a relief verb.
	{"家里开个小餐馆 想扩大店面重新装修 投资的钱政府能支持多少", ""},
	{"我开了个小物流公司 今年想招两个应届大学生 社保补贴能拿吗", ""},
	{"打算参加政府采购投标，价格扣除比例是多少", ""},
	{"没想到房租减了这么多，社保能缓吗", ""},
	// Asked already: a need inside a question is the question.
	{"社保交不上了能缓吗", ""},
}

// describeKept renders the needs and the message read with all kept as
// asks; statements come first in describe, so the kept reading is shown
// in message order.
func describeKept(msg string) string {
	m := Split(msg)
	if len(m.Needs) == 0 {
		return ""
	}
	var needs []string
	for _, a := range m.Needs {
		needs = append(needs, a.Text)
	}
	return strings.Join(needs, " | ") + " => " + inOrder(defaultReader.SplitKeeping(msg, m.Needs))
}

// inOrder is describe with situation and asks in message order.
func inOrder(m Message) string {
	type item struct {
		start int
		s     string
	}
	var items []item
	for _, c := range m.Situation {
		items = append(items, item{c.Start, "S:" + c.Text})
	}
	for _, a := range m.Asks {
		one := describe(Message{Asks: []Ask{a}})
		items = append(items, item{a.Start, one})
	}
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].start < items[j-1].start; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
	var out []string
	for _, it := range items {
		out = append(out, it.s)
	}
	return strings.Join(out, " | ")
}

func TestNeeds(t *testing.T) {
	for _, c := range needCases {
		if got := describeKept(c.msg); got != c.want {
			t.Errorf("Split(%q) needs\n got: %s\nwant: %s", c.msg, got, c.want)
		}
	}
}

// TestNeedsLeaveSplit: the needs change nothing of Split's own reading,
// and SplitKeeping with none kept is Split.
func TestNeedsLeaveSplit(t *testing.T) {
	for _, c := range needCases {
		m := Split(c.msg)
		plain := describe(m)
		if got := describe(defaultReader.SplitKeeping(c.msg, nil)); got != plain {
			t.Errorf("SplitKeeping(%q, nil) = %s; want Split's %s", c.msg, got, plain)
		}
		for _, a := range m.Asks {
			if a.Need {
				t.Errorf("Split(%q): ask %q marked as a need", c.msg, a.Text)
			}
		}
	}
}

func TestVoicesNeed(t *testing.T) {
	for s, want := range map[string]bool{
		"社保实在交不起了":    true,
		"车贷还不上了":      true,
		"燃气费欠着没交":     true,
		"想缓一缓":        true,
		"希望银行能延期还本付息": true,
		"需要区里支持":      true,
		"想扩大店面重新装修":   false,
		"想招两个大学生":     false,
		"没想到减了这么多":    false,
		"我们是做餐饮的":     false,
	} {
		if got := voicesNeed(s); got != want {
			t.Errorf("voicesNeed(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestTroubleJoinsNeed: a story that stops on a trouble naming nothing
// ("这个月实在周转不开") asks about the need before it; kept beside another
// need, the two are read as one ask.
func TestTroubleJoinsNeed(t *testing.T) {
	r := NewReader(WithSubject(func(s string) bool { return strings.Contains(s, "贷") || strings.Contains(s, "房租") }))
	msg := "听说房租能减免，车贷还没还完，这个月实在周转不开"
	m := r.Split(msg)
	var kept []Ask
	for _, a := range m.Needs {
		if strings.Contains(a.Text, "房租") {
			kept = append(kept, a)
		}
	}
	want := "A:听说房租能减免 | A:车贷还没还完，这个月实在周转不开"
	if got := inOrder(r.SplitKeeping(msg, kept)); got != want {
		t.Errorf("SplitKeeping(%q)\n got: %s\nwant: %s", msg, got, want)
	}
}
