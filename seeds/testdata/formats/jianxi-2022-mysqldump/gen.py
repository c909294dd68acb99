#!/usr/bin/env python3
"""Writes guide.txt: a mysqldump of a (fictional) district mini-program's database.

Test data: a real district (河南省洛阳市涧西区, area code 0379, 8-digit local
numbers) and an invented database; every unit's department, person, phone,
e-mail, openid, IP, amount and wording is invented. Checks that every string
escapes and reads back (a small reader of MySQL's escapes below).
"""

def esc(s):
    """mysql_real_escape_string."""
    out = []
    for c in s:
        out.append({"\x00": "\\0", "\n": "\\n", "\r": "\\r", "\\": "\\\\", "'": "\\'", '"': '\\"', "\x1a": "\\Z"}.get(c, c))
    return "".join(out)

def lit(v):
    if v is None:
        return "NULL"
    if isinstance(v, int):
        return str(v)
    return "'" + esc(v) + "'"

def unesc(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\":
            out.append({"n": "\n", "r": "\r", "0": "\x00", "Z": "\x1a"}.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)

for s in ["D:\\jianxi\\upload\\", "Jack's 面馆", "a\r\nb\"c\""]:
    assert unesc(esc(s)) == s

# Units: id, full name, short name (the guide's), parent.
UNITS = [
    (1, "国家税务总局洛阳市涧西区税务局", "区税务局", 0),
    (2, "洛阳市涧西区财政局", "区财政局", 0),
    (3, "洛阳市涧西区人力资源和社会保障局", "区人社局", 0),
    (4, "洛阳市涧西区社会保险中心", "区社保中心", 3),
    (5, "洛阳市涧西区公共就业服务中心", "区就业中心", 3),
    (6, "洛阳市涧西区国有资产服务中心", "区国资中心", 2),
    (7, "洛阳市涧西区机关事务管理局", "区机关事务局", 0),
    (8, "洛阳市涧西区金融工作服务中心", "区金融中心", 0),
    (9, "洛阳市涧西区融资担保有限公司", "区融资担保公司", 2),
    (10, "洛阳市涧西区商务局", "区商务局", 0),
    (11, "洛阳市涧西区文化广电和旅游局", "区文旅局", 0),
    # Renamed: the full name is the new one, the short name the old one.
    (12, "洛阳市涧西区科学技术和工业信息化局", "区工信局", 0),
    (13, "洛阳市涧西区行政审批服务局", "区审批局", 0),
    (14, "洛阳市涧西区市场监督管理局", "区市场监管局", 0),
    (15, "洛阳市涧西区发展和改革委员会", "区发改委", 0),
]

# Contacts: id, unit id, person, phone, mobile, e-mail, remark (科室 or a note).
CONTACTS = [
    (1, 1, None, "12366", None, None, "纳税服务热线（24小时）"),
    (2, 1, "郑晓东", "0379-64215301", None, None, "货物和劳务税科"),
    (3, 1, "马丽萍", "64215318", None, None, "财产和行为税科"),
    (4, 2, "韩文博", "0379-64231126", None, "jxczys@163.com", "预算股"),
    (5, 3, None, "12333", None, None, "人社服务热线"),
    (6, 4, "苗建华", "0379-64250712/0379-64250716", None, None, "征缴科"),
    (7, 5, "宋雨晴", "0379-64257730", "13903792641", None, "就业促进科"),
    (8, 6, "袁志刚", None, "13837915528", None, "产权管理科"),
    (9, 7, "白雪梅", "64268815", None, None, None),
    (10, 8, "常国庆", "0379-64270921", None, None, "金融服务股"),
    (11, 9, "吕婷", "0379-64271105", "15138827604", None, "业务部"),
    (12, 10, "潘建军", "0379-64282230", None, None, "商贸流通股"),
    (13, 10, "谢芳", None, None, "jxswjwm@163.com", "外经贸股"),
    (14, 11, "顾晓光", "0379-64286612", None, None, "产业发展股"),
    (15, 12, "邢海涛", "0379-64290318", None, None, "中小企业股"),
    (16, 12, "任佳", "64290325", None, None, None),
    (17, 13, None, "0379-64299000", None, None, "企业服务专窗（工作日8:30-17:30）"),
    (18, 14, "雷振宇", "0379-64293357", None, "jxscjg_dj@163.com", "登记注册科"),
]

# Categories: id, name, sort (id order is not the guide's).
CATS = [(1, "税费减免", 1), (2, "稳岗就业", 2), (3, "金融扶持", 4), (4, "房租减免", 3),
        (5, "政务服务", 6), (6, "消费促进", 5), (7, "其他", 99)]

# Policies: id, category, number (xuhao), title, content, lead ids, support ids,
# fbzt ('1' published, '0' draft), del_flag ('0', '2' deleted), views, created, updated.
P = []
def pol(id, cat, no, title, content, lead, support, fbzt="1", dele="0", views=None, created=None, updated=None):
    created = created or "2022-06-21 09:%02d:00" % (id % 60)
    updated = updated or created
    P.append((id, cat, no, title, content, lead, support, fbzt, dele, 100 + id * 7 if views is None else views, created, updated))

pol(1, 1, 1, "增值税留抵退税\"即申即退\"", "对符合条件的小微企业和制造业等行业企业，一次性退还存量留抵税额，并按月全额退还增量留抵税额。\n企业通过电子税务局提交申请，税务部门在3个工作日内完成审核。", "1", "2")
pol(2, 1, 2, "小规模纳税人免征增值税", "2022年4月1日至12月31日，对增值税小规模纳税人适用3%征收率的应税销售收入免征增值税，适用3%预征率的预缴增值税项目暂停预缴增值税。", "1", "")
pol(3, 1, 3, "\"六税两费\"减征", "对增值税小规模纳税人、小型微利企业和个体工商户，按50%的税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加。", "1", "")
pol(4, 1, 4, "房产税、城镇土地使用税困难减免", "对受疫情影响生产经营困难、缴纳房产税和城镇土地使用税确有困难的纳税人，可申请减免2022年第二、三季度的房产税和城镇土地使用税。\n申请截止2022年11月30日。", "1", "")
pol(5, 1, 5, "政府采购预留份额", "超过200万元的工务、服务采购项目中适宜由中小企业提供的，预留该部分采购项目预算总额的40%以上专门面向中小企业采购，其中预留给小微企业的比例不低于70%。", "2", "1")
pol(6, 2, 6, "阶段性缓缴社会保险费", "对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业，阶段性缓缴养老、失业、工伤保险单位缴费部分，缓缴期间免收滞纳金。\n缓缴期限至2022年12月31日。", "4", "3")
# Measure 7: the old text (deleted) and the current one (id 23, later).
pol(7, 2, 7, "一次性留工培训补助", "对受疫情影响暂时无法正常生产经营的餐饮、零售、旅游等5个行业中小微企业，按每名参保职工500元的标准发放一次性留工培训补助，申请截止2022年9月30日。", "5", "3",
    dele="2", created="2022-06-21 09:07:00", updated="2022-06-28 15:40:12")
pol(8, 2, 8, "一次性扩岗补助", "对招用毕业年度高校毕业生、签订劳动合同并参加失业保险的企业，按每人1500元的标准发放一次性扩岗补助，政策执行至2022年12月31日。", "5", "")
pol(9, 2, 9, "高校毕业生\"就业见习\"补贴", "对吸纳离校2年内未就业高校毕业生参加就业见习的单位，按当地最低工资标准的70%给予见习补贴，见习期满留用率达到50%以上的，补贴标准提高至80%。", "5", "3")
pol(10, 3, 12, "普惠小微贷款支持", "引导辖区银行机构加大普惠小微贷款投放，对受疫情影响暂时经营困难的小微企业和个体工商户贷款，合理给予延期还本付息安排，不盲目抽贷、断贷、压贷。", "8", "")
pol(11, 3, 13, "应急转贷资金支持", "对贷款即将到期、还款暂时困难的中小微企业，由区应急转贷资金提供短期周转支持，单笔金额最高1000万元，使用费率不高于日万分之一。", "9", "8")
pol(12, 3, 14, "融资担保降费", "区融资担保公司对小微企业和个体工商户新增担保业务，年化担保费率降至1%以下，对受疫情影响较大的行业企业担保费率再降低0.2个百分点。", "9", "")
pol(13, 4, 10, "国有房屋租金减免", "对承租区属国有企业和行政事业单位经营用房的服务业小微企业和个体工商户，2022年减免3个月租金；\r\n位于疫情中高风险地区所在县级行政区域内的，减免6个月租金。", "6,7", "2")
pol(14, 4, 11, "非国有房屋减租激励", "对2022年为服务业小微企业和个体工商户减免租金的非国有房屋出租人，当年缴纳房产税、城镇土地使用税确有困难的，可按规定申请减免。", "1", "6")
pol(15, 6, 15, "发放\"洛邑惠购\"消费券", "分三批在全区发放\"洛邑惠购\"消费券共计1000万元，覆盖餐饮、零售、文旅等领域，市民通过\"云闪付\"APP领取，活动期间每人每批限领一次。", "12", None)
pol(16, 6, 16, "文旅企业纾困补助", "对2022年正常经营的A级旅游景区、星级饭店和旅行社，按照企业规模分档给予一次性纾困补助，最高不超过10万元。\r\n申报时间为2022年7月1日至8月31日。", "11", "10")
pol(17, 6, 17, "外贸企业稳订单", "对参加境内外线上线下展会的外贸企业，按展位费的50%给予补助，单个企业年度补助最高20万元；对出口信用保险保费给予不超过50%的补贴。", "10", None)
pol(18, 5, 18, "企业开办\"一日办结\"", "推行企业开办全程网办，营业执照、公章刻制、发票申领、社保登记、公积金缴存登记一日办结，新开办企业免费发放首套印章。", "13", None)
pol(19, 5, 19, "个体工商户转型为企业", "对个体工商户转型为企业的，保留原字号和行业特点，原有证照、资质继续有效，变更登记当日办结，按规定给予一次性转型奖励5000元。", "14", "12")
pol(20, 5, 20, "涉企审批容缺受理", "对企业申请事项基本条件具备、主要申报材料齐全、次要材料有欠缺的，实行容缺受理，企业在承诺期限内补齐材料后即时出具审批结果。", "10", "15")
# A draft duplicate of 13 (later id, older text) and a dropped 21.
pol(21, 3, 13, "应急转贷资金支持", "对贷款即将到期的中小微企业提供短期周转支持，单笔金额最高500万元，具体办法另行通知。", "9", "8", fbzt="0", views=0,
    created="2022-06-30 11:12:40")
pol(22, 2, 21, "吸纳就业困难人员社保补贴", "对吸纳就业困难人员就业的小微企业，按实际缴纳的社会保险费给予补贴，期限最长3年。", "3", None, dele="2", views=3,
    created="2022-06-21 10:02:00", updated="2022-06-25 08:30:00")
pol(23, 2, 7, "一次性留工培训补助（扩围）", "对受疫情影响暂时无法正常生产经营的所有行业中小微企业，按每名参保职工500元的标准发放一次性留工培训补助。\n申请截止时间延长至2022年12月31日，已享受过的企业不重复享受。", "5", "3",
    created="2022-06-28 15:41:03", updated="2022-06-29 09:12:44")

# Links: id, policy id (the row id, not the number), contact id, role.
LINKS = []
def link(pid, cid, role="主办"):
    LINKS.append((len(LINKS) + 1, pid, cid, role))
link(1, 2); link(1, 4, "协办")
link(2, 1)
link(3, 3); link(3, 1, "协办")
link(4, 3); link(4, 2)
# Support first in the table: the guide lists the lead first.
link(5, 3, "协办"); link(5, 4)
link(6, 6); link(6, 5, "协办")
link(7, 7); link(7, 5, "协办")          # the deleted old 7: not read
link(8, 7)
link(9, 7); link(9, 5, "协办")
link(10, 10)
link(11, 11); link(11, 10, "协办")
link(12, 11)
link(13, 8); link(13, 9)
link(14, 3); link(14, 8, "协办")
# 15 (消费券) has no link row: its lead unit's contacts (区工信局: 15, 16).
link(16, 14); link(16, 12, "协办")
link(17, 13)
link(18, 17)
link(19, 18); link(19, 15, "协办")
link(20, 13)
link(21, 11)                             # the draft: not read
link(22, 5)                              # the dropped 21: not read
link(23, 7); link(23, 5, "协办")

DOC = (1, "涧西区稳经济助企纾困政策服务指南", "洛阳市涧西区人民政府办公室", "涧政办〔2022〕18号", "2022-06-20",
       "为落实国家和省、市稳经济一揽子政策措施，帮助市场主体纾困解难，现将6个方面20条政策汇编成指南，供企业查阅。", "/upload/cover/2022/jx_zhinan.png")

CONFIG = [
    (1, "小程序名称", "app.name", "涧西惠企通", "N", None),
    (2, "咨询电话", "app.service_phone", "0379-64200000", "Y", "首页咨询电话"),
    (3, "首页公告", "app.notice", "政策咨询请于工作日8:30-12:00、14:30-17:30来电。\n周末及节假日不接听。", "Y", None),
    (4, "政策状态说明", "zc.fbzt.desc", "1=已发布,0=草稿", "Y", "del_flag：0=存在,2=删除"),
    (5, "上传路径", "sys.upload.path", "D:\\jianxi\\upload\\", "Y", None),
    (6, "分享配置", "app.share", '{"title":"涧西惠企通","path":"/pages/index/index","imageUrl":"/static/share.png"}', "N", None),
]

USERS = [
    (1, "oJx3s5Bq8Kd2mPz0aR7tYw1uV4nE", "Jack's 面馆", "139****2210", "0", "10.10.8.21"),
    (2, "oJx3s5N1cF6hGi9jKl0mNo2pQr3S", "李姐\\小卖部", "186****7731", "1", "10.10.8.34"),
    (3, "oJx3s5Tu4vWx5yZa6bCd7eFg8hIj", "涧西老张", None, "0", "10.10.8.57"),
    (4, "oJx3s5Kl9mNo0pQr1sTu2vWx3yZa", "小王(财务)", "137****0452", "2", "10.10.8.90"),
]

LOGS = []
for i in range(36):
    pid = [1, 2, 23, 7, 22, 10, 15, 18, 5, 13, 16, 20][i % 12]
    LOGS.append((i + 1, "政策详情", "/pages/zc/detail?id=%d" % pid, "10.10.%d.%d" % (8 + i % 3, 20 + i), "2022-07-%02d %02d:%02d:%02d" % (1 + i % 11, 8 + i % 10, (i * 7) % 60, (i * 13) % 60)))

def values(rows):
    return ",".join("(" + ",".join(lit(v) for v in r) + ")" for r in rows)

L = []
def w(s=""):
    L.append(s)

w("-- MySQL dump 10.13  Distrib 5.7.40, for Linux (x86_64)")
w("--")
w("-- Host: 172.16.20.8    Database: jx_hqt")
w("-- ------------------------------------------------------")
w("-- Server version\t5.7.40-log")
w()
for s in ["/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;", "/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;",
          "/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;", "/*!40101 SET NAMES utf8mb4 */;",
          "/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;", "/*!40103 SET TIME_ZONE='+00:00' */;",
          "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;",
          "/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;",
          "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;", "/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;"]:
    w(s)

def table(name, create, rows, cols=None, split=None, comment=None):
    w()
    w("--")
    w("-- Table structure for table `%s`" % name)
    w("--")
    w()
    w("DROP TABLE IF EXISTS `%s`;" % name)
    w("/*!40101 SET @saved_cs_client     = @@character_set_client */;")
    w("/*!40101 SET character_set_client = utf8 */;")
    w("CREATE TABLE `%s` (" % name)
    for i, c in enumerate(create):
        w("  " + c + ("," if i < len(create) - 1 else ""))
    w(") ENGINE=InnoDB AUTO_INCREMENT=%d DEFAULT CHARSET=utf8mb4%s;" % (len(rows) + 1, " COMMENT='%s'" % comment if comment else ""))
    w("/*!40101 SET character_set_client = @saved_cs_client */;")
    w()
    w("--")
    w("-- Dumping data for table `%s`" % name)
    w("--")
    w()
    w("LOCK TABLES `%s` WRITE;" % name)
    w("/*!40000 ALTER TABLE `%s` DISABLE KEYS */;" % name)
    if rows:
        head = "INSERT INTO `%s`" % name + (" (" + ", ".join("`%s`" % c for c in cols) + ")" if cols else "") + " VALUES "
        parts = [rows[:split], rows[split:]] if split else [rows]
        for part in parts:
            w(head + values(part) + ";")
    w("/*!40000 ALTER TABLE `%s` ENABLE KEYS */;" % name)
    w("UNLOCK TABLES;")

table("jg_danwei", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`qc` varchar(100) NOT NULL COMMENT '单位全称'",
                    "`jc` varchar(50) DEFAULT NULL COMMENT '单位简称'", "`sjid` int(11) NOT NULL DEFAULT '0' COMMENT '上级单位'",
                    "PRIMARY KEY (`id`)", "KEY `idx_sjid` (`sjid`)"], UNITS, comment="机构单位")
