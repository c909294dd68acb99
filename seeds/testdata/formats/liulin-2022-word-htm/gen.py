#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's relief-policy guide written in Word
and saved with 另存为 → 网页 (*.htm): Word's HTML with its head of XML
properties, styles and list definitions, conditional comments, automatic list
numbers in <![if !supportLists]> blocks, spans cut mid-word, source lines
wrapped at about 76 characters (inside tags at spaces, in text between two
Chinese characters), a header and footer, a table of contents, tracked changes,
a comment, footnotes and a contacts table with rowspans (see README.md).
Deterministic; run from this directory."""

import random

rnd = random.Random(58)

TITLE = "陇川市柳林区助企纾困稳经济政策措施指引"
STALE = "柳林区助企纾困政策措施汇编（送审稿）"
ISSUER = "柳林区优化营商环境工作领导小组办公室"
DATE = "2022年7月8日"

CN = "零一二三四五六七八九"
def cn(n):
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")

# Sections: (h1, form, [(h2 or None, [measures])]); form: l0 / l1 (automatic
# list), paren (typed （十）), dot (typed 14.). A measure: (lead, [paragraphs],
# units). Markers in a paragraph: {del:x}{ins:y} a tracked change, {cmt} the
# comment anchor, {fn1}/{fn2} footnote references, {pb} a page break, {shy} a
# soft hyphen, {sp} a mso-spacerun space, — an em dash.
SECTIONS = [
    ("一、财税支持政策", "l0", [
        ("（税费减免）", [
            ("落实留抵退税政策。", ["对符合条件的小微企业和制造业企业，增量留抵税额按月全额退还，存量留抵税额一次性退还，税务部门在受理后{del:5个工作日}{ins:2个工作日}内办结，退税资金直达企业账户。"], "区税务局"),
            ("减免小规模纳税人增值税。", ["2022年4月1日至12月31日，对增值税小规模纳税人适用3%征收率的应税销售收入，免征增{shy}值税；适用3%预征率的预缴增值税项目，暂停预缴增值税。"], "区税务局"),
            ("减征“六税两费”。", ["对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税、印花税、耕地占用税和教育费附加、地方教育附加。"], "区税务局、区财政局"),
        ]),
        ("（社保缓缴）", [
            ("阶段性缓缴社会保险费。", ["对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业，阶段性缓缴养老、失业、工伤保险单位缴费部分，缓缴期间免收滞纳金，缓缴期限至2022年底。"], "区人社局、区社保中心"),
            ("扩大社保缓缴范围。", ["受疫情影响生产经营出现暂时困难的中小微企业{fn1}，可申请缓缴三项社会保险单位缴费部分，缓缴实施期限到2022年12月31日，期间免收滞纳金。",
                                  "以个人身份参加企业职工基本养老保险的个体工商户和各类灵活就业人员，2022年缴纳费款有困难的，可自愿暂缓缴费，2022年未缴费月度可于2023年底前进行补缴。"], "区人社局、区社保中心"),
            ("缓缴住房公积金。", ["受疫情影响的企业可按规定申请缓缴住房公积金，缓缴期间职工正常提取和申请住房公积金贷款不受影响，缓缴期限至2022年12月31日。"], "市住房公积金中心柳林管理部"),
        ]),
    ]),
    ("二、房租减免和要素保障", "l0", [(None, [
        ("减免国有房屋租金。", ["对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金，被列为中高风险地区所在街道的减免租金时间延长至8个月。"], "区国资中心、区财政局"),
        ("鼓励非国有房屋减租。", ["对2022年为服务业小微企业和个体工商户减免租金的非国有房屋出租人，按减免租金总额的30%给予奖补，单个出租人最高不超过{del:20万元}{ins:30万元}{cmt}，申报截止时间为2022年11月30日。"], "区工信商务局、区财政局"),
        ("降低用水用电用气成本。", ["对受疫情影响暂时出现生产经营困难的小微企业和个体工商户，用水、用电、用气“欠费不停供”，设立6个月的费用缓缴期，缓缴期间免收欠费滞纳金。"], "区工信商务局、国网陇川供电公司柳林供电服务中心、市供水集团柳林营业所"),
    ])]),
    ("三、金融支持政策", "paren", [(None, [
        ("推动贷款延期还本付息。", ["引导辖区银行机构对受疫情影响的中小微企业和个体工商户贷款应延尽延，延期贷款不下调风险分类，不影响征信记录，2022年底前有效。"], "区金融办"),
        ("实施首贷续贷贴息。", ["对2022年新获得首次贷款或续贷的小微企业，按{sp}LPR的30%给予贴息，单户企业年度贴息最高不超过10万元，由区财政统一兑付。"], "区金融办、区财政局"),
        ("降低融资担保费率。", ["区融资担保公司对小微企业和个体工商户的平均担保费率降至1%以下，对单户担保金额500万元及以下的，担保费率降至0.8%。"], "区融资担保公司"),
        ("扩大创业担保贷款支持。", ["个人创业担保贷款最高额度为30万元，小微企业最高不超过300万元，贷款期限最长3年，由区财政按规定给予贴息。"], "区就业服务局、区财政局"),
    ])]),
    ("四、稳岗扩就业政策", "dot", [(None, [
        ("发放一次性留工培训补助。", ["对受疫情影响暂时无法正常生产经营的中小微企业，按每名参保职工500元的标准发放一次性留工培训补助，实行“免申即享”{fn2}，补助资金直接拨付至企业账户。"], "区人社局、区就业服务局"),
        ("发放一次性扩岗补助。", ["对招用毕业年度高校毕业生并签订1年以上劳动合同、按规定缴纳失业保险费的企业，按每人1500元标准发放一次性扩岗补助，最长6个月；{pb}2022年新吸纳16—24岁失业青年的，同样按上述标准执行。"], "区人社局、区就业服务局"),
        ("开展以工代训。", ["对受疫情影响生产经营困难的中小微企业组织职工开展以工代训的，按每人每月500元标准给予补贴，补贴期限最长6个月，补贴比例为10%—20%。"], "区就业服务局"),
    ])]),
    ("五、促进消费和优化服务", "l1", [(None, [
        ("发放柳林消费券。", ["分批次发放总额1000万元的电子消费券，重点支持餐饮、零售、住宿等行业，每周五上午10:00在“云闪{shy}付”和“柳林通”{sp}APP投放，每批次核销率须达到60%以上。"], "区工信商务局、区财政局"),
        ("支持文旅企业纾困。", ["对全区旅行社暂退80%的旅游服务质量保证金，暂退期限至2023年3月31日，对开展惠民活动的A级景区按接待人数给予每人10元补贴。"], "区文旅局"),
        ("证照到期延期办理。", ["企业证照在疫情期间到期的，有效期顺延至疫情解除后3个月，企业可通过“柳林政务”APP申请延期，3个工作日内办结。"], "区市场监管局、区政务服务中心"),
        ("清理拖欠中小企业账款。", ["全面清理政府部门和国有企业拖欠中小企业账款，对拖欠金额较大的单位进行约谈，欠款超过6个月的按5%—10%比例加快清偿，政策咨询可拨打12345政务服务便民热线。"], "区工信商务局、区财政局"),
    ])]),
]
L1_START = 15

FOOTNOTES = [
    "中小微企业划型按照《关于印发中小企业划型标准规定的通知》（工信部联企业〔2011〕300号）执行。",
    "“免申即享”指通过社保数据比对自动识别符合条件的企业，无需企业申请，补助资金直接拨付。",
]
COMMENT = "原稿为20万元，区政府常务会议研究调整为30万元，请工信商务局再核对申报截止时间（原稿为9月30日）。"

# The contacts table: rows of (序号, unit, measures, person, phone paragraphs),
# None for a cell spanned from above; a phone paragraph may hold a tracked
# change {del:x}{ins:y}. rowspans are computed from the Nones.
ROWS = [
    ("1", "区税务局", "1、2", "何　军", ["0935-8211406"]),
    (None, None, "3", "", ["纳税缴费服务热线12366"]),
    ("2", "区财政局", "3、7、8", "潘立新", ["8216630"]),
    (None, None, "11、13、17、20", "邹玉梅", ["(0935)8216652"]),
    ("3", "区人社局", "4、5", "钟　敏", ["{del:0935-8210011}{ins:0935-8210018}"]),
    (None, None, "14、15", "万国强", ["0935-8210027", "13809351146"]),
    (None, None, None, "傅晓红", ["(0935)8210033"]),
    ("4", "区社保中心", "4、5", "贺文斌", ["0935-8217720、18993510025"]),
    ("5", "市住房公积金中心柳林管理部", "6", "罗丽君", ["0935-8219061"]),
    ("6", "区国资中心", "7", "殷　涛", ["0935-8213305"]),
    ("7", "区工信商务局", "8&#8212;9、20", "卢建华", ["0935 8212208"]),
    (None, None, "17", "", ["邮箱：llgxsw@163.com"]),
    ("8", "国网陇川供电公司柳林供电服务中心", "9", "孔德明", ["0935-8225016；95598"]),
    ("9", "市供水集团柳林营业所", "9", "严　芳", ["0935－8226117"]),
    ("10", "区金融办", "10、11", "龚海燕", ["0935-8215590、15209350718"]),
    ("11", "区融资担保公司", "12", "章志远", ["0935-8215821"]),
    ("12", "区就业服务局", "13&#8212;16", "汤红霞", ["0935-8218840"]),
    (None, None, None, "雷　鸣", ["0935-8218852"]),
    ("13", "区文旅局", "18", "尹国庆", ["0935-8229930"]),
    ("14", "区市场监管局", "19", "吕　超", ["0935-8214471"]),
    ("15", "区政务服务中心", "19", "毛晓雯", ["0935-8214400", "0935-8214499（综合窗口）"]),
]

OFFICE_PHONE = "0935-8219999"

# ---- inline markup -------------------------------------------------------

FONTS = ["font-family:仿宋_GB2312", "font-family:仿宋", "font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\""]

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("—", "&#8212;")

def runs(text, bold=False, kai=False):
    """text as Word's spans: Latin and digit runs in lang=EN-US spans, Chinese
    runs cut at random points (even mid-word), slightly different styles."""
    out = []
    i = 0
    while i < len(text):
        j = i
        ascii_run = ord(text[i]) < 0x2000 and text[i] not in "“”"
        while j < len(text) and (ord(text[j]) < 0x2000 and text[j] not in "“”") == ascii_run:
            j += 1
        seg = text[i:j]
        i = j
        if ascii_run:
            out.append("<span lang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\",serif'>%s</span>" % esc(seg))
            continue
        while seg:
            k = len(seg) if len(seg) < 4 else rnd.randint(2, min(len(seg), 14))
            piece, seg = seg[:k], seg[k:]
            fam = "font-family:楷体_GB2312" if kai else rnd.choice(FONTS)
            out.append("<span style='font-size:16.0pt;%s;mso-bidi-font-family:宋体'>%s</span>" % (fam, esc(piece)))
    s = "".join(out)
    return "<b>" + s + "</b>" if bold else s

import re
MARK = re.compile(r"\{del:([^}]*)\}\{ins:([^}]*)\}|\{cmt\}|\{fn(\d)\}|\{pb\}|\{shy\}|\{sp\}")

def inline(text, kai=False):
    out, pos = [], 0
    for m in MARK.finditer(text):
        out.append(runs(text[pos:m.start()], kai=kai))
        pos = m.end()
        tok = m.group(0)
        if m.group(1) is not None:
            out.append("<del cite=\"mailto:Administrator\" datetime=\"2022-07-06T09:12\">%s</del>" % runs(m.group(1)))
            out.append("<ins cite=\"mailto:Administrator\" datetime=\"2022-07-06T09:12\">%s</ins>" % runs(m.group(2)))
        elif tok == "{cmt}":
            out.append("<span class=MsoCommentReference><span lang=EN-US style='font-size:9.0pt'><![if !supportAnnotations]>&nbsp;<a class=msocomanchor id=\"_anchor_1\" onmouseover=\"msoCommentShow('_anchor_1','_com_1')\" onmouseout=\"msoCommentHide('_com_1')\" href=\"#_msocom_1\" language=JavaScript name=\"_msoanchor_1\">[L1]</a>&nbsp;<![endif]><span style='mso-special-character:comment'>&nbsp;</span></span></span>")
        elif m.group(3):
            k = m.group(3)
            out.append("<a style='mso-footnote-id:ftn%s' href=\"#_ftn%s\" name=\"_ftnref%s\" title=\"\"><span class=MsoFootnoteReference><span lang=EN-US style='font-size:16.0pt'><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference><span lang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\",serif'>[%s]</span></span><![endif]></span></span></span></a>" % (k, k, k, k))
        elif tok == "{pb}":
            out.append("<span lang=EN-US style='font-size:16.0pt'><br clear=all style='mso-special-character:line-break;page-break-before:always'></span>")
        elif tok == "{shy}":
            out.append("<span style='font-size:16.0pt'>&shy;</span>")
        elif tok == "{sp}":
            out.append("<span lang=EN-US style='font-size:16.0pt'><span style='mso-spacerun:yes'>&nbsp;</span></span>")
    out.append(runs(text[pos:], kai=kai))
    return "".join(out)

def split_bold(s):
    """A bold run Word cut in two."""
    k = max(1, len(s) // 2)
    return "<b><span style='font-size:16.0pt;font-family:仿宋_GB2312'>%s</span></b><b><span style='font-size:16.0pt;font-family:仿宋'>%s</span></b>" % (esc(s[:k]), esc(s[k:]))

PARA = "<p class=%s style='%stext-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'>"

def listnum(n, lst, lfo):
    return ("<![if !supportLists]><span lang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\",serif;mso-fareast-font-family:\"Times New Roman\"'>"
            "<span style='mso-list:Ignore'>%d.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>" % n)

# ---- the document ----------------------------------------------------------

body = []
toc_ids = []
def toc_id():
    toc_ids.append("_Toc1078%05d" % (31200 + len(toc_ids) * 7))
    return toc_ids[-1]

def heading(tag, text, tid):
    return ("<%s style='line-height:28.0pt;mso-line-height-rule:exactly'><a name=\"%s\"><span style='mso-bookmark:%s'><span style='font-size:16.0pt;font-family:黑体'>%s</span></span></a><span style='font-size:16.0pt;font-family:黑体'><o:p></o:p></span></%s>" % (tag, tid, tid, esc(text), tag))

num = 0
heads = []  # (level, text, id, page)
for h1, form, subs in SECTIONS:
    tid = toc_id()
    heads.append((1, h1, tid))
    body.append(heading("h1", h1, tid))
    for h2, measures in subs:
        if h2:
            tid = toc_id()
            heads.append((2, h2, tid))
            body.append(heading("h2", h2, tid))
        for lead, paras, units in measures:
            num += 1
            duty = inline("（责任单位：%s）" % units, kai=True)
            for pi, p in enumerate(paras):
                last = pi == len(paras) - 1
                text = inline(p) + (duty if last else "")
                if pi > 0:
                    body.append(PARA % ("MsoNormal", "") + text + "<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>")
                    continue
                if form in ("l0", "l1"):
                    lfo = "lfo1" if form == "l0" else "lfo2"
                    start = PARA % ("MsoListParagraph", "margin-left:0cm;mso-list:%s level1 %s;" % (form, lfo))
                    head = listnum(num, form, lfo) + runs(lead, bold=True)
                elif form == "paren":
                    start = PARA % ("MsoNormal", "")
                    mark = "（%s）" % cn(num)
                    head = (split_bold(mark) if num == 12 else "<b><span style='font-size:16.0pt;font-family:仿宋_GB2312'>%s</span></b>" % mark) + runs(lead, bold=True)
                else:
                    start = PARA % ("MsoNormal", "")
                    mark = "%d." % num
                    head = ("<b><span lang=EN-US style='font-size:16.0pt'>%s</span></b><b><span lang=EN-US style='font-size:16.0pt'>%s</span></b>" % (mark[:1], mark[1:]) if num == 15
                            else "<b><span lang=EN-US style='font-size:16.0pt'>%s</span></b>" % mark) + runs(lead, bold=True)
                body.append(start + head + text + "<span lang=EN-US style='font-size:16.0pt'><o:p></o:p></span></p>")

assert num == 20

# TOC
pages = [2, 2, 3, 4, 5, 7, 8, 9]
toc = []
for k, (lvl, text, tid) in enumerate(heads):
    field = ""
    if k == 0:
        field = "<!--[if supportFields]><span lang=EN-US><span style='mso-element:field-begin'></span><span style='mso-spacerun:yes'>&nbsp;</span>TOC \\o &quot;1-2&quot; \\h \\z \\u <span style='mso-element:field-separator'></span></span><![endif]-->"
    toc.append("<p class=MsoToc%d style='tab-stops:right dotted 414.25pt'>%s<span class=MsoHyperlink><span lang=EN-US style='mso-no-proof:yes'><a href=\"#%s\"><span style='font-family:仿宋'>%s</span><span lang=EN-US style='color:windowtext;display:none;mso-hide:screen'><span style='mso-tab-count:1 dotted'>. . . . . . . </span></span><span lang=EN-US style='color:windowtext;display:none;mso-hide:screen'>%d</span></a></span></span><span lang=EN-US style='mso-no-proof:yes'><o:p></o:p></span></p>"
               % (lvl, field, tid, esc(text), pages[k % len(pages)]))

# The appendix table.
def rowspans():
    spans = {}
    for col in (0, 1, 2):
        for i, r in enumerate(ROWS):
            if r[col] is None:
                continue
            k = 1
            while i + k < len(ROWS) and ROWS[i + k][col] is None:
                k += 1
            spans[(i, col)] = k
    return spans

def cellp(text):
    return "<p class=MsoNormal align=center style='text-align:center'>%s<span lang=EN-US style='font-size:12.0pt'><o:p></o:p></span></p>" % (inline(text) if text else "<span lang=EN-US style='font-size:12.0pt'>&nbsp;</span>")

def td(width, content, span=1):
    rs = " rowspan=%d" % span if span > 1 else ""
    return "<td width=%d%s valign=top style='width:%.1fpt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>%s</td>" % (width, rs, width * 0.75, content)

table = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
table.append("<tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>" + "".join(td(w, cellp(h)) for w, h in [(40, "序号"), (150, "责任单位"), (90, "对应措施（条）"), (70, "联　系　人"), (160, "联系电话")]) + "</tr>")
spans = rowspans()
for i, r in enumerate(ROWS):
    cells = []
    for col, w in ((0, 40), (1, 150), (2, 90)):
        if r[col] is not None:
            cells.append(td(w, cellp(r[col].replace("&#8212;", "—")), spans[(i, col)]))
    cells.append(td(70, cellp(r[3])))
    cells.append(td(160, "".join(cellp(p) for p in r[4])))
    last = ";mso-yfti-lastrow:yes" if i == len(ROWS) - 1 else ""
    table.append("<tr style='mso-yfti-irow:%d%s'>" % (i + 1, last) + "".join(cells) + "</tr>")
table.append("</table>")

PB = "<span lang=EN-US style='font-size:16.0pt;font-family:\"Times New Roman\",serif'><br clear=all style='mso-special-character:line-break;page-break-before:always'></span>"
plain = lambda t, extra="": "<p class=MsoNormal style='%stext-indent:32.0pt;line-height:28.0pt'>%s<span lang=EN-US><o:p></o:p></span></p>" % (extra, inline(t))

doc = []
doc.append("<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>")
doc.append("<div style='mso-element:header' id=h1><p class=MsoHeader align=center style='text-align:center'><span style='font-family:仿宋'>柳林区助企纾困稳经济政策措施指引　　政策咨询：区营商办　%s</span><span lang=EN-US><o:p></o:p></span></p></div>" % OFFICE_PHONE)
doc.append("<div class=WordSection1 style='layout-grid:15.6pt'>")
doc.append("<p class=MsoTitle align=center style='text-align:center'><span style='font-size:22.0pt;font-family:方正小标宋简体'>%s</span><span lang=EN-US style='font-size:22.0pt'><o:p></o:p></span></p>" % esc(TITLE))
doc.append("<p class=MsoNormal align=center style='text-align:center'><span style='font-size:16.0pt;font-family:楷体_GB2312'>%s　%s</span><span lang=EN-US><o:p></o:p></span></p>" % (ISSUER, DATE))
doc.append("<p class=MsoNormal align=center style='text-align:center'><span style='font-size:16.0pt;font-family:黑体'>目　录</span><span lang=EN-US><o:p></o:p></span></p>")
doc.extend(toc)
doc.append("<p class=MsoNormal><!--[if supportFields]><span lang=EN-US><span style='mso-element:field-end'></span></span><![endif]--><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
doc.append("<p class=MsoNormal>" + PB + "</p>")
doc.append(plain("为深入贯彻落实国家、省、市稳住经济一揽子政策措施，帮助市场主体纾困解难，区营商办根据《柳林区贯彻落实稳住经济一揽子政策措施实施方案》（柳政办〔2022〕31号），梳理形成本指引，共5个方面20条，各条措施的联系方式见附件。"))
doc.extend(body)
doc.append("<p class=MsoNormal>" + PB + "</p>")
doc.append(heading("h1", "附件：柳林区助企纾困政策联系人名单", toc_id()))
doc.extend(table)
doc.append(plain("注：通用政策咨询可拨打12345政务服务便民热线。"))
doc.append("</div>")
doc.append("<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width=\"33%\"><![endif]>")
for k, f in enumerate(FOOTNOTES, 1):
    doc.append("<div style='mso-element:footnote' id=ftn%d><p class=MsoFootnoteText><a style='mso-footnote-id:ftn%d' href=\"#_ftnref%d\" name=\"_ftn%d\" title=\"\"><span class=MsoFootnoteReference><span lang=EN-US><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[%d]</span><![endif]></span></span></span></a><span style='font-family:仿宋'>%s</span></p></div>" % (k, k, k, k, k, esc(f)))
doc.append("</div>")
doc.append("<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width=\"33%%\"><![endif]><div style='mso-element:comment'><![if !supportAnnotations]><div id=\"_com_1\" class=msocomtxt language=JavaScript onmouseover=\"msoCommentShow('_anchor_1','_com_1')\" onmouseout=\"msoCommentHide('_com_1')\"><![endif]><div><p class=MsoCommentText><span class=MsoCommentReference><span lang=EN-US style='font-size:9.0pt'><span style='mso-special-character:comment'>&nbsp;<![if !supportAnnotations]><a href=\"#_msoanchor_1\" class=msocomoff>[L1]</a><![endif]></span></span></span><span style='font-family:宋体'>%s</span></p></div><![if !supportAnnotations]></div><![endif]></div></div>" % esc(COMMENT))
doc.append("<div style='mso-element:footer' id=f1><p class=MsoFooter align=center style='text-align:center'><!--[if supportFields]><span lang=EN-US><span style='mso-element:field-begin'></span>PAGE<span style='mso-element:field-separator'></span></span><![endif]--><span lang=EN-US>- 1 -</span><!--[if supportFields]><span lang=EN-US><span style='mso-element:field-end'></span></span><![endif]--></p></div>")
doc.append("</body>")
doc.append("</html>")

HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="guide.files/filelist.xml">
<!--[if !mso]>
<style>
v\\:* {behavior:url(#default#VML);}
o\\:* {behavior:url(#default#VML);}
w\\:* {behavior:url(#default#VML);}
</style>
<![endif]-->
<title>%s</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Title>%s</o:Title>
  <o:Author>林海燕</o:Author>
  <o:LastAuthor>Administrator</o:LastAuthor>
  <o:Revision>9</o:Revision>
  <o:Created>2022-06-27T01:40:00Z</o:Created>
  <o:LastSaved>2022-07-08T07:55:00Z</o:LastSaved>
  <o:Pages>8</o:Pages>
  <o:Company>柳林区发展和改革局</o:Company>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:TrackRevisions/>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:仿宋_GB2312;
	panose-1:2 1 6 9 3 1 1 1 1 1;}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:"Times New Roman",serif;}
@page WordSection1
	{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	mso-header:h1;
	mso-footer:f1;}
div.WordSection1
	{page:WordSection1;}
 /* List Definitions */
 @list l0
	{mso-list-id:1206519234;
	mso-list-type:hybrid;}
@list l0:level1
	{mso-level-tab-stop:none;
	mso-level-number-position:left;}
@list l1
	{mso-list-id:1770010541;}
@list l1:level1
	{mso-level-start-at:%d;
	mso-level-tab-stop:none;}
-->
</style>
<!--[if gte mso 10]>
<style>
 table.MsoNormalTable
	{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;}
</style>
<![endif]-->
<script language=JavaScript>
<!--
function msoCommentShow(anchor_id, com_id)
{
	if(msoBrowserCheck())
		{
		c = document.all(com_id);
		}
}
//-->
</script>
<style id=dynCom type="text/css"><!-- --></style>
</head>

""" % (STALE, STALE, L1_START)

