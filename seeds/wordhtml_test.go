package seeds

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// wordSample is a small Word HTML page with each of Word's traps.
const wordSample = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\nxmlns:w=\"urn:schemas-microsoft-com:office:word\">\r\n" +
	"<head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"><title>旧标题（征求意见稿）</title>\r\n" +
	"<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>某某</o:Author></o:DocumentProperties></xml><![endif]--></head>\r\n" +
	"<body lang=ZH-CN><div style='mso-element:header' id=h1><p class=MsoHeader>政策咨询：0999-1111111</p></div>\r\n" +
	"<div class=WordSection1><p class=MsoTitle><span>甲区惠企</span><span>政策指引</span></p>\r\n" +
	"<p class=MsoNormal>甲区营商环境办公室　2022年6月1日</p>\r\n" +
	"<p class=MsoNormal>目　录</p><p class=MsoToc1><a href=\"#_Toc1\">一、财税政策</a><span style='display:none'>2</span></p>\r\n" +
	"<h1>一、财税政策</h1><h2>（税费减免）</h2>\r\n" +
	"<p class=MsoListParagraph style='mso-list:l0 level1\r\nlfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><b><span>减免租金。</span></b><span>对小微企\r\n业减免</span><del>3个月</del><ins>6个月</ins><span>租金<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\">[1]</a>。</span><span class=MsoCommentReference><a class=msocomanchor href=\"#_msocom_1\">[A1]</a></span>（责任单位：区财政局）<o:p></o:p></p>\r\n" +
	"</div><div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>脚注文字。</p></div></div>\r\n" +
	"<div style='mso-element:comment-list'><p class=MsoCommentText>批注：原稿为3个月。</p></div></body></html>\r\n"

// TestWordHTMLText: Word's markup reads as the text Word shows.
func TestWordHTMLText(t *testing.T) {
	if !isWordHTML(wordSample) {
		t.Fatal("not taken for Word HTML")
	}
	out, _, unread, _ := wordHTMLText(wordSample)
	if len(unread) > 0 {
		t.Errorf("unread %v", unread)
	}
	want := "甲区惠企政策指引\n发布日期：2022-06-01\n来源：甲区营商环境办公室。\n一、财税政策\n（一）税费减免\n1．减免租金。对小微企业减免6个月租金。（责任单位：区财政局）\n"
	if out != want {
		t.Errorf("read as\n%s\nwant\n%s", out, want)
	}
}

// TestWordHTMLOther: other pages and texts are no Word HTML and come back
// unchanged.
func TestWordHTMLOther(t *testing.T) {
	for _, s := range []string{
		"",
		"一、财税政策\n1. 减免租金。\n",
		"<!DOCTYPE html><html><body><p class=\"x\">（一）减免租金。</p></body></html>",
		"<p style='mso-bidi-font-family:宋体'>no Word class</p>",
	} {
		if out, _, _, _ := wordHTMLText(s); out != s {
			t.Errorf("%q changed: %q", s, out)
		}
	}
	// The HTML guides read before keep their reading (htmlText's).
	b, err := os.ReadFile("testdata/formats/zhewan-2022-html-page/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	if isWordHTML(string(b)) {
		t.Error("a browser-saved page taken for Word HTML")
	}
}

// TestWordContinueCount: typed bracket numbers continuing the list count
// are written in its form; a measure's steps and a sub-heading are not.
func TestWordContinueCount(t *testing.T) {
	in := []string{"1.   甲。", "2. 乙。", "3.丙。", "（二）小标题", "5．戊。", "4．丁。", "6. 己。", "（七）庚。", "（八）辛。", "2.5万元以下。"}
	out, n := wordContinueCount(in)
	want := []string{"1．甲。", "2．乙。", "3．丙。", "（二）小标题", "5．戊。", "4．丁。", "6．己。", "7．庚。", "8．辛。", "2.5万元以下。"}
	if n != 2 || !reflect.DeepEqual(out, want) {
		t.Errorf("%d %q", n, out)
	}
	steps := []string{"（一）甲。", "1. 步骤。", "2. 步骤。", "3. 步骤。", "（四）丁。"}
	if out, n := wordContinueCount(steps); n != 0 || out[4] != "（四）丁。" {
		t.Errorf("steps: %d %q", n, out)
	}
}