table("sys_config", ["`config_id` int(5) NOT NULL AUTO_INCREMENT COMMENT '参数主键'", "`config_name` varchar(100) DEFAULT '' COMMENT '参数名称'",
                     "`config_key` varchar(100) DEFAULT '' COMMENT '参数键名'", "`config_value` varchar(500) DEFAULT '' COMMENT '参数键值'",
                     "`config_type` char(1) DEFAULT 'N' COMMENT '系统内置（Y是 N否）'", "`remark` varchar(500) DEFAULT NULL COMMENT '备注'",
                     "PRIMARY KEY (`config_id`)"], CONFIG, comment="参数配置表")
table("sys_oper_log", ["`oper_id` bigint(20) NOT NULL AUTO_INCREMENT", "`title` varchar(50) DEFAULT ''", "`oper_url` varchar(255) DEFAULT ''",
                       "`oper_ip` varchar(128) DEFAULT ''", "`oper_time` datetime DEFAULT NULL", "PRIMARY KEY (`oper_id`)"], LOGS)
table("sys_user", ["`user_id` bigint(20) NOT NULL AUTO_INCREMENT", "`openid` varchar(64) NOT NULL", "`nick_name` varchar(30) DEFAULT ''",
                   "`phonenumber` varchar(11) DEFAULT '' COMMENT '手机号码（脱敏）'", "`sex` char(1) DEFAULT '0'", "`login_ip` varchar(128) DEFAULT ''",
                   "PRIMARY KEY (`user_id`)", "UNIQUE KEY `uk_openid` (`openid`)"], USERS)
