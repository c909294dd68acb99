#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's policy calendar exported as an
RFC 5545 iCalendar file (see README.md). Deterministic; run from this directory."""

DOC = "威环政办发〔2022〕21号"
FOLD = "\x00"  # a forced fold point (RFC 5545 allows folding before 75 octets)

# (no, title, text, units, contacts, categories)
# contacts: (unit+科室, person, phone) with person or phone possibly None
M = [
 (1, "增值税留抵退税", "对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额。纳税人在每月申报期内提交退税申请，税务部门在5个工作日内办结。",
  ["区税务局"], [("区税务局货物和劳务税科", "王立群", "0631-5231406")], "税费"),
 (2, "“六税两费”减征", "对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税(不含证券交易印花税)、耕地占用税和教育费附加、地方教育附加。纳税人自行申报享受，无需提交资料。",
  ["区税务局"], [("纳税缴费服务热线 12366",)], "税费"),
 (3, "阶段性缓缴养老保险费", "对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业，阶段性缓缴企业职工基本养老保险、失业保险和工伤保险单位缴费部分，养老保险费缓缴期限至2022年年底，缓缴期间免收滞纳金。",
  ["区人社局", "区社保中心"], [("区社保中心征缴科", "孙晓梅", "5232817")], "社保"),
 (4, "失业保险稳岗返还", "对不裁员或少裁员的参保企业，大型企业按企业及其职工上年度实际缴纳失业保险费的30%返还，中小微企业返还比例提高至90%。返还资金直接拨付至企业对公账户;未收到的企业可向经办机构查询。",
  ["区人社局"], [("区人社局失业保险科", "刘文涛", "(0631)5233620")], "就业"),
 (5, "一次性留工培训补助", "对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元的标准发放一次性留工培训补助。企业通过“威海人社”网上服务平台申领，截至2022年12月31日。",
  ["区人社局"], [("区人社局失业保险科", "刘文涛", "(0631)5233620")], "就业"),
 (6, "一次性扩岗补助", "对招用毕业年度高校毕业生并签订劳动合同、参加失业保险的企业，按每人1500元标准发放一次性扩岗补助。",
  ["区公共就业和人才服务中心"], [("区公共就业和人才服务中心就业科", "赵敏", "0631 5234471")], "就业"),
 (7, "缓缴职工医疗保险费", "对符合条件的中小微企业，可申请缓缴职工基本医疗保险单位缴费3个月，缓缴期间免收滞纳金，不影响参保职工享受医保待遇。",
  ["区医保局"], [("区医保局基金征缴科", "陈海涛", "0631－5236605")], "社保"),
 (8, "住房公积金阶段性缓缴", "受疫情影响的企业可按规定申请缓缴住房公积金，到期后进行补缴，缓缴期间缴存时间连续计算，不影响职工正常提取和申请住房公积金贷款。",
  ["市住房公积金管理中心环翠管理部"], [("市住房公积金管理中心环翠管理部归集科", "周晓燕", "0631-5227719")], "社保"),
 (9, "减免国有房屋租金", "对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金，其中被列为中高风险地区所在县级行政区内的减免6个月，其他地区减免3个月。转租、分租的，确保租金减免惠及实际经营主体。",
  ["区国资中心", "区财政局"], [("区国资中心资产运营科", "李春生", "5236188"), ("区财政局资产管理科", "吴丽", "5231190")], "房租"),
 (10, "非国有房屋租金减免奖励", "鼓励非国有房屋业主为服务业小微企业和个体工商户减免租金，对减免3个月以上的出租人，按减免租金总额的20%给予奖励，最高10万元。",
  ["区住建局"], [("区住建局房产管理科", "马建华", "5227654\\; 13806312457")], "房租"),
 (11, "水电气“欠费不停供”", "对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气实行“欠费不停供”，设立6个月费用缓缴期，缓缴期间免收欠费滞纳金。",
  ["国网威海市环翠区供电公司", "区供水公司", "区燃气热线", "区发改局"],
  [("国网威海市环翠区供电公司营销部", "郑斌", "0631-5252301"), ("区供水公司客户服务中心", "韩冬", "0631-5220815"),
   ("区燃气热线", None, "0631-5229101"), ("区发改局价格科", "高原", "5232016")], "公用事业"),
 (12, "提高政府采购预留份额", "将面向小微企业的价格扣除比例提高至10%至20%，超过200万元的工程采购项目预留面向中小企业采购的份额提高至40%以上。",
  ["区财政局"], [("区财政局政府采购科", "徐静", "0631-5231177")], "政府采购"),
 (13, "设立应急转贷资金", "设立区级应急转贷资金，对贷款到期、续贷有困难的中小微企业提供过桥资金支持，单笔最高1000万元，资金使用费按日万分之一收取。",
  ["区金融服务中心"], [("区金融服务中心金融科", "宋立军", "0631-5238102")], "金融"),
 (14, "降低融资担保费率", "区财金融资担保公司对小微企业和个体工商户新增担保业务担保费率降至1%以下，对受疫情影响较大的行业取消反担保要求。",
  ["区财政局", "区财金融资担保公司"], [("区财政局金融科", "吴丽", "5231190"), ("区财金融资担保公司业务部", "何佳", "0631-5239036")], "金融"),
 (15, "普惠小微贷款增量扩面", "引导辖区银行机构对受疫情影响的中小微企业、个体工商户贷款合理延期还本付息，2022年普惠小微贷款余额增速不低于各项贷款增速。",
  ["区金融服务中心"], [("区金融服务中心金融科", "宋立军", "0631-5238102")], "金融"),
 (16, "餐饮企业纾困补贴", "对年营业额100万元以上、吸纳就业10人以上的餐饮企业，按2022年上半年实际缴纳社会保险费单位缴费部分的50%给予补贴，最高5万元。",
  ["区商务局"], [("区商务局商贸流通科", "林晓", "0631-5233370")], "餐饮"),
 (17, "零售企业稳定经营补贴", "对限额以上零售企业2022年下半年零售额同比增长5%以上的，按增量部分的1%给予奖励，单户最高20万元。",
  ["区商务局"], [("区商务局商贸流通科", "林晓", "0631-5233370")], "零售"),
 (18, "市场主体登记便利化", "推行市场主体登记“一网通办”，企业开办全流程1个工作日内办结，免费刻制首套印章，对个体工商户实行“秒批秒办”。",
  ["区行政审批服务局", "区市场监管局"], [("区行政审批服务局商事登记科", "曲敏", "0631-5226718"), ("区市场监管局登记注册科", "董芳", "5236602")], "营商环境"),
 (19, "发放惠民消费券", "分批次发放总额2000万元的“惠享环翠”消费券，覆盖餐饮、零售、文旅等领域，市民通过“云闪付”APP领取，参与商户资金结算T+1到账。",
  ["区商务局"], [("区商务局市场运行科", "孙雷", "0631-5233385")], "消费"),
 (20, "文旅企业纾困资金", "对2022年接待游客量同比下降的A级旅游景区和星级旅游饭店，按其上年度缴纳税收的30%给予纾困资金，最高30万元。",
  ["区文旅局"], [("区文旅局产业发展科", "姜涛", "0631-5229933")], "文旅"),
 (21, "旅行社质量保证金暂退", "继续实施旅行社质量保证金暂退政策，暂退比例为100%，旅行社应于2023年3月31日前交还。",
  ["区文旅局"], [("区文旅局市场管理科", "杨帆", "5228845")], "文旅"),
 (22, "物流保通保畅", "设立区物流保通保畅工作专班，24小时受理货车司机和物流企业通行问题，对重点物资运输车辆实行“绿色通道”，不得简单劝返。",
  ["区交通运输局", "区物流保通保畅工作专班"], [("区交通运输局运输管理科", "冯强", "0631-5234456"), ("区物流保通保畅工作专班(24小时)", None, "0631-5230110")], "物流"),
 (23, "货车通行费减免", "对在本区注册的国内道路货运企业所属货车，按ETC通行费实际支出的10%给予补助，每户最高5万元。申报材料包括营业执照\\,道路运输经营许可证和ETC通行费发票。",
  ["区交通运输局"], [("区交通运输局运输管理科", "冯强", "0631-5234456")], "物流"),
 (24, "工业企业技术改造奖励", "对2022年设备投资500万元以上的工业技改项目，按设备投资额的8%给予奖励，单个项目最高300万元。",
  ["区工信局"], [("区工信局技术改造科", "许杰", "0631-5237120")], "产业"),
 (25, "专精特新企业奖励", "对新认定的国家级专精特新“小巨人”企业给予50万元奖励，对新认定的省级专精特新中小企业给予10万元奖励。",
  ["区工信局"], [("区工信局中小企业科", "潘丽", "5237133")], "产业"),
 (26, "科技型中小企业研发补助", "对入库的科技型中小企业，按上年度研发费用加计扣除额的5%给予补助，最高20万元。",
  ["区科技局"], [("区科技局成果转化科", "邱明", "0631-5225506")], "产业"),
 (27, "出口信用保险保费补贴", "对外贸企业投保短期出口信用保险的，按实缴保费的50%给予补贴，单户最高30万元。",
  ["区商务局"], [("区商务局外贸科", None, "邮箱 hcswjwm@163.com")], "外贸"),
 (28, "建筑业企业工程款支付保障", "政府投资项目不得以未完成审计作为延期支付工程款的理由，对建筑业企业应收账款提供“应急保障”，按进度及时支付工程款。",
  ["区住建局"], [("区住建局建筑业管理科", "石峰", "0631-5227681")], "建筑业"),
 (29, "证照到期自动延期", "对2022年6月30日至12月31日期间到期的行政许可证照，有效期自动延长至2023年3月31日，企业无需办理延期手续。",
  ["区行政审批服务局"], [("区行政审批服务局商事登记科", "曲敏", "0631-5226718")], "营商环境"),
 (30, "新增规上企业入库奖励", "对2022年首次纳入规模以上统计的工业企业和服务业企业，一次性给予10万元奖励。",
  ["区统计局", "区工信局"], [("区统计局综合科", "贺娜", "0631-5231829"), ("区工信局中小企业科", "潘丽", "5237133")], "产业"),
 (31, "个体工商户纾困帮扶", "对受疫情影响的个体工商户，优先纳入“个转企”培育库，给予一次性5000元经营补助，并提供免费的法律和财务咨询服务。",
  ["区市场监管局"], [("区市场监管局登记注册科", "董芳", "5236602")], "营商环境"),
 (32, "占道经营柔性执法", "对临时占道经营的小商小贩，在不影响通行和市容的前提下划定临时经营区域，首次轻微违法行为依法不予处罚。",
  ["区综合行政执法局", "区商务局"], [("区综合行政执法局市容科", "于洋", "0631-5232290"), ("区商务局商贸流通科", "林晓", "0631-5233370")], "营商环境"),
]
BY = {m[0]: m for m in M}

# events: (date, end date or None, no, SUMMARY tag, extras)
# extras: "nonum": SUMMARY without number; "alarm": a VALARM; "rrule": an RRULE; "time": a timed event
EV = [
 ("20220627", "20221231", 11, "（缓缴期）", {"alarm": ("-P1D", "欠费不停供政策生效提醒")}),
 ("20220627", None, 5, "（申请受理开始）", {}),
 ("20220628", None, 19, "", {"nonum": "惠享环翠消费券第一批发放"}),
 ("20220630", None, 9, "（申请受理开始）", {}),
 ("20220630", None, 29, "", {"nonum": "证照到期自动延期"}),
 ("20220701", None, 1, "（每月申报期提醒）", {"rrule": "FREQ=MONTHLY;UNTIL=20221231T000000Z", "alarm": ("-P3D", "留抵退税申报提醒")}),
 ("20220701", None, 3, "（缓缴申请开始）", {"alarm": ("TRIGGER;RELATED=START:PT9H", "缓缴申请提醒")}),
 ("20220701", None, 12, "", {}),
 ("20220705", None, 8, "（申请受理开始）", {}),
 ("20220708", None, 4, "", {"nonum": "稳岗返还资金集中拨付（第二批）"}),
 ("20220711", None, 13, "（资金开放申请）", {}),
 ("20220715", None, 2, "（申报截止）", {"rrule": "FREQ=MONTHLY;INTERVAL=3;COUNT=3"}),
 ("20220715", None, 7, "（申请截止）", {}),
 ("20220720", "20220831", 27, "（申报期）", {}),
 ("20220801", None, 14, "", {}),
 ("20220801", None, 20, "（申报开始）", {"rrule": "FREQ=MONTHLY;COUNT=4"}),
 ("20220805", None, 6, "（申请受理开始）", {}),
 ("20220810", None, 16, "（申报期）", {}),
 ("20220815", None, 21, "", {"alarm": ("-P1D", "保证金暂退提醒")}),
 ("20220815", None, 26, "", {"nonum": "研发费用补助申报（下半年）"}),
 ("20220820", "20220901", 22, "", {}),
 ("20220901", None, 10, "（申报开始）", {}),
 ("20220901", None, 15, "", {}),
 ("20220901", None, 23, "（申报开始）", {}),
 ("20220905", None, 24, "（项目申报）", {}),
 ("20220910", None, 17, "（申报期）", {}),
 ("20220915", None, 9, "（申报截止）", {"alarm": ("-P3D", "租金减免申报截止提醒")}),
 ("20220920", None, 25, "", {}),
 ("20220925", None, 19, "", {"nonum": "惠享环翠消费券第二批发放（国庆专场）", "tentative": True}),
 ("20220930", None, 23, "（申报截止）", {"time": "170000"}),
 ("20221008", None, 28, "", {}),
 ("20221015", None, 30, "（入库申报）", {}),
 ("20221020", None, 31, "", {"alarm": ("-P1D", "个体工商户帮扶提醒")}),
 ("20221031", None, 13, "（资金申请截止）", {"alarm": ("-P3D", "应急转贷申请截止提醒")}),
 ("20221130", None, 6, "（申请截止）", {}),
 ("20221231", None, 5, "（申报截止）", {}),
 ("20221231", None, 8, "（缓缴到期）", {}),
]
OTHER = [18, 32]


def esc(s):
    """TEXT escaping; a value already holding \\; or \\, keeps it."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in ";,":
            out.append(s[i:i + 2]); i += 2; continue
        if c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == ";":
            out.append("\\;")
        elif c == ",":
            out.append("\\,")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def fold(line):
    """Folds a content line at 75 octets (or at a forced fold point), never
    inside a UTF-8 character."""
    parts, cur, n = [], "", 0
    limit = 75
    for ch in line:
        if ch == FOLD:
            parts.append(cur); cur, n, limit = " ", 1, 75
            continue
        b = len(ch.encode("utf-8"))
        if n + b > limit:
            parts.append(cur); cur, n = " ", 1
        cur += ch; n += b
    parts.append(cur)
    return parts


