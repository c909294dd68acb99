package seeds

import (
	"slices"
	"strings"
	"testing"
)

// yamlSample is a small data file with Chinese keys: anchors and a merge
// key with an override, a folded condition, a commented-out item, items out
// of order, an unquoted area code and a bare 7-digit phone, and a second
// document whose FAQ restates measure 2 and whose changelog holds an old
// phone.
const yamlSample = `# 某区小程序数据
基本信息:
  标题: 某区惠企政策（小程序）
  发布单位: 某区人民政府办公室
  发布日期: 2022-06-01
  区号: 0931
联系人库:
  甲: &jia {单位: 区甲局, 科室: 综合科, 姓名: 张三, 电话: 8413533}
  乙: &yi {单位: 区乙局, 科室: 业务科, 姓名: 李四, 电话: "(0931)8460001"}
政策列表:
  - 序号: 2
    政策名称: 乙补贴
    政策内容: |
      对乙补贴。
    申报条件: >-
      符合条件的
      企业申请。
    责任单位: [区乙局]
    联系人: {<<: *yi, 电话: "0931－8460002"}
  - 序号: 1
    政策名称: “甲”减免
    政策内容: '对''甲''减免。'
    责任单位:
      - 区甲局
    联系人: [*jia, {热线: 12345}]
  # - 序号: 3
  #   政策名称: 丙补贴
  #   联系人: {单位: 区丙局, 姓名: 王五, 电话: "0931-8460003"}
  - 序号: 4
    政策名称: 丁补贴
    政策内容: 对丁补贴。
    联系人: *yi
---
常见问题:
  - 问: 乙补贴怎么办？
    答: >-
      向区乙局申请即
      可。
    政策编号: 2
    联系人: {单位: 区乙局, 科室: 业务科, 姓名: 李四, 电话: "0931-8460009"}
  - 问: 甲减免找谁？
    政策编号: 1
    联系人: {单位: 区甲局, 科室: 服务科, 姓名: 赵六, 电话: "0931-8460010"}
修改记录:
  - {版本: "1.1", 说明: 区乙局电话 0931-8469999 停用}
`

func TestYAMLText(t *testing.T) {
	out, unread, units, absent, _, copies := yamlText(yamlSample)
	for _, want := range []string{
		"某区惠企政策（小程序）\n发布日期：2022-06-01\n来源：某区人民政府办公室。\n联系电话未标注区号的，区号均为0931。",
		"1. “甲”减免\n政策内容：对'甲'减免。\n责任单位：区甲局\n咨询电话：12345\n联系人：张三（区甲局综合科）\n联系电话：0931-8413533",
		"2. 乙补贴\n政策内容：对乙补贴。\n申报条件：符合条件的企业申请。\n责任单位：区乙局\n联系人：李四（区乙局业务科）\n联系电话：0931-8460002；0931-8460009",
		"3. 空缺条目\n政策内容：第3条未列入数据文件。\n4. 丁补贴",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, no := range []string{"丙补贴", "王五", "8460003", "8469999", "即 可", "申请即", "赵六"} {
		if strings.Contains(out, no) {
			t.Errorf("%q read into\n%s", no, out)
		}
	}
	if len(unread) != 0 || len(copies) != 0 || !slices.Equal(absent, []int{3}) {
		t.Errorf("unread %v, copies %v, absent %v", unread, copies, absent)
	}
	if len(units) != 1 || units[0].String() != "区甲局 服务科 赵六 0931-8460010" {
		t.Errorf("units %v", units)
	}
	g := parseText(yamlSample)
	if len(g.Measures) != 3 || g.Issuer != "某区人民政府办公室" || g.Published != "2022-06-01" || g.Measure(3) != nil {
		t.Fatalf("%d measures, issuer %q, published %q", len(g.Measures), g.Issuer, g.Published)
	}
	if !slices.Equal(g.Report.Missing, []int{3}) {
		t.Errorf("missing %v", g.Report.Missing)
	}
	if m := g.Measure(4); m == nil || len(m.Contacts) != 1 || m.Contacts[0].String() != "区乙局 业务科 李四 0931-8460001" {
		t.Errorf("measure 4: %+v", m)
	}
}

// TestYAMLTextPinyin: pinyin-initial and English keys, a list numbered
// "第N条", a contact written as one string.
func TestYAMLTextPinyin(t *testing.T) {
	s := "title: 某区清单\nitems:\n  - xh: 第1条\n    zcmc: 甲补贴\n    zcnr: 对甲补贴。\n    zrdw: 区甲局\n    lxr: 区甲局, 张三, 0931-8460001\n" +
		"  - xh: 第2条\n    zcmc: 乙补贴\n    zcnr: 对乙补贴。\n    zrdw: 区乙局\n    lxr: 区乙局, 李四, 0931-8460002\n"
	out, _, _, _, _, _ := yamlText(s)
	for _, want := range []string{"1. 甲补贴\n政策内容：对甲补贴。\n责任单位：区甲局\n联系人：张三（区甲局）\n联系电话：0931-8460001", "2. 乙补贴"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// TestYAMLTextOther: a text that is no YAML policy list comes back
// unchanged: prose, a policy list, JSON, a YAML file of no policies.
func TestYAMLTextOther(t *testing.T) {
	for _, s := range []string{"", "1. 甲。\n责任单位：区甲局", "{\"a\": [{\"no\": 1, \"title\": \"x\"}]}",
		"name: ci\non: push\njobs:\n  build:\n    steps:\n      - name: checkout\n        uses: x\n      - name: test\n        run: go test\n",
		"标题：某区政策\n发布日期：2022年6月1日\n一、财税支持\n1. 甲补贴。联系人：张三 0931-8460001\n"} {
		if got, unread, units, absent, withdrawn, copies := yamlText(s); got != s || unread != nil || units != nil || absent != nil || withdrawn != nil || copies != nil {
			t.Errorf("%q read as %q", s, got)
		}
	}
}

// TestYAMLDamaged: a file that does not parse is read block by block and
// item by item; an item a corrupted copy spliced after its text keeps no
// field after it, and the item after it no contact.
func TestYAMLDamaged(t *testing.T) {
	s := "meta:\n  title: 某区\n  area_code: 0931\npolicies:\n" +
		"  - no: 1\n    title: 甲\n    content: |\n      对甲。'\n    contact: {unit: 区乙局, name: 李四, tel: \"0931-8460002\"}\n" +
		"  - no: 2\n    title: 乙\n    content: 对乙。\n    contact: {unit: 区甲局, name: 张三, tel: \"0931-8460001\"}\n" +
		"  - no: 3\n    title: 丙\n    content: \"对丙。\n\"\n" +
		"  - no: 4\n    title: 丁\n    content: '对丁。\n    contact: {unit: 区丁局, name: 钱七, tel: \"0931-8460004\"}\n" +
		"  - no: 5\n    title: 戊\n    content: 对戊。\n    contact: {unit: 区戊局, name: 孙八, tel: \"0931-8460005\"}\n"
	out, unread, _, _, _, _ := yamlText(s)
	for _, want := range []string{"1. 甲\n政策内容：对甲。\n2. 乙\n政策内容：对乙。\n3. 丙", "5. 戊\n政策内容：对戊。\n责任单位：区戊局\n联系人：孙八"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, no := range []string{"李四", "张三", "钱七"} {
		if strings.Contains(out, no) {
			t.Errorf("%q read into\n%s", no, out)
		}
	}
	if len(unread) < 3 {
		t.Errorf("unread %v", unread)
	}
}
