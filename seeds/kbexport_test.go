package seeds

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestKBExportGuide reads the test guide written as a hotline knowledge
// base's export: the measures (expired, operators' and phone-list entries
// aside, a split measure once), their texts, contacts and end dates.
func TestKBExportGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/liutang-2023-kb-export/guide.txt")
	if g.Title != "柳塘区12345政务服务热线知识库：稳经济惠企政策" || g.Published != "2023-03-08" || g.AreaCode != "0736" {
		t.Errorf("title %q published %q area code %q", g.Title, g.Published, g.AreaCode)
	}
	if len(g.Measures) != 13 || g.MaxNumber() != 13 {
		t.Fatalf("%d measures (highest %d)", len(g.Measures), g.MaxNumber())
	}
	r := g.Report
	if len(r.MissingText)+len(r.MissingContact)+len(r.Unread)+len(r.Duplicates) > 0 {
		t.Errorf("report of a clean guide: missing text %v, contact %v, unread %v, duplicates %d", r.MissingText, r.MissingContact, r.Unread, len(r.Duplicates))
	}
	for _, tt := range []struct {
		n        int
		text     string // prefix
		term     string // in a detail: the end date
		contacts []string
	}{
		// The operator's lead-in is no policy; unit, person, phone bare.
		{1, "小微企业和个体工商户所得税减免：对小型微利企业", "2024年12月31日", []string{"区税务局 所得税股 谭晓燕 0736-72810231"}},
		// 失效日期 before 生效日期; 联系人 and 电话 separated by ； in brackets.
		{2, "阶段性降低失业保险费率：", "2023年4月30日", []string{"区人社局 社会保险股 邓雅琴 0736-72812245"}},
		// The expired entry between is no measure: 3 is the next one.
		// Two units on one line, a mobile; 失效日期：长期.
		{3, "创业担保贷款贴息：", "有效期：长期", []string{"区人社局 就业服务中心 刘洋 13907361234", "区财政局 金融股 许婷 0736-72815205"}},
		// The title before the id; slashes.
		{4, "规模以上工业企业增产奖励：", "2023年6月30日", []string{"区工信局 工业股 唐国庆 0736-72813318"}},
		// （上）and（下）: one measure, the text of the first, the contact of
		// the second; its transfer line names the same unit: no contact.
		{5, "汽车消费补贴：2023年3月1日", "2023年6月30日", []string{"区商务局 市场运行股 向丽 0736-72817712"}},
		// No unit field: the transfer line's unit and phone.
		{6, "个体工商户转型为企业：", "有效期：至2023年12月31日", []string{"区市场监管局 0736-72811500"}},
		// The second unit on the next line, without a label.
		{7, "一次性吸纳就业补贴：", "2023年12月31日", []string{"区人社局 就业服务中心 刘洋 13907361234", "区税务局 社保费股 戴欣然 0736-72810266"}},
		// After a blank line instead of a rule; a hotline in brackets.
		{8, "增值税小规模纳税人减免：", "2023年12月31日", []string{"区税务局 12366"}},
		// The phone list between is no measure; two phones for one person.
		{9, "外贸企业开拓市场补助：", "2023年12月31日", []string{"区商务局 外贸股 黎明辉 0736-72817730、0736-72817731"}},
		// The state line before the answer.
		{10, "工业企业数字化改造补助：", "2025年12月31日", []string{"区工信局 工业股 唐国庆 0736-72813318"}},
		{11, "农业产业化龙头企业贷款贴息：", "2023年12月31日", []string{"区农业农村局 产业股 符建新 0736-72819108", "区财政局 农业股 彭丽 0736-72815230"}},
		{12, "企业开办“一件事”：", "有效期：长期", []string{"区政务服务中心企业开办专区 0736-72818800"}},
		// A hotline named in the answer is no contact.
		{13, "货车通行费优惠：", "2023年12月31日", []string{"区交通运输局 运输股 黄志强 0736-72814421"}},
	} {
		m := g.Measure(tt.n)
		if m == nil {
			t.Errorf("measure %d missing", tt.n)
			continue
		}
		if !strings.HasPrefix(m.Text, tt.text) {
			t.Errorf("measure %d: text %q", tt.n, Clip(m.Text, 20))
		}
		if !slices.ContainsFunc(m.Details, func(d string) bool { return strings.Contains(d, tt.term) }) {
			t.Errorf("measure %d: no %q in %q", tt.n, tt.term, m.Details)
		}
		if got := contactLines(m); !reflect.DeepEqual(got, tt.contacts) {
			t.Errorf("measure %d: contacts\n got %q\nwant %q", tt.n, got, tt.contacts)
		}
	}
	// Another entry's id in an answer reads as that entry's title.
	if d := strings.Join(g.Measure(9).Details, ""); strings.Contains(d, "LT-KB") || !strings.Contains(d, "“个体工商户转型为企业”") {
		t.Errorf("measure 9: %q", d)
	}
}