table("zc_fenlei", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`mc` varchar(50) NOT NULL COMMENT '分类名称'", "`paixu` int(11) NOT NULL DEFAULT '0' COMMENT '排序'",
                    "PRIMARY KEY (`id`)"], CATS, comment="政策分类")
table("zc_liuyan", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`zc_id` int(11) DEFAULT NULL", "`openid` varchar(64) DEFAULT NULL",
                    "`nr` varchar(1000) DEFAULT NULL COMMENT '留言内容'", "`lxdh` varchar(20) DEFAULT NULL", "`cjsj` datetime DEFAULT NULL",
                    "PRIMARY KEY (`id`)"], [], comment="留言反馈")
table("zc_lxr", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`dw_id` int(11) NOT NULL COMMENT '所属单位'", "`xm` varchar(20) DEFAULT NULL COMMENT '联系人'",
                 "`dh` varchar(50) DEFAULT NULL COMMENT '办公电话'", "`sj` varchar(20) DEFAULT NULL COMMENT '手机'", "`yx` varchar(100) DEFAULT NULL COMMENT '邮箱'",
                 "`ks` varchar(100) DEFAULT NULL COMMENT '科室/备注'", "PRIMARY KEY (`id`)", "KEY `idx_dw` (`dw_id`)"], CONTACTS, comment="联系人")
