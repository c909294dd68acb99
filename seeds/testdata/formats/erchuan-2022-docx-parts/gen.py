#!/usr/bin/env python3
"""Writes guide.txt: a fictional county-level city's guide as a Word 2016
.docx whose zip parts are concatenated under `===== path =====` lines (see
README.md). Measures and section headings are numbered only by Word's
automatic numbering (numbering.xml, the heading style's numPr). Deterministic
(fixed seed); run from this directory."""
import random

rnd = random.Random(59)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      f'xmlns:r="{R}" '
      f'xmlns:w="{W}" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
      'mc:Ignorable="w14 w15 wp14"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

ISSUER = "洱川市人民政府办公室"
DOCNO = "洱市政办发〔2022〕31号"
TITLE = "洱川市人民政府办公室关于印发洱川市助企纾困稳经济政策措施工作指南的通知"
GUIDE = "洱川市助企纾困稳经济政策措施工作指南"
STALE = "洱川市2021年稳增长政策措施汇编"

# Sections: (title, [measures]); a measure is (kind, title, body, more);
# kind "n" numbered automatically, "typed" its number typed by hand (no
# numPr). body may hold [ins:…] (kept), [del:…] (dropped), [fn] a footnote
# reference, [br] a line break, [app:…] proofing marks, [link:rIdN:…] a
# hyperlink. more: continuation paragraphs ("c", text) and level-1 items
# ("sub", text).
SECTIONS = [
 ("财税支持政策", [
  ("n", "增值税留抵退税。", "对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，存量留抵税额于2022年6月30日前集中退还到位[fn]，退税申请在[link:rId8:电子税务局]提交后5个工作日内办结。（牵头单位：市税务局；配合单位：市财政局）", []),
  ("n", "“六税两费”减征。", "对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税、城镇土地使用税等“六税两费”。（牵头单位：市税务局；配合单位：市财政局）", []),
  ("n", "房土两税困难减免。", "对受疫情影响生产经营困难的纳税人，可申请减免2022年第二季度房产税、城镇土地使用税。", [
    ("c", "申请截止日期为2022年9月30日，逾期不再受理。（牵头单位：市税务局）")]),
  ("n", "企业所得税优惠。", "小型微利企业年应纳税所得额不超过100万元的部分，减按12.5%计入应纳税所得额。（牵头单位：市税务局）", []),
  ("n", "缓缴部分税费。", "对制造业中小微企业延缓缴纳部分税费6个月，缓缴期间免收滞纳金。（牵头单位：市税务局；配合单位：市财政局）", []),
 ]),
 ("社保就业政策", [
  ("n", "阶段性缓缴社会保险费。", "对餐饮、零售、旅游、民航、公路水路铁路运输等特困行业，阶段性缓缴养老、失业和工伤保险单位缴费部分，缓缴期限至2022年底。", []),
  ("n", "失业保险稳岗返还。", "对不裁员或少裁员的参保企业，中小微企业返还比例提高至[del:60][ins:90]%，大型企业返还比例为50%。", [
    ("c", "返还资金实行“免申即享”，直接拨付至企业对公账户。")]),
  ("n", "职工医保单位缴费缓缴。", "对中小微企业职工基本医疗保险单位缴费部分缓缴3个月，缓缴期间不影响参保人员享受待遇。", []),
  ("typed", "一次性扩岗补助。", "对招用毕业年度高校毕业生并签订劳动合同、参加失业保险的企业，按每人1500元发放一次性扩岗补助。", []),
 ]),
 ("金融支持政策", [
  ("n", "普惠小微贷款支持。", "引导地方法人银行扩大普惠小微贷款投放，对普惠小微贷款余额增量给予1%的激励资金。（牵头单位：人民银行洱川市支行；配合单位：市地方金融服务中心）", []),
  ("n", "延期还本付息。", "对受疫情影响暂时遇困的中小微企业和个体工商户贷款，银行机构按市场化原则给予延期还本付息。（牵头单位：人民银行洱川市支行）", []),
  ("n", "征信修复保护。", "对因疫情影响未能及时还款的市场主体，相关逾期贷款可不作逾期记录报送。", [
    ("c", "已经报送的予以调整，保障其征信权益。（牵头单位：人民银行洱川市支行）")]),
  ("n", "融资担保降费。", "政府性融资担保机构对小微企业担保费率降至1%以下，可通过以下渠道申请：（牵头单位：市地方金融服务中心）", [
    ("sub", "线上办理：登录“洱川金服”[app:App]提交申请；"),
    ("sub", "线下办理：到市融资担保有限公司业务大厅现场申请。")]),
  ("n", "贷款贴息。", "对2022年新发放的小微企业贷款给予贴息，贴息比例为贷款市场报价利率的50%，单户最高50万元。（牵头单位：市地方金融服务中心；配合单位：市财政局）", []),
 ]),
 ("优化政务服务", [
  ("n", "涉企事项网上办。", "全面推行涉企事项“一网通办”，企业可登录[link:rId9:云南政务服务网]在线办理，咨询投诉请拨打12345热线。", []),
  ("n", "惠企政策直达。", "设立惠企政策综合服务窗口，集中受理各类惠企政策申报事项，[br]实行一次告知、一窗受理。", []),
  ("n", "证照延期办理。", "对因疫情影响未能按期办理证照年检的企业，一律延期至疫情结束后3个月。", []),
  ("n", "保护消费者权益。", "加强疫情期间市场价格监管，消费者权益受到侵害的，可拨打12315投诉举报。", []),
 ]),
]