// TestKBContact reads a unit field's chunk in each shape an export writes.
func TestKBContact(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want jsonContact
		ok   bool
	}{
		{"区税务局货物和劳务税科（联系人：陈某东，电话：0577-88321506）", jsonContact{"区税务局货物和劳务税科", "陈某东", "0577-88321506"}, true},
		{"区人社局社会保险股（联系人：邓某琴；电话：0736-72812245）", jsonContact{"区人社局社会保险股", "邓某琴", "0736-72812245"}, true},
		{"区国资办/叶某华/0577-88137720", jsonContact{"区国资办", "叶某华", "0577-88137720"}, true},
		{"区工信局工业股 / 唐某庆 / 0736-72813318", jsonContact{"区工信局工业股", "唐某庆", "0736-72813318"}, true},
		{"区经信局技改科（联系人 董某然 0577-88268871）", jsonContact{"区经信局技改科", "董某然", "0577-88268871"}, true},
		{"区人社局就业科（王某燕 0577-88902213）", jsonContact{"区人社局就业科", "王某燕", "0577-88902213"}, true},
		{"区人社局人才科 金某琴 88902235", jsonContact{"区人社局人才科", "金某琴", "88902235"}, true},
		{"区人社局就业服务中心（联系人：刘某　手机：13907361234）", jsonContact{"区人社局就业服务中心", "刘某", "13907361234"}, true},
		{"区商务局外贸股（联系人：黎某辉；电话：0736-72817730、0736-72817731）", jsonContact{"区商务局外贸股", "黎某辉", "0736-72817730、0736-72817731"}, true},
		{"区税务局（纳税服务热线：12366）", jsonContact{"区税务局", "", "12366"}, true},
		{"区税务局 12366", jsonContact{"区税务局", "", "12366"}, true},
		{"国网某区供电公司（电话：95598）", jsonContact{"国网某区供电公司", "", "95598"}, true},
		// A hotline named by its number.
		{"12345政务服务便民热线", jsonContact{"12345政务服务便民热线", "", "12345"}, true},
		{"区金融办", jsonContact{"区金融办", "", ""}, true},
		// A phone alone names no unit.
		{"0577-88260915", jsonContact{}, false},
	} {
		got, ok := kbContact(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("kbContact(%q) = %+v %v, want %+v %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// kbSample is an export of four entries; each case changes it.
const kbSample = `某区12345热线知识库 导出
专题：惠企政策    导出时间：2022-07-15 09:32
共4条
----------
知识编号：K-01
知识标题：【税费】甲政策
答复口径：来电人咨询甲政策的，可告知：甲政策内容。
承办单位：区税务局（联系人：张某，电话：0577-88000001）
有效期：2022-01-01 至 2022-12-31
状态：有效 | 更新时间：2022-06-30 | 点击量：1
----------
知识编号：K-02
知识标题：【社保】乙政策
答复口径：乙政策内容。
承办单位：区人社局（联系人：李某，电话：0577-88000002）
有效期：2022-01-01 至 2022-10-31
状态：有效 | 更新时间：2022-06-30 | 点击量：2
----------
知识编号：K-03
知识标题：【金融】丙政策
答复口径：丙政策内容，参照K-01。
承办单位：区金融办（联系人：王某，电话：0577-88000003）
状态：有效 | 更新时间：2022-06-30 | 点击量：3
----------
知识编号：K-04
知识标题：【工业】丁政策
答复口径：丁政策内容。
承办单位：区经信局（联系人：赵某，电话：0577-88000004）
状态：有效 | 更新时间：2022-06-30 | 点击量：4
----------
`

// TestKBText: which entries are measures, how they are numbered, and what
// goes to the report.
func TestKBText(t *testing.T) {
	titles := func(g *Guide) []string {
		var out []string
		for _, m := range g.Measures {
			title, _, _ := strings.Cut(m.Text, "：")
			out = append(out, title)
		}
		return out
	}
	for _, tt := range []struct {
		name      string
		old, new_ string
		titles    []string
		unread    int
		noContact []int // measures that must keep no contact
	}{
		{name: "plain", titles: []string{"甲政策", "乙政策", "丙政策", "丁政策"}},
		{name: "expired", old: "状态：有效 | 更新时间：2022-06-30 | 点击量：2", new_: "状态：已失效 | 更新时间：2022-06-30 | 点击量：2",
			titles: []string{"甲政策", "丙政策", "丁政策"}},
		{name: "operators' script", old: "【社保】乙政策", new_: "【话术提示】乙类来电答复要点",
			titles: []string{"甲政策", "丙政策", "丁政策"}},
		// Only the topic (or 话术 in the title) makes an operators' entry.
		{name: "measure titled 答复要点", old: "【社保】乙政策", new_: "【社保】乙政策答复要点",
			titles: []string{"甲政策", "乙政策答复要点", "丙政策", "丁政策"}},
		{name: "phone list", old: "答复口径：乙政策内容。\n承办单位：区人社局（联系人：李某，电话：0577-88000002）",
			new_:   "答复口径：各部门电话（区号0577）：\n区人社局：88000200\n区财政局：88000300\n区商务局：88000400",
			titles: []string{"甲政策", "丙政策", "丁政策"}},
		{name: "split measure", old: "【金融】丙政策", new_: "【税费】甲政策（二）办理",
			titles: []string{"甲政策", "乙政策", "丁政策"}},
		{name: "title before id", old: "知识编号：K-02\n知识标题：【社保】乙政策", new_: "知识标题：【社保】乙政策\n知识编号：K-02",
			titles: []string{"甲政策", "乙政策", "丙政策", "丁政策"}},
		// Two unit fields that differ: no contact, both lines reported.
		{name: "two unit fields", old: "状态：有效 | 更新时间：2022-06-30 | 点击量：4", new_: "承办单位：区商务局（联系人：钱某，电话：0577-88000005）\n状态：有效",
			titles: []string{"甲政策", "乙政策", "丙政策", "丁政策"}, unread: 2, noContact: []int{4}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := kbSample
			if tt.old != "" {
				if !strings.Contains(text, tt.old) {
					t.Fatalf("no %q", tt.old)
				}
				text = strings.Replace(text, tt.old, tt.new_, 1)
			}
			g := parseText(text)
			if got := titles(g); !reflect.DeepEqual(got, tt.titles) {
				t.Errorf("measures %q, want %q", got, tt.titles)
			}
			if len(g.Report.Unread) != tt.unread {
				t.Errorf("unread %v", g.Report.Unread)
			}
			for _, m := range g.Measures {
				if slices.Contains(tt.noContact, m.Number) != (len(m.Contacts) == 0) {
					t.Errorf("measure %d: contacts %q", m.Number, contactLines(&m))
				}
			}
		})
	}
	g := parseText(kbSample)
	if g.Published != "2022-07-15" || !strings.HasPrefix(g.Measure(1).Text, "甲政策：甲政策内容") {
		t.Errorf("published %q, measure 1 %q", g.Published, g.Measure(1).Text)
	}
	if d := strings.Join(g.Measure(1).Details, ""); !strings.Contains(d, "2022年12月31日") {
		t.Errorf("measure 1's details %q", d)
	}
	if m := g.Measure(3); !strings.Contains(m.Text, "参照“甲政策”") {
		t.Errorf("measure 3: %q", m.Text)
	}
}

// TestKBTextOther: a text that is no export comes back unchanged, also one
// that names a 知识编号 or two.
func TestKBTextOther(t *testing.T) {
	for _, text := range []string{
		"1. 对小微企业减免房租。\n责任单位：区国资委\n",
		"知识编号：K-1\n知识标题：甲\n答复口径：甲。\n",
		strings.ReplaceAll(kbSample, "答复口径", "内容"),
	} {
		if got, unread, dups, units := kbText(text); got != text || unread != nil || dups != nil || units != nil {
			t.Errorf("kbText changed %q", Clip(text, 20))
		}
	}
}

// TestKBCorrupted: in a corrupted copy (an entry repeated), a field with
// no 。 before the next header is the field of the entry before that
// header in the order of the ids (K-01…K-04), wherever the piece was
// moved: the unit and 已失效 before K-04 are K-03's, which is no measure;
// the last piece's unit is K-04's. The copy's sentences are read once and
// reported.
func TestKBCorrupted(t *testing.T) {
	text := `某区12345热线知识库 导出
导出时间：2022-07-15
----------
知识编号：K-02
知识标题：【社保】乙政策
答复口径：乙政策内容。
----------
知识编号：K-01
知识标题：【税费】甲政策
答复口径：甲政策内容。
乙政策内容。
承办单位：区金融办（联系人：王某，电话：0577-88000003）
状态：已失效
----------
知识编号：K-04
知识标题：【工业】丁政策
答复口径：丁政策内容。
承办单位：区税务局（联系人：张某，电话：0577-88000001）
----------
知识编号：K-02
知识标题：【社保】乙政策
答复口径：乙政策内容。
承办单位：区经信局（联系人：赵某，电话：0577-88000004）
----------
知识编号：K-03
知识标题：【金融】丙政策
答复口径：丙政策内容。
承办单位：区人社局（联系人：李某，电话：0577-88000002）
`
	g := parseText(text)
	want := map[string]string{
		"甲政策": "区税务局 张某 0577-88000001",
		"乙政策": "区经信局 赵某 0577-88000004",
		"丁政策": "区人社局 李某 0577-88000002",
	}
	if len(g.Measures) != 3 {
		t.Fatalf("%d measures", len(g.Measures))
	}
	for _, m := range g.Measures {
		title, _, _ := strings.Cut(m.Text, "：")
		if got := strings.Join(contactLines(&m), "；"); got != want[title] {
			t.Errorf("%s: %q, want %q", title, got, want[title])
		}
	}
	if len(g.Report.Duplicates) == 0 {
		t.Errorf("no copies reported")
	}
}

// TestKBCorruptedFollowUps: a corrupted copy interleaves copies of later
// pieces (each a header with its entry's first sentence) with the text's
// first sentences. A sentence after such a copied header, or after a
// header whose last copy breaks the order of the ids (a moved piece), is
// the entry's of the last header in place before it: 甲's second
// sentence stands after K-03's copied header, 乙's after K-05's moved one.
func TestKBCorruptedFollowUps(t *testing.T) {
	text := `某区12345热线知识库 导出
导出时间：2022-07-15
----------
知识编号：K-01
知识标题：【税费】甲政策
答复口径：甲政策每户补贴1万元。
承办单位：区乙局（联系人：李某，电话：0577-88000002）
----------
知识编号：K-03
知识标题：【金融】丙政策
答复口径：丙政策每户补贴3万元。
甲政策按季度发放。
承办单位：区甲局（联系人：张某，电话：0577-88000001）
----------
知识编号：K-02
知识标题：【社保】乙政策
答复口径：乙政策每户补贴2万元。
承办单位：区丁局（联系人：赵某，电话：0577-88000004）
----------
知识编号：K-05
知识标题：【工业】戊政策
答复口径：戊政策每户补贴5万元。
乙政策按月发放。
承办单位：区乙局（联系人：李某，电话：0577-88000002）
----------
知识编号：K-03
知识标题：【金融】丙政策
答复口径：丙政策每户补贴3万元。
丙政策一次发放。
承办单位：区丙局（联系人：王某，电话：0577-88000003）
----------
知识编号：K-04
知识标题：【商贸】丁政策
答复口径：丁政策每户补贴4万元。
丁政策年底发放。
承办单位：区丁局（联系人：赵某，电话：0577-88000004）
`
	g := parseText(text)
	want := map[string][]string{
		"甲政策": {"甲政策按季度发放。"},
		"乙政策": {"乙政策按月发放。"},
		"丙政策": {"丙政策一次发放。"},
		"丁政策": {"丁政策年底发放。"},
		"戊政策": nil,
	}
	if len(g.Measures) != len(want) {
		t.Fatalf("%d measures", len(g.Measures))
	}
	for _, m := range g.Measures {
		title, _, _ := strings.Cut(m.Text, "：")
		if !slices.Equal(m.Details, want[title]) {
			t.Errorf("%s: follow-ups %q, want %q", title, m.Details, want[title])
		}
	}
}

// TestKBPhoneList: the phone list entry is no measure, but each of its
// lines naming a unit is that unit's own line (Guide.Units), as written;
// the line naming none (其他事项请来电人拨打12345) is not.
func TestKBPhoneList(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/liutang-2023-kb-export/guide.txt")
	var got []string
	for _, c := range g.Units {
		got = append(got, c.Unit+" "+strings.Join(c.Phones, "、"))
	}
	want := []string{"区发改局 72811200", "区财政局 72815200", "区人社局 72812200", "区工信局 72813300", "区商务局 72817700", "区市场监管局 72811500"}
	if !slices.Equal(got, want) {
		t.Errorf("units %q, want %q", got, want)
	}
}
