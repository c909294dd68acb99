package seeds

import (
	"strings"
	"testing"
)

// TestSpeechVariants reads short transcripts in wordings the test guide
// does not use: items after a comma, a post with 党组成员, a reporter named
// after 记者, a list row with labels, a contact said inside an item's
// sentence (but not a hotline an item is about), nested sub-items, an
// answer's measure after 我再补充一点, a host whose hand-over stands for
// a speaker's lost label; a measure whose words name another unit of the
// closing list (by what it is named for: 住房公积金), a unit listing two
// persons, a contact said in passing and listed too (once), answers'
// measures after "我们区还设立了", "此外，我们还推出了", "同时，我们还推出了",
// a phone with its area code in brackets, a list in a table's rules.
func TestSpeechVariants(t *testing.T) {
	const head = "某区稳就业政策新闻发布会实录\n发布时间：2022-05-20 10:00\n主持人（区政府新闻办主任 甲乙丙）：下面请区发改委副主任丁戊介绍。\n"
	for _, tt := range []struct {
		name, text string
		want       []string // each measure: text prefix | contacts joined by |
	}{
		{"comma and list labels", head +
			"区发改委党组成员、副主任 丁戊：我们主要有三条，一是减免房租，对小微企业减免3个月租金。二是延期还贷，银行延期还本付息。三是发放补贴，每户补助1000元。\n" +
			"区财政局副局长 己庚：第一，提高预付款比例。第二，设立纾困资金，规模1000万元。\n" +
			"主持人：各项政策的咨询电话如下：\n某区发展和改革委员会  联系人：王一  电话：0123-81234567\n某区财政局：李二 81234568\n以上电话工作日拨打\n今天的发布会到此结束。\n",
			[]string{"减免房租|区发改委 王一 0123-81234567", "延期还贷|区发改委 王一 0123-81234567", "发放补贴|区发改委 王一 0123-81234567",
				"提高预付款比例|区财政局 李二 81234568", "设立纾困资金|区财政局 李二 81234568"}},
		{"reporter named, contact in an item, nested items", head +
			"区发改委副主任 丁戊：第一，支持企业扩产。一是设备补助，按投资额的10%补助；二是用地保障。第二，加快审批，咨询电话0123-81230001，联系人赵三。第三，优化服务。\n" +
			"区财政局副局长 己庚：一是政府采购预留份额。二是免收保证金。三是加快支付账款，企业可拨打12345热线反映。\n" +
			"记者提问\n某某日报记者 孙四：请问丁主任，设备补助怎么申请？\n" +
			"区发改委副主任 丁戊：谢谢你的提问。设备补助按投资额计算，企业在线申请。\n我再补充一点，我们还开通了企业服务专线。\n" +
			"主持人：各项政策的咨询电话如下：\n某区财政局  钱五  0123-81230002\n",
			[]string{"支持企业扩产。一是设备补助|区发改委 赵三 0123-81230001", "加快审批|区发改委 赵三 0123-81230001", "优化服务|区发改委 赵三 0123-81230001",
				"政府采购预留份额|区财政局 钱五 0123-81230002", "免收保证金|区财政局 钱五 0123-81230002", "加快支付账款|区财政局 钱五 0123-81230002",
				"开通了企业服务专线|区发改委 赵三 0123-81230001"}},
		{"host hands over, label lost", head +
			"区发改委副主任 丁戊：一是减免房租。二是延期还贷。\n" +
			"主持人：请区财政局副局长己庚介绍。一是提高预付款比例。二是设立纾困资金。三是免收保证金。\n" +
			"主持人：各项政策的咨询电话如下：\n某区财政局  钱五  0123-81230002\n",
			[]string{"减免房租|区发改委", "延期还贷|区发改委", "提高预付款比例|区财政局 钱五 0123-81230002", "设立纾困资金|区财政局 钱五 0123-81230002", "免收保证金|区财政局 钱五 0123-81230002"}},
		{"another body's measure, two persons, a contact said twice, new measures in answers", head +
			"区发改委副主任 丁戊：一是减免房租，对小微企业减免3个月租金。二是延期还贷。\n企业有疑问可以拨打咨询电话（0123）81230001，联系人赵三。\n" +
			"区住建局副局长 己庚：第一，住房公积金阶段性缓缴，企业可申请缓缴。第二，减免保障房商铺租金。第三，公积金贷款提额，首套房贷款额度提高。第四，支持城乡建设项目，对公积金缴存企业优先。\n" +
			"区人社局副局长 庚辛：一是发放稳岗补贴。二是发放扩岗补助。企业有疑问可以拨打咨询电话81230005，联系人李　二。\n" +
			"记者提问\n某某日报记者：请问丁主任，减免房租怎么申请？\n" +
			"区发改委副主任 丁戊：谢谢你的提问。另外，我们区还设立了应急转贷资金，规模1000万元。\n此外，我们还推出了首贷贴息，按50%贴息。\n" +
			"区人社局副局长 庚辛：同时，我们还推出了技能培训补贴，每人1000元。\n" +
			"主持人：各项政策的咨询电话如下：\n某区住房和城乡建设局　　季　明　　81230010\n　　　　　　　　郑　远　　81230011\n" +
			"某区住房公积金管理中心　　罗　青　　81230020\n某区人力资源和社会保障局　　李　二　　0123-81230005\n某区发展和改革委员会　　赵三　　（0123）81230001\n政务服务便民热线　　12345\n",
			[]string{"减免房租|区发改委 赵三 0123-81230001", "延期还贷|区发改委 赵三 0123-81230001",
				"住房公积金阶段性缓缴|某区住房公积金管理中心 罗青 81230020", "减免保障房商铺租金|区住建局 季明 81230010|区住建局 郑远 81230011",
				"公积金贷款提额|某区住房公积金管理中心 罗青 81230020", "支持城乡建设项目|区住建局 季明 81230010|区住建局 郑远 81230011",
				"发放稳岗补贴|区人社局 李二 0123-81230005", "发放扩岗补助|区人社局 李二 0123-81230005",
				"设立了应急转贷资金|区发改委 赵三 0123-81230001", "推出了首贷贴息|区发改委 赵三 0123-81230001", "推出了技能培训补贴|区人社局 李二 0123-81230005"}},
		{"a speaker's full name listed alike, a list in a table's rules", head +
			"区人力资源和社会保障局副局长 己庚：第一，提高补贴。第二，设立资金，规模1000万元。如有疑问，请联系李二，电话0123-81230005。\n" +
			"区财政局副局长 庚辛：一是政府采购预留份额。二是免收保证金。\n" +
			"主持人：各项政策的咨询电话如下：\n│单位│联系人│电话│\n│某区人力资源和社会保障局│李二│0123-81230005│\n│某区财政局│钱五│0123-81230002│\n│　　　　　│孙六│0123-81230003│\n",
			[]string{"提高补贴|区人力资源和社会保障局 李二 0123-81230005", "设立资金|区人力资源和社会保障局 李二 0123-81230005",
				"政府采购预留份额|区财政局 钱五 0123-81230002|区财政局 孙六 0123-81230003", "免收保证金|区财政局 钱五 0123-81230002|区财政局 孙六 0123-81230003"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Measures) != len(tt.want) {
				for _, m := range g.Measures {
					t.Logf("%d %q %q", m.Number, m.Text, contactLines(&m))
				}
				t.Fatalf("%d measures, want %d", len(g.Measures), len(tt.want))
			}
			for k, w := range tt.want {
				prefix, contacts, _ := strings.Cut(w, "|")
				m := g.Measure(k + 1)
				text := m.Text + strings.Join(m.Details, "")
				if !strings.HasPrefix(text, prefix) || strings.Join(contactLines(m), "|") != contacts {
					t.Errorf("measure %d: %q %q, want %q %q", k+1, Clip(text, 20), contactLines(m), prefix, contacts)
				}
			}
		})
	}
}

