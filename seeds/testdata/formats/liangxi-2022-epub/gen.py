#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's relief-policy guide published as an
EPUB 3 e-book, unzipped and concatenated into one text the way `tail -n +1 *`
writes files (`==> path <==` before each, a blank line after each), in the
zip's file order, which is not the reading order (see README.md).
Deterministic; run from this directory."""

BOOK = "梁溪区助企纾困政策汇编（2022版）"
ISSUER = "无锡市梁溪区人民政府办公室"
DOCNO = "梁政办发〔2022〕18号"
SOURCE = "梁溪区关于助企纾困稳定经济运行的若干措施"

CN = "零一二三四五六七八九"
def cn(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")

# Chapters: (file, manifest id, h1, [subsection h2 or None, [measures]], form).
# A measure: (lead, body, duty). Markers inside body: {fnK} a noteref,
# {pb N} a page break in mid-sentence, {shy} a soft hyphen, {ruby} the
# place name 鼋头渚 with its reading.
CH = [
    ("sec1", "t-tax", "一、全面落实减税降费政策", "A", [(None, [
        ("落实增值税留抵退税政策。", "对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额{fn1}，存量留抵税额于2022年6月30日前一次性退还，退税资金当日到账。", "区税务局、区财政局"),
        ("减征“六税两费”。", "对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税等税费。", "区税务局"),
        ("延缓缴纳部分税费。", "对制造业{shy}中小微企业延缓缴纳2022年第二季度部分税费，延缓期限为6个月，延缓期间不加收滞纳金，企业可通过电子税务局自行申请。", "区税务局"),
        ("免征残疾人就业保障金。", "2022年对在职职工人数30人（含）以下的企业免征残疾人就业保障金，对超过30人的企业按规定比例减半征收，由税务部门直接办理。", "区财政局、区残联"),
    ])]),
    ("sec2", "t-si", "二、减轻社保和公积金负担", "A", [(None, [
        ("阶段性缓缴社会保险费。", "对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业，阶段性缓缴养老、失业、工伤保险单位缴费部分，缓缴期间免收滞纳金，缓缴期限至2022年12月31日。", "区人社局、区社保中心"),
        ("加大失业保险稳岗返还力度。", "对不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还，大型企业按50%返还，返还资金直接拨付至企业账户。", "区人社局"),
        ("缓缴住房公积金。", "受疫情影响的企业可按规定申请缓缴住房公积金，缓缴期间职工正常提取和申请住房公积金贷款不受影响，缓缴期限至2022年12月31日。", "无锡市住房公积金管理中心梁溪分中心"),
    ])]),
    ("sec3", "t-rent", "三、加大房屋租金减免力度", "B", [
        ("（一）国有房屋租金减免", [
            ("减免国有房屋租金。", "对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金，其中被列为中高风险地区所在街道的减免租金时间延长至8个月。", "区国资办、区财政局"),
            ("简化租金减免办理流程。", "承租人向出租单位提交减免申请后，出租单位在10个工作日内完成审核，对已缴纳租金的采取直接退还或抵扣后续租金方式兑现，各街道同步做好辖区内的政策宣传。", "区国资办、各街道"),
        ]),
        ("（二）非国有房屋和产业载体", [
            ("鼓励非国有房屋减免租金。", "对2022年为服务业小微企业和个体工商户减免租金的出租人，依法减免当年房产税、城镇土地使用税，并优先推荐申报市级相关扶持政策。", "区住建局、区税务局"),
            ("支持产业载体减免租金。", "对为在孵企业减免租金的科技企业孵化器、众创空间和产业园区，按减免金额的30%给予运营方补贴，单个载体最高不超过50万元。", "区科技局、区商务局"),
        ]),
    ]),
    ("sec4", "t-fin", "四、强化金融纾困支持", "A", [
        ("（一）贷款延期和融资担保", [
            ("推动贷款延期还本付息。", "引导辖区银行机构对受疫情影响的中小微企业和个体工商户贷款应延尽延，延期贷款不下调风险分类，不影响征信记录，2022年底前有效。", "区金融办、人行梁溪支行"),
            ("降低融资担保费率。", "区融资担保公司对小微企业和个体工商户的平均担保费率{fn2}降至1%以下，对单户担保金额500万元及以下的，担保费率降至0.8%。", "区金融办、区融资担保公司"),
        ]),
        ("（二）创业和普惠信贷", [
            ("扩大创业担保贷款支持。", "个人创业担保贷款最高额度为30万元，{pb 9}小微企业最高不超过300万元，贷款期限最长3年，由区财政按规定给予贴息，当年新发放贷款可享受全额贴息。", "区人社局、区财政局"),
            ("扩大普惠小微贷款投放。", "2022年辖区普惠{shy}小微贷款增速不低于各项贷款增速，对当年新增普惠小微贷款超过1亿元的银行机构，按新增额的0.5‰给予奖励。", "区金融办"),
        ]),
    ]),
    ("sec5", "t-cons", "五、促进消费和文旅复苏", "A", [(None, [
        ("发放惠民消费券。", "分批次发放总额2000万元的电子消费券，重点支持餐饮、零售、住宿、汽车等行业，每周五上午10:00在“梁溪发布”APP投放，每批次核销率须达到60%以上。", "区商务局"),
        ("支持景区开展惠民活动。", "对组织{ruby}等景区开展门票优惠活动的旅行社，按接待人数给予每人20元补贴，单家旅行社年度补贴最高不超过20万元。", "区文旅局"),
        ("暂退旅游服务质量保证金。", "对全区旅行社暂退80%的旅游服务质量保证金，暂退期限至2023年3月31日，旅行社可通过文旅部门线上平台提交申请，3个工作日内办结。", "区文旅局"),
    ])]),
    ("sec6", "t-job", "六、全力稳定和扩大就业", "A", [(None, [
        ("发放一次性吸纳就业补贴。", "对招用毕业年度高校毕业生{fn3}并签订1年以上劳动合同、按规定缴纳社会保险费的企业，按每人1500元标准发放一次性吸纳就业补贴。", "区人社局"),
        ("扩大高校毕业生见习规模。", "对吸纳16—24岁离校未就业高校毕业生参加就业见习的单位，按当地最低工资标准的60%给予见习补贴，见习期满留用率达到50%以上的，补贴标准提高10%—20%。", "区人社局、团区委"),
        ("开展以工代训。", "对受疫情影响生产经营困难的中小微企业组织职工开展以工代训的，按每人每月500元标准给予补贴，补贴期限最长6个月。", "区人社局"),
    ])]),
    ("sec7", "t-env", "七、保障物流畅通和优化服务", "A", [(None, [
        ("保障货运物流畅通。", "全面落实货车通行证制度，对保障民生物资运输的货运车辆实行“即申即办”，对重点企业物流需求实行专班服务，确保主要物流通道24小时畅通。", "区交通运输局"),
        ("支持外贸企业稳订单。", "对2022年进出口额同比增长10%以上的外贸企业，按增量部分给予每美元0.02元奖励，单个企业最高不超过50万元，由商务部门统一审核兑现。", "区商务局"),
        ("优化涉企审批服务。", "全面推行“一网通办”和“帮办代办”，企业开办1个工作日内办结，工程建设项目审批时限压减至60个工作日以内，并提供容缺受理服务。", "区行政审批局"),
    ])]),
]

FOOTNOTES = {
    1: "增量留抵税额：与2019年3月31日相比新增加的期末留抵税额。",
    2: "担保费率：融资担保机构向被担保人收取的担保费与担保金额的比率。",
    3: "毕业年度高校毕业生：毕业所在自然年，即1月1日至12月31日期间的高校毕业生。",
}

# Contacts table: unit (None = carried down by rowspan), person or label, phones (a <br/> between two), measures as written.
T = [
    ("区税务局", "周文涛", ["0510-82716301"], "第1、2条"),
    (None, "纳税缴费服务热线", ["12366"], "第3条"),
    ("区财政局", "陆海波", ["0510-82728810"], "第1、4、14条"),
    ("区残联", "华丽萍", ["0510-82711023"], "第4条"),
    ("区人社局", "顾建平", ["0510-82735512"], "第5、6、14条"),
    (None, "王海峰", ["0510-82735530"], "第19&#8212;21条"),
    (None, "劳动保障咨询热线", ["12333"], "第6、20条"),
    ("区社保中心", "蒋雪梅", ["0510-82735577", "13961701234"], "第5条"),
    ("无锡市住房公积金管理中心梁溪分中心", "许立新", ["0510-82759020"], "第7条"),
    ("区国资办", "沈一鸣", ["(0510)82701166"], "第8、9条"),
    ("区住建局", "杨志刚", ["82768830"], "第10条"),
    ("区商务局", "程晓东", ["0510-82719901"], "第11、16条"),
    (None, "外贸科（邮箱）", ["邮箱：lxswjwm@163.com"], "第23条"),
    ("区金融办", "孙立伟", ["0510-82720055"], "第12、13、15条"),
    ("区融资担保公司", "吴海燕", ["15861590088"], "第13条"),
    ("区文旅局", "朱晓岚", ["0510-82786612"], "第17、18条"),
    (None, "文旅市场服务电话", ["0510-82786600"], "第18条"),
    ("区交通运输局", "钱卫东", ["0510-82790133"], "第22条"),
    ("区物流保通保畅工作专班", "24小时值班电话", ["0510-82790100"], "第22条"),
    ("区行政审批局", "马晓丽", ["0510-82750088", "18921345678"], "第24条"),
]

XHEAD = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="zh-CN" xml:lang="zh-CN">
<head>
<meta charset="utf-8"/>
<title>%s</title>
<link rel="stylesheet" type="text/css" href="../css/style.css"/>
</head>
""" % BOOK

