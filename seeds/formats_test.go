package seeds

import (
	"encoding/json"
	"flag"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"policybot/seeds/scramble"
)

var update = flag.Bool("update", false, "rewrite the scrambled copies under testdata")

// contactLine is a contact as Contact.String writes it.
func contactLines(m *Measure) []string {
	out := []string{}
	for _, c := range m.Contacts {
		out = append(out, c.String())
	}
	return out
}

// TestFormats reads one guide written in each format of shared/formats:
// the right measures, units, people, phones (exact), hours, e-mails,
// lead/support units and report entries.
func TestFormats(t *testing.T) {
	type measure struct {
		n        int
		text     string // prefix
		details  int
		lead     string
		support  string
		contacts []string
		doubtful int
	}
	tests := []struct {
		dir, issuer, published, areaCode string
		count                            int
		measures                         []measure
		warnings                         []string // kinds the report must have
		sections                         int
		// closingWords is the closing section's sentence count: its
		// paragraphs are its text, orphans Unattached by design (see
		// closingSection). byContent are the follow-ups placed by content
		// that position does not settle (see the guide's entry).
		closingWords, byContent int
		// byBlock are the follow-ups placed before a measure's contact
		// block: a table row by number whose contact the measure's own
		// clause does not match (fengqiao-2022-odt's hotline row).
		byBlock int
		// absent are the numbers the guide leaves out (an item
		// commented out of a data file): reported missing, no measure.
		absent []int
		// withdrawn are the numbers an export marks withdrawn: numbered
		// up to count, not measures (see xmlText).
		withdrawn []int
	}{
		{dir: "fangshan-2022-duty", issuer: "北京市房山区人民政府办公室", published: "2022-06-20", areaCode: "010", count: 10, sections: 3,
			measures: []measure{
				{n: 1, text: "对符合条件的小微企业", lead: "区税务局", contacts: []string{"区税务局 货物和劳务税科 12366 （工作日9:00—17:00）"}},
				{n: 2, text: "对餐饮、零售、旅游", details: 1, lead: "区人力社保局、区税务局", contacts: []string{
					"区人力社保局 社保中心征缴科 69361274、69361288 （工作日8:30—12:00,13:30—17:30）",
					"区税务局 社会保险费科 12366 （工作日9:00—17:00）"}},
				{n: 3, details: 1, lead: "北京住房公积金管理中心房山管理部", contacts: []string{"北京住房公积金管理中心房山管理部 归集科 89350615"}},
				{n: 6, lead: "区金融办、区财政局", contacts: []string{"区金融办 金融服务科 89350188 （工作日9:00—17:00）", "区财政局 金融科 69362310"}},
				{n: 10, text: "区属国有企业2022年新招聘", lead: "区国资委", contacts: []string{"区国资委 组织人事科 81312290"}},
			}},
		{dir: "huangpi-2022-table", published: "2022-07-05", count: 9, sections: 3,
			measures: []measure{
				{n: 1, text: "服务业发展引导资金奖励", details: 1, lead: "区发改局", contacts: []string{"区发改局 服务业发展科 周晓梅 027-61009231"}},
				{n: 2, details: 2, lead: "区经信局", contacts: []string{"区经信局 工业运行科 程立军 027-61009245"}},
				{n: 7, details: 2, lead: "区文旅局", contacts: []string{"区文旅局 产业发展科 熊伟 13907161234"}},
				// An empty 联系人 cell.
				{n: 8, text: "政府采购预留份额", details: 2, lead: "区财政局", contacts: []string{"区财政局 政府采购科 027-61009188"}},
			}},
		{dir: "xicheng-2020-paren", issuer: "北京市西城区人民政府办公室", published: "2020-02-25", count: 8, sections: 3,
			warnings: []string{WarnPhoneAttribution},
			measures: []measure{
				{n: 1, text: "对承租区属国有企业经营用房", details: 3, lead: "区国资委", contacts: []string{"区国资委 010-66015532"}},
				{n: 2, text: "自2020年2月起", details: 4, lead: "区市场监管局", contacts: []string{"区市场监管局 tzsbjy@xcsjj.gov.cn"}},
				// Two units, one phone: kept, the unit unknown, reported.
				{n: 3, lead: "区商务局、区财政局", contacts: []string{"010-66019873"}},
				// Numbered anew in section 二: （一） is measure 4.
				{n: 4, text: "引导区内银行机构", lead: "区金融办", contacts: []string{"区金融办 010-66015208"}},
				{n: 7, lead: "区经信局", contacts: []string{"区经信局 fyzj@xcjxj.gov.cn"}},
				{n: 8, text: "各类企业服务事项", lead: "区政务服务局", contacts: []string{}},
			}},
		{dir: "shijingshan-2020-duty-line", issuer: "北京市石景山区人民政府办公室", published: "2020-04-28", count: 9, sections: 3,
			warnings: []string{WarnPhoneAttribution},
			measures: []measure{
				{n: 1, text: "全面压实工作责任。", details: 2, lead: "全区各单位", contacts: []string{}},
				// Two units, one phone without its unit: the first-named
				// unit's, reported; never shown under 区经信局.
				{n: 2, details: 1, lead: "区发改委、区经信局", contacts: []string{"区发改委 010-68869102"}},
				{n: 3, details: 1, lead: "区国资委", contacts: []string{"区国资委 王建华 010-68863317"}},
				{n: 4, lead: "区税务局", contacts: []string{"区税务局 12366"}},
				{n: 7, lead: "中关村石景山园管委会", contacts: []string{"中关村石景山园管委会 刘洋 13801102367"}},
				{n: 8, lead: "区财政局", contacts: []string{}},
			}},
		// A policy list: a title line, then labelled fields (see fields.go).
		{dir: "shunyi-2022-fields", issuer: "北京市顺义区人民政府办公室", published: "2022-06-28", count: 32, sections: 5,
			warnings: []string{WarnPhoneAttribution},
			measures: []measure{
				// The title and the content are the measure's text.
				{n: 2, text: "减免“六税两费”：对增值税小规模纳税人", details: 3, lead: "区税务局", contacts: []string{"区税务局 12366"}},
				// Two contacts, each bracketed unit naming its own phone.
				{n: 4, text: "房产税和城镇土地使用税困难减免：", details: 3, lead: "区税务局、区财政局", contacts: []string{
					"区税务局 陶雪梅 010-69448211", "区财政局 钱志刚 010-81492235"}},
				{n: 5, details: 3, lead: "区财政局", contacts: []string{"区财政局 杜文静 010-81492248"}},
				// One unbracketed contact under two units: the first unit's.
				{n: 13, details: 3, lead: "区人力社保局、区金融办", contacts: []string{"区人力社保局 罗晓光 010-69443790"}},
				{n: 14, details: 3, lead: "区人力社保局", contacts: []string{"区人力社保局 010-69443755"}},
				// Steps "1." "2." "3." inside 办理流程 are no measures.
				{n: 15, text: "应急转贷资金支持：", details: 5, lead: "区金融办", contacts: []string{"区金融办 范思远 010-69445102"}},
				{n: 19, details: 3, lead: "区金融办", contacts: []string{}},
				{n: 24, details: 3, lead: "区商务局", contacts: []string{"区商务局 12345"}},
				// "执行期限：2022年12月31日" also ends measures 1 and 25: each
				// keeps its own, read with the duty block after it.
				{n: 1, details: 3, lead: "区税务局", contacts: []string{"区税务局 12366"}},
				{n: 22, details: 3, lead: "区文化和旅游局", contacts: []string{"区文化和旅游局 姜一帆 010-69447630"}},
				{n: 28, details: 3, lead: "区经济和信息化局、区国资委", contacts: []string{
					"区经济和信息化局 彭国栋 010-69446021", "区国资委 韩立伟 010-69441327"}},
			}},
		{dir: "panlong-2016-inline", issuer: "昆明市盘龙区人民政府", published: "2016-11-18", count: 9, sections: 3,
			measures: []measure{
				{n: 1, text: "精简投资项目审批环节。", details: 2, lead: "区政务服务局", support: "区发改局、区住建局、区级相关部门",
					contacts: []string{"区政务服务局 审批协调科 李明 0871-65123401"}},
				// The clause before the final 。 of a follow-up.
				{n: 2, details: 1, lead: "区政务服务局", support: "区级各审批部门", contacts: []string{"区政务服务局 审批协调科 李明 0871-65123401"}},
				{n: 3, details: 1, lead: "区住建局", contacts: []string{"区住建局 建筑业管理科 赵云 0871-65123455"}},
				{n: 4, details: 2, lead: "区工信局", support: "区财政局、区统计局", contacts: []string{"区工信局 中小企业科 王芳 0871-65123470、0871-65123471"}},
				// "…等部门，各街道办事处配合"; 区旅游局 is not in the appendix.
				{n: 8, details: 1, lead: "区旅游局", support: "区财政局、区商务局、各街道办事处", contacts: []string{}},
			}},
		// Inline clauses, contacts only in an appendix table one cell per
		// line (序号 / 牵头单位 / 联系人 / 联系电话): the table is a
		// directory of lead units, not measures.
		{dir: "songhua-2017-inline-table", issuer: "昆明市松华区人民政府", published: "2017-04-12", count: 29, sections: 5,
			measures: []measure{
				{n: 1, text: "推行投资项目承诺制。", details: 1, lead: "区政务服务局", support: "区发改局、区住建局",
					contacts: []string{"区政务服务局 杨慧敏 0871-63318201"}},
				// Two lead units, the clause before the final 。.
				{n: 2, details: 1, lead: "区政务服务局、区市场监管局", support: "区税务局、区人社局",
					contacts: []string{"区政务服务局 杨慧敏 0871-63318201", "区市场监管局 王海燕 0871-63318312"}},
				{n: 4, details: 1, lead: "区营商环境办", contacts: []string{"区营商环境办 刘佳 0871-63318355、12345"}},
				{n: 5, details: 1, lead: "区营商环境办", support: "各街道办事处", contacts: []string{"区营商环境办 刘佳 0871-63318355、12345"}},
				// A row with a hotline and no person.
				{n: 11, details: 1, lead: "区税务局", contacts: []string{"区税务局 12366"}},
				{n: 18, details: 1, lead: "住房公积金松华管理部", contacts: []string{"住房公积金松华管理部 周丽 12329"}},
				{n: 20, details: 1, lead: "区商务局、区财政局", support: "区市场监管局、各街道办事处",
					contacts: []string{"区商务局 段志强 0871-63318246", "区财政局 普丽华 0871-63318252"}},
				// A lead unit the table does not list.
				{n: 25, details: 1, lead: "区自然资源局", support: "区工信局、区投资促进局", contacts: []string{}},
				// The last clause, followed by 附件 without a 。 between.
				{n: 29, details: 1, lead: "区发改局", support: "区财政局、区住建局", contacts: []string{"区发改局 施建国 0871-63318215"}},
			}},
		// Measures only in tables, one per section, each under its title
		// with the header again; a blank line after each row.
		// Subtitle files (SRT) of explainer videos: measures only in
		// speech, contacts in each file's closing list (see
		// normalizeSubtitles).
		{dir: "liuwan-2022-subtitles", issuer: "柳湾区融媒体中心", published: "2022-09-15", areaCode: "0599", count: 13, sections: 3,
			warnings: []string{WarnPersonPhones},
			measures: []measure{
				// A caption's title; the speaker's contact.
				{n: 1, text: "吸纳就业补贴。", details: 3, lead: "区人力资源和社会保障局", contacts: []string{"区人力资源和社会保障局 就业科 孔丽华 0599-6231508"}},
				// Opened by the host's question; the unit the answer names.
				{n: 3, text: "高校毕业生见习有什么政策？", details: 2, lead: "区就业服务中心", contacts: []string{"区就业服务中心 吴海燕 0599-6231577"}},
				// The list's topic line, not the speaker.
				{n: 4, text: "职业技能提升", details: 3, lead: "区人社局", contacts: []string{"区人社局 职业能力建设科 韦建平 0599-6231526"}},
				// The host's "那……呢" and its answer continue it.
				{n: 6, text: "贷款贴息", details: 2, lead: "区财政局", contacts: []string{"区财政局 金融科 蒋文 0599-6232210"}},
				// A phone said in passing, in no list.
				{n: 7, text: "企业找不到担保怎么办？", details: 3, lead: "区金融办", contacts: []string{"区金融办 侯志远 0599-6238803"}},
				// Cues out of order: the later one's words stay here.
				{n: 10, text: "线上经营补贴", details: 3, lead: "区商务局", contacts: []string{"区商务局 流通科 钟敏 0599-6238506"}},
				// Opened after a referral; a short name and a company's.
				{n: 12, text: "水电费这一块", details: 2, lead: "区城市管理局、国网柳湾供电公司", contacts: []string{"区城市管理局 唐强 0599-6236620", "国网柳湾供电公司 95598"}},
				// The host's own; a phone in Chinese numerals.
				{n: 13, text: "个体户，房租补助", lead: "区商务局", contacts: []string{"区商务局 流通科 钟敏 0599-6238506"}},
			}},
		// A notice forwarded by e-mail, quoted with ">>" under the
		// forwarder's note and signature (see mailText).
		{dir: "zhian-2022-mail-thread", issuer: "沅川市芷岸区人民政府办公室", published: "2022-07-11", areaCode: "0745", count: 8, sections: 3,
			measures: []measure{
				// A department in brackets follows its unit.
				{n: 1, text: "减免小微企业房租。", details: 1, lead: "区国资事务中心", contacts: []string{"区国资事务中心 产权管理股 唐志明 0745-82316021"}},
				// Short unit names in the contact line, a hotline alone;
				// the body wrapped inside a word.
				{n: 2, text: "缓缴社会保险费。", details: 1, lead: "区人力资源和社会保障局、国家税务总局沅川市芷岸区税务局", contacts: []string{
					"区人力资源和社会保障局 邹丽 82316045", "国家税务总局沅川市芷岸区税务局 12366"}},
				// The person in brackets after the phone.
				{n: 3, details: 1, lead: "区税务局", contacts: []string{"区税务局 财产行为税股 陈思远 82316077"}},
				// A phone wrapped after its area code and three digits.
				{n: 4, details: 1, lead: "区财政局、区金融服务中心", contacts: []string{"区财政局 金融股 何小兰 0745-82316102", "区金融服务中心 曹建华 0745-82316110"}},
				// 同上: the contact of its unit among the two above.
				{n: 5, details: 2, lead: "区金融服务中心", contacts: []string{"区金融服务中心 曹建华 0745-82316110"}},
				{n: 7, details: 1, lead: "区人社局、区总工会", contacts: []string{"区人社局 职业能力建设股 罗文 82316058", "区总工会 彭娟 82316190"}},
				{n: 8, details: 1, lead: "区政务服务中心", contacts: []string{"区政务服务中心 12345"}},
			}},
		{dir: "qingxi-2022-tables", published: "2022-07-12", count: 34, sections: 10,
			measures: []measure{
				{n: 1, text: "服务业发展引导资金奖励。对年营业收入", details: 1, lead: "区发改委", contacts: []string{"区发改委 服务业科 韩雪松 010-69521108"}},
				// 备注 with text: a second detail.
				{n: 3, details: 2, lead: "区科委", contacts: []string{"区科委 科技发展科 宋婉清 010-69521136"}},
				// The last row of the first table.
				{n: 4, text: "限额以上商贸企业入库奖励。", details: 1, lead: "区商务局", contacts: []string{"区商务局 商贸流通科 曹海峰 010-69521147"}},
				// Two units, a department, a person and a phone for each.
				{n: 6, details: 1, lead: "区税务局、区财政局", contacts: []string{
					"区税务局 财产和行为税科 高建新 010-69521366", "区财政局 税政科 马丽娟 010-69523308"}},
				{n: 7, details: 2, lead: "区税务局", contacts: []string{"区税务局 税政一科 12366"}},
				{n: 10, details: 1, lead: "区人力社保局", contacts: []string{"区人力社保局 就业促进科 石磊 010-69522236、12333"}},
				// "/" for the person and the phone.
				{n: 11, details: 2, lead: "区人力社保局", contacts: []string{"区人力社保局 社保中心征缴科"}},
				{n: 28, details: 2, lead: "区政务服务局", contacts: []string{"区政务服务局 审批协调科 12345"}},
				{n: 31, details: 1, lead: "区农业农村局", contacts: []string{"区农业农村局 计划财务科"}},
				{n: 34, text: "企业服务包。", details: 1, lead: "区经信局", contacts: []string{"区经信局 中小企业科 邓立新 010-69521125、010-69521126"}},
			}},
		// The raw RTF source of a Word document (see rtfText): GBK escapes,
		// \uN under \uc0, \uc1 and \uc2, a contact table per section whose
		// 序号 counts anew and whose rows name measures by title (see
		// numberRowsByTitle), inline contacts after \line and \tab, a
		// footnote holding an end date, a hyperlink field.
		{dir: "songxi-2022-rtf", areaCode: "0851", count: 10, sections: 3,
			measures: []measure{
				{n: 1, text: "缓缴房产税。", details: 1, lead: "区税务局", contacts: []string{"区税务局 罗建新 0851-86230412"}},
				// Two units, people and phones one a line in their cells.
				{n: 2, text: "“两费”减免。", details: 1, lead: "区税务局、区财政局", contacts: []string{"区税务局 罗建新 0851-86230412", "区财政局 彭玉 86231150"}},
				// No row: the contact written in the article.
				{n: 3, details: 1, lead: "区财政局", contacts: []string{"区财政局 采购办 0851-86231177"}},
				// The footnote, with the end date, a detail of its article.
				{n: 4, details: 2, lead: "区人力社保局", contacts: []string{"区人力社保局 龙婷 0851-86234460"}},
				// Written as \uN under \uc0; the second table's first row.
				{n: 5, text: "应急转贷。", details: 1, lead: "区金融服务中心", contacts: []string{"区金融服务中心 杨柳 0851-86239011"}},
				{n: 6, details: 1, lead: "人行松溪支行、区金融服务中心", contacts: []string{"人行松溪支行 石磊 0851-86225560", "区金融服务中心 杨柳 0851-86239011"}},
				// \uN with two fallback bytes under \uc2.
				{n: 8, text: "消费券发放。", details: 1, lead: "区商务局", contacts: []string{"区商务局 田甜 0851-86228810"}},
				// A hotline alone after \line.
				{n: 10, details: 1, contacts: []string{"12345"}},
			}},
		// A policy library's XML export (see xmlText): a default and a
		// prefixed namespace, the title in dc:title, records by category
		// and id (numbered by seq), one group minified onto a line, HTML
		// content XML-escaped (&amp;ldquo; &amp;nbsp;) or in CDATA (spans,
		// <br/>), a withdrawn record (17), contacts only in a directory
		// after the records: two phones of one person, an e-mail alone, a
		// hotline without a person, a stale phone in a comment, phones
		// (0458)…, "0458 …", 0458－…, bare 8 digits.
		{dir: "songlan-2022-xml", issuer: "黑川市松岚区人民政府办公室", published: "2022-06-16", count: 22, sections: 6, withdrawn: []int{17},
			measures: []measure{
				{n: 1, text: "增值税留抵退税：对符合条件的小微企业", details: 4, lead: "区税务局", support: "区财政局", contacts: []string{"区税务局 货物和劳务税科 潘志远 0458-86271135", "区财政局 预算科 邹丽娟 0458-86213528"}},
				// The hotline alone: its own name is the contact's unit
				// (and joins the lead units).
				{n: 2, text: "“六税两费”减征：", details: 4, lead: "区税务局、纳税缴费服务热线", contacts: []string{"纳税缴费服务热线 12366"}},
				// A bare 8-digit number.
				{n: 3, details: 3, lead: "区税务局", support: "区财政局、区住建局", contacts: []string{"区税务局 财产和行为税科 谭春华 86271147"}},
				// &amp;ldquo; in escaped HTML; one person's two phones.
				{n: 4, text: "失业保险稳岗返还“免申即享”：", details: 4, lead: "区人社局", contacts: []string{"区人社局 失业保险科 韦海峰 0458-53615530、13904581273"}},
				// &amp;nbsp; paragraphs; the current phone, not the one
				// the comment says was stopped; (0458)86271162.
				{n: 5, text: "阶段性缓缴社会保险费：对餐饮", details: 4, lead: "区社保中心", support: "区税务局、区人社局", contacts: []string{"区社保中心 登记征缴科 廖秀英 0458-53615517", "区税务局 社会保险费科 石建军 0458-86271162"}},
				// "0458 86617723"; the attachment is not read.
				{n: 6, details: 2, lead: "区就业服务中心", contacts: []string{"区就业服务中心 职业指导科 黎思远 0458-86617723"}},
				// In the minified group; 0458－86213541 (full-width hyphen).
				{n: 9, text: "设立应急转贷资金：", details: 3, lead: "区金融服务中心", support: "区财政局", contacts: []string{"区金融服务中心 综合科 薛艳 0458-86211256", "区财政局 金融科 雷敏 0458-86213541"}},
				{n: 10, text: "降低融资担保费率：区融资担保公司对小微企业和个体工商户新增担保业务担保费率降至1%以下", details: 2, lead: "区融资担保公司", contacts: []string{"区融资担保公司 业务一部 殷宏伟 0458-53678210"}},
				// A hotline beside a person.
				{n: 12, details: 1, lead: "区发改局、区燃气服务热线", support: "国网黑川市松岚供电中心、区供水公司", contacts: []string{"国网黑川市松岚供电中心营销部 毛国庆 0458-53683315", "区燃气服务热线 0458-86217799"}},
				{n: 16, details: 3, lead: "区文旅局", contacts: []string{"区文旅局 市场管理科 孔凡华 0458-86219146", "区文旅局 产业发展科 柳杨 0458-86219152"}},
				// After the withdrawn 17; a span cutting a range.
				{n: 18, text: "货车通行费补助：对在本区注册的道路货运企业所属货车，按ETC通行费实际支出的10%—15%给予补助", details: 2, lead: "区交通运输局、区物流保通保畅工作专班（24小时）", support: "区物流保通保畅工作专班（24小时）", contacts: []string{"区交通运输局 运输管理科 常勇 0458-86218320", "区物流保通保畅工作专班（24小时） 0458-86218300"}},
				// An e-mail alone.
				{n: 20, details: 3, lead: "区商务局", contacts: []string{"区商务局 slswjwmk@163.com"}},
				// A mobile alone.
				{n: 21, details: 1, lead: "区发改局", contacts: []string{"区发改局 信用建设科 卢文静 13845861027"}},
			}},
		// A policy calendar exported as iCalendar (see icsText): folded
		// lines (inside a word, an escape, a phone, 【第32项】), TEXT
		// escapes, events in date order, two events for one measure,
		// unnumbered SUMMARYs numbered by X-…ITEMNO and 政策原文（第N项）,
		// VALARM reminders, a catch-all event holding two measures.
		// A .docx's word/document.xml (see docxText): measures numbered
		// only by automatic list numbering across headings, another list
		// before them and a third after, runs cut inside words and phones,
		// tracked changes, a comment range, a soft break, continuation
		// paragraphs (typed （一）（二） sub-points: no headings), and the
		// contacts only in a table: a unit over two rows under one merged
		// 序号, two numbers in a cell, a hotline row, a mailto field,
		// phones (0517)…, "0517 …", 0517－…, bare 8 digits, a mobile.
		{dir: "liuhu-2022-docx", issuer: "淮川市柳湖区人民政府办公室", published: "2022-06-16", count: 15, sections: 5, closingWords: 1,
			measures: []measure{
				{n: 1, text: "对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额", lead: "区税务局", contacts: []string{
					"区税务局 货物和劳务税科 庞立新 0517-83126605", "区税务局 纳税服务科 邬晓梅 0517-83126618"}},
				// The comment's range is text; its reference is none.
				{n: 3, text: "对受疫情影响生产经营困难的纳税人，可申请减免2022年第二季度房产税、城镇土地使用税，申请截止日期为2022年9月30日。", lead: "区税务局", contacts: []string{
					"区税务局 货物和劳务税科 庞立新 0517-83126605", "区税务局 纳税服务科 邬晓梅 0517-83126618"}},
				// A title sentence, then two typed sub-points.
				{n: 4, text: "阶段性缓缴社会保险费。", details: 2, lead: "区人社局、区税务局", contacts: []string{
					"区人社局 就业促进科 廉海燕 83521126、12333", "区税务局 货物和劳务税科 庞立新 0517-83126605", "区税务局 纳税服务科 邬晓梅 0517-83126618"}},
				// The insertion kept, across a wrapped line.
				{n: 5, text: "对招用毕业年度高校毕业生和登记失业青年并签订劳动合同", lead: "区人社局", contacts: []string{"区人社局 就业促进科 廉海燕 83521126、12333"}},
				// The deletion dropped: one deadline.
				{n: 7, text: "对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金。", details: 1, lead: "区国资办、区财政局", contacts: []string{
					"区国资办 产权管理科 岑志强 83520377", "区财政局 预算科 裘建国 0517-83128810"}},
				// The soft break: one measure, two sentences.
				{n: 8, details: 1, lead: "柳湖供电服务中心", contacts: []string{"柳湖供电服务中心 供电服务热线 95598"}},
				{n: 9, lead: "区融资担保公司", contacts: []string{"区融资担保公司 业务部 汤晓峰 13952366108"}},
				// The mailto field's result, once.
				{n: 10, details: 1, lead: "区贸促会", contacts: []string{"区贸促会 综合科 lhccpit@163.com"}},
				{n: 11, text: "分批次发放总额1000万元的消费券，市民通过“APP”领取", lead: "区商务局、各街道", contacts: []string{"区商务局 商贸科 尹丽娟 0517-83560912"}},
				{n: 13, lead: "区交通运输局", contacts: []string{"区交通运输局 运输管理科 焦海波 0517-83517746"}},
				{n: 14, lead: "区文体旅局、区市场监管局", contacts: []string{"区文体旅局 旅游科 晏红 0517-83551809", "区市场监管局 登记注册科 滕卫 0517-83528803"}},
				// 12345 in the text is no contact.
				{n: 15, lead: "区市场监管局", contacts: []string{"区市场监管局 登记注册科 滕卫 0517-83528803"}},
			}},
		// An OpenDocument text's content.xml (see odtText): measures
		// numbered only by automatic list numbering, the lists continued
		// across headings by continue-list and continue-numbering, a
		// nested list (sub-points, no measures), tracked deletions, a
		// comment, spans cutting words and phones, the 责任单位 line after
		// a line break or in a paragraph of its own, a 保障措施 list
		// written （一）…, and the contacts only in a table whose 对应措施
		// column names each row's measures: units over two rows (covered
		// cells), two numbers in a cell, a hotline row, a mailto link, a
		// padded name, phones (0738)…, 0738－…, bare 7 digits, mobiles.
		// An OFD document's page content (see ofdText): glyph runs placed
		// on the page and emitted out of reading order, paragraphs joined
		// across page breaks, a running header and page numbers, and the
		// contacts only in a ruled table over two pages whose 对应措施
		// column names each row's measures (ranges, a range cut over two
		// lines, centred cells, two phones on two lines, a full-width
		// hyphen, a hotline row, an e-mail row).
		// byBlock: the bodies of the measures whose 责任单位 line names a
		// unit no table row gives them (5, 6, 8, 9, 12). byContent: the
		// closing paragraph after measure 14 stands under no heading, so
		// its sentences and the 附 line are placed by similarity (its
		// phone is nobody's contact: TestOFDGuide).
		{dir: "zhanggong-2022-ofd", issuer: "赣州市章贡区人民政府办公室", published: "2022-06-24", count: 14, sections: 4, byBlock: 5, byContent: 3,
			measures: []measure{
				{n: 1, text: "落实留抵退税政策。", details: 1, lead: "区税务局、区财政局", contacts: []string{"区税务局 货物和劳务税科 钟立群 0797-8211046", "区财政局 综合科 曾丽华 0797-8226310", "区行政审批局 政务服务科 胡婷婷 0797-8325518"}},
				{n: 3, text: "延缓缴纳部分税费。", details: 1, lead: "区税务局", contacts: []string{"区税务局 纳税服务科 12366", "区税务局 征收管理科 赖晓东 8211052"}},
				{n: 8, text: "降低水电气成本。", details: 1, lead: "章贡供电公司、区燃气公司", contacts: []string{"章贡供电公司 营销部 朱建平 0797-8281165、95598", "区燃气公司 抢修值班室 0797-8288119"}},
				{n: 11, text: "设立应急转贷资金。", details: 1, lead: "区融资担保&转贷中心", contacts: []string{"区金融办 金融服务科 廖春梅 0797-8297420、13879712056", "区融资担保&转贷中心 业务部 罗国栋 18979735524"}},
			}},
		// A scanned guide's tesseract hOCR output, one document per page
		// (see hocrText): pages by their image's number, a stamp's garbage
		// block, fax headers and page numbers dropped, measures 5 and 18
		// joined across page breaks, a year after a measure's number, the
		// signature's date misread (二O二二年七月二十-日), and the contacts
		// only in a table emitted column by column: two pairs on two lines,
		// a merged unit cell over rows 2–4, two pairs in one line, a
		// wrapped unit, a phone cut by a space or by its hyphen, an e-mail,
		// a hotline with its hours (the fax header's, the notice's and the
		// printer's phones nobody's: TestHOCRGuide).
		{dir: "yunfeng-2022-hocr", issuer: "岭川市云峰区人民政府办公室", published: "2022-07-21", count: 20, sections: 5, byBlock: 0, byContent: 0,
			measures: []measure{
				{n: 1, text: "2022年对符合条件的小微企业", details: 1, lead: "区税务局", support: "区财政局", contacts: []string{"区税务局 梁晓峰 0775-3125561", "区财政局 覃美玲 3128802"}},
				{n: 3, text: "对小型微利企业", details: 0, lead: "区税务局", contacts: []string{"区税务局 莫丽华 12366"}},
				{n: 5, text: "餐饮、零售、旅游", details: 1, lead: "区人社局、区税务局", support: "区医保局", contacts: []string{"区人社局 蒙晓燕 3136620", "区税务局 廖志强 3125580"}},
				{n: 9, text: "对受疫情影响暂时无法足额缴存", lead: "岭川市住房公积金管理中心云峰管理部", contacts: []string{"岭川市住房公积金管理中心云峰管理部 罗建华 3159908"}},
				{n: 10, text: "对承租区属国有企业", details: 1, lead: "区国资委", support: "区财政局", contacts: []string{"区国资委 覃海燕 0775-3126645"}},
				{n: 18, text: "推行惠企政策", lead: "区政务服务中心", support: "区大数据中心", contacts: []string{"区政务服务中心 甘丽萍 3171106"}},
				{n: 20, text: "设立区企业服务热线", lead: "区营商环境办", contacts: []string{"区营商环境办 12345 （24小时）"}},
			}},
		// An unzipped EPUB 3 e-book concatenated in zip order (see
		// epubText): chapters read in spine order, a linear="no" stale
		// notice, the cover, colophon and editor's note left out; form A
		// paragraphs numbered （N） and form B list items numbered by
		// <ol start> only, beside <h2> subsections numbered （一）（二）,
		// written 8．; footnotes, page breaks, ruby readings and soft
		// hyphens dropped; the contacts in a table whose 对应条款 column
		// names each row's measures (第19—21条, rowspans, two phones by
		// <br/>, label rows: hotlines, a duty phone, an e-mail alone).
		// byBlock: the bodies of the measures whose 责任单位 line names a
		// unit no table row gives them (8, 9, 10, 11, 12, 20).
		{dir: "liangxi-2022-epub", issuer: "无锡市梁溪区人民政府办公室", published: "2022-06-15", count: 24, sections: 7, byBlock: 6,
			measures: []measure{
				{n: 1, text: "落实增值税留抵退税政策。", details: 1, lead: "区税务局、区财政局", contacts: []string{"区税务局 周文涛 0510-82716301", "区财政局 陆海波 0510-82728810"}},
				{n: 3, text: "延缓缴纳部分税费。", details: 1, lead: "区税务局", contacts: []string{"区税务局 纳税缴费服务热线 12366"}},
				{n: 5, details: 1, lead: "区人社局、区社保中心", contacts: []string{"区人社局 顾建平 0510-82735512", "区社保中心 蒋雪梅 0510-82735577、13961701234"}},
				{n: 23, text: "支持外贸企业稳订单。", details: 1, lead: "区商务局", contacts: []string{"区商务局 外贸科（邮箱） lxswjwm@163.com"}},
			}},
		// A .pptx deck's unzipped XML parts (see pptxText): slides in
		// show order (p:sldIdLst through shuffled rels, a hidden slide,
		// a 目录 slide, a SmartArt slide), measures numbered in text or by
		// a:buAutoNum repeating startAt, runs cut mid-word, a measure
		// continued on a （续） slide with two sub-points, one in a grouped
		// text box beside a label, two contact tables over two slides
		// (适用条款 第9—11条, rowSpan/vMerge carried down, gridSpan
		// hotline and e-mail cells, two phones by a:br and by paragraph,
		// 0766 2281104 with a space).
		// Stop 59's Feishu/Lark docx blocks API export (larkText): three
		// responses out of order (one ensure_ascii), blocks cut across
		// pages, measures numbered by the ordered blocks' sequence (auto
		// across headings, 8 set after a callout), struck figures, an
		// @-mention comment, units as child lines, and a contacts table
		// with a 序号 column, merge_info row spans, ranges 1—4, an
		// e-mail with a note, a hotline row, a person only @-mentioned.
		{dir: "yunxi-2022-lark-docx", issuer: "澄湖市云溪区人民政府办公室", published: "2022-07-08", count: 18, sections: 5,
			measures: []measure{
				{n: 1, text: "对符合条件的小微企业和制造业等行业企业", lead: "区税务局", support: "区财政局", contacts: []string{"区税务局 周海 0735-5521101", "区税务局 纳税服务热线 12366 （24小时）", "区财政局 郑凯 0735-5521201"}},
				{n: 5, details: 1, lead: "区人社局", support: "区税务局、区医保局", contacts: []string{"区人社局 何静 0735-5521301 （工作日8:30—17:30）"}},
				{n: 13, lead: "区财政局", support: "区金融办", contacts: []string{"区财政局 郑凯 0735-5521201", "云溪区融资担保有限公司 袁博 0735-5521702"}},
				{n: 16, lead: "区市场监管局", contacts: []string{"区市场监管局 0735-5521901"}},
				{n: 18, lead: "区营商办", support: "区工信局、区发改局", contacts: []string{"区营商办 蔡宁 0735-5522001、13907355678"}},
			}},
		// A raw e-mail message (.eml, emlText): the plain text/plain part
		// (GB18030, base64) read once, the HTML alternative (the same text
		// again) only for its contact table, rowspan rows of a measure's
		// two pairs joined; the sender's cover note and signature, the
		// notice's coordinating office and the footer's switchboard give
		// no measure a phone; the CSV attachment (GBK) not read beside it.
		{dir: "wuxi-2022-eml", issuer: "汀川市梧溪区人民政府办公室", published: "2022-06-28", count: 18, sections: 6,
			measures: []measure{
				{n: 1, text: "加快增值税留抵退税。", details: 1, lead: "区税务局", support: "区财政局", contacts: []string{"区税务局 陈立平 0598-83121101"}},
				{n: 4, details: 1, lead: "区财政局", support: "区税务局、区住建局", contacts: []string{"区财政局 林海燕 83122202", "区税务局 纳税服务热线 12366 （工作日8:30-17:00）"}},
				{n: 7, details: 1, lead: "区人力社保局", support: "区财政局", contacts: []string{"区人力社保局 吴晓东 0598-83123318、13859801234"}},
				{n: 12, details: 1, lead: "区金融办", support: "人行梧溪支行", contacts: []string{"区金融办 罗斌 luobin@wuxi-jr.example.cn"}},
				{n: 17, details: 1, lead: "区行政服务中心", contacts: []string{"区行政服务中心 邓颖 0598-83128808 （工作日8:30-12:00，13:30-17:00）", "区行政服务中心 政务服务热线 12345 （24小时）"}},
				{n: 18, text: "开展助企服务专员行动。", details: 1, lead: "区经信局", support: "区发改局", contacts: []string{"区经信局 孔德明 0598-83126688"}},
			}},
		{dir: "songtao-2022-pptx", issuer: "澜川市松涛区发展和改革局", published: "2022-06-30", count: 14, sections: 5, closingWords: 1, byBlock: 3,
			measures: []measure{
				{n: 3, text: "\"六税两费\"减征。", details: 2, lead: "区税务局", contacts: []string{"区税务局 纳税缴费服务热线 12366"}},
				{n: 4, text: "房产税城镇土地使用税困难减免。", details: 1, lead: "区税务局、区财政局", contacts: []string{"区税务局 财产和行为税科 周敏 0766-2281103", "区财政局 综合股 马骏 0766-2281104"}},
				{n: 5, details: 1, lead: "区人社局、区就业服务中心", contacts: []string{"区人社局 就业促进股 陈刚 0766-2281201、13800001234", "区就业服务中心 培训股 黄丽 0766-2281202"}},
				{n: 6, text: "国有房屋租金减免。", details: 4, lead: "区国资办", contacts: []string{"区国资办 产权管理股 吴强 0766-2281301、13900005678"}},
				{n: 8, details: 1, lead: "区就业服务中心", contacts: []string{"区就业服务中心 培训股 黄丽 0766-2281202"}},
				{n: 11, text: "首贷续贷奖励。", details: 1, lead: "区金融办", contacts: []string{"区金融办 金融股 郑华 0766-2281401"}},
				{n: 13, details: 1, lead: "区市场监管局", contacts: []string{"区市场监管局 注册股 songtao_scj@163.com"}},
				{n: 14, details: 1, lead: "区营商办", contacts: []string{"区营商办 企业服务股 孙悦 0766-2281601", "政务服务便民热线 12345"}},
			}},
		// Word's "Save as Plain Text" in Unicode (UTF-16LE with a BOM,
		// see wordText): list numbers with a TAB, a list restarted at 1
		// (10–13), a typed number (15), lone CRs before clauses, form
		// feeds, notes [n] at the end, steps （1）<TAB> and a body table
		// inside measures, a contact table by 对应条款 with rows broken by
		// two-paragraph cells, merged unit cells, a template row, an
		// e-mail for a phone and a 12345 row without a person. The
		// closing paragraph and the 附件/抄送 lines are nobody's.
		{dir: "guiwan-2022-utf16-text", issuer: "榕川市桂湾镇人民政府", published: "2022-07-05", count: 18, sections: 4, closingWords: 2,
			measures: []measure{
				{n: 1, text: "对符合条件的小微企业", lead: "镇税务分局", support: "镇财政分局", contacts: []string{"镇税务分局 货物和劳务税股 覃丽娟 87331201、12366 （工作日9:00—12:00，14:00—17:30）"}},
				{n: 3, lead: "镇税务分局", support: "镇财政分局", contacts: []string{"镇税务分局 财产和行为税股 莫志刚 87331202"}},
				{n: 5, text: "对特困行业企业", details: 2, lead: "镇社保分局、镇税务分局", contacts: []string{"镇社保分局 征缴股 韦秋菊 87331301", "镇税务分局 社会保险费股 莫志刚 87331202"}},
				{n: 6, details: 1, lead: "镇人力资源分局", contacts: []string{"镇人力资源分局 职业能力建设股 蒙家豪、陆晓雯 87331501、87331502"}},
				{n: 10, text: "对2022年新获得首笔银行贷款", details: 1, lead: "镇金融办", contacts: []string{"镇金融办 甘立新 0763-87331601"}},
				{n: 12, text: "设立1000万元应急转贷资金", lead: "镇金融办", support: "镇经济发展局", contacts: []string{"镇金融办 甘立新 guiwan_jrb@example.cn"}},
				{n: 15, text: "对在镇内注册登记的道路货物运输企业", lead: "镇交通分局", contacts: []string{"镇交通分局 运输管理股 覃国威 13907631234"}},
				{n: 16, details: 2, lead: "镇文化服务中心", contacts: []string{"镇文化服务中心 文化股、旅游股 岑雅琪 87331801"}},
				{n: 17, lead: "镇供电所、桂湾镇供水有限公司", contacts: []string{"镇供电所 客户服务班 梁启明 87331901 （24小时）", "桂湾镇供水有限公司 客服中心 黎婉清 87331902"}},
				{n: 18, details: 1, lead: "镇政务服务中心", contacts: []string{"镇政务服务中心 综合窗口 12345"}},
			}},
		// A whole .docx unzipped, its parts after ===== lines (see
		// docxPartsText): measures and headings numbered only by
		// numbering.xml and the heading style's numPr, a second w:num
		// with a startOverride (10), a typed number without numPr (9),
		// level-1 items, continuation paragraphs, a TOC, a tracked
		// change, a footnote, header/comment/printer phones, and a
		// contact table by 涉及条款 with divider rows, vMerge units, a
		// gridSpan hotline, two phones as two paragraphs, hours, a
		// padded name and a mailto hyperlink. The closing paragraph
		// after the last measure (no heading, no list) and the notes
		// under the table are placed by content: the layout gives them
		// no mark of their own.
		{dir: "erchuan-2022-docx-parts", issuer: "洱川市人民政府办公室", published: "2022-07-20", count: 18, sections: 4, closingWords: 1, byContent: 4, byBlock: 2,
			measures: []measure{
				{n: 1, text: "增值税留抵退税。", details: 1, lead: "市税务局", support: "市财政局", contacts: []string{"市税务局 纳税服务股 段丽华 2125601", "市财政局 预算股 赵国平 2126630"}},
				{n: 5, details: 1, lead: "市税务局", support: "市财政局", contacts: []string{"市税务局 纳税服务股 段丽华 12366、2125601", "市财政局 预算股 赵国平 2126630"}},
				{n: 7, text: "失业保险稳岗返还。", details: 2, lead: "市人力资源社会保障局", contacts: []string{"市人力资源社会保障局 就业股 李春燕 2138811"}},
				{n: 8, details: 1, lead: "市人力资源社会保障局、市医疗保障局", contacts: []string{"市人力资源社会保障局 社会保险股 王海东 2138812 （工作日8:30—12:00、14:30—17:30）", "市医疗保障局 待遇保障股 施晓云 2139920"}},
				{n: 9, text: "一次性扩岗补助。", details: 1, lead: "市工商联", contacts: []string{"市工商联 会员部 苏雯 erchuan_gsl@example.cn"}},
				{n: 10, text: "普惠小微贷款支持。", details: 1, lead: "人民银行洱川市支行", support: "市地方金融服务中心", contacts: []string{"人民银行洱川市支行 货币信贷股 尹峰 2142201"}},
				{n: 13, text: "融资担保降费。", details: 1, lead: "市地方金融服务中心", contacts: []string{"市地方金融服务中心 金融服务股 罗斌 13908721234"}},
				{n: 15, details: 2, lead: "市政务服务管理局", contacts: []string{"市政务服务管理局 综合窗口股 何静 2158800", "市政务服务管理局 政务服务便民热线（24小时） 12345"}},
				{n: 18, text: "保护消费者权益。", details: 1, lead: "市市场监管局", contacts: []string{"市市场监管局 消费者权益保护股 陈琳 2161233"}},
			}},
		// Word's "save as web page" HTML (wordHTMLText): list numbers in
		// <![if !supportLists]> blocks, typed （十）… and 14. continuing the
		// count, source lines wrapped between Chinese characters, TOC,
		// header, footer, <del>, comments and footnotes dropped; contacts
		// in a 对应措施（条） table with rowspans, padded names, a hotline
		// row and an e-mail row.
		{dir: "liulin-2022-word-htm", issuer: "柳林区优化营商环境工作领导小组办公室", published: "2022-07-08", count: 20, sections: 5,
			measures: []measure{
				{n: 1, text: "落实留抵退税政策。", details: 1, lead: "区税务局", contacts: []string{"区税务局 何军 0935-8211406"}},
				{n: 3, text: "减征“六税两费”。", details: 1, lead: "区税务局、区财政局", contacts: []string{"区税务局 纳税缴费服务热线 12366", "区财政局 潘立新 8216630"}},
				{n: 5, details: 2, lead: "区人社局、区社保中心", contacts: []string{"区人社局 钟敏 0935-8210018", "区社保中心 贺文斌 0935-8217720、18993510025"}},
				{n: 12, text: "降低融资担保费率。", details: 1, lead: "区融资担保公司", contacts: []string{"区融资担保公司 章志远 0935-8215821"}},
				{n: 17, text: "发放柳林消费券。", details: 1, lead: "区工信商务局、区财政局", contacts: []string{"区财政局 邹玉梅 0935-8216652", "区工信商务局 llgxsw@163.com"}},
			}},
		{dir: "fengqiao-2022-odt", issuer: "岚川市枫桥区人民政府办公室", published: "2022-06-23", count: 27, sections: 6, closingWords: 8, byBlock: 1,
			measures: []measure{
				{n: 1, text: "全面落实增值税留抵退税政策。", details: 1, lead: "区税务局", contacts: []string{"区税务局 货物和劳务税科 韦海澜 0738-5213360"}},
				// A hotline row alone, though the line names 区税务局
				// (reported as a conflict): the row's unit leads, named
				// without its number.
				{n: 4, details: 1, lead: "纳税缴费服务热线", contacts: []string{"纳税缴费服务热线 12366"}},
				{n: 7, details: 1, lead: "区人社局、区税务局", contacts: []string{"区税务局 所得税科 蒙小川 0738-5213371", "区人社局 劳动就业股 莫振华 0738-5231190、13907381126"}},
				// A line break inside the body; a padded name.
				{n: 9, details: 2, lead: "区住房公积金管理部、区人社局", contacts: []string{"区人社局 社会保险股 农晓燕 0738-5231205", "区住房公积金管理部 归集科 韦丽 0738-5240117"}},
				// The comment is no text; the tracked phone is the new one.
				{n: 10, text: "减免国有房屋租金。", details: 1, lead: "区国资中心、区财政局", contacts: []string{"区财政局 国库股 黎雪梅 5226033", "区国资中心 资产管理股 黄启明 0738-5252216"}},
				// The nested list: one follow-up, no measures.
				{n: 11, details: 2, lead: "区国资中心、区税务局", contacts: []string{"区税务局 所得税科 蒙小川 0738-5213371", "区国资中心 资产管理股 黄启明 0738-5252216"}},
				{n: 13, details: 1, lead: "区发改局、区燃气服务中心", contacts: []string{"区发改局 价格股 廖春生 5270348", "区燃气服务中心 抢修服务热线（24小时） 0738-5289119"}},
				// An empty 科室 cell.
				{n: 16, details: 1, lead: "区金融办", contacts: []string{"区金融办 吴晓晴 0738-5290056"}},
				{n: 24, details: 1, lead: "区商务局", contacts: []string{"区商务局 外贸股 fqswjwmg@163.com"}},
				{n: 27, details: 1, lead: "区就业服务中心、区财政局", contacts: []string{"区财政局 国库股 黎雪梅 5226033", "区就业服务中心 创业服务股 杨柳青 13607385590"}},
			}},
		{dir: "huancui-2022-ics", issuer: "环翠区惠企政策服务专班办公室", published: "2022-06-24", count: 32,
			measures: []measure{
				// A VALARM's DESCRIPTION after the event's: not the text.
				{n: 1, text: "增值税留抵退税：对符合条件的小微企业", details: 2, lead: "区税务局", contacts: []string{"区税务局 货物和劳务税科 王立群 0631-5231406"}},
				// A hotline alone, named beside its number.
				{n: 2, details: 2, lead: "区税务局", contacts: []string{"区税务局 12366"}},
				// Unnumbered SUMMARY: the number and the title from
				// DESCRIPTION's first line; (0631)5233620.
				{n: 4, text: "失业保险稳岗返还：", details: 2, lead: "区人社局", contacts: []string{"区人社局 失业保险科 刘文涛 0631-5233620"}},
				// Two events, one measure; a 7-digit local number.
				{n: 9, details: 2, lead: "区国资中心、区财政局", contacts: []string{"区国资中心 资产运营科 李春生 0631-5236188", "区财政局 资产管理科 吴丽 0631-5231190"}},
				// Two phones in one CONTACT (\;).
				{n: 10, details: 1, lead: "区住建局", contacts: []string{"区住建局 房产管理科 马建华 0631-5227654、13806312457"}},
				// Four contacts, one without a person.
				{n: 11, details: 1, lead: "国网威海市环翠区供电公司、区供水公司、区燃气热线、区发改局", contacts: []string{
					"国网威海市环翠区供电公司 营销部 郑斌 0631-5252301", "区供水公司 客户服务中心 韩冬 0631-5220815",
					"区发改局 价格科 高原 0631-5232016", "区燃气热线 0631-5229101"}},
				// Only in the catch-all event.
				{n: 18, text: "市场主体登记便利化：", lead: "区行政审批服务局、区市场监管局", contacts: []string{
					"区行政审批服务局 商事登记科 曲敏 0631-5226718", "区市场监管局 登记注册科 董芳 0631-5236602"}},
				{n: 22, details: 1, lead: "区交通运输局、区物流保通保畅工作专班", contacts: []string{
					"区交通运输局 运输管理科 冯强 0631-5234456", "区物流保通保畅工作专班 0631-5230110 （24小时）"}},
				// An e-mail instead of a phone.
				{n: 27, details: 1, lead: "区商务局", contacts: []string{"区商务局 hcswjwm@163.com"}},
				// 【第 / 32项】 folded inside the number.
				{n: 32, text: "占道经营柔性执法：", lead: "区综合行政执法局、区商务局", contacts: []string{
					"区综合行政执法局 市容科 于洋 0631-5232290", "区商务局 商贸流通科 林晓 0631-5233370"}},
			}},
		// A mini-program's YAML data file (see yamlText): two documents,
		// contacts as anchors used by alias and by merge keys with
		// overrides, items out of order, item 11 commented out, folded
		// conditions, quoted and block texts, an unquoted area code and a
		// bare 7-digit phone, and a FAQ restating measures 1 and 7.
		{dir: "chengzhong-2022-yaml", issuer: "西宁市城中区人民政府办公室", published: "2022-07-08", areaCode: "0971", count: 15, absent: []int{11},
			measures: []measure{
				// A literal block's second line a follow-up; the folded
				// condition joined without spaces.
				{n: 1, text: "增值税留抵退税：对符合条件的小微企业", details: 3, lead: "区税务局、区财政局", contacts: []string{
					"区税务局 增值税科 马永福 0971-6131208", "区财政局 预算科 冶文娟 0971-6128830"}},
				// A hotline alone; \" in a double-quoted text.
				{n: 2, text: "“六税两费”减半征收：", details: 1, lead: "区税务局", contacts: []string{"区税务局 12366"}},
				// A bare 7-digit number, an int in YAML.
				{n: 3, details: 1, lead: "区税务局", contacts: []string{"区税务局 所得税科 韩晓丽 0971-6131215"}},
				// A merge key in a block list item overriding name and
				// phones; before 4 in the file.
				{n: 5, text: "一次性扩岗补助：", details: 1, lead: "区就业服务中心、区人社局", contacts: []string{
					"区就业服务中心 创业服务科 王丽 0971-6145563", "区人社局 失业保险科 祁国庆 0971-6145521"}},
				// A flow merge overriding the phone.
				{n: 6, details: 1, lead: "区人社局", contacts: []string{"区人社局 失业保险科 祁国庆 0971-6145529"}},
				// (0971)6127706 and the FAQ's 0971-6127706: one phone.
				{n: 7, details: 3, lead: "区国资中心", contacts: []string{
					"区国资中心 资产科 张玉梅 0971-6127706", "区城投公司 资产运营部 何建平 18909711234"}},
				// Three contacts, one without a person.
				{n: 8, details: 1, lead: "国网西宁城中供电公司、城中供水营业厅、区燃气公司", contacts: []string{
					"国网西宁城中供电公司 营销部 祁海涛 0971-6170023", "城中供水营业厅 客服中心 0971-6176600", "区燃气公司 客服部 沈海波 13519720045"}},
				// Two phones in a list; 0971 6122418 with a space.
				{n: 10, details: 1, lead: "区金融办、区融资担保公司", contacts: []string{
					"区金融办 金融科 鲁明 0971-6122418", "区融资担保公司 业务部 赵启明 0971-6190321、13997030552"}},
				// After the commented-out item 11; 0971－6133362.
				{n: 12, details: 1, lead: "区商务局", contacts: []string{"区商务局 商贸科 马秀兰 0971-6133362"}},
				// An e-mail alone.
				{n: 13, details: 2, lead: "区商务局", contacts: []string{"区商务局 czswwm@163.com"}},
				{n: 15, details: 1, lead: "区营商环境服务中心", contacts: []string{"区营商环境服务中心 12345", "区营商环境服务中心 企业服务科 朱晓东 0971-6120135"}},
				// Added last in the file.
				{n: 16, details: 1, lead: "区商务局、各街道", contacts: []string{"区商务局 商贸科 马秀兰 0971-6133362"}},
			}},
		// A kiosk's TOML content config (see tomlText): contact tables
		// referenced by key path, an inline table overriding one, items
		// out of order, a withdrawn item (10) and a commented-out one (16),
		// bodies as multi-line basic strings (one with a trailing line
		// break, one of two paragraphs), backslash-continued lines broken
		// inside numbers, literal strings and one-line strings with \"
		// escapes, [policy.extra] sub-tables, a FAQ restating measures 8
		// (by number) and 12 (by its tags), settings naming 12345 and a
		// changelog holding old phones.
		{dir: "yunyan-2022-toml", issuer: "贵阳市云岩区人民政府", published: "2022-06-28", areaCode: "0851", count: 15, withdrawn: []int{10},
			warnings: []string{WarnPhoneAttribution},
			measures: []measure{
				// Two key paths; a body joined by backslashes.
				{n: 1, text: "增值税留抵退税：对符合条件的小微企业和制造业等行业企业，在2022年6月30日前", details: 2, lead: "区税务局、区财政局", contacts: []string{
					"区税务局 货物和劳务税科 罗永刚 0851-86512301", "区财政局 预算科 田晓芳 0851-86521108"}},
				// A hotline alone.
				{n: 2, details: 1, lead: "区税务局", contacts: []string{"区税务局 12366"}},
				// (0851)…, a bare 8-digit number, dotted material keys.
				{n: 4, details: 2, lead: "区税务局", contacts: []string{
					"区税务局 财产和行为税科 杨春梅 0851-86512317", "区税务局 纳税服务科 陈光明 86512360"}},
				// A tel array.
				{n: 5, lead: "区人社局", contacts: []string{"区就业局 就业促进科 龙海燕 0851-86531840、13985062751"}},
				// The inline override: 吴敏 and her mobile, not 龙海燕.
				{n: 6, details: 1, lead: "区人社局、区财政局", contacts: []string{"区就业局 就业促进科 吴敏 13985112206"}},
				// Before 7 in the file; 20\ / 22 joined; the FAQ's desk.
				{n: 8, text: "国有房屋租金减免：对承租区属国有企业和行政事业单位经营用房的服务业小微企业和个体工商户，2022年减免3个月租金", details: 2,
					lead: "区国资委、区机关事务局、区政务服务中心", contacts: []string{
						"区国资委 产权管理科 石立新 0851-86543261", "区机关事务局 资产科 吴丽萍 86543288", "区政务服务中心 0851-86823599"}},
				{n: 7, text: "住房公积金阶段性缓缴：", details: 1, lead: "贵阳住房公积金管理中心云岩管理部", contacts: []string{
					"贵阳住房公积金管理中心云岩管理部 归集科 潘志强 0851-86583310"}},
				// Two paragraphs in one body: the second a detail. A
				// utility's department stays glued to its name (the
				// duty block splits only 区… units).
				{n: 9, text: "水电气“欠费不停供”：", details: 2, lead: "区发改局", contacts: []string{
					"云岩供电局 营销部 蒙建国 0851-86595598", "贵阳自来水云岩营业所客服中心 韦丽 0851-86570311", "中燃云岩营业厅客服部 黄志明 0851-86560219"}},
				// After the withdrawn 10; a desk without a person.
				{n: 11, lead: "区交通运输局、区公安分局", contacts: []string{"区交通运输局 0851-86581207 （7×24小时）"}},
				// \" in a joined body; the FAQ found by its tags.
				{n: 12, text: "发放“云岩惠购”消费券：在全区范围内分批发放\"云岩惠购\"消费券", details: 1, lead: "区商务局", contacts: []string{
					"区商务局 0851-86563530", "区商务局 消费促进科 钱国华 0851-86563526"}},
				// An e-mail alone.
				{n: 13, details: 1, lead: "区商务局", contacts: []string{"区商务局 yyswjwmk@163.com"}},
				{n: 15, details: 1, lead: "区人社局", contacts: []string{"区就业局 就业促进科 龙海燕 0851-86531840、13985062751"}},
			}},
		// A mini-program's database as a mysqldump (see sqlText): pinyin
		// column names, the number a sort column (xuhao) beside the row
		// id, a deleted old row and a later published one of 7, a later
		// draft of 13, a deleted 21, categories sorted against their ids,
		// units by short name (区工信局 renamed in full), a link table
		// listing a support row first, a measure without link rows (15),
		// two phones in one cell, phone and mobile, a mobile alone, an
		// e-mail alone, hotlines and a desk with hours, and noise tables (a
		// config phone, users, a log).
		// An Excel XML Spreadsheet 2003 workbook (see spreadsheetText):
		// sheets out of reading order, rows by category with 19 filed
		// after 12, a hidden draft numbered 16, 类别 merged down, omitted
		// and empty cells, rich text, a merged hotline cell, Number
		// phones, a comment's stopped phone, people by line, and rows
		// without a contact read from the contacts sheet by lead unit.
		{dir: "tianshan-2022-spreadsheetml", issuer: "乌鲁木齐市天山区人民政府办公室", published: "2022-06-17", count: 20, sections: 7,
			measures: []measure{
				{n: 1, text: "增值税留抵退税：对符合条件的小微企业", details: 1, lead: "区税务局", support: "区财政局", contacts: []string{
					"区税务局 货物和劳务税科 马建新 0991-2316601", "区财政局 预算股 李红梅 0991-2316688"}},
				{n: 2, details: 1, lead: "区税务局", contacts: []string{"区税务局 12366 （24小时）"}},
				{n: 4, details: 1, lead: "区人社局", support: "区社保中心", contacts: []string{
					"区社保中心 征缴科 赵志刚 0991-2827730、13899123456", "区人社局 12333"}},
				{n: 8, details: 1, lead: "区住建局", contacts: []string{"区住建局 房管科 何俊 0991-2859012、13999234567"}},
				{n: 11, details: 1, lead: "区融资担保公司", support: "区金融办", contacts: []string{"区融资担保公司 业务部 吴敏 0991-2593318、0991-2593319"}},
				{n: 13, details: 1, lead: "区商务局", contacts: []string{"区商务局 tsqsw_xf@163.com"}},
				{n: 20, details: 1, lead: "区政务服务局", support: "区市场监管局", contacts: []string{
					"区政务服务局 综合服务科 许静 0991-2719035", "区市场监管局 登记注册科 邓超 0991-2721146"}},
			}},
		// An .xlsx workbook's unzipped XML parts (see xlsxText): sheets
		// in tab order through the rels, a hidden sheet, row and column,
		// shared strings with rich text and a phonetic run, inline
		// strings, a formula's cached text and an error value, a float
		// 序号, number phones (a format's, 通讯录's, the area code's),
		// serial dates by format or column, measures merged over two and
		// three rows, rows without contacts read from 通讯录 by unit.
		{dir: "gusu-2022-xlsx", issuer: "苏州市姑苏区人民政府办公室", published: "2022-06-27", count: 18, sections: 5,
			measures: []measure{
				{n: 1, text: "增值税留抵退税：对符合条件的小微企业", details: 2, lead: "区税务局、区财政局", contacts: []string{
					"区税务局 纳税服务科 顾文杰 0512-65213301", "区财政局 预算科 沈丽华 0512-65213388"}},
				{n: 2, details: 2, lead: "区税务局", contacts: []string{"区税务局 12366 （工作日9:00-17:00）"}},
				{n: 4, details: 2, lead: "区税务局", support: "区人社局", contacts: []string{"区人社局 就业促进科 陆建平 0512-65237712"}},
				{n: 7, details: 2, lead: "区商务局、区市场监管局", contacts: []string{"区商务局 商贸科 徐丹 0512-65248810", "区市场监管局 登记科 王磊 0512-65249920"}},
				{n: 9, details: 2, lead: "区国资办", contacts: []string{"区国资办 吴芳 0512-68801234"}},
				{n: 14, details: 2, lead: "区金融办", contacts: []string{"区金融办 gsjrb@163.com"}},
				{n: 16, details: 2, lead: "国网姑苏供电服务中心、苏州水务姑苏营业所、港华燃气姑苏服务站", support: "区发改委", contacts: []string{
					"国网姑苏供电服务中心 周强 13906211234", "苏州水务姑苏营业所 0512-65299000 （24小时）", "港华燃气姑苏服务站 客服部 陈磊 0512-65288123"}},
			}},
		{dir: "jianxi-2022-mysqldump", issuer: "洛阳市涧西区人民政府办公室", published: "2022-06-20", count: 20, sections: 6,
			measures: []measure{
				// \" in the title; \n a paragraph break; the support
				// unit's person with her e-mail.
				{n: 1, text: "增值税留抵退税\"即申即退\"：对符合条件的小微企业", details: 1, lead: "区税务局", support: "区财政局", contacts: []string{
					"区税务局 货物和劳务税科 郑晓东 0379-64215301", "区财政局 预算股 韩文博 0379-64231126 jxczys@163.com"}},
				// A hotline alone, its hours from the remark.
				{n: 2, lead: "区税务局", contacts: []string{"区税务局 12366 （24小时）"}},
				{n: 3, lead: "区税务局", contacts: []string{"区税务局 财产和行为税科 马丽萍 64215318", "区税务局 12366 （24小时）"}},
				// The lead's row first, though the table lists the support's first.
				{n: 5, lead: "区财政局", support: "区税务局", contacts: []string{
					"区财政局 预算股 韩文博 0379-64231126 jxczys@163.com", "区税务局 财产和行为税科 马丽萍 64215318"}},
				// Two numbers in one cell; the support unit's hotline.
				{n: 6, details: 1, lead: "区社保中心", support: "区人社局", contacts: []string{
					"区社保中心 征缴科 苗建华 0379-64250712、0379-64250716", "区人社局 12333"}},
				// The current row (id 23), not the deleted old text (id 7).
				{n: 7, text: "一次性留工培训补助（扩围）：对受疫情影响暂时无法正常生产经营的所有行业", details: 1, lead: "区就业中心", support: "区人社局", contacts: []string{
					"区就业中心 就业促进科 宋雨晴 0379-64257730、13903792641", "区人社局 12333"}},
				// Section 三 (sort 3) though its id is 4; \r\n; two lead units.
				{n: 10, text: "国有房屋租金减免：", lead: "区国资中心、区机关事务局", support: "区财政局", contacts: []string{
					"区国资中心 产权管理科 袁志刚 13837915528", "区机关事务局 白雪梅 64268815"}},
				// The published row, not the later draft (id 21).
				{n: 13, text: "应急转贷资金支持：对贷款即将到期、还款暂时困难", lead: "区融资担保公司", support: "区金融中心", contacts: []string{
					"区融资担保公司 业务部 吕婷 0379-64271105、15138827604", "区金融中心 金融服务股 常国庆 0379-64270921"}},
				// No link row: its lead unit's contacts; the old short name.
				{n: 15, text: "发放\"洛邑惠购\"消费券：", lead: "区工信局", contacts: []string{
					"区工信局 中小企业股 邢海涛 0379-64290318", "区工信局 任佳 64290325"}},
				{n: 17, lead: "区商务局", contacts: []string{"区商务局 外经贸股 谢芳 jxswjwm@163.com"}},
				// A desk without a person, hours in its remark.
				{n: 18, lead: "区审批局", contacts: []string{"区审批局 0379-64299000 （工作日8:30-17:30）"}},
				{n: 20, lead: "区商务局", support: "区发改委", contacts: []string{"区商务局 外经贸股 谢芳 jxswjwm@163.com"}},
			}},
		// The LaTeX source of a ctexart document (see latexText): sections
		// numbered by \ctexset, enumerate items （一） anew in each section
		// with a bold title, two explicit \item[（九）] labels, user macros,
		// comments holding old text and a deleted row, footnotes holding
		// end dates, inline contacts, and a longtable whose head repeats,
		// whose unit cells span rows and whose cells hold two phones.
		// The last measures of sections 一 and 六 and the second sentence
		// of section 二's intro ("具体措施如下：", glued to （一）'s sentence)
		// are placed by content: a heading with its own text, or the
		// closing section, closes no measure (see bracket), and the
		// contacts are only in the table.
		{dir: "yanping-2022-latex", issuer: "南平市延平区助企纾困工作领导小组办公室", published: "2022-07-08", count: 34, sections: 7,
			closingWords: 3, byContent: 3,
			measures: []measure{
				// The footnote's end date a detail; 12366 in the text is no contact.
				{n: 1, text: "缓缴企业所得税。", details: 3, lead: "国家税务总局南平市延平区税务局", contacts: []string{"国家税务总局南平市延平区税务局 郑立伟 0599-86173301"}},
				// The unit of a \multirow span, two phones in a \makecell.
				{n: 4, text: "“六税两费”减征。", details: 1, lead: "国家税务总局南平市延平区税务局", contacts: []string{"国家税务总局南平市延平区税务局 林秀芳 0599-86173318、12366"}},
				// Section 二's first item, after its intro paragraph.
				{n: 7, text: "普惠小微贷款支持。", details: 1, lead: "区金融办", contacts: []string{"区金融办 王晓明 0599-86128860"}},
				{n: 8, details: 2, lead: "区融资担保公司", contacts: []string{"区融资担保公司 吴丽娟 86152206、13905991486"}},
				// The commented-out old text before it is not read.
				{n: 14, text: "一次性扩岗补助。", details: 1, lead: "区人社局", contacts: []string{"区人社局 卢婷 0599-86137731"}},
				{n: 16, details: 1, lead: "区人社局", contacts: []string{"区人社局 张国栋 0599-86137745"}},
				// The \par paragraph with its inline contact.
				{n: 17, details: 3, lead: "区国资中心", contacts: []string{"区国资中心 谢宏 0599-86129035"}},
				{n: 21, details: 1, lead: "南平市住房公积金中心延平管理部", contacts: []string{"南平市住房公积金中心延平管理部 蔡雅琴 0599-86118023"}},
				// \item[（九）] after a prose paragraph: measure 25.
				{n: 25, text: "餐饮零售业纾困补助。", details: 1, lead: "区商务局", contacts: []string{"区商务局 江美玲 0599-86133390"}},
				{n: 26, text: "文旅企业纾困补助。", details: 1, lead: "区文旅局", contacts: []string{"区文旅局 叶思远 0599-86141120"}},
				{n: 29, details: 1, lead: "区商务局", contacts: []string{"区商务局 郭建平 0599-86133395、15980612237"}},
				// After a commented-out item.
				{n: 30, text: "支持会展活动。", details: 1, lead: "区文旅局", contacts: []string{"区文旅局 叶思远 0599-86141120"}},
				{n: 34, text: "支持外贸企业稳订单。", details: 1, lead: "区商务局", contacts: []string{"区商务局 唐海燕 0599-86133410"}},
			}},
		// PaddleOCR results of overlapping phone screenshots of a long
		// 一图读懂 image (parse61b, screenshotText): the contacts only in a
		// table whose 政策条款 column names the measures ("第2-3条"), its
		// 序号 the row's; the note's 综合咨询 line under the table is no
		// measure's (unattached).
		{dir: "tongxi-2022-screenshots", issuer: "岚江市桐溪区人民政府办公室", published: "2022-06-17", count: 16, sections: 5, closingWords: 1,
			measures: []measure{
				// Two rows for one measure; the title sentence its text.
				{n: 1, text: "增值税留抵退税。", details: 1, lead: "区税务局", support: "区财政局", contacts: []string{"区税务局 韦晓峰 65230121", "区财政局 覃美玲 65230245"}},
				// A row for two measures, the hours wrapped in the phone cell.
				{n: 3, text: "“六税两费”减征。", details: 1, lead: "区税务局", contacts: []string{"区税务局 黄志刚 12366 （9:00—17:00）"}},
				// Two phones on two lines of one cell.
				{n: 5, text: "阶段性缓缴社保费。", details: 1, lead: "区人社局", support: "区税务局、区医保局", contacts: []string{"区人社局 蒙晓燕 65231180、65231181"}},
				// "第6、7条"; a mobile.
				{n: 7, text: "一次性扩岗补助。", details: 1, lead: "区人社局", support: "区财政局", contacts: []string{"区人社局 廖志强 13907351620"}},
				// A wrapped unit and a wrapped 政策条款 cell, across the
				// screenshots' overlap.
				{n: 8, text: "创业担保贷款。", details: 1, lead: "区人社局", support: "区财政局、人行桐溪支行", contacts: []string{"区人社局创业指导中心 莫丽华 65231306"}},
				{n: 9, text: "减免房屋租金。", details: 1, lead: "区国资办", support: "区财政局", contacts: []string{"区国资办 卢建国 65232077 （工作日上午）"}},
				{n: 10, text: "水电气欠费不停供。", details: 1, lead: "区发改局", support: "桐溪供电公司、区城管局", contacts: []string{"区发改局 陆春燕 65232410", "桐溪供电公司客户服务中心 潘振宇 65239517"}},
				// A phone read with a space.
				{n: 11, text: "发放消费券。", details: 1, lead: "区商务局", support: "区文旅局", contacts: []string{"区商务局 蓝海燕 65233058"}},
				// The two-column panel: left, then right.
				{n: 12, text: "个体工商户防疫补贴。", details: 1, lead: "区市场监管局", contacts: []string{"区市场监管局 韦晓峰 65233512"}},
				{n: 13, text: "住宿业会议补贴。", details: 1, lead: "区文旅局", contacts: []string{"区文旅局 周雅琴 txwlj@example.cn"}},
				// The last measure before the table's title.
				{n: 16, text: "诉求直通。", details: 1, lead: "区营商办", support: "区政务服务中心", contacts: []string{"区营商办 甘丽萍 12345、65234006"}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			g := mustParseFile(t, filepath.Join("testdata/formats", tt.dir, "guide.txt"))
			if g.Issuer != tt.issuer || g.Published != tt.published || g.AreaCode != tt.areaCode {
				t.Errorf("issuer %q published %q area code %q", g.Issuer, g.Published, g.AreaCode)
			}
			if len(g.Measures) != tt.count-len(tt.withdrawn) || g.MaxNumber() != tt.count+len(tt.absent) || len(g.Sections) != tt.sections {
				t.Errorf("%d measures (highest %d), %d sections", len(g.Measures), g.MaxNumber(), len(g.Sections))
			}
			r := g.Report
			if !slices.Equal(r.MissingText, OrEmpty(tt.absent)) || !slices.Equal(r.Missing, OrEmpty(tt.absent)) || len(r.MissingContact)+len(r.Headings)+len(r.Unread) > 0 {
				t.Errorf("report of a clean guide: missing text %v, contact %v, headings %v, unread %v", r.MissingText, r.MissingContact, r.Headings, r.Unread)
			}
			closing, content, block := 0, 0, 0
			for _, o := range r.Orphans {
				switch {
				case o.Method == Unattached && closing < tt.closingWords:
					closing++
				case o.Method == ByContactBlock && block < tt.byBlock && o.Measure > 0:
					block++
				case o.Method == BySimilarity && content < tt.byContent && o.Measure > 0:
					content++
				case o.Method != ByPosition && o.Method != ByClause || o.Doubtful:
					t.Errorf("clean guide: %s placed by %s", Clip(o.Sentence, 15), o.Method)
				}
			}
			for _, kind := range tt.warnings {
				if !hasWarning(g, kind) {
					t.Errorf("no %s warning: %+v", kind, r.Warnings)
				}
			}
			for _, n := range tt.withdrawn {
				if g.Measure(n) != nil || !warned(g, WarnWithdrawn, n) {
					t.Errorf("withdrawn record %d read as a measure, or not reported: %+v", n, r.Warnings)
				}
			}
			for _, w := range tt.measures {
				m := g.Measure(w.n)
				if m == nil {
					t.Fatalf("measure %d missing", w.n)
				}
				if !strings.HasPrefix(m.Text, w.text) || len(m.Details) != w.details {
					t.Errorf("measure %d: text %q, %d details %q", w.n, Clip(m.Text, 15), len(m.Details), m.Details)
				}
				if got := strings.Join(m.Lead, "、"); got != w.lead {
					t.Errorf("measure %d: lead %q, want %q", w.n, got, w.lead)
				}
				if got := strings.Join(m.Support, "、"); got != w.support {
					t.Errorf("measure %d: support %q, want %q", w.n, got, w.support)
				}
				if got := contactLines(m); !reflect.DeepEqual(got, w.contacts) {
					t.Errorf("measure %d: contacts\n got %q\nwant %q", w.n, got, w.contacts)
				}
			}
		})
	}
}

func hasWarning(g *Guide, kind string) bool {
	for _, w := range g.Report.Warnings {
		if w.Kind == kind {
			return true
		}
	}
	return false
}

// TestDial: a local number gets the area code only where the guide states
// one.
func TestDial(t *testing.T) {
	stated := mustParseFile(t, "testdata/formats/fangshan-2022-duty/guide.txt")
	silent := mustParseFile(t, "testdata/guides/huairou-2022/guide.txt")
	for _, tt := range []struct {
		g           *Guide
		phone, want string
	}{
		{stated, "69361274", "010-69361274"},
		{stated, "12366", "12366"},
		{stated, "010-69050322", "010-69050322"},
		{stated, "13801102367", "13801102367"},
		{silent, "69642235", "69642235"},
		{&Guide{AreaCode: "0535"}, "6218317", "0535-6218317"},
		{&Guide{AreaCode: "010"}, "6218317", "6218317"},
		{&Guide{AreaCode: "0535"}, "12366", "12366"},
	} {
		if got := tt.g.Dial(tt.phone); got != tt.want {
			t.Errorf("Dial(%s) = %s, want %s", tt.phone, got, tt.want)
		}
	}
}

// readmeRow is one row of a test guide README's table: the measure number,
// and the cells after the summary.
type readmeRow struct {
	n     int
	cells []string
}

var (
	rowNumber = regexp.MustCompile(`(\d+)\s*$`)
	// readmePhone finds the phones and e-mails a README cell lists.
	readmePhone = regexp.MustCompile(`0\d{2,3}-\d{8}|0\d{3}-\d{7}\b|1[3-9]\d{9}|\b[2-9]\d{7}\b|\b12\d{3}\b|\b9\d{4}\b|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\.[a-z]{2,}`)
)

// readmeMeasures yields each row of dir's README table with the measure
// g parsed under its number, reporting a measure g lacks; the table must
// have count rows.
func readmeMeasures(t *testing.T, g *Guide, dir string, count int) iter.Seq2[readmeRow, *Measure] {
	t.Helper()
	rows := readmeRows(t, dir)
	if len(rows) != count {
		t.Fatalf("README has %d rows", len(rows))
	}
	return func(yield func(readmeRow, *Measure) bool) {
		for _, row := range rows {
			m := g.Measure(row.n)
			if m == nil {
				t.Errorf("measure %d missing", row.n)
				continue
			}
			if !yield(row, m) {
				return
			}
		}
	}
}

func readmeRows(t *testing.T, dir string) []readmeRow {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []readmeRow
	for _, line := range strings.Split(string(b), "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		m := rowNumber.FindStringSubmatch(strings.TrimSpace(cells[0]))
		if m == nil || len(cells) < 4 {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		out = append(out, readmeRow{n, cells[2:]})
	}
	return out
}

// TestDistrictGuides checks the other districts' test guides against the
// tables their writers made from the text: every measure, and each
// measure's phones and e-mails exactly.
func TestDistrictGuides(t *testing.T) {
	for _, tt := range []struct {
		id    string
		count int
		lead  int // the README column of the lead units, -1 if none
	}{
		{"guides/huairou-2022", 45, -1},
		{"guides/pinggu-2023", 32, 0},
		{"guides/tongzhou-2020", 28, 0},
		{"guides/mentougou-2022", 26, -1},
		{"formats/shunyi-2022-fields", 32, 0},
		{"formats/songhua-2017-inline-table", 29, 0},
		{"formats/qingxi-2022-tables", 34, 0},
		{"formats/liuwan-2022-subtitles", 13, -1},
		{"formats/liutang-2023-kb-export", 13, -1},
		{"formats/zhian-2022-mail-thread", 8, -1},
		{"formats/liuhu-2022-docx", 15, 0},
	} {
		t.Run(tt.id, func(t *testing.T) {
			dir := filepath.Join("testdata", tt.id)
			g := mustParseFile(t, filepath.Join(dir, "guide.txt"))
			if len(g.Measures) != tt.count || len(g.Report.MissingText)+len(g.Report.MissingContact)+len(g.Report.Unread) > 0 {
				t.Errorf("%d measures; missing text %v, contact %v; unread %v", len(g.Measures), g.Report.MissingText, g.Report.MissingContact, g.Report.Unread)
			}
			for row, m := range readmeMeasures(t, g, dir, tt.count) {
				want := readmePhone.FindAllString(strings.Join(row.cells, " "), -1)
				var got []string
				for _, c := range m.Contacts {
					got = append(got, c.Phones...)
					got = append(got, c.Emails...)
				}
				if !sameSet(got, want) {
					t.Errorf("measure %d: phones %v, README %v", row.n, got, want)
				}
				if tt.lead >= 0 {
					if lead := strings.Join(m.Lead, "、"); lead != row.cells[tt.lead] {
						t.Errorf("measure %d: lead %q, README %q", row.n, lead, row.cells[tt.lead])
					}
				}
			}
		})
	}
}

// scrambledCopies are the corrupted copies kept beside each test guide:
// scramble.Scramble with seed 1. Run with -update to rewrite them.
func scrambledCopies(t *testing.T) []string {
	var dirs []string
	for _, pattern := range []string{"testdata/formats/*", "testdata/guides/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range m {
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				dirs = append(dirs, d)
			}
		}
	}
	return dirs
}

