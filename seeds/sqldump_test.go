package seeds

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sqlSample is a small mysqldump: English column names, the number a
// sort column beside the row id, a draft and a deleted row, two published
// rows of one number, units with a short name, contacts with two numbers
// in one cell, a mobile, an e-mail alone and a hotline, a link table with
// a support row first, a measure without link rows, categories sorted
// against their ids, the document's row, and noise tables (a config phone,
// a user's \' and \\, a log).
const sqlSample = "-- MySQL dump 10.13  Distrib 8.0.28, for Linux (x86_64)\n" +
	"/*!40101 SET NAMES utf8mb4 */;\n" +
	"DROP TABLE IF EXISTS `category`;\n" +
	"CREATE TABLE `category` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `name` varchar(50) NOT NULL,\n  `sort` int(11) NOT NULL DEFAULT '0',\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n" +
	"LOCK TABLES `category` WRITE;\n" +
	"INSERT INTO `category` VALUES (1,'金融支持',2),(2,'税费支持',1);\n" +
	"UNLOCK TABLES;\n" +
	"CREATE TABLE `contact` (\n  `id` int(11) NOT NULL,\n  `unit_id` int(11) NOT NULL,\n  `person` varchar(20) DEFAULT NULL,\n  `phone` varchar(50) DEFAULT NULL,\n" +
	"  `mobile` varchar(20) DEFAULT NULL,\n  `email` varchar(100) DEFAULT NULL,\n  `remark` varchar(100) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n);\n" +
	"INSERT INTO `contact` VALUES (1,1,NULL,'12366',NULL,NULL,'纳税服务热线（24小时）'),(2,1,'张丽','0431-86012301/0431-86012302',NULL,NULL,'货物和劳务税科')," +
	"(3,2,'王强',NULL,'13944310001',NULL,'预算股'),(4,3,'赵敏',NULL,NULL,'jrzx@163.com',NULL),(5,3,'孙涛','86015566','13804315566',NULL,'综合科');\n" +
	"CREATE TABLE `doc` (\n  `id` int(11) NOT NULL,\n  `title` varchar(200) NOT NULL,\n  `issuer` varchar(100),\n  `doc_no` varchar(50),\n  `publish_date` date,\n  PRIMARY KEY (`id`)\n);\n" +
	"INSERT INTO `doc` VALUES (1,'某区惠企政策服务指南','某区人民政府办公室','某政办字〔2022〕3号','2022-06-15');\n" +
	"CREATE TABLE `feedback` (`id` int(11) NOT NULL, `content` text, PRIMARY KEY (`id`));\n" +
	"CREATE TABLE `policy` (\n  `id` int(11) NOT NULL AUTO_INCREMENT,\n  `category_id` int(11) NOT NULL,\n  `sort_no` int(11) NOT NULL COMMENT '序号',\n" +
	"  `title` varchar(200) NOT NULL,\n  `content` text,\n  `lead_unit_ids` varchar(100) DEFAULT NULL,\n  `support_unit_ids` varchar(100) DEFAULT NULL,\n" +
	"  `status` tinyint(4) NOT NULL DEFAULT '0',\n  `deleted_at` datetime DEFAULT NULL,\n  `updated_at` datetime DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  KEY `idx_sort` (`sort_no`)\n) ENGINE=InnoDB COMMENT='政策';\n" +
	"INSERT INTO `policy` VALUES " +
	"(1,2,1,'留抵退税\\\"快退快办\\\"','对符合条件的小微企业一次性退还存量留抵税额。\\n企业通过电子税务局申请，税务部门三个工作日内审核完毕。','1','2',1,NULL,'2022-06-01 09:00:00')," +
	"(2,1,3,'应急转贷','对贷款即将到期的中小微企业提供应急转贷资金支持，单笔金额最高一千万元。\\r\\n使用费率不高于日万分之一。','3',NULL,1,NULL,'2022-06-01 09:00:00')," +
	"(3,2,2,'“六税两费”减征（旧）','对小规模纳税人按百分之五十的税额幅度减征六税两费，以前的旧文本作废。','1','',-1,'2022-06-20 10:00:00','2022-06-20 10:00:00')," +
	"(4,2,2,'“六税两费”减征','对小规模纳税人、小型微利企业和个体工商户按百分之五十的税额幅度减征六税两费。','1','',1,NULL,'2022-06-21 09:00:00')," +
	"(5,1,3,'应急转贷（草稿）','对贷款即将到期的企业提供周转支持，具体办法另行通知，本条仍在起草之中。','3',NULL,0,NULL,'2022-06-30 09:00:00')," +
	"(6,1,4,'贷款贴息','对新增的普惠小微贷款给予百分之一的贴息支持，贴息期限最长一年，按季度拨付。','3,2',NULL,1,NULL,'2022-06-01 09:00:00');\n" +
	"CREATE TABLE `policy_contact` (`id` int(11) NOT NULL, `policy_id` int(11) NOT NULL, `contact_id` int(11) NOT NULL, `role` varchar(10) NOT NULL, PRIMARY KEY (`id`));\n" +
	"INSERT INTO `policy_contact` VALUES (1,1,3,'support'),(2,1,2,'lead'),(3,4,1,'lead'),(4,2,4,'lead'),(5,3,5,'lead'),(6,5,5,'lead');\n" +
	"CREATE TABLE `sys_config` (`id` int(11) NOT NULL, `k` varchar(50), `v` varchar(500), PRIMARY KEY (`id`));\n" +
	"INSERT INTO `sys_config` VALUES (1,'service_phone','0431-86019999'),(2,'upload_path','D:\\\\zcdata\\\\'),(3,'status_desc','1=发布,0=草稿,-1=删除'),(4,'share','{\\\"t\\\":\\\"a,b(c)\\\"}');\n" +
	"CREATE TABLE `unit` (`id` int(11) NOT NULL, `name` varchar(100) NOT NULL, `short_name` varchar(50) DEFAULT NULL, `parent_id` int(11) DEFAULT '0', PRIMARY KEY (`id`));\n" +
	"INSERT INTO `unit` VALUES (1,'国家税务总局某区税务局','区税务局',0),(2,'某区财政局','区财政局',0),(3,'某区金融工作服务中心','区金融中心',2);\n" +
	"CREATE TABLE `wx_user` (`id` int(11) NOT NULL, `nickname` varchar(50), `mobile` varchar(20), PRIMARY KEY (`id`));\n" +
	"INSERT INTO `wx_user` VALUES (1,'Lily\\'s 花店','138****1234'),(2,'刘哥\\\\便利店','139****5678');\n" +
	"-- Dump completed on 2022-07-08 09:15:31\n"