page = [1]
def pb():
    n = page[0]
    page[0] += 1
    return '<span epub:type="pagebreak" id="page%d" title="%d" role="doc-pagebreak"/>' % (n, n)

def inline(s):
    out = s
    for k in FOOTNOTES:
        out = out.replace("{fn%d}" % k, '<a epub:type="noteref" href="#fn%d" id="fnref%d" class="noteref">[%d]</a>' % (k, k, k))
    out = out.replace("{shy}", "&#173;")
    out = out.replace("{ruby}", "<ruby>鼋<rp>（</rp><rt>yuán</rt><rp>）</rp></ruby>头渚")
    if "{pb " in out:
        i = out.index("{pb ")
        j = out.index("}", i)
        out = out[:i] + pb() + out[j + 1:]
    return out

def chapter(ch, first):
    fname, mid, h1, form, subs = ch
    lines = [XHEAD, '<body epub:type="bodymatter">', '<section epub:type="chapter" id="%s">' % mid, pb(), "<h1>%s</h1>" % h1]
    n = first
    notes = []
    for h2, ms in subs:
        if h2:
            lines.append("<h2>%s</h2>" % h2)
        if form == "B":
            lines.append('<ol class="items" start="%d">' % n)
        for lead, body, duty in ms:
            for k in FOOTNOTES:
                if "{fn%d}" % k in body:
                    notes.append(k)
            if form == "B":
                lines.append('<li id="m%d"><p><strong>%s</strong>%s</p>' % (n, lead, inline(body)))
                lines.append('<p class="duty">责任单位：%s</p></li>' % duty)
            else:
                lines.append('<p class="item" id="m%d"><span class="num">（%s）</span><strong>%s</strong>%s</p>' % (n, cn(n), lead, inline(body)))
                lines.append('<p class="duty">责任单位：%s</p>' % duty)
            n += 1
        if form == "B":
            lines.append("</ol>")
    lines.append("</section>")
    for k in notes:
        lines.append('<aside epub:type="footnote" id="fn%d"><p><a href="#fnref%d">[%d]</a>&nbsp;%s</p></aside>' % (k, k, k, FOOTNOTES[k]))
    lines.append("</body>\n</html>")
    return "\n".join(lines), n

