#!/usr/bin/env python3
"""Writes guide.txt: a fictional district's guide as a .docx's word/document.xml
(WordprocessingML) handed over as text (see README.md). Deterministic (fixed
seed); run from this directory."""
import random

rnd = random.Random(54)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      f'xmlns:w="{W}" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'mc:Ignorable="w14 w15"')

ISSUER = "淮川市柳湖区人民政府办公室"
DOCNO = "柳政办发〔2022〕19号"
TITLE = "关于印发《柳湖区助企纾困稳增长若干措施》的通知"
SUB = "柳湖区助企纾困稳增长若干措施"
MEASURES_LIST, OTHER_LIST = "4", "2"

# Sections: (heading, style, [items]); an item is (kind, text). Kinds: "m" a
# numbered measure paragraph, "c" an unnumbered continuation paragraph,
# "h2" a sub-heading. Inline markup: [ins:…] kept, [del:…] dropped, [br] a
# line break, [cmt:…] a comment's range, [app:…] an APP between proofing marks.
SECTIONS = [
 ("一、减轻税费负担", [
  ("m", "对符合条件的小微企业和制造业等行业企业，按月全额退还增量留抵税额，存量留抵税额于2022年12月31日前一次性退还。（责任单位：区税务局）"),
  ("m", "对增值税小规模纳税人、小型微利企业和个体工商户，按50%税额幅度减征资源税、城市维护建设税、房产税等“六税两费”。（责任单位：区税务局、区财政局）"),
  ("m", "对受疫情影响生产经营困难的纳税人，可申请减免2022年第二季度房产税、城镇土地使用税，[cmt:申请截止日期为2022年9月30日]。（责任单位：区税务局）"),
 ]),
 ("二、稳定就业岗位", [
  ("m", "阶段性缓缴社会保险费。"),
  ("c", "  （一）对餐饮、零售、旅游等特困行业，阶段性缓缴养老、失业和工伤保险单位缴费部分，缓缴期间免收滞纳金。"),
  ("c", "  （二）对其他受疫情影响经营困难的中小微企业，可申请缓缴三项社会保险单位缴费部分，缓缴期限不超过6个月。（责任单位：区人社局、区税务局）"),
  ("m", "对招用毕业年度高校毕业生[ins:和登记失业青年]并签订劳动合同、参加失业保险的企业，按每人1500元发放一次性扩岗补助。（责任单位：区人社局）"),
  ("m", "对不裁员或少裁员的参保企业，中小微企业按上年度实际缴纳失业保险费的90%返还，实行“免申即享”。（责任单位：区人社局、区财政局）"),
 ]),
 ("三、降低经营成本", [
  ("m", "对承租区属国有房屋的服务业小微企业和个体工商户，2022年减免6个月租金。[del:申请截止日期为2022年7月31日。]申请截止日期为2022年10月31日。（责任单位：区国资办、区财政局）"),
  ("m", "对小微企业和个体工商户用水、用电、用气实行“欠费不停供”，设立6个月费用缓缴期。[br]缓缴期间免收违约金。（责任单位：柳湖供电服务中心）"),
  ("m", "区融资担保公司对小微企业新增担保业务担保费率降至1%以下，取消反担保要求。（责任单位：区融资担保公司）"),
  ("m", "对出口额500万美元以下的外贸企业，出口信用保险保费给予全额补贴。（责任单位：区贸促会）"),
  ("c", "企业可登录“单一窗口”平台在线填报，材料齐全的10个工作日内拨付。"),
 ]),
 ("四、扩大消费需求", [
  ("h2", "（一）促进商贸消费"),
  ("m", "分批次发放总额1000万元的消费券，市民通过“[app:APP]”领取，覆盖餐饮、零售等领域。（责任单位：区商务局、各街道）"),
  ("m", "对年营业额100万元以上的餐饮企业，按实际缴纳社会保险费单位缴费部分的50%给予补贴。（责任单位：区商务局）"),
  ("h2", "（二）支持交通文旅"),
  ("m", "对全区巡游出租汽车按每车每月500元给予运营补贴，补贴期限3个月。（责任单位：区交通运输局）"),
  ("m", "对A级旅游景区和星级旅游饭店，按其上年度纳税额的30%给予纾困资金，最高30万元。（责任单位：区文体旅局、区市场监管局）"),
  ("m", "对因疫情影响未能按期办理证照年检的企业，一律延期至疫情结束后3个月，投诉举报请拨打12345热线。（责任单位：区市场监管局）"),
 ]),
]
CLOSING = ("五、工作要求", [
  "各责任单位要细化操作办法，区营商办负责统筹协调，及时兑现政策。",
  "企业对政策落实有意见建议的，可拨打12345政务服务热线反映。",
])
# Table rows: (序号, unit, 科室, person, phone cell); phone cell lists are lines
# (a w:br between); ("mail", addr) is a HYPERLINK field after 邮箱：.
ROWS = [
 ("1", "区税务局", "货物和劳务税科", "庞立新", ["0517-83126605"]),
 (None, None, "纳税服务科", "邬晓梅", ["0517-83126618"]),
 ("2", "区财政局", "预算科", "裘建国", ["0517-83128810"]),
 ("3", "区人社局", "就业促进科", "廉海燕", ["83521126", "12333"]),
 ("4", "区国资办", "产权管理科", "岑志强", ["83520377"]),
 ("5", "柳湖供电服务中心", "供电服务热线", "/", ["95598"]),
 ("6", "区融资担保公司", "业务部", "汤晓峰", ["13952366108"]),
 ("7", "区贸促会", "综合科", "/", [("mail", "lhccpit@163.com")]),
 ("8", "区商务局", "商贸科", "尹丽娟", ["0517－83560912"]),
 ("9", "区交通运输局", "运输管理科", "焦海波", ["(0517)83517746"]),
 ("10", "区文体旅局", "旅游科", "晏红", ["0517 83551809"]),
 ("11", "区市场监管局", "登记注册科", "滕卫", ["0517-83528803"]),
 ("12", "区营商办", "综合协调科", "柏洋", ["0517-83568100"]),
]

