package seeds

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestShapeDirectory: read by its shape (the fallback a guide takes when
// the layout readers fail, as the sealed Word guide's (一)(二) sub-points
// made them), liuhu-2022-docx's contacts table, whose row numbers are only
// the rows' places (row 3 区人社局 beside a measure 3 naming 区税务局), is a
// directory: each measure gets the rows of the units it names, every row
// of a unit with two people, and the unit no measure names (区营商办) is
// the guide's own line. The exact phones per measure are the README's.
func TestShapeDirectory(t *testing.T) {
	b, err := os.ReadFile("testdata/formats/liuhu-2022-docx/guide.txt")
	if err != nil {
		t.Fatal(err)
	}
	text, _, _, _ := docxText(string(b))
	r := readByShape(text)
	var rep Report
	r.place(&rep)
	ms := r.measures()
	tax := []string{"区税务局 货物和劳务税科 庞立新 0517-83126605", "区税务局 纳税服务科 邬晓梅 0517-83126618"}
	hr := "区人社局 就业促进科 廉海燕 83521126、12333"
	fin := "区财政局 预算科 裘建国 0517-83128810"
	want := map[int][]string{
		1: tax, 2: append(tax[:2:2], fin), 3: tax, 4: append([]string{hr}, tax...), 5: {hr}, 6: {hr, fin},
		7:  {"区国资办 产权管理科 岑志强 83520377", fin},
		8:  {"柳湖供电服务中心 供电服务热线 95598"},
		9:  {"区融资担保公司 业务部 汤晓峰 13952366108"},
		10: {"区贸促会 综合科 lhccpit@163.com"},
		11: {"区商务局 商贸科 尹丽娟 0517-83560912"}, 12: {"区商务局 商贸科 尹丽娟 0517-83560912"},
		13: {"区交通运输局 运输管理科 焦海波 0517-83517746"},
		14: {"区文体旅局 旅游科 晏红 0517-83551809", "区市场监管局 登记注册科 滕卫 0517-83528803"},
		15: {"区市场监管局 登记注册科 滕卫 0517-83528803"},
	}
	lead := map[int][]string{2: {"区税务局", "区财政局"}, 4: {"区人社局", "区税务局"}, 11: {"区商务局", "各街道"}, 14: {"区文体旅局", "区市场监管局"}}
	if len(ms) != 15 {
		t.Fatalf("%d blocks, want 15", len(ms))
	}
	for _, m := range ms {
		if got := contactLines(&m); !reflect.DeepEqual(got, want[m.Number]) {
			t.Errorf("measure %d: %q, want %q", m.Number, got, want[m.Number])
		}
		if l, ok := lead[m.Number]; ok && !reflect.DeepEqual(m.Lead, l) {
			t.Errorf("measure %d: lead %q, want %q", m.Number, m.Lead, l)
		}
	}
	if len(r.units) != 1 || r.units[0].String() != "区营商办 综合协调科 柏洋 0517-83568100" {
		t.Errorf("units %v", r.units)
	}
	for _, u := range rep.Unread {
		t.Errorf("unread %v", u)
	}
}

// TestShapeTableByNumber: a table whose numbered rows name the units of
// the measures of their numbers is the measures' own contacts and is read
// by number, as before.
func TestShapeTableByNumber(t *testing.T) {
	text := strings.Join([]string{
		"某区关于印发若干措施的通知",
		"一、税费",
		"1．对小微企业减免房产税。（责任单位：区税务局）",
		"2．对企业发放稳岗补贴。（责任单位：区人社局）",
		"3．对承租国有房屋的企业减免租金。（责任单位：区国资办）",
		"4．对餐饮企业发放消费券。（责任单位：区商务局）",
		"附件",
		"序号\t责任单位\t联系人\t联系电话",
		"1\t区税务局\t甲某某\t010-61111111",
		"2\t区人社局\t乙某某\t010-62222222",
		"3\t区国资办\t丙某某\t010-63333333",
		"4\t区商务局\t丁某某\t010-64444444",
	}, "\n")
	r := readByShape(text)
	if r.numberedDirectory() {
		t.Fatalf("a per-measure table read as a directory")
	}
	var rep Report
	r.place(&rep)
	ms := r.measures()
	if len(ms) != 4 {
		t.Fatalf("%d blocks", len(ms))
	}
	for i, phone := range []string{"010-61111111", "010-62222222", "010-63333333", "010-64444444"} {
		if got := ms[i].Phones(); !reflect.DeepEqual(got, []string{phone}) {
			t.Errorf("measure %d: phones %v, want %s", i+1, got, phone)
		}
	}
}

// TestShapeDirectoryPlain: the same rule in a plain text: rows in another
// order than the measures are a directory, applied by unit.
func TestShapeDirectoryPlain(t *testing.T) {
	text := strings.Join([]string{
		"某区关于印发若干措施的通知",
		"一、税费",
		"1．对小微企业减免房产税。（责任单位：区税务局）",
		"2．对企业发放稳岗补贴。（责任单位：区人社局、区税务局）",
		"3．对承租国有房屋的企业减免租金。（责任单位：区国资办）",
		"4．对餐饮企业发放消费券。（责任单位：区商务局）",
		"附件",
		"序号\t责任单位\t联系人\t联系电话",
		"1\t区商务局\t丁某某\t010-64444444",
		"2\t区国资办\t丙某某\t010-63333333",
		"3\t区人社局\t乙某某\t010-62222222",
		"4\t区税务局\t甲某某\t010-61111111",
		"5\t区营商办\t戊某某\t010-65555555",
	}, "\n")
	r := readByShape(text)
	var rep Report
	r.place(&rep)
	ms := r.measures()
	want := [][]string{{"010-61111111"}, {"010-62222222", "010-61111111"}, {"010-63333333"}, {"010-64444444"}}
	if len(ms) != 4 {
		t.Fatalf("%d blocks", len(ms))
	}
	for i, w := range want {
		if got := ms[i].Phones(); !reflect.DeepEqual(got, w) {
			t.Errorf("measure %d: phones %v, want %v", i+1, got, w)
		}
	}
	if len(r.units) != 1 || r.units[0].Unit != "区营商办" {
		t.Errorf("units %v", r.units)
	}
}
