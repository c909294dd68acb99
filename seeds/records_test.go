package seeds

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestJSONExport: a policy platform's JSON export reads as its records, in
// the order of the file and numbered 1..N in it, with the metadata's title,
// issuer, date and area code; the withdrawn record stays a measure that
// says so; the 说明's hotline is nobody's contact. (TestLayouts checks every
// measure's units, people and phones against the README.)
func TestJSONExport(t *testing.T) {
	g := mustParseFile(t, "testdata/formats/yunshan-2022-json-export/guide.txt")
	if g.Title != "汀川市云杉区助企纾困惠企政策清单" || g.Issuer != "汀川市云杉区发展和改革局" || g.Published != "2022-07-06" || g.AreaCode != "0593" {
		t.Errorf("title %q issuer %q published %q area code %q", g.Title, g.Issuer, g.Published, g.AreaCode)
	}
	if len(g.Sections) != 5 || g.Sections[1].Title != "金融支持" || g.Measure(6).Section != 2 || g.Measure(24).Section != 5 {
		t.Errorf("sections %+v", g.Sections)
	}
	for n, prefix := range map[int]string{
		1: "小规模纳税人免征增值税：自2022年4月1日",
		// Keys reversed, 序号 "（四）", \" and \u escapes.
		4: `"六税两费"减征：对增值税小规模纳税人、小型微利企业`,
		// <br/> inside a sentence joins its halves.
		6: "普惠小微贷款延期还本付息：对受疫情影响暂时出现还款困难的中小微企业和个体工商户，银行业金融机构",
		// 序号 "3" after 2, keys shuffled.
		8:  "应急转贷资金：",
		17: "水电气“不停供”：",
	} {
		if m := g.Measure(n); m == nil || !strings.HasPrefix(m.Text, prefix) {
			t.Errorf("measure %d: %+v", n, m)
		}
	}
	// The withdrawn record: still a measure, its state in its text.
	if m := g.Measure(5); !strings.Contains(m.Text, "已停止执行") {
		t.Errorf("measure 5: %q", m.Text)
	}
	// <p> paragraphs: the second a follow-up of the measure.
	if m := g.Measure(16); !slices.ContainsFunc(m.Details, func(d string) bool { return strings.HasPrefix(d, "转租、分租的") }) {
		t.Errorf("measure 16: %q", m.Details)
	}
	// &nbsp; is a space, no mark.
	if m := g.Measure(22); strings.Contains(m.Text, "&nbsp;") || strings.Contains(m.Text, "\u00a0") {
		t.Errorf("measure 22: %q", m.Text)
	}
	for _, m := range g.Measures {
		for _, c := range m.Contacts {
			if m.Number != 18 && slices.Contains(c.Phones, "12345") {
				t.Errorf("measure %d has the 说明's 12345: %q", m.Number, contactLines(&m))
			}
		}
	}
	// An 8-digit number is dialled with the metadata's area code.
	if got := g.Dial("68120233"); got != "0593-68120233" {
		t.Errorf("dial %q", got)
	}
	if len(g.Report.Unread) > 0 {
		t.Errorf("unread %v", g.Report.Unread)
	}
}