def rsid():
    return "00%06X" % rnd.randrange(1 << 24)

ASCII = set("0123456789%‰.-@_()/ abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def run(text, extra=""):
    asc = all(c in ASCII for c in text)
    font = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>' if asc
            else '<w:rFonts w:hint="eastAsia"/>')
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return (f'<w:r w:rsidR="{rsid()}" w:rsidRPr="{rsid()}"><w:rPr>{font}{extra}</w:rPr>'
            f'<w:t{sp}>{esc(text)}</w:t></w:r>')

def pieces(text):
    """Cuts text into runs at random places, ASCII and CJK apart."""
    out, cur = [], ""
    for c in text:
        if cur and ((c in ASCII) != (cur[-1] in ASCII) or rnd.random() < 0.22):
            out.append(cur)
            cur = ""
        cur += c
    if cur:
        out.append(cur)
    return out

def runs(text):
    """Runs of text with its inline markup (see SECTIONS)."""
    out = []
    i = 0
    while i < len(text):
        if text.startswith("[", i) and ":" in text[i:i + 6] or text.startswith("[br]", i):
            j = text.index("]", i)
            tag, _, body = text[i + 1:j].partition(":")
            if tag == "br":
                out.append(f'<w:r w:rsidR="{rsid()}"><w:br/></w:r>')
            elif tag == "ins":
                out.append('<w:ins w:id="11" w:author="区人社局 顾敏" w:date="2022-05-18T09:12:00Z">'
                           + "".join(run(p) for p in pieces(body)) + "</w:ins>")
            elif tag == "del":
                out.append('<w:del w:id="12" w:author="区府办 秘书科" w:date="2022-05-19T16:40:00Z">'
                           + "".join(f'<w:r w:rsidDel="{rsid()}"><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
                                     f'<w:delText>{esc(p)}</w:delText></w:r>' for p in pieces(body)) + "</w:del>")
            elif tag == "cmt":
                out.append('<w:commentRangeStart w:id="0"/>' + "".join(run(p) for p in pieces(body))
                           + '<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                           '<w:commentReference w:id="0"/></w:r>')
            elif tag == "app":
                out.append('<w:proofErr w:type="spellStart"/>' + run(body) + '<w:proofErr w:type="spellEnd"/>')
            i = j + 1
            continue
        j = i
        while j < len(text) and not (text.startswith("[", j) and (":" in text[j:j + 6] or text.startswith("[br]", j))):
            j += 1
        ps = pieces(text[i:j])
        for k, p in enumerate(ps):
            # A rendered page break at the start of a run mid-paragraph.
            extra = "<w:lastRenderedPageBreak/>" if k == len(ps) // 2 and rnd.random() < 0.15 else ""
            r = run(p)
            if extra:
                r = r.replace("<w:t", extra + "<w:t", 1)
            out.append(r)
        i = j
    return out

def para(content, style=None, num=None, jc=None, bookmark=None, sect=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    if sect:
        ppr += sect
    pid = "%08X" % rnd.randrange(1 << 31)
    head = (f'<w:p w14:paraId="{pid}" w14:textId="77777777" w:rsidR="{rsid()}" w:rsidRDefault="{rsid()}" '
            f'w:rsidP="{rsid()}">' + (f"<w:pPr>{ppr}</w:pPr>" if ppr else ""))
    rs = runs(content) if isinstance(content, str) else content
    if bookmark:
        rs = [f'<w:bookmarkStart w:id="{bookmark}" w:name="_Toc{100000 + bookmark}"/>'] + rs + [f'<w:bookmarkEnd w:id="{bookmark}"/>']
    return [head] + rs + ["</w:p>"]

def cell(content, width, merge=None, header=False):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>" if merge else "")
    inner = para(content, jc="center")
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>" + "".join(inner) + "</w:tc>"

def phone_cell(lines):
    rs = []
    for k, l in enumerate(lines):
        if k:
            rs.append(f'<w:r w:rsidR="{rsid()}"><w:br/></w:r>')
        if isinstance(l, tuple):
            addr = l[1]
            user, dom = addr.split("@")
            rs += runs("邮箱：")
            rs += ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                   f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:{addr}" </w:instrText></w:r>',
                   '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
                   run(user, '<w:rStyle w:val="Hyperlink"/>'), run("@" + dom, '<w:rStyle w:val="Hyperlink"/>'),
                   '<w:r><w:fldChar w:fldCharType="end"/></w:r>']
        else:
            rs += runs(l)
    return rs

def main():
    blocks = []  # each a list of pieces (strings); a block is a paragraph or a table row
    blocks.append(para("淮川市柳湖区人民政府办公室文件", jc="center"))
    blocks.append(para(""))
    blocks.append(para(DOCNO, jc="center"))
    blocks.append(para(runs(ISSUER) + ['<w:r><w:tab/></w:r>'] + runs("2022年6月16日印发")))
    blocks.append(para(TITLE, style="Title"))
    blocks.append(para("各街道办事处，区各部门、各直属单位："))
    blocks.append(para("《柳湖区助企纾困稳增长若干措施》已经区政府同意，现印发给你们，请认真贯彻执行。"))
    blocks.append(para("本措施自印发之日起施行，有效期至2022年12月31日。政策适用对象为："))
    # A short list before the measures (another numId): not the measures.
    for t in ["在本区登记注册的中小微企业；", "在本区经营的个体工商户。"]:
        blocks.append(para(t, style="ListParagraph", num=OTHER_LIST))
    blocks.append(para(SUB, jc="center"))
    bm = 1
    for heading, items in SECTIONS:
        blocks.append(para(heading, style="Heading1", bookmark=bm))
        bm += 1
        for kind, text in items:
            if kind == "h2":
                blocks.append(para(text, style="Heading2", bookmark=bm))
                bm += 1
            elif kind == "m":
                b = para(text, style="ListParagraph", num=MEASURES_LIST)
                if "担保费率" in text:
                    # An empty _GoBack bookmark between two runs.
                    b.insert(len(b) // 2, '<w:bookmarkStart w:id="99" w:name="_GoBack"/><w:bookmarkEnd w:id="99"/>')
                blocks.append(b)
            else:
                blocks.append(para(text, style="ListParagraph"))
    blocks.append(para(CLOSING[0], style="Heading1", bookmark=bm))
    for t in CLOSING[1]:
        blocks.append(para(t, style="ListParagraph", num="7"))
    blocks.append(para(""))
    blocks.append(para(ISSUER, jc="right"))
    blocks.append(para("2022年6月16日", jc="right"))
    blocks.append(para("（此件公开发布）", sect='<w:sectPr w:rsidR="00A1B2C3"><w:pgSz w:w="11906" w:h="16838"/>'
                       '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'))
    blocks.append(para("附件"))
    blocks.append(para("柳湖区助企纾困政策咨询联系表", style="Heading2", jc="center"))
    widths = [700, 2600, 2200, 1300, 2400]
    table = ['<w:tbl><w:tblPr><w:tblW w:w="9200" w:type="dxa"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
             + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"]
    hdr = ["序号", "责任单位", "联系科室", "联系人", "联系电话"]
    rows = ['<w:tr><w:trPr><w:tblHeader/></w:trPr>' + "".join(cell(h, w) for h, w in zip(hdr, widths)) + "</w:tr>"]
    for k, (no, unit, dept, person, phones) in enumerate(ROWS):
        nxt = ROWS[k + 1] if k + 1 < len(ROWS) else None
        if no is None:
            cells = [cell("", widths[0], merge="continue"), cell("", widths[1], merge="continue")]
        elif nxt and nxt[0] is None:
            cells = [cell(no, widths[0], merge="restart"), cell(unit, widths[1], merge="restart")]
        else:
            cells = [cell(no, widths[0]), cell(unit, widths[1])]
        cells += [cell(dept, widths[2]), cell(person, widths[3]),
                  f'<w:tc><w:tcPr><w:tcW w:w="{widths[4]}" w:type="dxa"/></w:tcPr>' + "".join(para(phone_cell(phones), jc="center")) + "</w:tc>"]
        rows.append(f'<w:tr w:rsidR="{rsid()}">' + "".join(cells) + "</w:tr>")
    blocks.append(para("注：联系电话如有变动，以柳湖区人民政府门户网站公布为准。"))
    blocks.append(para(""))
    # Lines: the declaration alone (CRLF), then 2-4 blocks a line (LF), the
    # table 4 rows a line, twice a wrap between two runs of a paragraph.
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', f"<w:document {NS}><w:body>"]
    line = []
    wraps = {12, 19}  # block indexes wrapped inside
    for k, b in enumerate(blocks[:-2]):
        if k in wraps:
            half = len(b) // 2
            line.append("".join(b[:half]))
            out.append("".join(line) + "\n")
            line = ["".join(b[half:])]
        else:
            line.append("".join(b))
        if len(line) >= rnd.randint(2, 4):
            out.append("".join(line) + "\n")
            line = []
    out.append("".join(line) + "\n")
    out.append(table[0] + "\n")
    for k in range(0, len(rows), 4):
        out.append("".join(rows[k:k + 4]) + ("</w:tbl>" if k + 4 >= len(rows) else "") + "\n")
    out.append("".join("".join(b) for b in blocks[-2:]))
    out.append('<w:sectPr w:rsidR="00A1B2C3"><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>\n')
    text = "".join(out)
    with open("guide.txt", "w", encoding="utf-8", newline="") as f:
        f.write(text)

main()
