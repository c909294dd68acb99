package seeds

import (
	"slices"
	"strings"
	"testing"
)

// TestColumnsFormatGuide: the pdftotext -layout table reads beyond what
// TestLayouts checks: every record once and in order under its category,
// its text whole (the line after a page break back in record 13), the end
// date, the head's title, office and date and the area code from the 说明,
// the head's and the tail's lines in no record.
func TestColumnsFormatGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/yunling-2022-layout-table/guide.txt")
	if g.Title != "澜川市云岭区人民政府办公室关于印发云岭区稳经济促发展助企纾困政策措施清单的通知" || g.Issuer != "澜川市云岭区人民政府办公室" || g.Published != "2022-06-24" || g.AreaCode != "0878" {
		t.Errorf("title %q issuer %q published %q area code %q", g.Title, g.Issuer, g.Published, g.AreaCode)
	}
	var titles []string
	for _, s := range g.Sections {
		titles = append(titles, s.Title)
	}
	if got := strings.Join(titles, "|"); got != "财税支持|金融支持|稳岗就业|外贸和交通运输|消费和服务业" {
		t.Errorf("sections %s", got)
	}
	for n, sec := range map[int]int{1: 1, 6: 1, 7: 2, 11: 2, 12: 3, 14: 3, 16: 3, 17: 4, 20: 4, 21: 5, 24: 5} {
		if m := g.Measure(n); m == nil || m.Section != sec {
			t.Errorf("measure %d not in section %d", n, sec)
		}
	}
	for i, m := range g.Measures {
		if m.Number != i+1 {
			t.Errorf("measure %d read as %d", i+1, m.Number)
		}
		all := strings.Join(append([]string{m.Text}, m.Details...), "")
		for _, bad := range []string{"序号", "第 ", "备注", "人民政府办公室", "0878-", "区号"} {
			if strings.Contains(all, bad) {
				t.Errorf("measure %d holds %q: %q", m.Number, bad, all)
			}
		}
	}
	if m := g.Measure(13); !strings.Contains(strings.Join(append([]string{m.Text}, m.Details...), ""), "无需企业申报，实行免申即享。执行期限：2022年12月31日。") {
		t.Errorf("measure 13: %q %q", m.Text, m.Details)
	}
	// Record 2's title alone on its number's line, the category label on a
	// line of its own under it, record 3 glued under it.
	if m := g.Measure(2); !strings.Contains(strings.Join(append([]string{m.Text}, m.Details...), ""), "落实增值税留抵退税。对符合条件的小微企业") || !slices.Contains(m.Details, "执行期限：2022年4月1日至2022年12月31日。") || strings.Join(contactLines(m), "|") != "区税务局 12366" {
		t.Errorf("measure 2: %q %q %q", m.Text, m.Details, contactLines(m))
	}
	if m := g.Measure(3); m.Text != "减征六税两费。" || !slices.Contains(m.Details, "执行期限：2024年12月31日。") || strings.Join(contactLines(m), "|") != "区税务局 邬晨阳 65113320|区财政局 冼嘉禾 65113578" {
		t.Errorf("measure 3: %q %q %q", m.Text, m.Details, contactLines(m))
	}
	if m := g.Measure(1); !strings.HasPrefix(m.Text, "减免房屋租金。") {
		t.Errorf("measure 1 (the 说明's 1.): %q", m.Text)
	}
	if m := g.Measure(7); !strings.Contains(m.Text+strings.Join(m.Details, ""), "不高于LPR-150BP的，按实际支付利息的50%给予贴息") {
		t.Errorf("measure 7: %q %q", m.Text, m.Details)
	}
	// Two units, people and phones on lines of their own that do not pair
	// up: paired by order.
	if got := strings.Join(contactLines(g.Measure(15)), "|"); got != "区人力资源和社会保障局 祁振宇 0878-65118842|区就业服务中心 郦文博 65118870" {
		t.Errorf("measure 15: %q", got)
	}
	if got := strings.Join(contactLines(g.Measure(4)), "|"); got != "区住房和城乡建设局 欧阳明 0878-65114096" {
		t.Errorf("measure 4 (a phone over two lines): %q", got)
	}
	if got := strings.Join(contactLines(g.Measure(20)), "|"); got != "区交通运输局 12345" {
		t.Errorf("measure 20: %q", got)
	}
}