def nextday(d):
    import datetime
    t = datetime.date(int(d[:4]), int(d[4:6]), int(d[6:])) + datetime.timedelta(days=1)
    return t.strftime("%Y%m%d")


def contact(c):
    if len(c) == 1:
        return c[0]
    unit, person, phone = c
    return "\\, ".join(x for x in (unit, person, phone) if x)


def description(no, nonum):
    _, title, text, units, _, _ = BY[no]
    d = ""
    if nonum:
        d += "政策原文（第%d项）：%s\n" % (no, title)
    d += text + "\n责任单位：" + "、".join(units) + "\n政策依据：" + DOC
    return d


LEAD = {"区税务局": "hcsw", "区人社局": "hcrs", "区社保中心": "hcsb", "区医保局": "hcyb"}


def event(lines, uid, date, end, no, tag, x, seq):
    _, title, text, units, contacts, cat = BY[no]
    lines.append("BEGIN:VEVENT")
    if x.get("time"):
        lines.append("DTSTART;TZID=Asia/Shanghai:%sT%s" % (date, x["time"]))
        lines.append("DTEND;TZID=Asia/Shanghai:%sT%s" % (date, "180000"))
    else:
        lines.append("DTSTART;VALUE=DATE:" + date)
        lines.append("DTEND;VALUE=DATE:" + nextday(end or date))
    if x.get("rrule"):
        lines.append("RRULE:" + x["rrule"])
    lines.append("DTSTAMP:20220628T083000Z")
    lines.append("UID:" + uid)
    if seq % 9 == 4:
        lines.append("CREATED:20220627T021500Z")
        lines.append("LAST-MODIFIED:20220628T011000Z")
        lines.append("SEQUENCE:1")
    summary = x.get("nonum") or "【第%d项】%s%s" % (no, title, tag)
    lines.append("SUMMARY:" + esc(summary))
    desc = esc(description(no, bool(x.get("nonum"))))
    if no == 4:
        # a fold inside an escape sequence
        i = desc.index("\\n责任单位")
        desc = desc[:i + 1] + FOLD + desc[i + 1:]
    lines.append("DESCRIPTION:" + desc)
    loc = {"区税务局": "区税务局办税服务厅, 环翠区新威路17号", "区商务局": "“云闪付”APP"}.get(units[0], units[0] + "服务窗口")
    if no in (9, 10):
        loc = "各出租单位"
    lines.append("LOCATION:" + esc(loc))
    lines.append("CATEGORIES:" + cat + ("," + "营商环境" if no in (12, 14) else ""))
    for c in contacts:
        cl = contact(c)
        if no == 13:
            cl = cl.replace("5238102", "52381" + FOLD + "02")  # a fold inside a phone
        lines.append("CONTACT:" + cl)
    lines.append("ORGANIZER;CN=%s:mailto:%s@huancui.gov.cn" % (units[0], "hc%02d" % no))
    lines.append("URL:http://www.huancui.gov.cn/art/2022/6/24/art_%s.html" % ("52101" if no not in (19, 23) else "5%04d" % (no * 7)))
    lines.append("CLASS:PUBLIC")
    lines.append("STATUS:" + ("TENTATIVE" if x.get("tentative") or no == 31 else "CONFIRMED"))
    if no in (1, 5, 13):
        lines.append("PRIORITY:1")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("X-HUANCUI-ITEMNO:%d" % no)
    lines.append("X-HUANCUI-LEADDEPT:" + units[0])
    lines.append("X-MICROSOFT-CDO-ALLDAYEVENT:" + ("FALSE" if x.get("time") else "TRUE"))
    lines.append("X-MICROSOFT-CDO-BUSYSTATUS:FREE")
    if x.get("alarm"):
        trig, what = x["alarm"]
        lines.append("BEGIN:VALARM")
        lines.append("ACTION:DISPLAY")
        lines.append(trig if trig.startswith("TRIGGER") else "TRIGGER:" + trig)
        lines.append("DESCRIPTION:" + what)
        lines.append("X-WR-ALARMUID:alarm-%02d-%s" % (no, date))
        lines.append("END:VALARM")
    lines.append("END:VEVENT")