// TestSpeechNotTranscript: a guide that only mentions a host or lists
// items is no transcript.
func TestSpeechNotTranscript(t *testing.T) {
	for _, text := range []string{
		"1. 一是减免房租。二是延期还贷。三是发放补贴。（责任单位：区财政局）\n",
		"主持人：今天介绍政策。\n一是减免房租。二是延期还贷。三是发放补贴。\n",
	} {
		if got := normalizeSpeech(text); got != text {
			t.Errorf("rewritten: %q", got)
		}
	}
}

// TestLastCopies: of a sentence standing twice only the last copy stays,
// whitespace aside; the line break before a dropped copy stays.
func TestLastCopies(t *testing.T) {
	got, dropped := lastCopies("甲说：\n一是减免房租。\n二是延期还贷。\n一是减免 房租。\n丙。")
	if got != "甲说：\n一是减免房租。\n二是延期还贷。\n一是减免 房租。\n丙。" || len(dropped) != 0 {
		t.Errorf("%q %q", got, dropped)
	}
	got, dropped = lastCopies("甲说：一是减免房租。\n二是延期还贷。\n一是减免 房租。\n丙。")
	if got != "甲说：一是减免房租。\n二是延期还贷。\n一是减免 房租。\n丙。" || len(dropped) != 0 {
		t.Errorf("%q %q", got, dropped)
	}
	got, dropped = lastCopies("甲说。一是减免房租。二是延期还贷。\n一是减免 房租。\n丙。")
	if got != "甲说。二是延期还贷。\n一是减免 房租。\n丙。" || len(dropped) != 1 || dropped[0] != "一是减免房租。" {
		t.Errorf("%q %q", got, dropped)
	}
}

// TestNewMeasureCue: an answer's paragraph that adds a measure, in the
// wordings answers use, and ones that only say more of a measure.
func TestNewMeasureCue(t *testing.T) {
	for text, want := range map[string]bool{
		"另外，我们还设立了应急转贷资金，规模1亿元。":     true,
		"另外，我们区还设立了应急转贷资金。":          true,
		"此外，我们还推出了首贷贴息。":             true,
		"同时，我们还推出了技能培训补贴。":           true,
		"此外，我区还新设立了1亿元纾困资金。":         true,
		"另外，我们还将专门安排5000万元资金。":       true,
		"另外，我们还拿出了2亿元设立风险补偿资金。":      true,
		"另外，企业还需要提供营业执照。":            false,
		"同时，缓缴期间免收滞纳金。":              false,
		"另外，我们还会加强宣传，让企业应知尽知。":       false,
		"我们还设立了应急转贷资金（不在答问开头的连接词后）。": false,
	} {
		if got := newMeasureCue.MatchString(text); got != want {
			t.Errorf("newMeasureCue(%q) = %v, want %v", text, got, want)
		}
	}
	if got := speechConnective.ReplaceAllString("此外，我区还新设立了1亿元纾困资金。", ""); got != "设立了1亿元纾困资金。" {
		t.Errorf("speechConnective left %q", got)
	}
}