// TestColumnsOthersUnchanged: a text without a column-aligned header row,
// or with a one-line-per-row table of another kind, comes back as it was.
func TestColumnsOthersUnchanged(t *testing.T) {
	for _, text := range []string{
		"序号  政策条目  责任单位  联系人  联系电话\n1  1.1-1.4  区税务局  张某  12366\n",
		"序号\t政策类别\t政策内容\t责任单位\n1\t财税\t减免租金。\t区国资中心\n",
		"一、总体要求\n1. 对小微企业减免房租。（责任单位：区国资办）\n",
	} {
		if got, dups := normalizeColumns(text); got != text || dups != nil {
			t.Errorf("normalizeColumns(%q) = %q", text, got)
		}
	}
}

// TestColumnsHeaderAndSplit: a header word centred above and below the
// others' line ("执行" / "期限") makes one column; two records without a
// blank line between them split where the text ends a sentence, though
// the first one's number stands on its middle line and the second's on
// its first; a name spaced out by pdftotext is whole.
func TestColumnsHeaderAndSplit(t *testing.T) {
	text := `某区助企政策清单
                                                            执行
序号  政策类别  政策措施（内容）          责任单位   联系人   联系电话
                                                            期限
          对小微企业减免房屋租金三
 1  财税    个月，对个体工商户减免六   区国资中心  王 丽   86001234   2022年12月
          个月。                                              31日
 2        对餐饮企业发放一次性补贴   区商务局    李某    86005678   长期
          每户一万元。
`
	g := parseText(text)
	if len(g.Measures) != 2 {
		t.Fatalf("%d measures", len(g.Measures))
	}
	m := g.Measure(1)
	if all := strings.Join(append([]string{m.Text}, m.Details...), ""); !strings.HasPrefix(all, "对小微企业减免房屋租金三个月，对个体工商户减免六个月。") || !strings.Contains(all, "执行期限：2022年12月31日") {
		t.Errorf("measure 1: %q", all)
	}
	if got := strings.Join(contactLines(m), "|"); got != "区国资中心 王丽 86001234" {
		t.Errorf("measure 1: %q", got)
	}
	if m := g.Measure(2); !strings.HasPrefix(m.Text, "对餐饮企业发放一次性补贴每户一万元。") || strings.Join(contactLines(m), "|") != "区商务局 李某 86005678" {
		t.Errorf("measure 2: %q %q", m.Text, contactLines(m))
	}
}

// TestColumnsOneSpace: pdftotext keeps one space at least between two
// words it placed apart: two header words one space apart are two columns,
// a person's name one space before the phone is cut from it, and the blank
// line closing a page is no line inside the record running over the break.
func TestColumnsOneSpace(t *testing.T) {
	text := `某区助企政策清单
序号 政策类别  政策措施（内容）        责任单位    联系人    联系电话
 1   财税    对小微企业减免房屋租金三  区国资中心   欧阳丽华 86001234
             个月，对个体工商户减免六
             个

                     第 1 页 共 2 页
` + "\f" + ` 序号  政策类别   政策措施（内容）        责任单位   联系人   联系电话
              月。
 2            对餐饮企业发放一次性补贴  区商务局    李某    86005678
              每户一万元。
`
	g := parseText(text)
	if len(g.Measures) != 2 {
		t.Fatalf("%d measures", len(g.Measures))
	}
	if m := g.Measure(1); !strings.HasPrefix(m.Text, "对小微企业减免房屋租金三个月，对个体工商户减免六个月。") || strings.Join(contactLines(m), "|") != "区国资中心 欧阳丽华 86001234" {
		t.Errorf("measure 1: %q %q", m.Text, contactLines(m))
	}
	if m := g.Measure(2); !strings.HasPrefix(m.Text, "对餐饮企业发放一次性补贴每户一万元。") || strings.Join(contactLines(m), "|") != "区商务局 李某 86005678" {
		t.Errorf("measure 2: %q %q", m.Text, contactLines(m))
	}
}

