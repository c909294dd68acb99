#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's guide forwarded by e-mail and
saved as a raw Internet message (.eml): RFC 5322 headers (folded, RFC 2047
encoded words), multipart/mixed -> multipart/alternative (text/plain base64
GB18030 without the contacts, text/html quoted-printable UTF-8 with the same
text and the contact table) + a text/csv attachment (base64 GBK, RFC 2231
filename*) + an inline PNG. Deterministic; stdlib only. Every unit, person,
phone, e-mail and wording is invented.

    python3 gen.py        # writes guide.txt
"""
import base64
import html
import os
import quopri
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
CRLF = "\r\n"

# Sections and measures: (number, short title, body, lead, support).
SECTIONS = [
    ("一、财税支持", [
        (1, "加快增值税留抵退税", "对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，并一次性退还存量留抵税额，退税资金原则上在受理后5个工作日内到账", "区税务局", "区财政局"),
        (2, "减免房产税和城镇土地使用税", "对2022年受疫情影响经营困难的服务业小微企业和个体工商户，减免第二、三季度房产税和城镇土地使用税", "区税务局", ""),
        (3, "加大政府采购支持中小企业力度", "将面向小微企业的价格扣除比例由6%至10%提高至10%至20%，采购项目预留份额提高至40%以上", "区财政局", ""),
        (4, "缓缴部分行政事业性收费", "对经营困难的中小微企业，可申请缓缴城市基础设施配套费等行政事业性收费，缓缴期限最长不超过6个月", "区财政局", "区税务局、区住建局"),
    ]),
    ("二、社保和就业支持", [
        (5, "阶段性缓缴社会保险费", "对餐饮、零售、旅游、民航、公路水路铁路运输等困难行业企业，阶段性缓缴养老、失业、工伤保险单位缴费部分，缓缴期间免收滞纳金", "区人力社保局", "区税务局"),
        (6, "扩大失业保险稳岗返还", "对不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还，大型企业按50%返还", "区人力社保局", ""),
        (7, "发放一次性吸纳就业补贴", "企业招用毕业年度高校毕业生，签订劳动合同并参加失业保险的，按每人1500元标准发放一次性吸纳就业补贴", "区人力社保局", "区财政局"),
        (8, "支持企业以工代训", "对受疫情影响暂时无法正常生产经营的中小微企业组织职工以工代训的，按每人每月500元给予补贴，最长6个月", "区人力社保局", ""),
    ]),
    ("三、降低房租和经营成本", [
        (9, "减免国有房屋租金", "对承租区属国有企业和行政事业单位房屋的服务业小微企业和个体工商户，2022年减免6个月租金，其中所在县级行政区域被列为疫情中高风险地区的减免6个月", "区国资办", "区机关事务中心"),
        (10, "降低用电成本", "对小微企业和个体工商户用电实行“欠费不停供”，6个月内缓缴不收取欠费滞纳金，办理业务可拨打供电服务热线95598或通过“网上国网”申请", "区发改局", "区供电公司"),
        (11, "降低用水用气成本", "对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，实施用水用气“欠费不停供”政策，缓缴期间免收欠费滞纳金", "区住建局", ""),
    ]),
    ("四、金融支持", [
        (12, "加大普惠小微贷款支持", "引导辖内银行机构对受疫情影响的小微企业贷款实施延期还本付息，普惠小微贷款余额增速不低于各项贷款增速", "区金融办", "人行梧溪支行"),
        (13, "发挥政府性融资担保作用", "政府性融资担保机构对小微企业和个体工商户的担保费率降至1%以下，对受疫情影响较大的企业免收担保费", "区金融办", "区经信局"),
    ]),
    ("五、促进消费和稳外贸", [
        (14, "发放消费券", "分批次发放总额1000万元的餐饮、零售、文旅消费券，鼓励平台企业和商户让利配套", "区商务局", ""),
        (15, "支持餐饮住宿业纾困", "对餐饮、住宿企业给予每家最高3万元的一次性纾困补助，对组织开展促消费活动的商贸企业给予补助", "区文旅局", "区市场监管局"),
        (16, "稳定外贸企业订单", "对参加境外展会的企业给予展位费70%的补助，对出口信用保险保费给予50%的补助", "区商务局", ""),
    ]),
    ("六、优化涉企服务", [
        (17, "推行惠企政策免申即享", "依托区政务服务网开设惠企政策专区，推动政策“免申即享”，企业诉求可拨打12345政务服务热线反映", "区行政服务中心", ""),
        (18, "开展助企服务专员行动", "为规上工业企业和重点服务业企业配备助企服务专员，实行问题收集、交办、督办、反馈闭环管理", "区经信局", "区发改局"),
    ]),
]

# Contact rows: (measure, unit, person or role, phone as the HTML writes
# it, phone as the CSV writes it or None for the same).
CONTACTS = [
    (1, "区税务局", "陈立平", "0598-83121101", None),
    (2, "区税务局", "陈立平", "0598-83121101", None),
    (3, "区财政局", "林海燕", "83122202", None),
    (4, "区财政局", "林海燕", "83122202", None),
    (4, "区税务局", "纳税服务热线", "12366（工作日8:30-17:00）", None),
    (5, "区人力社保局", "黄志强", "0598-83123303（工作日8:30-11:30，13:30-17:00）", None),
    (6, "区人力社保局", "黄志强", "0598-83123303（工作日8:30-11:30，13:30-17:00）", None),
    (7, "区人力社保局", "吴晓东", "0598-83123318；13859801234", None),
    (8, "区人力社保局", "吴晓东", "0598-83123318", None),
    (9, "区国资办", "郑雅琴", "0598-83124404", None),
    (9, "区机关事务中心", "许文博", "83124455", None),
    (10, "区发改局", "杨帆", "0598-83120023", None),
    (11, "区住建局", "何丽", "0598-83125505", "83125505"),
    (12, "区金融办", "罗斌", "luobin@wuxi-jr.example.cn", None),
    (13, "区金融办", "谢婷", "0598-83126606", None),
    (14, "区商务局", "韩冬梅", "13959805678", None),
    (15, "区文旅局", "曹磊", "0598-83127707", None),
    (15, "区市场监管局", "冯静", "0598-83127788", None),
    (16, "区商务局", "韩冬梅", "13959805678", None),
    (17, "区行政服务中心", "邓颖", "0598-83128808（工作日8:30-12:00，13:30-17:00）", None),
    (17, "区行政服务中心", "政务服务热线", "12345（24小时）", None),
    (18, "区经信局", "孔德明", "0598-83126688", None),
]

COVER = [
    "各企业：",
    "　　现将《汀川市梧溪区人民政府办公室关于印发〈梧溪区2022年稳经济助企纾困政策工作指南〉的通知》（梧政办发〔2022〕18号）转发给你们，请结合实际用好用足各项政策。各条款的联系人及联系电话见附件表格《联系方式汇总表》。如有疑问请联系本科室0598-83126650。",
    "梧溪区经济和信息化局企业服务科",
    "2022年7月4日",
    "以下为文件全文：",
    "",
]
NOTICE = [
    "汀川市梧溪区人民政府办公室关于印发《梧溪区2022年稳经济助企纾困政策工作指南》的通知",
    "梧政办发〔2022〕18号",
    "各镇人民政府、街道办事处，区政府各部门：",
    "　　《梧溪区2022年稳经济助企纾困政策工作指南》已经区政府同意，现印发给你们，请认真贯彻执行。执行中遇到的问题，请及时反馈区稳经济工作专班办公室（设在区发改局，电话：0598-83120011）。",
    "汀川市梧溪区人民政府办公室",
    "2022年6月28日",
    "（此件公开发布）",
    "",
    "梧溪区2022年稳经济助企纾困政策工作指南",
    "　　为深入贯彻落实国家和省、市稳经济一揽子政策措施，帮助市场主体纾困解难，结合我区实际，制定本指南。",
]
CLOSING = [
    "　　本指南自印发之日起施行，有效期至2022年12月31日。国家和省、市出台的相关政策，按上级规定执行。",
    "",
    "抄送：区委办公室，区人大常委会办公室，区政协办公室。",
    "汀川市梧溪区人民政府办公室　　2022年6月28日印发",
]
SIGNATURE = [
    "周敏",
    "梧溪区经济和信息化局企业服务科",
    "手机：13905981234",
    "科室：0598-83126650　传真：0598-83126651",
    "地址：梧溪区滨江路88号",
]
FOOTER = "本邮件由梧溪区电子政务邮件系统发送。邮件系统技术支持：区经信局总机0598-83126600"


def measure_line(n, title, body, lead, support):
    unit = "责任单位：" + lead + ("；配合单位：" + support if support else "")
    return "　　%d. %s。%s。（%s）" % (n, title, body, unit)


def body_lines():
    out = COVER + NOTICE
    for heading, ms in SECTIONS:
        out.append(heading)
        for m in ms:
            out.append(measure_line(*m))
    out += CLOSING
    return out


def plain_text():
    return CRLF.join(body_lines() + ["-" * 20] + SIGNATURE) + CRLF


def titles():
    return {m[0]: m[1] for _, ms in SECTIONS for m in ms}


def html_text():
    t = titles()
    h = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
         '<style>p{margin:0;font-family:宋体;font-size: 10.5pt}</style></head><body>']
    for line in body_lines():
        s = line.strip("　")
        indent = "&nbsp;&nbsp;" * (len(line) - len(line.lstrip("　")))
        if not s:
            h.append("<p>&nbsp;</p>")
        elif s.endswith("的通知") or s.endswith("工作指南"):
            h.append('<p align="center"><b><span style="font-size: 16pt">%s</span></b></p>' % html.escape(s))
        elif s[:2] in ("一、", "二、", "三、", "四、", "五、", "六、"):
            h.append("<p><b>%s</b></p>" % html.escape(s))
        elif s[0].isdigit() and ". " in s[:4]:
            head, _, rest = s.partition("。")
            h.append("<p>%s<b>%s。</b>%s</p>" % (indent, html.escape(head), html.escape(rest)))
        else:
            h.append("<p>%s%s</p>" % (indent, html.escape(s)))
    h.append("<p><b>附：政策条款联系方式一览表</b></p>")
    h.append('<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">')
    h.append("<tr><th>序号</th><th>政策条款</th><th>责任单位</th><th>联系人</th><th>联系电话</th></tr>")
    rows = {}
    for c in CONTACTS:
        rows.setdefault(c[0], []).append(c)
    for n in sorted(rows):
        rs = rows[n]
        span = ' rowspan="%d"' % len(rs) if len(rs) > 1 else ""
        for i, (m, unit, person, phone, _) in enumerate(rs):
            cells = ""
            if i == 0:
                cells = "<td%s>%d</td><td%s>%s</td>" % (span, m, span, html.escape(t[m]))
            cells += "<td>%s</td><td>%s</td><td>%s</td>" % (html.escape(unit), html.escape(person), html.escape(phone))
            h.append("<tr>%s</tr>" % cells)
    h.append("</table>")
    h.append("<hr>")
    h.append("<p>" + "<br>".join(html.escape(s) for s in SIGNATURE) + "</p>")
    h.append('<p><img src="cid:logo01@wuxi.example.cn" width="16" height="16"></p>')
    h.append('<p style="color:#999999;font-size:9pt">%s</p>' % html.escape(FOOTER))
    h.append("</body></html>")
    return CRLF.join(h) + CRLF


def csv_text():
    t = titles()
    out = ["序号,政策条款,责任单位,联系人,联系电话"]
    for m, unit, person, phone, csvphone in CONTACTS:
        p = csvphone or phone
        if "；" in p:
            p = '"%s"' % p
        out.append("%d,%s,%s,%s,%s" % (m, t[m], unit, person, p))
    return CRLF.join(out) + CRLF


def b64(data):
    s = base64.b64encode(data).decode()
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76))


def qp(text):
    # quotedprintable of UTF-8, lines <= 76, CRLF hard breaks kept.
    out = []
    for line in text.split(CRLF):
        enc = quopri.encodestring(line.encode("utf-8")).decode()
        out.append(enc.replace("\n", CRLF))
    return CRLF.join(out)


def ew(text, charset, enc):
    raw = text.encode(charset)
    if enc == "B":
        return "=?%s?B?%s?=" % (charset.upper(), base64.b64encode(raw).decode())
    q = "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else "=%02X" % b for b in raw)
    return "=?%s?Q?%s?=" % (charset.upper(), q)


PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGP4z8BAEmIY1TCqYfhqAACQ"
    "+f8B8u7oVwAAAABJRU5ErkJggg==")

OUTER = "----=_NextPart_000_0031_01D88F2A.5B6C7D80"
INNER = "----=_NextPart_001_0032_01D88F2A.5B6C7D80"


def message():
    name = "联系方式汇总表.csv"
    subject1 = ew("转发梧溪区2022", "utf-8", "Q")
    subject2 = ew("年助企纾困指南", "utf-8", "Q")
    h = [
        "Return-Path: <wxjxj_qyfw@wuxi.example.cn>",
        "Received: from mail.wuxi.example.cn (unknown [198.51.100.77])",
        "\tby mx.example.com (Postfix) with ESMTPS id 4LbX2k3QZqz9sWq",
        "\tfor <caiwu@example.com>; Mon, 4 Jul 2022 10:15:32 +0800 (CST)",
        "Received: from WXJXJ-PC01 (unknown [10.20.3.15])",
        "\tby mail.wuxi.example.cn (Coremail) with SMTP id AQAAfwBnvLo2",
        "\tfor <caiwu@example.com>; Mon, 4 Jul 2022 10:15:30 +0800 (CST)",
        "From: %s <wxjxj_qyfw@wuxi.example.cn>" % ew("梧溪区经信局", "gb2312", "B"),
        "To: undisclosed-recipients:;",
        "Subject: " + subject1,
        " " + subject2,
        "Date: Mon, 4 Jul 2022 10:15:28 +0800",
        "Message-ID: <000001d88f2a$5b6c7d80$0f0314ac@WXJXJ-PC01>",
        "MIME-Version: 1.0",
        "X-Priority: 3",
        "X-Mailer: Foxmail 7.2.23.116[cn]",
        "Content-Type: multipart/mixed;",
        '\tboundary="%s"' % OUTER,
        "",
        "This is a multi-part message in MIME format.",
        "",
        "--" + OUTER,
        "Content-Type: multipart/alternative;",
        '\tboundary="%s"' % INNER,
        "",
        "",
        "--" + INNER,
        'Content-Type: text/plain;',
        '\tcharset="GB18030"',
        "Content-Transfer-Encoding: base64",
        "",
        b64(plain_text().encode("gb18030")),
        "",
        "--" + INNER,
        'Content-Type: text/html;',
        '\tcharset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        qp(html_text()),
        "",
        "--" + INNER + "--",
        "",
        "--" + OUTER,
        'Content-Type: text/csv;',
        '\tcharset="GBK";',
        '\tname="%s"' % ew(name, "gb2312", "B"),
        "Content-Transfer-Encoding: base64",
        "Content-Disposition: attachment;",
        "\tfilename*=GBK''%s" % urllib.parse.quote(name.encode("gbk")),
        "",
        b64(csv_text().encode("gbk")),
        "",
        "--" + OUTER,
        'Content-Type: image/png;',
        '\tname="logo.png"',
        "Content-Transfer-Encoding: base64",
        "Content-ID: <logo01@wuxi.example.cn>",
        "Content-Disposition: inline;",
        '\tfilename="logo.png"',
        "",
        b64(PNG),
        "",
        "--" + OUTER + "--",
        "",
    ]
    return CRLF.join(h)


if __name__ == "__main__":
    m = message()
    assert all(ord(c) < 128 for c in m)
    assert max(len(l) for l in m.split(CRLF)) <= 78
    with open(os.path.join(HERE, "guide.txt"), "w", newline="") as f:
        f.write(m)