// scrambleGuide scrambles a guide file's text: a UTF-16 file (Word's
// "Unicode" text) is scrambled as the text it holds and written back in
// UTF-16LE with its BOM, as the corruption would leave such a file; a raw
// e-mail message as its text/plain part's text, the message rebuilt around
// it (see scrambleEML); any other file is scrambled as its bytes. It returns the copy and the bytes
// of the corrupted file.
func scrambleGuide(clean []byte, o scramble.Options) (scramble.Copy, []byte) {
	if c, b, ok := scrambleEML(clean, o); ok {
		return c, b
	}
	if _, ok := utf16Order(clean); !ok {
		c := scramble.Scramble(string(clean), o)
		return c, []byte(c.Text)
	}
	text, err := Decode(clean)
	if err != nil {
		c := scramble.Scramble(string(clean), o)
		return c, []byte(c.Text)
	}
	c := scramble.Scramble(text, o)
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(c.Text))
	if err != nil {
		panic(err)
	}
	return c, b
}

// TestScrambledCopies: each test guide's corrupted copy is the scrambler's
// output (so it can be made again), and parsing it keeps every contact of
// the measures whose start and contact block survived.
func TestScrambledCopies(t *testing.T) {
	// Parallel: it changes no package state; it runs beside the figure
	// tests once the sequential tests (which turn the fallback off) are done.
	t.Parallel()
	for _, dir := range scrambledCopies(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			clean, err := os.ReadFile(filepath.Join(dir, "guide.txt"))
			if err != nil {
				t.Fatal(err)
			}
			_, scrambled := scrambleGuide(clean, scramble.Options{Seed: 1})
			name := filepath.Join(dir, "scrambled-1.txt")
			if *update {
				if err := os.WriteFile(name, scrambled, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			stored, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if string(stored) != string(scrambled) {
				t.Fatalf("%s is not Scramble(guide.txt, seed 1); run go test -run TestScrambledCopies -update", name)
			}
			want, got := mustParseFile(t, filepath.Join(dir, "guide.txt")), mustParseFile(t, name)
			if json.Valid(clean) {
				// A JSON export cut at 。 and shuffled is no JSON: it goes
				// to the text readers (see jsonText), which must not fail
				// on it; its records are not recovered.
				t.Skipf("%s is a JSON export: its corrupted copy is no JSON (parsed: %d measures)", dir, len(got.Measures))
			}
			if why, ok := scrambledUnread[filepath.Base(dir)]; ok {
				t.Skipf("%s: %s (parsed: %d measures)", dir, why, len(got.Measures))
			}
			if len(got.Report.Duplicates) == 0 {
				t.Errorf("no duplicates in the scrambled copy")
			}
			// No measure gets another's phone. A unit may be lost (the
			// clause that named it displaced; then it is ""), phones may be
			// lost, and units a clause gave by position alone are reported
			// as such.
			kept := 0
			for _, w := range want.Measures {
				m := got.Measure(w.Number)
				if m == nil || !m.HasContact() {
					continue
				}
				kept++
				leadUnsure := len(m.Lead) == 0 || warned(got, WarnClauseByPosition, w.Number)
				if len(m.Contacts) > 0 && !sameContacts(m.Contacts, w.Contacts) || !leadUnsure && !reflect.DeepEqual(m.Lead, w.Lead) {
					t.Errorf("measure %d: contacts %q lead %v, clean %q %v", w.Number, contactLines(m), m.Lead, contactLines(&w), w.Lead)
				}
			}
			if why, ok := scrambledFloorPending[filepath.Base(dir)]; ok {
				t.Logf("%d of %d measures keep a contact; floor not yet held: %s", kept, len(want.Measures), why)
			} else if kept*3 < len(want.Measures)*2 {
				t.Errorf("only %d of %d measures keep a contact", kept, len(want.Measures))
			}
		})
	}
}