// TestWordHTMLGuide: the format guide reads as its README says.
func TestWordHTMLGuide(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/liulin-2022-word-htm/guide.txt")
	if g.Title != "陇川市柳林区助企纾困稳经济政策措施指引" || g.Issuer != "柳林区优化营商环境工作领导小组办公室" || g.Published != "2022-07-08" {
		t.Errorf("title %q, issuer %q, published %q", g.Title, g.Issuer, g.Published)
	}
	if len(g.Measures) != 20 || len(g.Sections) != 5 || len(g.Subsections) != 2 || len(g.Report.MissingText)+len(g.Report.MissingContact)+len(g.Report.Unread) > 0 {
		t.Fatalf("%d measures, %d sections, %d subsections; report %+v", len(g.Measures), len(g.Sections), len(g.Subsections), g.Report)
	}
	const he, pan, zhong, he2, lu = "区税务局 何军 0935-8211406", "区财政局 潘立新 8216630", "区人社局 钟敏 0935-8210018", "区社保中心 贺文斌 0935-8217720、18993510025", "区工信商务局 卢建华 0935-8212208"
	const long, zou, wan, fu, tang, lei = "区金融办 龚海燕 0935-8215590、15209350718", "区财政局 邹玉梅 0935-8216652", "区人社局 万国强 0935-8210027、13809351146", "区人社局 傅晓红 0935-8210033", "区就业服务局 汤红霞 0935-8218840", "区就业服务局 雷鸣 0935-8218852"
	contacts := map[int][]string{
		1: {he}, 2: {he}, 3: {"区税务局 纳税缴费服务热线 12366", pan}, 4: {zhong, he2}, 5: {zhong, he2},
		6: {"市住房公积金中心柳林管理部 罗丽君 0935-8219061"}, 7: {"区国资中心 殷涛 0935-8213305", pan}, 8: {lu, pan},
		9:  {lu, "国网陇川供电公司柳林供电服务中心 孔德明 0935-8225016、95598", "市供水集团柳林营业所 严芳 0935-8226117"},
		10: {long}, 11: {long, zou}, 12: {"区融资担保公司 章志远 0935-8215821"}, 13: {tang, lei, zou},
		14: {wan, fu, tang, lei}, 15: {wan, fu, tang, lei}, 16: {tang, lei}, 17: {"区工信商务局 llgxsw@163.com", zou},
		18: {"区文旅局 尹国庆 0935-8229930"}, 19: {"区市场监管局 吕超 0935-8214471", "区政务服务中心 毛晓雯 0935-8214400、0935-8214499"}, 20: {lu, zou},
	}
	leads := []string{"落实留抵退税政策。", "减免小规模纳税人增值税。", "减征“六税两费”。", "阶段性缓缴社会保险费。", "扩大社保缓缴范围。", "缓缴住房公积金。",
		"减免国有房屋租金。", "鼓励非国有房屋减租。", "降低用水用电用气成本。", "推动贷款延期还本付息。", "实施首贷续贷贴息。", "降低融资担保费率。",
		"扩大创业担保贷款支持。", "发放一次性留工培训补助。", "发放一次性扩岗补助。", "开展以工代训。", "发放柳林消费券。", "支持文旅企业纾困。",
		"证照到期延期办理。", "清理拖欠中小企业账款。"}
	sections := []int{1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 5}
	for n := 1; n <= 20; n++ {
		m := g.Measure(n)
		if m == nil {
			t.Errorf("measure %d missing", n)
			continue
		}
		if m.Text != leads[n-1] || m.Section != sections[n-1] {
			t.Errorf("measure %d: text %q section %d, want %q %d", n, m.Text, m.Section, leads[n-1], sections[n-1])
		}
		got := contactLines(m)
		slices.Sort(got)
		want := slices.Sorted(slices.Values(contacts[n]))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("measure %d: contacts %q, want %q", n, got, want)
		}
	}
	// The current text of tracked changes, sentences across a page break,
	// soft hyphens and spacerun spaces (a space the parser squeezes
	// between Chinese and Latin); no deletion, comment, footnote,
	// header phone or TOC page number.
	for n, want := range map[int]string{1: "在受理后2个工作日内办结", 8: "最高不超过30万元，申报截止时间为2022年11月30日", 15: "最长6个月；2022年新吸纳16—24岁失业青年的",
		2: "免征增值税", 17: "“云闪付”和“柳林通”APP", 11: "按LPR的30%", 5: "以个人身份参加"} {
		if all := strings.Join(g.Measure(n).Details, ""); !strings.Contains(all, want) {
			t.Errorf("measure %d: %q lacks %q", n, all, want)
		}
	}
	for _, m := range g.Measures {
		all := m.Text + strings.Join(m.Details, "") + strings.Join(contactLines(&m), "")
		for _, no := range []string{"[1]", "[2]", "[L1]", "5个工作日", "20万元", "9月30日", "\u00ad", "0935-8219999", "0935-8210011", "划型", "送审稿", "目录", "目　录", "税费减免）"} {
			if strings.Contains(all, no) {
				t.Errorf("measure %d holds %q", m.Number, no)
			}
		}
	}
	if g.Measure(3).Subsection != 1 || g.Measure(4).Subsection != 2 {
		t.Errorf("subsections: 3 in %d, 4 in %d", g.Measure(3).Subsection, g.Measure(4).Subsection)
	}
}

// TestWordHTMLScrambled: the format guide's corrupted copy reads as the
// clean guide.
func TestWordHTMLScrambled(t *testing.T) {
	dir := "testdata/formats/liulin-2022-word-htm"
	want, got := mustParseFile(t, filepath.Join(dir, "guide.txt")), mustParseFile(t, filepath.Join(dir, "scrambled-1.txt"))
	if got.Title != want.Title || got.Issuer != want.Issuer || got.Published != want.Published || len(got.Measures) != len(want.Measures) || len(got.Sections) != len(want.Sections) {
		t.Fatalf("scrambled: %q %q %q %d measures %d sections", got.Title, got.Issuer, got.Published, len(got.Measures), len(got.Sections))
	}
	for i, m := range want.Measures {
		o := got.Measures[i]
		if o.Number != m.Number || o.Text != m.Text || !reflect.DeepEqual(contactLines(&o), contactLines(&m)) || !reflect.DeepEqual(o.Lead, m.Lead) {
			t.Errorf("measure %d: %q %q %v, clean %q %q %v", m.Number, o.Text, contactLines(&o), o.Lead, m.Text, contactLines(&m), m.Lead)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "gen.py")); err != nil {
		t.Error(err)
	}
}