files = {}
order_spine = []
first = 1
files["OPS/xhtml/cover.xhtml"] = XHEAD + """<body epub:type="cover">
<section epub:type="cover" id="cover">
<p class="cover-title">%s</p>
<img src="../images/cover.jpg" alt="封面"/>
</section>
</body>
</html>""" % BOOK
files["OPS/xhtml/preface.xhtml"] = XHEAD + """<body epub:type="frontmatter">
<section epub:type="preface" id="preface">
%s
<p class="docno">%s</p>
<h1>%s关于印发《%s》的通知</h1>
<p>各街道办事处，区各部门、各直属单位：</p>
<p>《%s》已经区政府同意，现印发给你们，请结合实际认真贯彻执行。各责任单位要在本通知印发之日起15个工作日内制定具体操作办法，确保各项政策尽快落地见效。</p>
<p class="sign">%s</p>
<p class="sign">2022年6月15日&nbsp;&nbsp;</p>
</section>
</body>
</html>""" % (pb(), DOCNO, ISSUER, SOURCE, SOURCE, ISSUER)
chapters = []
for ch in CH:
    text, nxt = chapter(ch, first)
    files["OPS/xhtml/%s.xhtml" % ch[0]] = text
    chapters.append((ch[1], "xhtml/%s.xhtml" % ch[0]))
    first = nxt