// scrambledFloorPending lists the guides whose scrambled copy does not
// yet keep two measures in three with a contact, and why. Every other
// check of TestScrambledCopies (the copy is the scrambler's, no measure
// gets another's phone) still holds for them.
var scrambledFloorPending = map[string]string{
	// Stop 45's PDF booklet (parser22b): a footnote is found by its
	// marker's page. The scrambler's copy moves text across pages (its
	// page numbers run 2, 1, 4, 2, …); a footnote is resolved there only
	// where the evidence is clear (name, marker and footnote on one
	// physical page, the measure's page by the 目录: see tocNotes), so
	// that 11 of 21 measures keep a contact on seed 1 (218 of 400 over
	// seeds 1-20, 226 over 21-40, none another's), short of 14.
	"meiling-2022-booklet": "footnotes resolve only where the evidence is clear on pages out of order: 11 of 21",
}

// secondReadGuides are the guides no layout reader claims (layout49): the
// generic path reads them, the shape fallback included, by design.
var secondReadGuides = []string{"guixi-2022-docx-xml", "wutong-2022-hotline", "qingyu-2022-group-chat"}

// scrambledUnread lists the guides whose scrambled copy is not read yet,
// and why: TestScrambledCopies only checks that the copy is the
// scrambler's and parses.
var scrambledUnread = map[string]string{
	// Stop 49's three layouts no reader claims (layout49) are read by the
	// generic path's second reading (see relaxText). Since stop 51 a
	// corrupted copy is cleaned too (its earlier copies dropped, starts
	// and headings glued to the line before put back: see
	// dropEarlierCopies, startsOwnLines): guixi-2022-docx-xml and
	// qingyu-2022-group-chat are checked. The transcript's copy still
	// shows phones beside other measures' text on seed 1 (measures 6, 7,
	// 20, 21: a turn moved with its contact, a repeated "电话多少？" read
	// as a person), where the clean reading itself gives some measures
	// their neighbour's follow-ups.
	"wutong-2022-hotline": "a transcript's corrupted copy: phones beside other measures' text on seed 1",
	// An RTF source holds no 。: the scrambler only moves its line breaks,
	// which RTF ignores. The corrupted text inside an RTF document is
	// checked by TestRTFScrambledText.
	"songxi-2022-rtf": "an RTF source: the scrambler cuts no sentence of it",
}