# ---- Word's line wrapping ---------------------------------------------------

def cjk(c):
    return "\u4e00" <= c <= "\u9fff" or c in "，。、；：（）“”　"

def wrap(s, width=76):
    """Cut s into lines of about width characters: inside a tag at a space,
    in text between two Chinese characters."""
    out = []
    while len(s) > width:
        cut, intag = -1, False
        for i, c in enumerate(s):
            if c == "<":
                intag = True
            elif c == ">":
                intag = False
            if i < width // 2:
                continue
            if intag and c == " " and "'" not in s[max(0, i-1):i]:
                cut = i
            elif not intag and i > 0 and cjk(s[i-1]) and cjk(c) and "\u4e00" <= s[i-1] <= "\u9fff" and "\u4e00" <= c <= "\u9fff":
                cut = i
            if i >= width and cut > 0:
                break
        if cut <= 0 or cut >= len(s):
            break
        if s[cut] == " ":
            out.append(s[:cut])
            s = s[cut + 1:]
        else:
            out.append(s[:cut])
            s = s[cut:]
    out.append(s)
    return out

lines = []
for block in doc:
    lines.extend(wrap(block))
text = HEAD.replace("\n", "\r\n") + "\r\n\r\n".join(lines).replace("\n", "\r\n") if False else HEAD.replace("\n", "\r\n") + "\r\n".join(lines) + "\r\n"
with open("guide.txt", "w", encoding="utf-8", newline="") as f:
    f.write(text)