assert first == 25, first

rows = []
for unit, person, phones, refs in T:
    span = 1
    if unit is not None:
        i = T.index((unit, person, phones, refs)) + 1
        while i < len(T) and T[i][0] is None:
            span += 1
            i += 1
    cells = []
    if unit is not None:
        cells.append('<td rowspan="%d">%s</td>' % (span, unit) if span > 1 else "<td>%s</td>" % unit)
    cells.append("<td>%s</td>" % person)
    cells.append("<td>%s</td>" % "<br/>".join(phones))
    cells.append("<td>%s</td>" % refs)
    rows.append("<tr>" + "".join(cells) + "</tr>")
files["OPS/xhtml/contacts list.xhtml"] = XHEAD + """<body epub:type="backmatter">
<section epub:type="appendix" id="contacts">
%s
<h1>附件&nbsp;&nbsp;政策咨询联系方式</h1>
<table class="contacts">
<thead><tr><th>牵头单位</th><th>联系人</th><th>咨询电话</th><th>对应条款</th></tr></thead>
<tbody>
%s
</tbody>
</table>
<p class="small">区物流保通保畅工作专班值班电话全天24小时有人值守，节假日不休。</p>
</section>
</body>
</html>""" % (pb(), "\n".join(rows))
files["OPS/xhtml/notice-2021.xhtml"] = XHEAD + """<body epub:type="backmatter">
<section id="notice2021">
<h1>关于做好2021年春节期间稳岗留工工作的通知（梁人社〔2021〕3号）</h1>
<p>一、对春节期间在岗留梁的外地职工，按每人400元标准给予留工补助。</p>
<p>二、对春节期间连续生产的企业，按每人200元标准发放“留梁红包”。</p>
<p>三、补助资金于2021年3月底前拨付到位。联系人：顾建平，电话：0510-82735500。</p>
</section>
</body>
</html>"""
files["OPS/xhtml/notes.xhtml"] = XHEAD + """<body epub:type="backmatter">
<section id="notes">
<h1>编辑说明</h1>
<p>本汇编收录梁溪区2022年出台的助企纾困政策措施，按政策类别分章编排，条目序号与原文件一致。</p>
<p>本汇编所附注释为编者所加，仅供理解政策参考，不作为政策执行依据。</p>
<p>政策执行中如有调整，以相关部门最新发布的文件为准。</p>
</section>
</body>
</html>"""
files["OPS/xhtml/colophon.xhtml"] = XHEAD + """<body epub:type="backmatter">
<section epub:type="colophon" id="colophon">
<p>书名：%s</p>
<p>编者：%s</p>
<p>出品：梁溪区融媒体中心&nbsp;“梁溪发布”客户端</p>
<p>版本：V1.0（2022年7月1日发布）</p>
<p>客服电话：0510-82700999</p>
<p>&#169;&nbsp;2022 梁溪区融媒体中心</p>
</section>
</body>
</html>""" % (BOOK, ISSUER)

# The package document: manifest ids are no file names; the stale notice
# is in the spine with linear="no".
manifest = [
    ('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'),
    ('<item id="toc" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'),
    ('<item id="style" href="css/style.css" media-type="text/css"/>'),
    ('<item id="cover-img" href="images/cover.jpg" media-type="image/jpeg" properties="cover-image"/>'),
    ('<item id="front" href="xhtml/cover.xhtml" media-type="application/xhtml+xml"/>'),
    ('<item id="intro" href="xhtml/preface.xhtml" media-type="application/xhtml+xml"/>'),
] + ['<item id="%s" href="%s" media-type="application/xhtml+xml"/>' % (i, h) for i, h in chapters] + [
    '<item id="annex" href="xhtml/contacts%20list.xhtml" media-type="application/xhtml+xml"/>',
    '<item id="old" href="xhtml/notice-2021.xhtml" media-type="application/xhtml+xml"/>',
    '<item id="editor" href="xhtml/notes.xhtml" media-type="application/xhtml+xml"/>',
    '<item id="imprint" href="xhtml/colophon.xhtml" media-type="application/xhtml+xml"/>',
]
spine = ['<itemref idref="front"/>', '<itemref idref="intro"/>'] + ['<itemref idref="%s"/>' % i for i, _ in chapters] + [
    '<itemref idref="annex"/>', '<itemref idref="old" linear="no"/>', '<itemref idref="editor"/>', '<itemref idref="imprint"/>']
