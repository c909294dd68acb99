package seeds

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestOtherLayoutsAreNoPolicyLists: the embedded guide and every test guide
// in another layout than a policy list (the -fields format guide and
// daxing-2022), clean or scrambled, is left as it is, so it parses
// exactly as before fields.go.
func TestOtherLayoutsAreNoPolicyLists(t *testing.T) {
	texts := measuredGuides(t)
	seed, err := os.ReadFile("000_103e651360172d0c.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts["seed"] = seed
	for n := range measuredGuides(t) {
		if b, err := os.ReadFile(filepath.Join(filepath.Dir(n), "scrambled-1.txt")); err == nil {
			texts[filepath.Join(filepath.Dir(n), "scrambled-1.txt")] = b
		}
	}
	lists := 0
	for n, b := range texts {
		text, err := Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		out, _, ok := normalizeFields(text)
		switch {
		case strings.Contains(n, "-fields/") || strings.Contains(n, "/daxing-2022/"):
			lists++
			if !ok {
				t.Errorf("%s: not read as a policy list", n)
			}
		case ok || out != text:
			t.Errorf("%s: read as a policy list", n)
		}
	}
	if lists < 2 {
		t.Errorf("%d policy lists among the test guides", lists)
	}
}

// TestDutyLines: the contact shapes of a policy list become a duty block's
// 联系人 / 联系电话 lines; a contact without a phone is reported, not read.
func TestDutyLines(t *testing.T) {
	for _, tt := range []struct {
		value  string
		want   []string
		unread int
	}{
		{"韩某 010-69440000", []string{"联系人：韩某", "联系电话：010-69440000"}, 0},
		{"杜某，010-81490000", []string{"联系人：杜某", "联系电话：010-81490000"}, 0},
		{"张某（区税务局）010-69440001；李某（区财政局）010-81490002", []string{
			"联系人：张某（区税务局）", "联系电话：010-69440001", "联系人：李某（区财政局）", "联系电话：010-81490002"}, 0},
		{"010-69440003", []string{"联系电话：010-69440003"}, 0},
		// The next measure's number glued to the last phone stays for the
		// duty block's reader, which knows phones' lengths.
		{"王某 010-694400045. 下一条", []string{"联系人：王某", "联系电话：010-694400045. 下一条"}, 0},
		{"见区政府网站；赵某 12366", []string{"联系人：赵某", "联系电话：12366"}, 1},
		{"请登录区政府门户网站查询各单位的联系人和咨询方式以及办公地址等信息 010-69440005", nil, 1},
	} {
		got, unread := dutyLines("联系人及电话："+tt.value, tt.value)
		var lines []string
		if got != "" {
			lines = strings.Split(got, "\n")
		}
		if !reflect.DeepEqual(lines, tt.want) || len(unread) != tt.unread {
			t.Errorf("%s:\n got %q, %d unread\nwant %q, %d", tt.value, lines, len(unread), tt.want, tt.unread)
		}
	}
}

// listOf writes a small policy list around the given measure lines.
func listOf(measures ...string) string {
	return "北京市某区人民政府办公室关于印发政策清单的通知\n发布日期：2022-06-01\n为帮助企业纾困，制定本清单如下：\n一、财税政策\n" +
		strings.Join(measures, "\n") + "\n"
}

// TestPolicyListParse: titles open measures, fields stay with them, numbers
// inside fields are no measure numbers, unreadable contacts are reported.
func TestPolicyListParse(t *testing.T) {
	text := listOf(
		"1、 减免房屋租金", "政策内容：对承租国有房屋的小微企业减免3个月租金。", "适用对象：小微企业", "执行期限：2022年12月31日",
		"责任单位：区国资委、区财政局", "联系人及电话：甲某 010-69440011",
		"2、 贷款贴息", "支持内容：按利息的50%给予贴息。", "办理流程：1.提交申请。2.审核。939.审核后拨付。", "有效期：长期",
		"主管部门：区金融办", "联系方式：见附件",
		"3、 稳岗返还", "政策内容：中小微企业返还90%。", "兑现时间：2022年底", "咨询电话：12333",
		"4、 留工补助", "政策内容：每人500元。", "适用对象：中小微企业", "执行期限：2022年12月31日", "责任单位：区人力社保局",
	)
	g, err := Parse([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Measures) != 4 || g.MaxNumber() != 4 {
		t.Fatalf("%d measures, highest %d", len(g.Measures), g.MaxNumber())
	}
	want := []struct {
		text     string
		details  []string
		contacts []string
	}{
		{"减免房屋租金：对承租国有房屋的小微企业减免3个月租金。", []string{"适用对象：小微企业。", "执行期限：2022年12月31日。"},
			[]string{"区国资委 甲某 010-69440011"}},
		{"贷款贴息：按利息的50%给予贴息。", []string{"办理流程：（1）提交申请。", "（2）审核。", "（939）审核后拨付。", "有效期：长期。"}, []string{}},
		{"稳岗返还：中小微企业返还90%。", []string{"兑现时间：2022年底。"}, nil},
		// The same deadline as measure 1's, kept under each measure: the
		// field before the duty block is read with it. (Two identical
		// fields elsewhere are one sentence to the duplicate filter; the
		// last measure keeps it.)
		{"留工补助：每人500元。", []string{"适用对象：中小微企业。", "执行期限：2022年12月31日。"}, nil},
	}
	for i, w := range want {
		m := g.Measures[i]
		if m.Text != w.text || !reflect.DeepEqual(m.Details, w.details) {
			t.Errorf("measure %d: %q %q\nwant %q %q", m.Number, m.Text, m.Details, w.text, w.details)
		}
		if i < 2 && !reflect.DeepEqual(contactLines(&m), w.contacts) {
			t.Errorf("measure %d: contacts %q, want %q", m.Number, contactLines(&m), w.contacts)
		}
	}
	if got := contactLines(&g.Measures[2]); len(got) != 1 || !strings.HasSuffix(got[0], "12333") {
		t.Errorf("measure 3: contacts %q", got)
	}
	if got := g.Measures[1].Lead; !reflect.DeepEqual(got, []string{"区金融办"}) {
		t.Errorf("measure 2: lead %q", got)
	}
	if len(g.Report.Unread) != 1 || !strings.Contains(g.Report.Unread[0].Line, "见附件") {
		t.Errorf("unread %+v", g.Report.Unread)
	}
}

// TestLastMeasureBeforeClosingWords: the last measure's duty block is
// followed by the guide's closing words instead of ending the text. The
// block is still that measure's, its follow-ups stay with it, and the
// closing words follow no measure.
func TestLastMeasureBeforeClosingWords(t *testing.T) {
	body := []string{
		"1、 减免房屋租金", "政策内容：对承租国有房屋的小微企业减免3个月租金。", "适用对象：小微企业",
		"责任单位：区国资委", "联系人及电话：甲某 010-69440011",
		"2、 稳岗返还", "政策内容：中小微企业返还90%。", "兑现时间：2022年底", "咨询电话：12333",
		"3、 证照延续", "政策内容：许可证有效期届满的，可延期办理。对具备条件的事项推行告知承诺制。",
		"办理方式：通过政务服务网全程网办。", "责任单位：区市场监管局、区政务服务局",
	}
	tests := []struct {
		name    string
		closing string
	}{
		{"one closing sentence", "\n本清单由各责任单位负责解释。"},
		{"two closing sentences", "\n本清单由各责任单位负责解释。企业有其他疑问的，可拨打12345热线。"},
		{"no closing words", ""},
	}
	for _, tt := range tests {
		g, err := Parse([]byte(strings.TrimSuffix(listOf(body...), "\n") + tt.closing + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		m := g.Measure(3)
		if m == nil {
			t.Fatalf("%s: no measure 3", tt.name)
		}
		if want := []string{"区市场监管局", "区政务服务局"}; !reflect.DeepEqual(m.Lead, want) {
			t.Errorf("%s: measure 3 lead %q, want %q", tt.name, m.Lead, want)
		}
		if !slices.Contains(m.Details, "办理方式：通过政务服务网全程网办。") {
			t.Errorf("%s: measure 3 details %q lack its 办理方式", tt.name, m.Details)
		}
		for _, x := range g.Measures {
			for _, d := range x.Details {
				if strings.Contains(d, "12345") || strings.Contains(d, "负责解释") {
					t.Errorf("%s: closing words %q under measure %d", tt.name, d, x.Number)
				}
			}
		}
	}
}
