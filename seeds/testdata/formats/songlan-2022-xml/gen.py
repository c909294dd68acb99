#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's policy library (政策库) exported as
one XML document (see README.md). Deterministic; run from this directory."""
import base64

NS = "http://zwgk.slq.example.cn/schema/zcb/2.0"
DOC = "黑川松政办发〔2022〕23号"
TITLE = "黑川市松岚区人民政府办公室关于印发松岚区助企纾困稳住经济大盘若干措施的通知"
ISSUER = "黑川市松岚区人民政府办公室"

CHAPTERS = ["一、减轻税费负担", "二、稳定就业岗位", "三、加大金融支持", "四、降低经营成本",
            "五、帮扶重点行业", "六、优化营商服务"]
# (seq, chapter index, title, paragraphs, lead, supports, contact refs, target, steps, deadline)
M = [
 (1, 0, "增值税留抵退税", ["对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额。",
   "纳税人在申报期内提交退税申请，税务部门在5个工作日内办结。"], "区税务局", ["区财政局"], ["c01", "c02"],
   "小微企业和制造业企业", ["登录电子税务局提交申请", "税务部门审核退税"], "2022-12-31"),
 (2, 0, "“六税两费”减征", ["对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、印花税等“六税两费”。",
   "纳税人自行申报享受，无需提交资料。"], "区税务局", [], ["c15"], "小规模纳税人", [], "2024-12-31"),
 (3, 0, "房产税城镇土地使用税减免", ["对受疫情影响的服务业小微企业和个体工商户，2022年减免房产税、城镇土地使用税3个月。"],
   "区税务局", ["区财政局", "区住建局"], ["c03"], "服务业小微企业", ["在申报期填报减免税申请"], "2022-12-31"),
 (4, 1, "失业保险稳岗返还“免申即享”", ["对不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还，大型企业按50%返还。",
   "返还资金直接拨付至企业对公账户，实行&ldquo;免申即享&rdquo;。"], "区人社局", [], ["c04"], "参保企业", ["系统比对筛选", "公示后拨付"], "2022-12-31"),
 (5, 1, "阶段性缓缴社会保险费", ["对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业，阶段性缓缴企业职工基本养老保险、失业保险和工伤保险单位缴费部分。",
   "缓缴期间免收滞纳金。"], "区社保中心", ["区税务局", "区人社局"], ["c05", "c06"], "特困行业企业", ["向社保经办机构提出申请"], "2022-12-31"),
 (6, 1, "一次性扩岗补助", ["对招用毕业年度高校毕业生并签订劳动合同、参加失业保险的企业，按每人1500元标准发放一次性扩岗补助。"],
   "区就业服务中心", [], ["c07"], "各类企业", [], "2022-12-31"),
 (7, 1, "创业担保贷款贴息", ["个人创业担保贷款额度最高30万元，小微企业最高300万元，按贷款合同签订日贷款市场报价利率的50%给予贴息。"],
   "区就业服务中心", ["区财政局"], ["c07", "c08"], "创业人员和小微企业", ["向经办银行申请", "担保机构审核"], ""),
 (8, 2, "普惠小微贷款增量扩面", ["引导辖区银行机构对受疫情影响的中小微企业、个体工商户贷款合理延期还本付息，做到“应延尽延”，普惠小微贷款余额增速不低于各项贷款增速。"],
   "区金融服务中心", [], ["c09"], "中小微企业", [], "2022-12-31"),
 (9, 2, "设立应急转贷资金", ["设立区级应急转贷资金，对贷款到期、续贷有困难的中小微企业提供过桥资金支持，单笔最高1000万元，资金使用费按日万分之一收取。"],
   "区金融服务中心", ["区财政局"], ["c09", "c08"], "中小微企业", ["提交转贷申请", "银行出具续贷承诺"], "2022-12-31"),
 (10, 2, "降低融资担保费率", ["区融资担保公司对小微企业和个体工商户新增担保业务担保费率降至1%以下，对受疫情影响较大的行业取消反担保要求。"],
   "区融资担保公司", [], ["c10"], "小微企业和个体工商户", [], "2022-12-31"),
 (11, 3, "减免国有房屋租金", ["对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金。", "转租、分租的，确保租金减免惠及实际经营主体，中央大街—松岚商圈内的商户优先兑现。"],
   "区国资中心", ["区财政局"], ["c11", "c08", "c12"], "服务业小微企业", ["向出租单位提出申请"], "2022-12-31"),
 (12, 3, "水电气“欠费不停供”", ["对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气实行“欠费不停供”，设立6个月费用缓缴期，缓缴期间免收违约金—滞纳金。"],
   "区发改局", ["国网黑川市松岚供电中心", "区供水公司"], ["c13", "c14"], "小微企业和个体工商户", [], ""),
 (13, 3, "提高政府采购预留份额", ["将面向小微企业的价格扣除比例提高至10%至20%，超过200万元的工程采购项目预留面向中小企业采购的份额提高至40%以上。"],
   "区财政局", [], ["c16"], "中小企业", [], "2022-12-31"),
 (14, 4, "餐饮企业纾困补贴", ["对年营业额100万元以上、吸纳就业10人以上的餐饮企业，按实际缴纳社会保险费单位缴费部分的50%给予补贴，最高5万元。"],
   "区商务局", [], ["c17"], "餐饮企业", ["提交申请表", "商务局审核"], "2022-12-31"),
 (15, 4, "发放惠民消费券", ["分批次发放总额2000万元的消费券，覆盖餐饮、零售、文旅等领域，市民通过“云闪付”领取。"],
   "区商务局", [], ["c17"], "市民和参与商户", [], "2022-12-31"),
 (16, 4, "文旅企业纾困资金", ["对接待游客量同比下降的A级旅游景区和星级旅游饭店，按其上年度缴纳税收的30%给予纾困资金，最高30万元。"],
   "区文旅局", [], ["c18", "c19"], "A级旅游景区和星级饭店", ["提交申请"], "2022-12-31"),
 (17, 4, "巡游出租汽车运营补贴", ["对全区巡游出租汽车按每车每月500元给予运营补贴，补贴期限3个月。"],
   "区交通运输局", [], ["c22"], "巡游出租汽车经营者", ["企业汇总申报"], "2022-09-30"),
 (18, 4, "货车通行费补助", ["对在本区注册的道路货运企业所属货车，按ETC通行费实际支出的10%—15%给予补助，每户最高5万元。"],
   "区交通运输局", ["区物流保通保畅工作专班（24小时）"], ["c20", "c21"], "道路货运企业", [], "2023-03-31"),
 (19, 5, "企业开办“一日办结”", ["推行市场主体登记“一网通办”，企业开办全流程1个工作日内办结，免费刻制首套印章。"],
   "区营商环境局", ["区市场监管局"], ["c23"], "新开办企业", [], ""),
 (20, 5, "外贸企业出口信保支持", ["对出口额500万美元以下的外贸企业，出口信用保险保费给予全额补贴。"],
   "区商务局", [], ["c24"], "外贸企业", ["登录平台填报"], "2022-12-31"),
 (21, 5, "涉企信用修复", ["对因疫情影响未能及时履行相关义务的企业，依法依规开展信用修复，修复期间不影响企业参与招投标。"],
   "区发改局", [], ["c25"], "各类企业", [], ""),
 (22, 5, "惠企政策直达快享", ["依托区政务服务平台设立惠企政策专区，政策兑现“一口受理、限时办结”，对兑现资金实行直达企业账户。"],
   "区营商环境局", [], ["c26"], "各类市场主体", [], ""),
]
# contacts: id -> (kind, org, dept, name, [(type, phone)], email, address)
C = {
 "c01": ("person", "区税务局", "货物和劳务税科", "潘志远", [("office", "0458-86271135")], "", "松岚区长安路12号"),
 "c02": ("person", "区财政局", "预算科", "邹丽娟", [("office", "0458-86213528")], "", ""),
 "c03": ("person", "区税务局", "财产和行为税科", "谭春华", [("office", "86271147")], "", ""),
 "c04": ("person", "区人社局", "失业保险科", "韦海峰", [("office", "0458-53615530"), ("mobile", "13904581273")], "", "松岚区新华街8号３楼"),
 "c05": ("person", "区社保中心", "登记征缴科", "廖秀英", [("office", "0458-53615517")], "", ""),
 "c06": ("person", "区税务局", "社会保险费科", "石建军", [("office", "(0458)86271162")], "", ""),
 "c07": ("person", "区就业服务中心", "职业指导科", "黎思远", [("office", "0458 86617723")], "", ""),
 "c08": ("person", "区财政局", "金融科", "雷敏", [("office", "0458－86213541")], "", ""),
 "c09": ("person", "区金融服务中心", "综合科", "薛艳", [("office", "0458-86211256")], "", ""),
 "c10": ("person", "区融资担保公司", "业务一部", "殷宏伟", [("office", "0458-53678210")], "", ""),
 "c11": ("person", "区国资中心", "产权管理科", "龚立新", [("office", "0458-86215573")], "", ""),
 "c12": ("person", "区机关事务服务中心", "资产管理科", "贺明", [("office", "86215590")], "", ""),
 "c13": ("person", "国网黑川市松岚供电中心", "营销部", "毛国庆", [("office", "0458-53683315")], "", ""),
 "c14": ("hotline", "区燃气服务热线", "", "", [("hotline", "0458-86217799")], "", ""),
 "c15": ("hotline", "纳税缴费服务热线", "", "", [("hotline", "12366")], "", ""),
 "c16": ("person", "区财政局", "政府采购科", "江涛", [("office", "0458-86213560")], "", ""),
 "c17": ("person", "区商务局", "商贸流通科", "尹雪", [("office", "0458-86218825")], "", ""),
 "c18": ("person", "区文旅局", "市场管理科", "孔凡华", [("office", "0458-86219146")], "", ""),
 "c19": ("person", "区文旅局", "产业发展科", "柳杨", [("office", "(0458)86219152")], "", ""),
 "c20": ("person", "区交通运输局", "运输管理科", "常勇", [("office", "0458-86218320")], "", ""),
 "c21": ("hotline", "区物流保通保畅工作专班（24小时）", "", "", [("hotline", "0458-86218300")], "", ""),
 "c22": ("person", "区交通运输局", "客运管理科", "樊野", [("office", "0458-86218335")], "", ""),
 "c23": ("person", "区营商环境局", "政务服务科", "童丽", [("office", "0458-86211208")], "", ""),
 "c24": ("mailbox", "区商务局", "外贸科", "", [], "slswjwmk@163.com", ""),
 "c25": ("person", "区发改局", "信用建设科", "卢文静", [("mobile", "13845861027")], "", ""),
 "c26": ("person", "区营商环境局", "助企服务科", "祝海", [("office", "0458-86211200")], "", ""),
 "c27": ("hotline", "区营商环境局", "助企服务专线", "", [("hotline", "0458-86211299")], "", ""),
}
CATS = [("ZC01", "财政税收（含政府采购）", [2, 13, 1, 3]), ("ZC02", "就业·社保", [6, 4, 7, 5]),
        ("ZC03", "金融服务", [10, 8, 9]), ("ZC04", "房屋·水电气", [12, 11]),
        ("ZC05", "商贸·文旅·交通", [16, 15, 18, 14, 17]), ("ZC06", "营商环境", [22, 19, 21, 20])]
MINIFIED = "ZC03"
WITHDRAWN = 17
ESCAPED = {1, 3, 4, 5, 7, 9, 11, 13, 15, 19, 21}

def esc(s, quote=False):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace('"', "&quot;") if quote else s

def content(m):
    seq, paras = m[0], m[3]
    if seq in ESCAPED:
        ps = []
        for i, p in enumerate(paras):
            if seq == 5:
                p = "&nbsp;&nbsp;&nbsp;&nbsp;" + p
                ps.append("<p>" + p + "</p>")
            else:
                ps.append('<p style="text-indent:2em;">' + p + "</p>")
        h = "".join(ps)
        if seq == 11:
            h = h.replace("—", "\x01")
        x = esc(h, True).replace("\x01", "&#x2014;")
        return '<Content encoding="escaped">' + x + "</Content>"
    # CDATA: paragraphs joined by <br/> inside one <p>
    first = paras[0]
    if seq in (2, 10, 14, 18):
        import re
        mm = re.search(r"\d+(?:%|万元|元)", first)
        if mm:
            first = first[:mm.start()] + '<span style="color:#c00000;font-weight:bold;">' + mm.group(0) + "</span>" + first[mm.end():]
    ps = [first] + paras[1:]
    if seq == 8:
        ps = [p.replace("“", "&ldquo;").replace("”", "&rdquo;") for p in ps]
    if seq in (2, 12, 16, 20):
        h = '<p><span style="font-family:仿宋_GB2312;font-size:16pt;">' + "<br/>".join(ps) + "</span></p>"
    else:
        h = "<p>" + "<br/>&nbsp;&nbsp;".join(ps) + "</p>"
    return '<Content encoding="cdata"><![CDATA[' + h + "]]></Content>"

def item(m, ind):
    seq, ch, title, paras, lead, sup, refs, target, steps, dl = m
    ident = "SLZC2022-%04d" % (100 + (seq * 37) % 89)
    status = "withdrawn" if seq == WITHDRAWN else "published"
    t = esc(title).replace("“", "&#8220;").replace("”", "&#8221;")
    if seq == 4:
        t = esc(title.replace("“", "&ldquo;").replace("”", "&rdquo;")).replace("&", "&amp;").replace("&amp;amp;", "&amp;")
        t = esc(title).replace("“", "&#8220;").replace("”", "&#8221;")
    L = []
    L.append('<Item id="%s" seq="%d" status="%s" lang="zh-CN" updated="2022-07-0%d">' % (ident, seq, status, 1 + seq % 8))
    if seq == WITHDRAWN:
        L.append("  <!-- 本条已撤回，保留记录备查 -->")
    L.append("  <Title>%s</Title>" % t)
    L.append('  <Chapter no="%s">%s</Chapter>' % (CHAPTERS[ch].split("、")[0], CHAPTERS[ch]))
    L.append("  " + content(m))
    tg = target.replace("和", "&#x2014;和") if seq == 6 else esc(target)
    L.append("  <Target>%s</Target>" % tg)
    if not steps:
        L.append('  <Procedure mode="免申即享"/>' if seq == 2 else "  <Procedure/>")
    else:
        L.append("  <Procedure>")
        for i, s in enumerate(steps, 1):
            L.append('    <Step no="%d">%s</Step>' % (i, esc(s)))
        L.append("  </Procedure>")
    L.append("  <Deadline>%s</Deadline>" % dl if dl else "  <Deadline/>")
    L.append("  <ResponsibleUnits>")
    L.append('    <Unit role="lead">%s</Unit>' % lead)
    for i, s in enumerate(sup):
        note = ' note="配合（按职责分工）"' if i == 0 and seq in (5, 11) else ""
        L.append('    <Unit role="support"%s>%s</Unit>' % (note, s))
    L.append("  </ResponsibleUnits>")
    L.append("  <Contacts>")
    for r in refs:
        L.append('    <ContactRef ref="%s"/>' % r)
    L.append("  </Contacts>")
    L.append('  <Basis docNo="%s">松岚区助企纾困稳住经济大盘若干措施</Basis>' % DOC)
    L.append("  <Keywords>减税&amp;降费</Keywords>" if ch == 0 else "  <Keywords></Keywords>")
    if seq == 6:
        csv = "序号,企业名称,统一社会信用代码,新招用人数,补助标准（元）\n1,,,,1500\n2,,,,1500\n".encode("utf-8")
        b = base64.b64encode(csv).decode()
        L.append('  <Attachments><Attachment id="att-0613" fileName="一次性扩岗补助花名册（模板）.csv" mimeType="text/csv" size="%d" encoding="base64">' % len(csv))
        for i in range(0, len(b), 76):
            L.append(b[i:i + 76])
        L.append("  </Attachment></Attachments>")
    else:
        L.append("  <Attachments/>")
    if seq == WITHDRAWN:
        L.append('  <WithdrawInfo date="2022-07-01" operator="sljtj_fanye">经区政府同意，本条自2022年7月1日起停止执行。</WithdrawInfo>')
        L.append("  <Remark>已撤回</Remark>")
    else:
        L.append("  <Remark/>")
    L.append("</Item>")
    return [ind + l for l in L]

def main():
    by = {m[0]: m for m in M}
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
           '<?xml-stylesheet type="text/xsl" href="/zcb/xsl/zcb_view_2.0.xsl"?>',
           "<!-- 松岚区政务公开平台·政策库 导出文件，由系统自动生成，请勿手工修改。 -->",
           '<zcb:PolicyPackage xmlns:zcb="%s" xmlns="%s" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xsi:schemaLocation="%s zcb-2.0.xsd" schemaVersion="2.0.4" '
           'packageId="ZCB-2022-0233" packageName="松岚区“稳经济”政策包（２０２２）">' % (NS, NS, NS)]
    n, pub = len(M), len(M) - 1
    out += ["  <Header>",
            "    <Export>",
            "      <ExportTime>2022-07-15T09:12:44+08:00</ExportTime>",
            '      <Operator dept="区政府办公室（政务公开科）">slzwgk_zhuhai</Operator>',
            '      <System name="政策库管理系统" version="V3.1.2" build="20220601"/>',
            "      <Format>XML</Format>",
            '      <RecordCount total="%d" published="%d" withdrawn="1"/>' % (n, pub),
            "      <Checksum>md5:3f1e0b6c2a9d4e8f7a6b5c4d3e2f1a0b</Checksum>",
            "    </Export>",
            "    <Document>",
            "      <dc:title>%s</dc:title>" % TITLE,
            "      <DocNo>%s</DocNo>" % DOC,
            "      <Issuer>%s</Issuer>" % ISSUER,
            "      <IssueDate>2022-06-14</IssueDate>",
            "      <PublishDate>2022-06-16</PublishDate>",
            "      <IndexNo>11230105MB1234567X/2022-00231</IndexNo>",
            "      <SourceURL>http://www.slq.example.cn/zwgk/zcb/view?id=233&amp;type=zc</SourceURL>",
            "      <Subject>综合政务&#x2014;经济管理</Subject>",
            '      <Validity from="2022-06-16" to="2022-12-31"/>',
            "      <Enquiry>区政府办公室综合科 0458-86200100</Enquiry>",
            "    </Document>",
            "    <Abstract>为帮助市场主体纾困解难，制定本措施，共6个方面%d条。</Abstract>" % n,
            "  </Header>",
            "  <Categories>"]
    for code, name, seqs in CATS:
        out.append('    <Category code="%s" name="%s" count="%d"/>' % (code, name, len(seqs)))
    out += ["  </Categories>", '  <Items sort="category,id">']
    for code, name, seqs in CATS:
        g = ["<!-- 分类 %s %s -->" % (code, name), '<Group code="%s" name="%s">' % (code, name)]
        for s in seqs:
            g += item(by[s], "  ")
        g.append("</Group>")
        if code == MINIFIED:
            out.append("    " + "".join(l.strip() for l in g))
        else:
            out += ["    " + l for l in g]
    out += ["  </Items>", '  <ContactDirectory updated="2022-07-05" count="%d">' % len(C)]
    for cid in sorted(C):
        kind, org, dept, name, phones, email, addr = C[cid]
        out.append('    <Contact id="%s" kind="%s">' % (cid, kind))
        out.append("      <Org>%s</Org>" % org)
        out.append("      <Dept>%s</Dept>" % dept if dept else "      <Dept/>")
        out.append("      <Name>%s</Name>" % name if name else "      <Name/>")
        if cid == "c05":
            out.append("      <!-- 原电话 0458-53615510 已于2022年7月5日停用，改为 0458-53615517 -->")
        for t, p in phones:
            out.append('      <Phone type="%s">%s</Phone>' % (t, p))
        if not phones:
            out.append("      <Phone/>")
        if email:
            out.append("      <Email>%s</Email>" % email)
        out.append("      <Address>%s</Address>" % addr if addr else "      <Address></Address>")
        out.append("    </Contact>")
    out += ["  </ContactDirectory>", "  <Footer>",
            "    <Copyright>松岚区人民政府办公室 版权所有 &#169; 2022</Copyright>",
            "    <Notice>本文件由政策库自动导出，内容以正式发文为准。</Notice>", "  </Footer>", "</zcb:PolicyPackage>"]
    with open("guide.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")

main()