table("zc_wenjian", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`wjbt` varchar(200) NOT NULL COMMENT '文件标题'", "`fwjg` varchar(100) DEFAULT NULL COMMENT '发文机关'",
                     "`wh` varchar(50) DEFAULT NULL COMMENT '文号'", "`fbrq` date DEFAULT NULL COMMENT '发布日期'", "`jj` varchar(500) DEFAULT NULL COMMENT '简介'",
                     "`fm` varchar(200) DEFAULT NULL COMMENT '封面'", "PRIMARY KEY (`id`)"], [DOC], comment="政策文件")
ZC_COLS = ["id", "fl_id", "xuhao", "biaoti", "neirong", "qtdw", "phdw", "fbzt", "del_flag", "llcs", "cjsj", "gxsj"]
table("zc_zhengce", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`fl_id` int(11) NOT NULL COMMENT '分类'", "`xuhao` int(11) NOT NULL COMMENT '序号'",
                     "`biaoti` varchar(200) NOT NULL COMMENT '标题'", "`neirong` text COMMENT '内容'",
                     "`qtdw` varchar(100) DEFAULT NULL COMMENT '牵头单位（jg_danwei.id，逗号分隔）'", "`phdw` varchar(100) DEFAULT NULL COMMENT '配合单位'",
                     "`fbzt` char(1) NOT NULL DEFAULT '0' COMMENT '发布状态（1已发布 0草稿）'", "`del_flag` char(1) DEFAULT '0' COMMENT '删除标志（0存在 2删除）'",
                     "`llcs` int(11) DEFAULT '0' COMMENT '浏览次数'", "`cjsj` datetime DEFAULT NULL COMMENT '创建时间'", "`gxsj` datetime DEFAULT NULL COMMENT '更新时间'",
                     "PRIMARY KEY (`id`)", "KEY `idx_fl` (`fl_id`)", "KEY `idx_xuhao` (`xuhao`)"], P, cols=ZC_COLS, split=12, comment="惠企政策")