// warned reports whether the report warns of kind about measure n.
func warned(g *Guide, kind string, n int) bool {
	for _, w := range g.Report.Warnings {
		if w.Kind == kind && slices.Contains(w.Measures, n) {
			return true
		}
	}
	return false
}

// sameContacts reports whether got are want, a unit lost ("") aside.
func sameContacts(got, want []Contact) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g := got[i]
		if g.Unit == "" {
			g.Unit = want[i].Unit
		}
		// No person is no person, whether the slice is nil or empty.
		w := want[i]
		for _, s := range []*[]string{&g.People, &g.Phones, &g.Emails, &w.People, &w.Phones, &w.Emails} {
			if *s == nil {
				*s = []string{}
			}
		}
		if !reflect.DeepEqual(g, w) {
			return false
		}
	}
	return true
}

// TestHeldOutGuideParses only checks that the held-out guide (kept for
// measuring the model, not for tuning the parser) and its corrupted copy
// parse without errors.
func TestHeldOutGuideParses(t *testing.T) {
	// Parallel: it changes no package state; it runs beside the figure
	// tests once the sequential tests (which turn the fallback off) are done.
	t.Parallel()
	for _, id := range heldOutGuides {
		dir := filepath.Join("testdata/guides", id)
		for _, name := range []string{"guide.txt", "scrambled-1.txt"} {
			g := mustParseFile(t, filepath.Join(dir, name))
			if len(g.Measures) == 0 || hasWarning(g, WarnNoMeasures) {
				t.Errorf("%s/%s: %d measures", id, name, len(g.Measures))
			}
		}
	}
}