def other(lines):
    lines.append("BEGIN:VEVENT")
    lines.append("DTSTART;VALUE=DATE:20221231")
    lines.append("DTEND;VALUE=DATE:20230101")
    lines.append("DTSTAMP:20220628T083000Z")
    lines.append("UID:hcfq2022-other@huancui.gov.cn")
    lines.append("SUMMARY:其他政策（长期有效）")
    parts = ["以下政策长期有效，无固定办理期限，请按需咨询。"]
    for no in OTHER:
        _, title, text, units, contacts, _ = BY[no]
        head = "【第%d项】" % no
        if no == 32:
            head = "【第" + FOLD + "32项】"  # a fold inside the number
        ppl = "；".join("%s %s %s" % c for c in contacts)
        parts.append(head + title + "\n" + text + "\n责任单位：" + "、".join(units) + "\n联系人：" + ppl)
    desc = esc("\n\n".join(parts) + "\n政策依据：" + DOC)
    desc = desc.replace("【第" + esc(FOLD), "【第" + FOLD)
    lines.append("DESCRIPTION:" + desc)
    lines.append("LOCATION:区政务服务中心")
    lines.append("CATEGORIES:营商环境")
    seen = []
    for no in OTHER:
        for c in BY[no][4]:
            if c not in seen:
                seen.append(c)
                lines.append("CONTACT:" + contact(c))
    lines.append("ORGANIZER;CN=区惠企办:mailto:hqb@huancui.gov.cn")
    lines.append("CLASS:PUBLIC")
    lines.append("STATUS:CONFIRMED")
    lines.append("TRANSP:TRANSPARENT")
    lines.append("X-HUANCUI-ITEMNO:18\\,32")
    lines.append("END:VEVENT")