# Contact table rows: (涉及条款, unit or None = vMerge continue, 科室, person,
# phone paragraphs) or ("divider", section title). A 科室 of ("span", text)
# spans 科室 and 联系人 (gridSpan 2).
ROWS = [
 ("divider", "一、财税支持政策"),
 ("第1、2条", "市税务局", "纳税服务股", "段丽华", ["2125601"]),
 ("第3条", None, "财产行为税股", "和志强", ["2125602"]),
 ("第2、4条", None, "所得税股", "杨　敏", ["2125603"]),
 ("第5条", None, "纳税服务股", "段丽华", ["12366", "2125601"]),
 ("第1、5条", "市财政局", "预算股", "赵国平", ["2126630"]),
 ("divider", "二、社保就业政策"),
 ("第6、7条", "市人力资源社会保障局", "就业股", "李春燕", ["2138811"]),
 ("第8条", None, "社会保险股", "王海东", ["2138812（工作日8:30—12:00、14:30—17:30）"]),
 ("第8条", "市医疗保障局", "待遇保障股", "施晓云", ["2139920"]),
 ("第9条", "市工商联", "会员部", "苏雯", [("mail", "erchuan_gsl@example.cn")]),
 ("divider", "三、金融支持政策"),
 ("第10、11条", "人民银行洱川市支行", "货币信贷股", "尹峰", ["2142201"]),
 ("第12条", None, "征信管理股", "高丽", ["2142202"]),
 ("第13、14条", "市地方金融服务中心", "金融服务股", "罗斌", ["13908721234"]),
 ("第14条", "市财政局", "预算股", "赵国平", ["2126630"]),
 ("divider", "四、优化政务服务"),
 ("第15、16条", "市政务服务管理局", "综合窗口股", "何静", ["2158800"]),
 ("第15条", None, ("span", "12345政务服务便民热线（24小时）"), None, ["12345"]),
 ("第17条", "市市场监管局", "登记注册股", "张伟", ["2161200"]),
 ("第18条", None, "消费者权益保护股", "陈琳", ["2161233"]),
]

_rs = [0]


def rsid():
    return "00%06X" % rnd.randrange(1 << 24)


ASCII = set("0123456789%‰.-@_()/: abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text, extra=""):
    asc = all(c in ASCII for c in text)
    font = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' if asc
            else '<w:rFonts w:hint="eastAsia"/>')
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return (f'<w:r w:rsidRPr="{rsid()}"><w:rPr>{font}{extra}</w:rPr>'
            f'<w:t{sp}>{esc(text)}</w:t></w:r>')


def pieces(text):
    """Cuts text into runs at random places (mid-word), ASCII and CJK apart."""
    out, cur = [], ""
    for c in text:
        if cur and ((c in ASCII) != (cur[-1] in ASCII) or rnd.random() < 0.2):
            out.append(cur)
            cur = ""
        cur += c
    if cur:
        out.append(cur)
    return out


