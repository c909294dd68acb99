package seeds

import (
	"reflect"
	"strings"
	"testing"
)

// TestMailText: which text is a mail thread, and what of it is the notice.
func TestMailText(t *testing.T) {
	const head = "发件人: \"甲\"<a@x.cn>\n发送时间: 2022年6月20日 上午9:47\n收件人: \"乙\"<b@x.cn>\n主题: 转发: 关于印发《某区若干措施》的通知\n"
	tests := []struct {
		name, text string
		want       []string // lines of the result
		unread     int
	}{
		{name: "not a mail: a notice", text: "某区若干措施\n1.减免房租。对企业减免。\n责任单位：区财政局\n",
			want: []string{"某区若干措施", "1.减免房租。对企业减免。", "责任单位：区财政局", ""}},
		{name: "not a mail: a sender line without a subject", text: "发件人：区政府办\n1.减免房租。\n",
			want: []string{"发件人：区政府办", "1.减免房租。", ""}},
		{name: "the quoted notice, its level and frames off",
			text: head + "附件：汇总表.xlsx (45K)\n\n各企业：\n    请学习。有问题找 甲 0731-88126645。\n\n--\n甲\n手机：13907316628\n\n" +
				"-------- 原始邮件 --------\n发件人: \"丙\"<c@x.cn>\n主题: 关于印发《某区若干措施》的通知\n\n" +
				"> > 一、税费\n> >\n> > 1.减免房租。对企业减免。\n> > 责任单位：区财政局\n> > 咨询电话：丁一 88995213\n",
			want: []string{"一、税费", "", "1.减免房租。对企业减免。", "责任单位：区财政局（联系人：丁一）", "咨询电话：88995213。", ""}},
		{name: "Outlook headers, >> without spaces, a disclaimer after",
			text: "From: 甲 <a@x.cn>\nSent: Thursday\nTo: 乙\nSubject: FW: 通知\n\n请转发。\n\n-----Original Message-----\nFrom: 丙\nSubject: 通知\n\n" +
				">> 1.减免房租。对企业减免。\n>> 2.缓缴社保。对企业缓缴。\n\nThis email is confidential.\n本邮件含保密信息，如误收请删除。\n",
			want: []string{"1.减免房租。对企业减免。", "2.缓缴社保。对企业缓缴。", "", ""}},
		{name: "a forwarded notice unquoted under the forwarder's note",
			text: "From: 甲\nSubject: FW: 通知\n\n请转发给会员企业。\n\n---------- Forwarded message ---------\nFrom: 丙\nDate: 2022年6月13日\nSubject: 通知\n\n" +
				"1.减免房租。对企业减免。\n2.缓缴社保。对企业缓缴。\n",
			want: []string{"1.减免房租。对企业减免。", "2.缓缴社保。对企业缓缴。", ""}},
		{name: "a disclaimer keeps a sentence glued to it; a notice line outside the notice is reported",
			text: head + "\n> > 3.缓缴社保。\n-------- 原始邮件 --------\n发件人: 丙\n主题: 通知\n\n" +
				"> > 1.减免房租。对企业减免。\n> > 2.缓缴社保。对企业缓缴。\n本邮件及其附件含有保密信息。对企业减免房租。如误收请删除本邮件！\n",
			want:   []string{"1.减免房租。对企业减免。", "2.缓缴社保。对企业缓缴。", "对企业减免房租。", ""},
			unread: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, unread := mailText(tt.text)
			if lines := strings.Split(got, "\n"); !reflect.DeepEqual(lines, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", lines, tt.want)
			}
			if len(unread) != tt.unread {
				t.Errorf("unread %v", unread)
			}
		})
	}
}