// TestColumnsRunningHead: a running head between a page's footer and the
// next page's header row is no record's text.
func TestColumnsRunningHead(t *testing.T) {
	text := `某区助企政策清单
序号  政策类别  政策措施（内容）          责任单位   联系人   联系电话
 1   财税      对小微企业减免房屋租金三   区国资中心 王丽     86001234
               个月。

                     第 1 页 共 2 页
` + "\f" + `                    续表
序号  政策类别  政策措施（内容）          责任单位   联系人   联系电话
 2             对餐饮企业发放一次性补贴   区商务局   李某     86005678
               每户一万元。
`
	g := parseText(text)
	if m := g.Measure(1); m == nil || strings.Contains(m.Text+strings.Join(m.Details, ""), "续表") || len(g.Measures) != 2 {
		t.Errorf("%d measures, measure 1: %+v", len(g.Measures), m)
	}
	if got := strings.Join(contactLines(g.Measure(2)), "|"); got != "区商务局 李某 86005678" {
		t.Errorf("measure 2: %q", got)
	}
}

// TestColumnsNoteItems: a 说明 between the table's title and its header
// row, wrapped, with items numbered inline (说明：1.…；2.…), frames the
// table: its area code is read, its "1." is no measure, and record 1
// keeps its text whole.
func TestColumnsNoteItems(t *testing.T) {
	text := `                某区人民政府办公室关于印发某区助企政策清单的通知
    各有关单位：现将清单印发给你们，请认真贯彻落实。
                                        某区人民政府办公室
                                           2022年6月1日
                    某区助企纾困政策措施清单
    说明：1.本清单共列政策措施2项，按类别排列；2.联系电话未注明区号的，区号均为0999；3.办理
材料以各单位公布的为准。

序号  政策类别  政策措施（内容）          责任单位   联系人   联系电话
          减免房屋租金。对小微企业
 1  财税    减免三个月租金。           区国资中心  王丽     86001234
 2        发放补贴。对餐饮企业发放   区商务局    李某     86005678
          一次性补贴每户一万元。
`
	g := parseText(text)
	if len(g.Measures) != 2 || g.AreaCode != "0999" {
		t.Fatalf("%d measures, area code %q", len(g.Measures), g.AreaCode)
	}
	if m := g.Measure(1); !strings.HasPrefix(m.Text+strings.Join(m.Details, ""), "减免房屋租金。对小微企业减免三个月租金。") || strings.Join(contactLines(m), "|") != "区国资中心 王丽 86001234" {
		t.Errorf("measure 1: %q %q %q", m.Text, m.Details, contactLines(m))
	}
	for _, m := range g.Measures {
		if all := m.Text + strings.Join(m.Details, ""); strings.Contains(all, "本清单") || strings.Contains(all, "区号") {
			t.Errorf("measure %d holds the note: %q", m.Number, all)
		}
	}
}