def runs(text, bold_figures=True):
    """Runs of text with its inline markup (see SECTIONS)."""
    out = []
    i = 0
    while i < len(text):
        if text.startswith("[", i) and (":" in text[i:i + 7] or text.startswith("[br]", i) or text.startswith("[fn]", i)):
            j = text.index("]", i)
            tag, _, body = text[i + 1:j].partition(":")
            if tag == "br":
                out.append('<w:r><w:br/></w:r>')
            elif tag == "fn":
                out.append('<w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:footnoteReference w:id="1"/></w:r>')
            elif tag == "ins":
                out.append('<w:ins w:id="21" w:author="市人社局 和某" w:date="2022-07-06T10:12:00Z">'
                           + run(body, "<w:b/>") + "</w:ins>" + '<w:commentRangeEnd w:id="0"/>'
                           '<w:r><w:rPr><w:rStyle w:val="a9"/></w:rPr><w:commentReference w:id="0"/></w:r>')
            elif tag == "del":
                out.append('<w:commentRangeStart w:id="0"/><w:del w:id="20" w:author="市人社局 和某" w:date="2022-07-06T10:12:00Z">'
                           f'<w:r w:rsidDel="{rsid()}"><w:delText>{esc(body)}</w:delText></w:r></w:del>')
            elif tag == "app":
                out.append('<w:proofErr w:type="spellStart"/>' + run(body) + '<w:proofErr w:type="spellEnd"/>')
            elif tag == "link":
                rid, _, label = body.partition(":")
                out.append(f'<w:hyperlink r:id="{rid}" w:history="1">'
                           + "".join(run(p, '<w:rStyle w:val="a8"/>') for p in pieces(label)) + "</w:hyperlink>")
            i = j + 1
            continue
        j = i
        while j < len(text) and not (text.startswith("[", j) and (":" in text[j:j + 7] or text.startswith("[br]", j) or text.startswith("[fn]", j))):
            j += 1
        for p in pieces(text[i:j]):
            fig = bold_figures and any(c.isdigit() for c in p) and rnd.random() < 0.5
            out.append(run(p, "<w:b/>" if fig else ""))
        i = j
    return out


def para(content, style=None, num=None, ilvl=0, jc=None, bookmark=None, ind=False, extra_ppr=""):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    if ind:
        ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    ppr += extra_ppr
    pid = "%08X" % rnd.randrange(1 << 31)
    head = (f'<w:p w14:paraId="{pid}" w14:textId="77777777" w:rsidR="{rsid()}" w:rsidRDefault="{rsid()}">'
            + (f"<w:pPr>{ppr}</w:pPr>" if ppr else ""))
    rs = runs(content) if isinstance(content, str) else content
    if bookmark:
        rs = [f'<w:bookmarkStart w:id="{bookmark}" w:name="_Toc10852{3400 + bookmark}"/>'] + rs + [f'<w:bookmarkEnd w:id="{bookmark}"/>']
    return "".join([head] + rs + ["</w:p>"])


def tab_para(texts, jc=None):
    rs = []
    for t in texts:
        if t == "\t":
            rs.append('<w:r><w:tab/></w:r>')
        else:
            rs += runs(t, bold_figures=False)
    return para(rs, jc=jc)


NUMERALS = "一二三四五六七八九十"