// TestMailUnwrap: a soft break and the lines a client wrapped are joined;
// short lines, labels, numbered and indented lines stay lines of their own.
func TestMailUnwrap(t *testing.T) {
	text := "发件人: 甲\n主题: 通知\n\n" +
		"> 1.减免房租。对承租区属国有企业房屋的服务业小微企业和个体工商户，减免=\n> 3个月租金；对承租区属国有企业房屋的服务业小微企业和个体工商\n> 户减免6个月租金。\n" +
		"> 责任单位：区人力资源和社会保障局（区社会保险服务中心）、国家税务总局某区税\n> 务局（社会保险费科）\n" +
		"> 咨询电话：区融资担保有限公司 贺军 0731-88996688；区金融办 杨帆 0731-8899\n> 6620\n" +
		"> 某区人民政府办公室\n> 2022年6月10日\n" +
		"> 2.缓缴社保。对受疫情影响的餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业\n>     可申请缓缴。\n> 3.延期还本付息。引导辖区银行机构对受疫情影响、暂时遇到困难的中小微企业贷款延期\n> 责任单位：区金融办\n"
	lines := []mailLine{}
	for _, l := range strings.Split(text, "\n")[3:] {
		m := mailQuote.FindStringSubmatch(l)
		if m == nil {
			lines = append(lines, mailLine{text: l})
			continue
		}
		lines = append(lines, mailLine{depth: strings.Count(m[1], ">"), text: l[len(m[0]):]})
	}
	got := unwrapMail(joinSoftBreaks(lines))
	want := []string{
		"1.减免房租。对承租区属国有企业房屋的服务业小微企业和个体工商户，减免3个月租金；对承租区属国有企业房屋的服务业小微企业和个体工商户减免6个月租金。",
		"责任单位：区人力资源和社会保障局（区社会保险服务中心）、国家税务总局某区税务局（社会保险费科）",
		"咨询电话：区融资担保有限公司 贺军 0731-88996688；区金融办 杨帆 0731-88996620", "某区人民政府办公室", "2022年6月10日",
		"2.缓缴社保。对受疫情影响的餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业", "    可申请缓缴。",
		"3.延期还本付息。引导辖区银行机构对受疫情影响、暂时遇到困难的中小微企业贷款延期", "责任单位：区金融办", ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestMailHead: the office and the 文号 above the title go, the date
// follows the title; the closing paragraphs move before the first section.
func TestMailHead(t *testing.T) {
	text := "发件人: 甲\n主题: 通知\n\n> 某区人民政府办公室\n>\n> 某政办发〔2022〕15号\n>\n> 某区人民政府办公室关于印发《某区若干措施》的通知\n>\n> 各单位：\n>     现印发给你们，请认真贯彻落实。\n>\n> 某区人民政府办公室\n> 2022年6月10日\n>\n" +
		"> 一、税费\n>\n> 1.减免房租。对企业减免。\n> 责任单位：区财政局\n> 咨询电话：12345\n>\n> 本措施有效期至2022年12月31日。\n> （注：以上咨询电话未标注区号的，区号均为0731。）\n"
	got, _ := mailText(text)
	want := []string{"某区人民政府办公室关于印发《某区若干措施》的通知", "发布日期：2022-06-10", "", "各单位：", "    现印发给你们，请认真贯彻落实。", "", "某区人民政府办公室", "",
		"本措施有效期至2022年12月31日。", "注：以上咨询电话未标注区号的，区号均为0731。", "",
		"一、税费", "", "1.减免房租。对企业减免。", "责任单位：区财政局", "咨询电话：12345。"}
	if lines := strings.Split(got, "\n"); !reflect.DeepEqual(lines, want) {
		t.Errorf("got\n%q\nwant\n%q", lines, want)
	}
	g := parseText(text)
	if g.Title != want[0] || g.Published != "2022-06-10" || g.AreaCode != "0731" || g.Term() == "" {
		t.Errorf("title %q published %q area code %q term %q", g.Title, g.Published, g.AreaCode, g.Term())
	}
}

// TestMailDuty: a unit line and the contact line after it become one pair
// per contact.
func TestMailDuty(t *testing.T) {
	for _, tt := range []struct {
		units, phones string
		want          []string
	}{
		// Person before the phone.
		{"区医保局", "周琳 0731-84721306", []string{"责任单位：区医保局（联系人：周琳）", "咨询电话：0731-84721306"}},
		// Person in brackets after the phone; a hotline joins the person.
		{"区税务局（货物和劳务税科）", "12366；0731-88232016（刘庆华）", []string{"责任单位：区税务局 货物和劳务税科（联系人：刘庆华）", "咨询电话：12366、0731-88232016"}},
		// Units named in the entries.
		{"区税务局（财产和行为税科）、区财政局", "区税务局 彭亮 88232041；区财政局 邓佳 0731-88995213", []string{
			"责任单位：区税务局 财产和行为税科（联系人：彭亮）", "咨询电话：88232041", "责任单位：区财政局（联系人：邓佳）", "咨询电话：0731-88995213"}},
		// Two units, two persons by position; notes on what a phone is for dropped.
		{"区发展和改革局、区住建局", "欧阳明 0731-88993105（用电）；肖勇 0731-88857202（用水、用气）", []string{
			"责任单位：区发展和改革局（联系人：欧阳明）", "咨询电话：0731-88993105", "责任单位：区住建局（联系人：肖勇）", "咨询电话：0731-88857202"}},
		// A sub-unit named by its own name; the other entry to the other unit.
		{"区交通运输局、区公安分局交警大队", "吴刚 0731-88854106；交警大队 88760122", []string{
			"责任单位：区交通运输局（联系人：吴刚）", "咨询电话：0731-88854106", "责任单位：区公安分局交警大队", "咨询电话：88760122"}},
		// Short names for full ones: by position.
		{"区人力资源和社会保障局、国家税务总局某区税务局", "区人社局 邹丽 82316045；区税务局 12366", []string{
			"责任单位：区人力资源和社会保障局（联系人：邹丽）", "咨询电话：82316045", "责任单位：国家税务总局某区税务局", "咨询电话：12366"}},
		// 同上 repeating two units' contacts for one of them.
		{"区金融服务中心", "区财政局 何小兰 0745-82316102；区金融服务中心 曹建华 0745-82316110", []string{
			"责任单位：区金融服务中心（联系人：曹建华）", "咨询电话：0745-82316110"}},
		// Units the line does not list: left as written.
		{"区人社局、区税务局", "区融资担保有限公司 贺军 0731-88996688；区金融办 杨帆 0731-88996620", []string{
			"责任单位：区人社局、区税务局", "咨询电话：区融资担保有限公司 贺军 0731-88996688；区金融办 杨帆 0731-88996620"}},
		// Words that are no contact: left as written.
		{"区财政局", "详见区财政局网站通知 88995213", []string{"责任单位：区财政局", "咨询电话：详见区财政局网站通知 88995213"}},
		{"区财政局", "另行通知", []string{"责任单位：区财政局", "咨询电话：另行通知"}},
	} {
		got := mailDuty([]string{"责任单位：" + tt.units, "咨询电话：" + tt.phones})
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s / %s:\n got %q\nwant %q", tt.units, tt.phones, got, tt.want)
		}
	}
}

// TestMailSameAbove: "同上" repeats the nearest line above with its label.
func TestMailSameAbove(t *testing.T) {
	got := mailSameAbove([]string{"责任单位：区人社局（区就业服务中心）", "咨询电话：罗建军 0731-88870536", "责任单位：区人社局", "咨询电话：同上", "联系电话：同上",
		"责任单位：区财政局", "咨询电话：同上"})
	// The last: the unit above is another (a corrupted copy's line).
	want := []string{"责任单位：区人社局（区就业服务中心）", "咨询电话：罗建军 0731-88870536", "责任单位：区人社局", "咨询电话：罗建军 0731-88870536", "联系电话：同上",
		"责任单位：区财政局", "咨询电话：同上"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}