func TestSQLDumpText(t *testing.T) {
	out, unread, withdrawn, copies := sqlText(sqlSample)
	if out == sqlSample || len(unread) != 0 || withdrawn != nil || copies != nil {
		t.Fatalf("unread %v, withdrawn %v, copies %v:\n%s", unread, withdrawn, copies, out)
	}
	for _, want := range []string{"某区惠企政策服务指南\n发布日期：2022-06-15\n来源：某区人民政府办公室。\n某政办字〔2022〕3号\n一、税费支持\n1. 留抵退税\"快退快办\"\n",
		"二、金融支持\n3. 应急转贷\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, absent := range []string{"草稿", "旧", "86019999", "Lily", "\r"} {
		if strings.Contains(out, absent) {
			t.Errorf("%q read:\n%s", absent, out)
		}
	}
	g := parseText(sqlSample)
	if g.Title != "某区惠企政策服务指南" || g.Issuer != "某区人民政府办公室" || g.Published != "2022-06-15" || len(g.Measures) != 4 || len(g.Sections) != 2 {
		t.Fatalf("title %q issuer %q published %q, %d measures, %d sections", g.Title, g.Issuer, g.Published, len(g.Measures), len(g.Sections))
	}
	for _, w := range []struct {
		n              int
		text           string
		lead, support  string
		contacts       []string
		details, phone int
	}{
		// The lead's row first though the table lists the support's
		// first; two numbers in one cell are two phones.
		{n: 1, text: "留抵退税\"快退快办\"：对符合条件的小微企业", lead: "区税务局", support: "区财政局", details: 1,
			contacts: []string{"区税务局 货物和劳务税科 张丽 0431-86012301、0431-86012302", "区财政局 预算股 王强 13944310001"}},
		// The published row, not the deleted older one; a hotline alone.
		{n: 2, text: "“六税两费”减征：对小规模纳税人、小型微利企业", lead: "区税务局", contacts: []string{"区税务局 12366 （24小时）"}},
		// The published row, not the later draft; \r\n a paragraph break.
		{n: 3, text: "应急转贷：对贷款即将到期的中小微企业", lead: "区金融中心", details: 1, contacts: []string{"区金融中心 赵敏 jrzx@163.com"}},
		// No link row: its lead units' contacts, phone and mobile.
		{n: 4, lead: "区金融中心、区财政局", contacts: []string{"区金融中心 赵敏 jrzx@163.com", "区金融中心 综合科 孙涛 86015566、13804315566", "区财政局 预算股 王强 13944310001"}},
	} {
		m := g.Measure(w.n)
		if m == nil {
			t.Fatalf("no measure %d", w.n)
		}
		if !strings.HasPrefix(m.Text, w.text) || len(m.Details) != w.details {
			t.Errorf("measure %d: text %q, details %q", w.n, m.Text, m.Details)
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
}

// TestSQLDumpValues: MySQL's escapes, NULL, negative numbers, strings
// holding commas, parentheses and "),(", a backslash before the closing
// quote, a column list in another order, two INSERTs into one table.
func TestSQLDumpValues(t *testing.T) {
	d := readSQLDump("CREATE TABLE `t` (\n  `a` int,\n  `b` varchar(9) COMMENT '序号, 即\\'号\\'',\n  `c` text,\n  KEY `k` (`a`,`b`)\n);\n" +
		"INSERT INTO `t` VALUES (1,'x\\ny\\r\\tz\\\\','a),(b'),(-1,NULL,'D:\\\\u\\\\'),(2,'it''s \\'q\\' \\\"d\\\"','');\n" +
		"# a comment\nINSERT INTO t (`c`, `a`) VALUES ('c1', 3) , ('c2',4);\n/* block; comment */\n")
	tb := d.byName["t"]
	if tb == nil || !slices.Equal(tb.cols, []string{"a", "b", "c"}) || tb.comments[1] != "序号, 即'号'" {
		t.Fatalf("table %+v", tb)
	}
	want := [][]sqlValue{
		{{s: "1"}, {s: "x\ny\r\tz\\"}, {s: "a),(b"}},
		{{s: "-1"}, {null: true}, {s: `D:\u\`}},
		{{s: "2"}, {s: `it's 'q' "d"`}, {s: ""}},
		{{s: "3"}, {null: true}, {s: "c1"}},
		{{s: "4"}, {null: true}, {s: "c2"}},
	}
	if !reflect.DeepEqual(tb.rows, want) || len(d.unread) != 0 {
		t.Errorf("rows\n got %+v\nwant %+v\nunread %v", tb.rows, want, d.unread)
	}
}

// TestSQLDumpDamaged: a row that does not parse is skipped and the rows
// after it read; a string left open ends at the next statement, the rows
// before it kept; a row of the wrong length is skipped.
func TestSQLDumpDamaged(t *testing.T) {
	d := readSQLDump("CREATE TABLE `t` (`a` int, `b` text);\n" +
		"INSERT INTO `t` VALUES (1,'one'),(2,'two' 'x'),(3,'three'),(4);\n" +
		"INSERT INTO `t` VALUES (5,'five'),(6,'six\n" +
		"INSERT INTO `t` VALUES (7,'seven');\n")
	var got []string
	for _, r := range d.byName["t"].rows {
		got = append(got, r[0].s+":"+r[1].s)
	}
	if want := []string{"1:one", "3:three", "5:five", "7:seven"}; !slices.Equal(got, want) || len(d.unread) != 3 {
		t.Errorf("rows %q, want %q; unread %v", got, want, d.unread)
	}
	// A damaged copy of the sample still reads its other measures.
	bad := strings.Replace(sqlSample, "(2,1,3,'应急转贷',", "(2,1,3,'应急转贷,", 1)
	g := parseText(bad)
	if len(g.Measures) != 3 || g.Measure(3) != nil || len(g.Report.Unread) == 0 {
		t.Errorf("damaged: %d measures, unread %v", len(g.Measures), g.Report.Unread)
	}
}

// pgSample is a pg_dump: COPY blocks (tabs, \N, escapes) and an INSERT
// whose strings double their quotes and keep their backslashes.
const pgSample = "--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n\n" +
	"CREATE TABLE public.zc (\n    id integer NOT NULL,\n    xuhao integer,\n    biaoti character varying(200),\n    neirong text,\n    qtdw character varying(50),\n    zt smallint\n);\n\n" +
	"CREATE TABLE public.dw (\n    id integer NOT NULL,\n    mc character varying(100),\n    jc character varying(50)\n);\n\n" +
	"CREATE TABLE public.lxr (\n    id integer NOT NULL,\n    dw_id integer,\n    xm character varying(20),\n    dh character varying(50)\n);\n\n" +
	"COPY public.zc (id, xuhao, biaoti, neirong, qtdw, zt) FROM stdin;\n" +
	"1\t2\t贷款贴息\t对新增普惠小微贷款给予贴息支持，贴息期限最长一年。\\n按季度拨付。\t2\t1\n" +
	"2\t1\t社保缓缴\t对特困行业企业阶段性缓缴养老保险单位缴费部分，缓缴期间免收滞纳金。\t1\t1\n" +
	"3\t3\t旧条目\t已经删除的旧条目文本，不应出现在指南之中，也不应当被读取。\t1\t\\N\n" +
	"\\.\n\n" +
	"INSERT INTO public.dw VALUES (1, '某区人力资源和社会保障局', '区人社局'), (2, '某区金融工作服务中心', '区金融中心');\n" +
	"INSERT INTO public.lxr VALUES (1, 1, '李娜', '0851-86012345'), (2, 2, '周强', 'C:\\tmp''s/0851-86019876'), (3, 2, '吴倩', '0851-86019877');\n"

func TestSQLDumpPostgres(t *testing.T) {
	d := readSQLDump(pgSample)
	if r := d.byName["lxr"].rows[1][3].s; r != `C:\tmp's/0851-86019876` {
		t.Errorf("standard-conforming string %q", r)
	}
	if r := d.byName["zc"].rows[0][3].s; !strings.Contains(r, "一年。\n按季度") {
		t.Errorf("COPY field %q", r)
	}
	g := parseText(pgSample)
	if len(g.Measures) != 2 || g.Measure(1) == nil || g.Measure(3) != nil {
		t.Fatalf("%d measures", len(g.Measures))
	}
	if got := contactLines(g.Measure(1)); !reflect.DeepEqual(got, []string{"区人社局 李娜 0851-86012345"}) || g.Measure(2).Lead[0] != "区金融中心" {
		t.Errorf("contacts %q, lead %q", got, g.Measure(2).Lead)
	}
}

// TestSQLDumpOther: a text that is no dump, or a dump without a table of
// measures, comes back unchanged.
func TestSQLDumpOther(t *testing.T) {
	for _, f := range []string{"testdata/formats/yunyan-2022-toml/guide.txt", "testdata/formats/songlan-2022-xml/guide.txt", "testdata/formats/fangshan-2022-duty/guide.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if out, _, _, _ := sqlText(string(b)); out != string(b) {
			t.Errorf("%s changed", f)
		}
	}
	for _, s := range []string{"", "CREATE TABLE t (a int);\nINSERT INTO t VALUES (1);\n", "-- MySQL dump\nINSERT INTO `x` VALUES ('甲');\n",
		"1. 建表。\nCREATE TABLE 说明：…\nINSERT INTO 说明"} {
		if out, unread, w, _ := sqlText(s); out != s || w != nil || unread != nil {
			t.Errorf("%q read as %q", s, out)
		}
	}
}

// TestSQLDumpScrambled: the format guide's corrupted copy (seed 1) reads
// as the clean guide: the same measures, units and contacts.
func TestSQLDumpScrambled(t *testing.T) {
	dir := "testdata/formats/jianxi-2022-mysqldump/"
	want, got := mustParseFile(t, dir+"guide.txt"), mustParseFile(t, dir+"scrambled-1.txt")
	if len(got.Measures) != len(want.Measures) || got.Title != want.Title || got.Published != want.Published {
		t.Fatalf("%d measures of %d; %q %q", len(got.Measures), len(want.Measures), got.Title, got.Published)
	}
	for _, w := range want.Measures {
		m := got.Measure(w.Number)
		if m == nil || m.Text != w.Text || !slices.Equal(m.Lead, w.Lead) || !reflect.DeepEqual(contactLines(m), contactLines(&w)) {
			t.Errorf("measure %d differs", w.Number)
		}
	}
}

// TestSQLDumpREADME checks every measure of the format guide against its
// README's table: the lead and support units, and each contact (unit,
// department, person, phones and e-mail) in order, lead first.
func TestSQLDumpREADME(t *testing.T) {
	checkUnitsContactsREADME(t, "testdata/formats/jianxi-2022-mysqldump", 20)
}

// checkUnitsContactsREADME checks the count measures of the format guide in
// dir against its README's table, whose cells after the title are 责任单位,
// 配合单位 and the contacts ("; " between them, hours left out).
func checkUnitsContactsREADME(t *testing.T, dir string, count int) {
	t.Helper()
	g := mustParseFile(t, dir+"/guide.txt")
	for row, m := range readmeMeasures(t, g, dir, count) {
		if got := strings.Join(m.Lead, "、"); got != row.cells[0] {
			t.Errorf("measure %d: lead %q, want %q", m.Number, got, row.cells[0])
		}
		if got := strings.Join(m.Support, "、"); got != row.cells[1] {
			t.Errorf("measure %d: support %q, want %q", m.Number, got, row.cells[1])
		}
		var got []string
		for _, c := range m.Contacts {
			c.Hours = ""
			got = append(got, c.String())
		}
		if want := strings.Split(row.cells[2], "; "); !slices.Equal(got, want) {
			t.Errorf("measure %d: contacts\n got %q\nwant %q", m.Number, got, want)
		}
	}
}
