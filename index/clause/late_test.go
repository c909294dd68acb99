package clause

import "testing"

// lateCases were written after the cues were settled on splitCases, to
// see how the rules carry to messages they were not shaped on: measured
// first, 23 of 30 were read as expected. Four general fixes followed (a
// bare question such as 怎么办 is a question, not a lead-in; 还有一个问题
// only opens the next clause; a space after a lead-in ends it; 顺便问下找谁
// is a contact clause), so the set is no longer unseen. TestSplitLate
// reports the share read as expected and only fails below lateFloor.
var lateCases = []struct{ msg, want string }{
	{"公积金能不能晚点交", "A:公积金能不能晚点交"},
	{"我们是做餐饮的，员工二十多个，社保能缓缴吗？缓缴期间有滞纳金吗？", "S:我们是做餐饮的 | S:员工二十多个 | A:社保能缓缴吗 | A:缓缴期间有滞纳金吗"},
	{"增值税留抵退税怎么申请，多久到账", "A:增值税留抵退税怎么申请，多久到账"},
	{"你好！我在镇上开了个小卖部，房子是从村里租的，不是国有的，也能减房租吗？", "S:我在镇上开了个小卖部 | S:房子是从村里租的 | S:不是国有的 | A:也能减房租吗"},
	{"首贷贴息申请的条件是什么？需要哪些材料？", "A:首贷贴息申请的条件是什么？需要哪些材料"},
	{"货车司机贷款延期 找哪个部门", "C:货车司机贷款延期 找哪个部门"},
	{"区税务局电话", "C:区税务局电话"},
	{"宽带降费是真的吗🤔还是只针对大企业", "A:宽带降费是真的吗 | A:还是只针对大企业"},
	{"疫情险哪里能买？停业了能赔多少？", "A:疫情险哪里能买 | A:停业了能赔多少"},
	{"我的食品经营许可证下个月到期，现在疫情没法去现场办，怎么办", "S:我的食品经营许可证下个月到期 | S:现在疫情没法去现场办 | A:怎么办 <我的食品经营许可证下个月到期/现在疫情没法去现场办>"},
	{"还有一个问题，招应届毕业生有社保补贴吗", "A:招应届毕业生有社保补贴吗"},
	{"1）房租减免 2）社保缓缴 3）贷款延期", "A:房租减免 2）社保缓缴 3）贷款延期"},
	{"想了解一下消费券", "A:想了解一下消费券"},
	{"请问平台企业参与智慧城市建设有什么支持政策", "A:请问平台企业参与智慧城市建设有什么支持政策"},
	{"房租减免的最终承租人是指谁", "A:房租减免的最终承租人是指谁"},
	{"我们有二房东，减免能到我们手里吗", "S:我们有二房东 | A:减免能到我们手里吗 <我们有二房东>"},
	{"谢谢！那电话是多少", "C:那电话是多少"},
	{"水电费欠了两个月。会停吗。滞纳金要交吗。", "S:水电费欠了两个月 | A:会停吗 <水电费欠了两个月> | A:滞纳金要交吗"},
	{"罚款了能信用修复吗顺便问下找谁", "C:罚款了能信用修复吗顺便问下找谁"},
	{"我是律师事务所的，社保可以缓缴吗，公积金呢", "S:我是律师事务所的 | A:社保可以缓缴吗 | A:公积金呢"},
	{"买车的购置税减半是哪天开始", "A:买车的购置税减半是哪天开始"},
	{"研学基地怎么申报？？", "A:研学基地怎么申报"},
	{"想问问 农村劳动力就业有补贴吗", "A:农村劳动力就业有补贴吗"},
	{"急！工程款被拖欠半年了", "A:工程款被拖欠半年了"},
	{"共享用工是什么意思，我们店想借几个人", "S:我们店想借几个人 | A:共享用工是什么意思"},
	{"个体户、小微企业、中型企业分别有什么政策", "A:个体户、小微企业、中型企业分别有什么政策"},
	{"防疫支出给补贴吗?核酸检测费呢?", "A:防疫支出给补贴吗 | A:核酸检测费呢"},
	{"我们这边是乡村民宿，今年游客少了一半，有啥扶持没", "S:我们这边是乡村民宿 | S:今年游客少了一半 | A:有啥扶持没 <我们这边是乡村民宿/今年游客少了一半>"},
	{"政府采购能不能多给小企业一些机会", "A:政府采购能不能多给小企业一些机会"},
	{"老板让我问一下社保缓缴的事", "A:老板让我问一下社保缓缴的事"},
}

// lateFloor is the share of lateCases that must be read as expected.
const lateFloor = 0.7

func TestSplitLate(t *testing.T) {
	ok := 0
	for _, tc := range lateCases {
		if got := describe(Split(tc.msg)); got != tc.want {
			t.Logf("Split(%q)\n got: %s\nwant: %s", tc.msg, got, tc.want)
		} else {
			ok++
		}
	}
	share := float64(ok) / float64(len(lateCases))
	t.Logf("%d of %d late messages read as expected (%.0f%%)", ok, len(lateCases), 100*share)
	if share < lateFloor {
		t.Errorf("late messages: %.2f read as expected, want at least %.2f", share, lateFloor)
	}
}