def main():
    L = ["BEGIN:VCALENDAR",
         "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
         "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
         "X-WR-CALNAME:环翠区惠企政策日历",
         "X-WR-CALDESC:" + esc("环翠区惠企政策服务专班办公室根据区政府办公室《关于印发环翠区助企纾困稳定经济运行若干措施的通知》（"
                              + DOC + "）整理，2022年6月24日印发。日历按办理时间排列各项政策，咨询电话：区惠企办 0631-5220066。"),
         "X-WR-TIMEZONE:Asia/Shanghai",
         "X-WR-RELCALID:5b1f0e0c-8c1d-4a51-9a3e-hc2022",
         "X-PUBLISHED-TTL:PT12H",
         "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
         "BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "X-LIC-LOCATION:Asia/Shanghai",
         "BEGIN:STANDARD", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800", "TZNAME:CST",
         "DTSTART:19700101T000000", "END:STANDARD", "END:VTIMEZONE"]
    count = {}
    for i, (date, end, no, tag, x) in enumerate(EV):
        count[no] = count.get(no, 0) + 1
        uid = "hcfq2022-%02d%s@huancui.gov.cn" % (no, "ab"[count[no] - 1])
        event(L, uid, date, end, no, tag, x, i)
    other(L)
    L.append("END:VCALENDAR")
    out = []
    for l in L:
        out.extend(fold(l))
    with open("guide.txt", "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(out) + "\r\n")


if __name__ == "__main__":
    main()