files["OPS/package.opf"] = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="bookid" xml:lang="zh-CN">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="bookid">urn:uuid:5b0e6c1a-3f7d-4c2e-9a41-7d2f0c8e1b22</dc:identifier>
<dc:title>%s</dc:title>
<dc:creator>%s</dc:creator>
<dc:publisher>梁溪区融媒体中心</dc:publisher>
<dc:language>zh-CN</dc:language>
<dc:date>2022-07-01</dc:date>
<meta property="dcterms:modified">2022-07-02T08:15:00Z</meta>
<meta name="generator" content="Sigil 1.9.10"/>
</metadata>
<manifest>
%s
</manifest>
<spine toc="ncx">
%s
</spine>
</package>""" % (BOOK, ISSUER, "\n".join(manifest), "\n".join(spine))

short = ["一、减税降费", "二、社保公积金", "三、房租减免", "四、金融纾困", "五、消费文旅", "六、稳就业", "七、物流和服务"]
nav_points = ['<navPoint id="np1" playOrder="1"><navLabel><text>印发通知</text></navLabel><content src="xhtml/preface.xhtml"/></navPoint>']
for k, (i, h) in enumerate(chapters):
    nav_points.append('<navPoint id="np%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="%s"/></navPoint>' % (k + 2, k + 2, short[k], h))
nav_points.append('<navPoint id="np9" playOrder="9"><navLabel><text>附件</text></navLabel><content src="xhtml/contacts%20list.xhtml"/></navPoint>')
files["OPS/toc.ncx"] = """<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<head>
<meta name="dtb:uid" content="urn:uuid:5b0e6c1a-3f7d-4c2e-9a41-7d2f0c8e1b22"/>
<meta name="dtb:depth" content="1"/>
<meta name="dtb:totalPageCount" content="%d"/>
<meta name="dtb:maxPageNumber" content="%d"/>
</head>
<docTitle><text>梁溪区助企纾困政策汇编（送审稿）</text></docTitle>
<docAuthor><text>梁溪区发展和改革委员会</text></docAuthor>
<navMap>
%s
</navMap>
</ncx>""" % (page[0] - 1, page[0] - 1, "\n".join(nav_points))
files["OPS/nav.xhtml"] = XHEAD + """<body>
<nav epub:type="toc" id="toc"><h1>目&nbsp;&nbsp;录</h1>
<ol>
<li><a href="xhtml/preface.xhtml">印发通知</a></li>
%s
<li><a href="xhtml/contacts%%20list.xhtml">附件&nbsp;&nbsp;政策咨询联系方式</a></li>
</ol></nav>
<nav epub:type="landmarks" hidden=""><ol><li><a epub:type="bodymatter" href="xhtml/sec1.xhtml">正文</a></li></ol></nav>
<nav epub:type="page-list" hidden=""><ol>%s</ol></nav>
</body>
</html>""" % ("\n".join('<li><a href="%s">%s</a></li>' % (h, c[2]) for (i, h), c in zip(chapters, CH)),
              "".join('<li><a href="xhtml/x.xhtml#page%d">%d</a></li>' % (k, k) for k in range(1, page[0])))
files["OPS/css/style.css"] = """@charset "utf-8";
body { font-family: serif; line-height: 1.8; }
ol.items { list-style: none; counter-reset: item; }
ol.items > li::marker { content: "（" counter(list-item, cjk-decimal) "）"; }
p.duty::before { content: "▶ "; }
a.noteref { vertical-align: super; font-size: 0.7em; }
"""
files["mimetype"] = "application/epub+zip"

# The zip's order: mimetype first, then the rest by name (no container.xml:
# the clerk's copy lost it).
names = ["mimetype"] + sorted(k for k in files if k != "mimetype")
out = []
for n in names:
    out.append("==> %s <==\n%s\n" % (n, files[n]))
with open("guide.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(out))
