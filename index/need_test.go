package index

import (
	"slices"
	"testing"

	"policybot/seeds"
)

// TestNeedAsks: a need stated without a question word is answered as an
// ask of its own when the guide answers it with another measure than the
// message's other asks, in the order told; a need the other asks are
// about, or a plan that is no need, stays the story.
func TestNeedAsks(t *testing.T) {
	cases := []struct {
		msg  string
		want []int // the first measure of each ask answered, in order
	}{
		// The first ask is a need; the second a question.
		{"我在镇上开了个小超市 员工社保实在交不起了想缓一缓 还有门店的电费拖了两个月 会不会断电", []int{2, 7}},
		{"开了个烧烤店 燃气费欠着没交 燃气公司说要停气 第一次贷款有没有贴息", []int{7, 9}},
		{"我们是做家具的小厂，员工社保交不上了，想申请缓缴；另外厂里的留抵退税什么时候能到账？", []int{2, 1}},
		// A question, then a need stated as trouble.
		{"租的国企门面房，房租能减几个月？店里员工社保也交不起了", []int{4, 2}},
		// A second ask opened by a connective is not read as the first
		// one's story.
		{"我们是个做饮料的小厂 食品生产许可证下个月到期 厂子在封控区没法去换 有效期能顺延吗 还想问社保能不能缓", []int{16, 2}},
		// An ask pointing back at its own noun (这笔贷款) takes the story
		// before it, not the trouble told after it, which is asked too.
		{"我在县城开了家小旅馆，跟银行借了二十万，这笔贷款能不能延期还？电费也欠了一个月，怕给断电", []int{10, 7}},
		// A wish on a loan's 本息 after a question is an ask of its own.
		{"我的美容店水费欠了两个月会停吗，还有店里的经营贷，本息想缓一缓", []int{7, 10}},
		// A lead-in naming only the asker opens the story.
		{"我六十多了，帮我儿子问问：他在镇上开了个修车铺，租的国企的房子，房租能减几个月", []int{4}},
		// A question asks about the need beside it; a need told after it
		// about something else is asked too.
		{"跑长途客运的，车贷这个月快还不上了，能延期吗？员工社保也想缓一缓", []int{10, 2}},
		// Typed on a phone: a need before a space ends its clause, and so
		// does the first of two troubles in a keyword-like message.
		{"店里员工的社保想缓一缓 听说宽带资费降了是真的吗", []int{2, 8}},
		{"洗衣店 燃气费欠着 员工社保交不起", []int{7, 2}},
		// A lead-in in the middle of a run-on story starts the first ask.
		{"我在镇上开了家面馆房子是区属国企的去年关了好几个月我想问问房租减免的事还有员工的社保能不能缓", []int{4, 2}},
		// Numbered matters of a letter that asks only for a reply.
		{"本人受两家企业委托咨询：1.某餐饮公司环境核酸检测费用补贴事宜；2.某小微企业住房公积金缓缴事宜。请予答复。", []int{66, 3}},
		// "想问两个事" announces two asks and is none itself.
		{"我们饭店想问两个事：一是房租能不能减，二是社保能不能缓", []int{4, 2}},
		// A subjectless second ask takes what was told after the first.
		{"我姐开了个小吃店，租的是区国资委管的房子，这种国有房能减房租吗？店里员工每周都做核酸，钱能给补点吗？", []int{4, 66}},
		// A question naming its own subject, only suggested, does not
		// swallow a need told after it.
		{"我们是县城里唯一一家电影院，从四月到现在一直没开门，二十几个员工还得养着，急死了！影院的房子是区国有公司的，三个月房租能减吗？员工的社保也实在交不上了", []int{4, 2}},
		// A need told before a question only suggested is its story.
		{"我想申请创业担保贷款 个人最多能贷多少", nil},
		// Plans are no needs; needs the question asks about stay its story.
		{"开了家小面馆 想扩大店面 国企的房子房租能减吗", []int{4}},
		{"货车贷款这两个月还不上了，能不能延期还，会不会影响征信", nil},
		{"公司想申请缓缴社保，要不要先开股东会表决？", nil},
	}
	for _, c := range cases {
		rd, got := answeredFirsts(t, c.msg)
		if c.want == nil {
			if len(rd.Asks) != 1 {
				t.Errorf("Read(%q): %d asks %v; want the one question", c.msg, len(rd.Asks), got)
			}
			continue
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Read(%q): asks answered with %v; want %v", c.msg, got, c.want)
		}
	}
}

// answeredFirsts reads msg without context and returns the reading and the
// first measure of each ask it answers, in order.
func answeredFirsts(t *testing.T, msg string) (Reading, []int) {
	t.Helper()
	rd, err := testIndex.Read(msg, Context{})
	if err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, a := range rd.Asks {
		if a.Kind != seeds.KindNone && len(a.Measures) > 0 {
			got = append(got, a.Measures[0].Number)
		}
	}
	return rd, got
}