def document():
    b = []
    b.append(para(DOCNO, jc="center"))
    b.append(para(TITLE, style="a3"))
    b.append(para("各乡镇人民政府，市直各部门："))
    b.append(para("《洱川市助企纾困稳经济政策措施工作指南》已经市人民政府同意，现印发给你们，请认真抓好落实。", ind=True))
    b.append(tab_para(["\t", "\t", "\t", ISSUER]))
    b.append(tab_para(["\t", "\t", "\t", "2022年7月20日"]))
    b.append(para(['<w:bookmarkStart w:id="90" w:name="_GoBack"/><w:bookmarkEnd w:id="90"/>'] + runs("（此件公开发布）", False), ind=True))
    b.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    b.append(para([run("洱川市助企纾困", "<w:lastRenderedPageBreak/>"[:0])] + runs("稳经济政策措施工作指南", False), style="a3"))
    b.append(para("为帮助市场主体纾困解难，特制定本指南。本指南所列政策未注明期限的，执行至2022年12月31日。", ind=True))
    # The table of contents: a content control repeating the section titles.
    toc = ['<w:sdt><w:sdtPr><w:id w:val="-1829438821"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
           '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>', para("目　录", style="TOC")]
    for k, (title, _) in enumerate(SECTIONS):
        head = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>') if k == 0 else ""
        link = (f'<w:hyperlink w:anchor="_Toc10852{3401 + k}" w:history="1">' + run(NUMERALS[k] + "、" + title)
                + '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> PAGEREF _Toc10852{3401 + k} \\h </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{2 + k}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink>')
        tail = '<w:r><w:fldChar w:fldCharType="end"/></w:r>' if k == len(SECTIONS) - 1 else ""
        toc.append(para([head, link, tail], style="TOC1"))
    toc.append(para(['<w:hyperlink w:anchor="_Toc108523499" w:history="1">' + run("附件：政策咨询联系表") +
                     '<w:r><w:tab/></w:r><w:r><w:t>7</w:t></w:r></w:hyperlink>'], style="TOC2"))
    toc.append("</w:sdtContent></w:sdt>")
    b.append("".join(toc))
    n = 0
    for k, (title, measures) in enumerate(SECTIONS):
        rs = runs(title, False)
        if k == 0:
            rs[0] = rs[0].replace("<w:t", "<w:lastRenderedPageBreak/><w:t", 1)
        b.append(para(rs, style="1", bookmark=k + 1))
        for kind, mtitle, body, more in measures:
            n += 1
            rs = [run(p, "<w:b/>") for p in pieces(mtitle)]
            brs = runs(body)
            if n in (4, 11, 16):
                brs[0] = brs[0].replace("<w:t", "<w:lastRenderedPageBreak/><w:t", 1)
            if kind == "typed":
                b.append(para([f'<w:r w:rsidR="00D27E4B"><w:t>{n}.</w:t></w:r>'] + rs + brs, ind=True))
            else:
                b.append(para(rs + brs, num="2" if n < 10 else "3", ind=True))
            for mk, mt in more:
                if mk == "sub":
                    b.append(para(mt, num="3", ilvl=1, ind=True))
                else:
                    b.append(para(mt, ind=True))
    b.append(para("各牵头单位要细化操作办法，及时兑现政策。本指南由市发展和改革局负责解释。", ind=True))
    b.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    b.append(para([run("附件：政策咨询联系表", "")], style="2", bookmark=9))
    # The contacts table.
    widths = [700, 1500, 2500, 1800, 1200, 2200]
    t = ['<w:tbl><w:tblPr><w:tblStyle w:val="ab"/><w:tblW w:w="9900" w:type="dxa"/></w:tblPr><w:tblGrid>'
         + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]

    def tc(content, w, extra=""):
        inner = content if isinstance(content, str) and content.startswith("<w:p") else para(content, jc="center")
        return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{extra}</w:tcPr>{inner}</w:tc>'
    hdr = ["序号", "涉及条款", "责任单位", "科室", "联系人", "联系电话"]
    t.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + "".join(tc(h, w) for h, w in zip(hdr, widths)) + "</w:tr>")
    row_no = 0
    for i, r in enumerate(ROWS):
        if r[0] == "divider":
            t.append(f'<w:tr w:rsidR="{rsid()}">' + tc(r[1], sum(widths), '<w:gridSpan w:val="6"/>') + "</w:tr>")
            continue
        row_no += 1
        refs, unit, dept, person, phones = r
        nxt = ROWS[i + 1] if i + 1 < len(ROWS) else None
        cells = [tc(str(row_no), widths[0]), tc(refs, widths[1])]
        if unit is None:
            cells.append(tc('<w:p/>', widths[2], '<w:vMerge/>'))
        elif nxt and nxt[0] != "divider" and nxt[1] is None:
            cells.append(tc(unit, widths[2], '<w:vMerge w:val="restart"/>'))
        else:
            cells.append(tc(unit, widths[2]))
        if isinstance(dept, tuple):
            cells.append(tc(dept[1], widths[3] + widths[4], '<w:gridSpan w:val="2"/>'))
        else:
            cells += [tc(dept, widths[3]), tc(person, widths[4])]
        ps = ""
        for ph in phones:
            if isinstance(ph, tuple):
                ps += para([f'<w:hyperlink r:id="rId10" w:history="1">' + run(ph[1], '<w:rStyle w:val="a8"/>') + "</w:hyperlink>"], jc="center")
            else:
                ps += para(ph, jc="center")
        cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[5]}" w:type="dxa"/></w:tcPr>{ps}</w:tc>')
        t.append(f'<w:tr w:rsidR="{rsid()}">' + "".join(cells) + "</w:tr>")
    t.append("</w:tbl>")
    b.append("".join(t))
    b.append(para("注："))
    b.append(para("咨询时间为工作日上午9:00—12:00、下午14:30—18:00。", num="4"))
    b.append(para("联系电话如有变动，以市政务服务中心综合窗口公布为准。", num="4"))
    b.append(para("抄送：市委办公室，市人大常委会办公室，市政协办公室。"))
    b.append(tab_para([ISSUER, "\t", "\t", "2022年7月20日印发"]))
    b.append(para("（承印：洱川市彩云印务有限公司　电话：2188066）"))
    sect = ('<w:sectPr w:rsidR="00D27E4B"><w:headerReference w:type="default" r:id="rId11"/>'
            '<w:footerReference w:type="default" r:id="rId12"/><w:footnotePr><w:numFmt w:val="decimalEnclosedCircleChinese"/></w:footnotePr>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    return f'<w:document {NS}><w:body>' + "".join(b) + sect + "</w:body></w:document>"


def lvl(i, fmt, text, start=1, pstyle="", suff=""):
    return (f'<w:lvl w:ilvl="{i}" w15:tentative="1"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            + (f'<w:pStyle w:val="{pstyle}"/>' if pstyle else "")
            + (f'<w:suff w:val="{suff}"/>' if suff else "")
            + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{420 * (i + 1)}" w:hanging="420"/></w:pPr></w:lvl>')


def numbering():
    filler = "".join(lvl(i, "lowerLetter", f"%{i + 1})") for i in range(3, 9))
    a0 = ('<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0"><w:nsid w:val="1F2A3B4C"/>'
          '<w:multiLevelType w:val="hybridMultilevel"/>' + lvl(0, "chineseCounting", "%1、", pstyle="1", suff="nothing")
          + "".join(lvl(i, "decimal", f"%{i + 1}.") for i in range(1, 9)) + "</w:abstractNum>")
    a1 = ('<w:abstractNum w:abstractNumId="1"><w:nsid w:val="5D6E7F80"/><w:multiLevelType w:val="multilevel"/>'
          + lvl(0, "decimal", "%1.") + lvl(1, "decimal", "（%2）") + lvl(2, "ideographTraditional", "%3、") + filler + "</w:abstractNum>")
    a2 = ('<w:abstractNum w:abstractNumId="2"><w:nsid w:val="0A0B0C0D"/><w:multiLevelType w:val="singleLevel"/>'
          + lvl(0, "chineseCounting", "（%1）") + "</w:abstractNum>")
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>'
            '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>')
    return f'<w:numbering {NS}>' + a0 + a1 + a2 + nums + "</w:numbering>"


def styles():
    def style(sid, name, typ="paragraph", extra="", default=False):
        d = ' w:default="1"' if default else ""
        return f'<w:style w:type="{typ}"{d} w:styleId="{sid}"><w:name w:val="{name}"/>{extra}</w:style>'
    s = [style("a", "Normal", default=True, extra='<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>'),
         style("1", "标题 1", extra='<w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="10"/><w:qFormat/>'
               '<w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>'),
         style("2", "标题 2", extra='<w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="20"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr>'),
         style("10", "标题 1 字符", typ="character", extra='<w:link w:val="1"/>'),
         style("20", "标题 2 字符", typ="character", extra='<w:link w:val="2"/>'),
         style("a3", "Title", extra='<w:basedOn w:val="a"/><w:qFormat/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>'),
         style("a4", "header"), style("a5", "footer"), style("a6", "footnote text"),
         style("a7", "footnote reference", typ="character"), style("a8", "Hyperlink", typ="character"),
         style("a9", "annotation reference", typ="character"), style("aa", "annotation text"),
         style("ab", "Table Grid", typ="table"), style("TOC", "TOC Heading"), style("TOC1", "toc 1"), style("TOC2", "toc 2")]
    return (f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/>'
            '<w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>' + "".join(s) + "</w:styles>")


def main():
    parts = [
        ("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'),
        ("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", document()),
        ("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://etax.example.gov.cn/" TargetMode="External"/>'
         '<Relationship Id="rId13" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
         '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
         '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:erchuan_gsl@example.cn" TargetMode="External"/>'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
         '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://zwfw.example.gov.cn/" TargetMode="External"/>'
         '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
         '<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
         '<Relationship Id="rId12" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>'),
        ("word/footnotes.xml", f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
         '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
         '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="a6"/></w:pPr><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 依据《财政部 税务总局关于进一步加大增值税期末留抵退税政策实施力度的公告》（财政部 税务总局公告2022年第14号）。</w:t></w:r></w:p></w:footnote></w:footnotes>'),
        ("word/endnotes.xml", f'<w:endnotes {NS}><w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
         '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote></w:endnotes>'),
        ("word/header1.xml", f'<w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="a4"/></w:pPr><w:r><w:t>{ISSUER}　电话：2120000</w:t></w:r></w:p></w:hdr>'),
        ("word/footer1.xml", f'<w:ftr {NS}><w:p><w:pPr><w:pStyle w:val="a5"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>'
         '<w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'),
        ("word/comments.xml", f'<w:comments {NS}><w:comment w:id="0" w:author="市司法局 施某" w:date="2022-07-08T15:20:00Z" w:initials="施">'
         '<w:p><w:pPr><w:pStyle w:val="aa"/></w:pPr><w:r><w:annotationRef/></w:r><w:r><w:t>合法性审查意见：返还比例请按省里口径修改，已按90%修改。如有疑问请联系，电话2199001。</w:t></w:r></w:p></w:comment></w:comments>'),
        ("word/theme/theme1.xml", '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题\u200b\u200b"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1></a:clrScheme>'
         '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="等线 Light"/><a:ea typeface=""/><a:font script="Hans" typeface="等线 Light"/></a:majorFont></a:fontScheme></a:themeElements></a:theme>'),
        ("word/settings.xml", f'<w:settings {NS}><w:zoom w:percent="100"/><w:trackRevisions/><w:footnotePr><w:numFmt w:val="decimalEnclosedCircleChinese"/><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
         '<w:rsids><w:rsidRoot w:val="00D27E4B"/><w:rsid w:val="00A13522"/><w:rsid w:val="00D27E4B"/><w:rsid w:val="01234567"/></w:rsids>'
         '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>'),
        ("word/numbering.xml", numbering()),
        ("word/styles.xml", styles()),
        ("word/webSettings.xml", f'<w:webSettings {NS}><w:optimizeForBrowser/><w:allowPNG/></w:webSettings>'),
        ("word/fontTable.xml", f'<w:fonts {NS}><w:font w:name="仿宋_GB2312"><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/></w:font>'
         '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/></w:font><w:font w:name="黑体"><w:panose1 w:val="02010609060101010101"/></w:font></w:fonts>'),
        ("docProps/core.xml", '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
         'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
         f'<dc:title>{STALE}</dc:title><dc:creator>市府办</dc:creator><cp:lastModifiedBy>市府办</cp:lastModifiedBy><cp:revision>7</cp:revision>'
         '<dcterms:created xsi:type="dcterms:W3CDTF">2021-03-18T01:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2022-07-20T08:30:00Z</dcterms:modified></cp:coreProperties>'),
        ("docProps/app.xml", '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
         f'<Template>Normal.dotm</Template><Pages>9</Pages><Application>Microsoft Office Word</Application><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>{STALE}</vt:lpstr></vt:vector></TitlesOfParts></Properties>'),
    ]
    out = []
    for path, body in parts:
        out.append(f"===== {path} =====\n" + DECL + body + "\n")
    with open("guide.txt", "w", encoding="utf-8", newline="") as f:
        f.write("".join(out))


main()
