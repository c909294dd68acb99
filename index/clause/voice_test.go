package clause

import "testing"

// voiceCases are messages as a phone's voice input types them: no
// punctuation, fillers (嗯 那个 就是说), asks joined by 然后. A 然后
// between the events of a story joins nothing.
var voiceCases = []struct{ msg, want string }{
	{"那个我想问一下房租减免怎么申请然后就是嗯社保能不能缓交", "A:那个我想问一下房租减免怎么申请 | A:然后就是嗯社保能不能缓交"},
	{"疫情来了然后店就关了三个月房租能减吗", "A:疫情来了然后店就关了三个月房租能减吗"},
	{"嗯就是说我们厂想缓交社保然后那个贷款能不能延期", "S:嗯就是说我们厂想缓交社保 | A:然后那个贷款能不能延期"},
	{"留抵退税怎么办理然后呢多久能到账", "A:留抵退税怎么办理 | A:然后呢多久能到账"},
	{"消费券怎么领再一个就是购置税减半到什么时候", "A:消费券怎么领 | A:再一个就是购置税减半到什么时候"},
	{"我想问两个事一个是那个房租能不能减另一个是贷款能不能延期", "A:我想问两个事一个是那个房租能不能减 | A:另一个是贷款能不能延期"},
	// Clauses spaced, pauses typed as fillers standing alone between
	// spaces (嗯, 那个): the filler is one more space, so the story before
	// it is a statement.
	{"喂 我在镇上开饭馆的 嗯 就是想问一下 那个社保能缓交吗", "S:喂 我在镇上开饭馆的 | A:那个社保能缓交吗"},
	{"我们厂在开发区那边 呃 想咨询下 贷款到期了能延期吗", "S:我们厂在开发区那边 | A:贷款到期了能延期吗"},
	// A tag question (对吧 是吧) ends an ask, so 然后 after it opens the next.
	{"社保缓到年底对吧然后还有那个房租能不能减", "A:社保缓到年底对吧 | A:然后还有那个房租能不能减"},
	// Money owed to the owner is a need: 然后 after it opens another ask.
	{"客户欠我们的货款一直不给嗯然后还有就是社保能不能缓交", "S:客户欠我们的货款一直不给嗯 | A:然后还有就是社保能不能缓交"},
	// An ask put by its lead-in or connective alone, with no question
	// word ("想问下税收优惠", "还有那个电费的"), ends as a question does:
	// the spoken connective after it opens the next ask.
	{"嗯我们厂新招了几个退伍的 想问下税收优惠 然后 还有就是厂房的租金能不能减", "S:嗯我们厂新招了几个退伍的 | A:想问下税收优惠 | A:然后 还有就是厂房的租金能不能减"},
	{"我们民宿的水费能缓交吗 还有那个电费的 然后就是贷款利息也想问一下怎么补", "A:我们民宿的水费能缓交吗 | A:还有那个电费的 | A:然后就是贷款利息也想问一下怎么补"},
	// A story told after a connective goes on after 然后.
	{"房租能减吗 还有我新招了两个小伙子然后签了合同 有补贴吗", "A:房租能减吗 | A:还有我新招了两个小伙子然后签了合同 有补贴吗"},
	// A question word said twice stands for a name not recalled (是个什么
	// 什么公司): a statement, not an ask.
	{"店面是租的 合同上盖的章是个什么什么集团有限公司 能不能免房租", "S:店面是租的 | S:合同上盖的章是个什么什么集团有限公司 | A:能不能免房租"},
	// A pause after 能不能 splits no ask: its verb and object follow.
	{"嗯 那 小饭馆 能不能 那个 参加消费券的活动啊", "A:小饭馆 能不能 那个 参加消费券的活动啊"},
}

func TestSplitVoice(t *testing.T) {
	for _, tc := range voiceCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Errorf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		}
	}
}