table("zc_zhengce_lxr", ["`id` int(11) NOT NULL AUTO_INCREMENT", "`zc_id` int(11) NOT NULL COMMENT '政策ID'", "`lxr_id` int(11) NOT NULL COMMENT '联系人ID'",
                         "`js` varchar(10) NOT NULL DEFAULT '主办' COMMENT '角色'", "PRIMARY KEY (`id`)"], LINKS)
w("/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;")
w()
for s in ["/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;", "/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;",
          "/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;", "/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;",
          "/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;", "/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;",
          "/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;"]:
    w(s)
w()
w("-- Dump completed on 2022-07-12 17:05:31")

open("guide.txt", "w", encoding="utf-8", newline="\n").write("\n".join(L) + "\n")

# The README's measure table.
unit = {u[0]: u[2] for u in UNITS}
con = {c[0]: c for c in CONTACTS}
live = sorted((p for p in P if p[7] == "1" and p[8] == "0"), key=lambda p: p[2])
assert [p[2] for p in live] == list(range(1, 21))
def cstr(c):
    _, u, person, phone, mobile, email, remark = c
    phones = [x for x in (phone or "").split("/") if x] + ([mobile] if mobile else [])
    return " ".join(x for x in [unit[u], remark if remark and "热线" not in remark and "（" not in remark else None, person, "、".join(phones) or None, email] if x)
for p in live:
    ls = [l for l in LINKS if l[1] == p[0]]
    ls = [l for l in ls if l[3] == "主办"] + [l for l in ls if l[3] != "主办"]
    cs = [con[l[2]] for l in ls] or [c for c in CONTACTS if str(c[1]) in (p[5] or "").split(",")]
    sup = "、".join(unit[int(x)] for x in (p[6] or "").split(",") if x)
    print("| %d | %s | %s | %s | %s |" % (p[2], p[3], "、".join(unit[int(x)] for x in p[5].split(",")), sup, "; ".join(cstr(c) for c in cs)))