// TestColumnsTitleAloneSplit: record 2's number stands on its first line,
// which holds only its title sentence; a merged 政策类别 label is printed
// on a line of its own under it, and its text, its contact and its date
// wrapped over three lines follow; record 3, glued under it, has its
// number centred further down. Record 2 keeps its text, contact and date
// whole, record 3 its own: the label line is no gap between records, and
// a record's short cells lie in one run of lines around its own number.
// Again with the label beside record 2's text and the two records' short
// cells on adjacent lines: a title sentence alone, without a short cell,
// is no record.
func TestColumnsTitleAloneSplit(t *testing.T) {
	text := `                    某区助企政策清单
 序号   政策类别      政策措施（内容）                      责任单位        联系人     联系电话          执行期限
                减免房屋租金。对承租国有房屋的小微企
 1              业减免三个月租金。                     区国资中心       王丽      86001234      长期

 2              落实小规模纳税人减免增值税。
      财税
                2022年4月1日至12月31日，对小规模纳                                          2022年4月1日
                税人适用3%征收率的应税销售收入，免征           区税务局        赵强      86002222      至2022年12月
                增值税；适用3%预征率的预缴增值税项目                                             31日
                ，暂停预缴增值税。
                减免房产税、城镇土地使用税。对服务业
                困难企业，可申请减免房产税和城镇土地
                使用税，减免期限不超过一年。                                                  2022年12月31
 3              对出租人减免租金的，按减免租金月份减            区税务局        钱敏      86003333      日
                免当年房产税。


                发放消费券。分批发放餐饮零售消费券，
 4              每批不少于一百万元。                    区商务局        孙立      86004444      长期
`
	// The label printed beside record 2's text, record 2's short cells
	// on its last lines and record 3's on its first: no gap between them.
	glued := `                    某区助企政策清单
 序号   政策类别      政策措施（内容）                      责任单位        联系人     联系电话          执行期限
                减免房屋租金。对承租国有房屋的小微企
 1              业减免三个月租金。                     区国资中心       王丽      86001234      长期

 2              落实小规模纳税人减免增值税。
      财税        2022年4月1日至12月31日，对小规模纳
                税人适用3%征收率的应税销售收入，免征                                             2022年4月1日
                增值税；适用3%预征率的预缴增值税项目           区税务局        赵强      86002222      至2022年12月
                ，暂停预缴增值税。                                                       31日
                减免房产税、城镇土地使用税。对服务业                                              2022年12月31
                困难企业，可申请减免房产税和城镇土地            区税务局        钱敏      86003333      日
 3              使用税，减免期限不超过一年。对出租人
                减免租金的，按减免租金月份减免当年房
                产税。

                发放消费券。分批发放餐饮零售消费券，
 4              每批不少于一百万元。                    区商务局        孙立      86004444      长期
`
	// The short cells of records 2 and 3 on adjacent lines in all four
	// columns, record 2's date wrapped over three: the date ending above
	// and the one beginning below are the records' edge.
	dates := `                    某区助企政策清单
 序号   政策类别      政策措施（内容）                      责任单位        联系人     联系电话          执行期限
                减免房屋租金。对承租国有房屋的小微企
 1              业减免三个月租金。                     区国资中心       王丽      86001234      长期

 2              落实小规模纳税人减免增值税。
      财税        2022年4月1日至12月31日，对小规模纳
                税人适用3%征收率的应税销售收入，免征                                             2022年4月1日
                增值税；适用3%预征率的预缴增值税项目                                             至2022年12月
                ，暂停预缴增值税。                     区税务局        赵强      86002222      31日
                减免房产税、城镇土地使用税。对服务业            区税务局        钱敏      86003333      2022年12月31
                困难企业，可申请减免房产税和城镇土地                                              日
                使用税，减免期限不超过一年。对出租人
 3              减免租金的，按减免租金月份减免当年房
                产税。

                发放消费券。分批发放餐饮零售消费券，
 4              每批不少于一百万元。                    区商务局        孙立      86004444      长期
`
	for _, text := range []string{text, glued, dates} {
		g := parseText(text)
		if len(g.Measures) != 4 {
			t.Errorf("%d measures", len(g.Measures))
			continue
		}
		m := g.Measure(2)
		all := m.Text + strings.Join(m.Details, "")
		if !strings.HasPrefix(all, "落实小规模纳税人减免增值税。2022年4月1日至12月31日，对小规模纳税人") || !strings.Contains(all, "暂停预缴增值税。执行期限：2022年4月1日至2022年12月31日。") || strings.Join(contactLines(m), "|") != "区税务局 赵强 86002222" {
			t.Errorf("measure 2: %q %q", all, contactLines(m))
		}
		m = g.Measure(3)
		all = m.Text + strings.Join(m.Details, "")
		if !strings.HasPrefix(all, "减免房产税、城镇土地使用税。对服务业困难企业") || !strings.HasSuffix(all, "免当年房产税。执行期限：2022年12月31日。") || strings.Join(contactLines(m), "|") != "区税务局 钱敏 86003333" {
			t.Errorf("measure 3: %q %q", all, contactLines(m))
		}
	}
}