// TestJSONKeys: the records' fields are read by Chinese names, pinyin
// initials or English keys, from whatever key holds the list; an unknown
// key by its value; a JSON text that does not parse is left to the text
// readers unchanged.
func TestJSONKeys(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string // lines of the rewrite, in order
		same     bool     // the text comes back unchanged
	}{
		{name: "chinese keys", in: `{"code":0,"标题":"某区惠企政策","发布日期":"2022年6月1日","列表":[
			{"序号":1,"政策名称":"房租减免","政策内容":"对小微企业减免房租。","责任单位":"区国资委","联系人":"张三","联系电话":"010-12345678"},
			{"序号":2,"政策名称":"稳岗返还","政策内容":"返还失业保险费。","责任单位":"区人社局","联系电话":"12333"}]}`,
			want: []string{"某区惠企政策", "发布日期：2022-06-01", "1. 房租减免", "政策内容：对小微企业减免房租。", "责任单位：区国资委", "联系人：张三", "联系电话：010-12345678", "2. 稳岗返还", "咨询电话：12333"}},
		{name: "english keys nested", in: `{"status":"ok","result":{"issuer":"某区发改局","publishDate":1654041600000,"areaCode":"0571","rows":[
			{"title":"Loan interest","content":"对首贷企业给予贴息。","department":"区金融办","contact":"李四","phone":86001234},
			{"title":"Rent","content":"减免房租。","contacts":[{"unit":"区国资委","person":"王五","tel":"86001235"},{"unit":"区财政局","phone":"86001236"}]}]}}`,
			want: []string{"发布日期：2022-06-01", "来源：某区发改局。", "区号均为0571", "1. Loan interest", "联系人：李四", "联系电话：86001234",
				"2. Rent", "责任单位：区国资委、区财政局", "联系人：王五（区国资委）", "联系电话：86001235", "联系电话：86001236（区财政局）"}},
		{name: "pinyin and unknown keys", in: `[{"zcmc":"首贷贴息","zcnr":"对首次贷款的企业给予贴息。","xyz":"区金融办","abc":"0571-86001234","sfyx":"否"},
			{"zcmc":"房租","qq":"对承租国有房屋的服务业小微企业和个体工商户减免三个月租金，转租的落实到最终承租人。","lxfs":"赵六 86001237；钱七 86001238","zrdw":"区国资委"}]`,
			want: []string{"1. 首贷贴息（已停止执行）", "政策内容：对首次贷款的企业给予贴息。", "责任单位：区金融办", "咨询电话：0571-86001234",
				"2. 房租", "政策内容：对承租国有房屋", "责任单位：区国资委", "联系人：赵六", "联系电话：86001237", "联系人：钱七", "联系电话：86001238"}},
		{name: "metadata beside the list, contacts by other names", in: `{"code":0,"meta":{"bt":"某区政策清单","fbrq":"2022-05-20","qh":"0571"},"data":{"total":1,"list":[
			{"zcmc":"首贷贴息","zcnr":"对首贷企业给予贴息。","wjmc":"关于进一步支持中小微企业纾困发展若干措施的通知","zrdw":"区财政局<br/>区金融办",
			 "lxfs":[{"dwmc":"区财政局","name":"孙八","lxhm":"86001239"},{"dwmc":"区金融办","xm":"周九","sj":"13900001111"}]}]}}`,
			want: []string{"某区政策清单", "发布日期：2022-05-20", "区号均为0571", "1. 首贷贴息", "政策内容：对首贷企业给予贴息。\n责任单位：区财政局、区金融办", "联系人：孙八（区财政局）", "联系电话：86001239", "联系人：周九（区金融办）", "联系电话：13900001111"}},
		{name: "truncated", in: `{"code":200,"data":[{"zcmc":"房租减免","zcnr":"对小微企业减免房租。"},{"zcmc":"稳岗`, same: true},
		{name: "two documents", in: `{"data":[{"zcmc":"房租减免","zcnr":"对小微企业减免房租。"}]} {"x":1}`, same: true},
		{name: "no records", in: `{"code":200,"msg":"ok","data":[{"a":1},{"b":2}]}`, same: true},
		{name: "text", in: "1. 对小微企业减免房租。（责任单位：区国资委）", same: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := jsonText(tt.in)
			if tt.same {
				if got != tt.in {
					t.Errorf("rewritten: %q", got)
				}
				return
			}
			at := 0
			for _, w := range tt.want {
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("%q not found after %d in:\n%s", w, at, got)
				}
				at += i + len(w)
			}
		})
	}
}

// TestJSONInitials: the pinyin initials of the field names, every reading
// of a character with several.
func TestJSONInitials(t *testing.T) {
	for name, want := range map[string]string{
		"政策名称": "zcmc", "政策内容": "zcnr", "适用对象": "sydx", "办理方式": "blfs", "执行期限": "zxqx",
		"责任单位": "zrdw", "联系人": "lxr", "联系电话": "lxdh", "序号": "xh", "是否有效": "sfyx", "政策类别": "zclb",
	} {
		if got := initials(name); !slices.Contains(got, want) {
			t.Errorf("initials(%q) = %v, want %s among them", name, got, want)
		}
	}
	for key, role := range map[string]string{"zcmc": "title", "zcnr": "content", "zrdw": "unit", "lxr": "person", "lxdh": "phone",
		"dw": "unit", "dh": "phone", "zclb": "category", "sfyx": "valid", "Department": "unit", "contact_phone": "phone"} {
		if got := jsonKeys.record[keyName(key)].role; got != role {
			t.Errorf("%s: role %q, want %q", key, got, role)
		}
	}
	// A Chinese key with more words than a known name.
	for key, role := range map[string]string{"政策内容（摘要）": "content", "牵头责任单位": "unit", "申报截止": ""} {
		if got := containedRole(key).role; got != role {
			t.Errorf("%s: contained role %q, want %q", key, got, role)
		}
	}
}

// TestJSONTruncated: a truncated export goes to the text readers and
// parses without error or panic.
func TestJSONTruncated(t *testing.T) {
	src, err := os.ReadFile("testdata/formats/yunshan-2022-json-export/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, len(src) / 3, len(src) / 2, len(src) - 3} {
		if _, err := Parse(src[:n]); err != nil {
			t.Errorf("cut at %d: %v", n, err)
		}
	}
}
